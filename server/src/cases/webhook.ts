// Status webhooks of external systems (12345, 110, 信访 …): every change of a case that came from a
// system is queued as a webhook_delivery row in the transaction of the change, then POSTed by the
// delivery job (webhook.job.ts), signed with the system's secret. docs/api-webhooks.md is the contract.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Trx } from '../platform/db/handle.ts';
import type { CaseState } from './domain/case-machine.ts';
import { STATE_NAMES } from './domain/case-names.ts';
import { activeWebhookSystem, insertDelivery } from './webhook.repository.ts';

export const WEBHOOK_HEADERS = {
  event: 'x-qiangji-event',
  delivery: 'x-qiangji-delivery',
  timestamp: 'x-qiangji-timestamp',
  signature: 'x-qiangji-signature',
} as const;

/** What an external system receives for each change of its case. */
export interface WebhookPayload {
  event: string;
  caseNo: string;
  externalId: string;
  state: CaseState;
  stateName: string;
  action: string;
  note: string;
  at: string;
}

/** hex HMAC-SHA256(secret, timestamp + "." + body): the X-Qiangji-Signature header. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * What a receiver does (and what the tests' receiver does): recompute the signature over the raw
 * body, compare in constant time, and refuse timestamps older than `toleranceS` (replays).
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  now = Date.now(),
  toleranceS = 300,
): boolean {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^\d+$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** Queues the delivery of one change of a case, in the transaction of the change. */
export async function enqueueWebhook(
  trx: Trx,
  c: {
    id: number;
    case_no: string;
    county_code: string;
    external_system: string | null;
    external_id: string | null;
  },
  change: { action: string; state: CaseState; note: string; at: Date },
): Promise<number | null> {
  if (!c.external_system || !c.external_id) return null;
  const system = await activeWebhookSystem(trx, c.external_system);
  if (!system?.webhook_url) return null;
  const event = `case.${change.action}`;
  const payload: WebhookPayload = {
    event,
    caseNo: c.case_no,
    externalId: c.external_id,
    state: change.state,
    stateName: STATE_NAMES[change.state].zh,
    action: change.action,
    note: change.note,
    at: change.at.toISOString(),
  };
  return await insertDelivery(trx, {
    system_id: system.id,
    case_id: c.id,
    county_code: c.county_code,
    event,
    payload: JSON.stringify(payload),
    next_attempt_at: change.at,
  });
}
