// The webhook delivery job: claims due deliveries (FOR UPDATE SKIP LOCKED, then a lease on
// next_attempt_at, committed before any request is made), POSTs them signed, and records the result.
// Several server processes: each row is claimed by one of them, so each delivery is sent once; a
// process that dies mid-request leaves a lease that expires, and another sends it again with the same
// X-Qiangji-Delivery id (receivers deduplicate on it). Deliveries of one case go out in order: a row
// waits while an earlier one of its case is undelivered and not given up.

import { decryptPii } from '../platform/crypto/crypto.ts';
import { databaseNow } from '../platform/db/clock.ts';
import type { Db } from '../platform/db/handle.ts';
import { errorText, MAX_ATTEMPTS, nextAttemptAt } from '../platform/jobs/retry.ts';
import * as repo from './webhook.repository.ts';
import { signWebhook, WEBHOOK_HEADERS } from './webhook.ts';

export interface WebhookJobOptions {
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Deliveries claimed per run (default 50). */
  batch?: number;
  now?: Date;
}

export interface WebhookRunResult {
  claimed: number;
  delivered: number;
  failed: number;
  gaveUp: number;
  more: boolean;
}

interface Claimed {
  id: number;
  system_id: number;
  event: string;
  payload: unknown;
  attempts: number;
}

export async function runWebhookDeliveries(
  db: Db,
  options: WebhookJobOptions = {},
): Promise<WebhookRunResult> {
  const now = options.now ?? (await databaseNow(db));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batch = options.batch ?? 50;
  const lease = new Date(now.getTime() + timeoutMs + 60_000);
  const claimed: Claimed[] = await repo.claimDue(db, now, batch, lease, MAX_ATTEMPTS);
  const result: WebhookRunResult = {
    claimed: claimed.length,
    delivered: 0,
    failed: 0,
    gaveUp: 0,
    more: claimed.length === batch,
  };
  if (claimed.length === 0) return result;
  const systems = new Map(
    (await repo.deliveryTargets(db, [...new Set(claimed.map((c) => c.system_id))])).map((s) => [s.id, s]),
  );
  await Promise.all(
    claimed.map(async (d) => {
      const system = systems.get(d.system_id);
      let error: string | null = null;
      if (!system?.active || !system.webhook_url || !system.webhook_secret_enc) {
        error = 'no webhook registered';
      } else {
        error = await post(system.webhook_url, decryptPii(system.webhook_secret_enc), d, timeoutMs);
      }
      const done = new Date();
      let set: { delivered_at?: Date; last_error: string | null; next_attempt_at?: Date };
      if (error === null) {
        result.delivered++;
        set = { delivered_at: done, last_error: null };
      } else {
        const next = nextAttemptAt(d.attempts, done);
        if (next) result.failed++;
        else result.gaveUp++;
        set = next
          ? { last_error: error, next_attempt_at: next }
          : { last_error: `gave up after ${d.attempts} attempts: ${error}`.slice(0, 500) };
      }
      // only while the claim is still ours (a lease that expired was taken over)
      await repo.storeOutcome(db, d, set);
    }),
  );
  return result;
}

/** One POST; null when the receiver answered 2xx, else what went wrong. */
async function post(url: string, secret: string, d: Claimed, timeoutMs: number): Promise<string | null> {
  const body = JSON.stringify(d.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Qiangji-Webhook/1',
        [WEBHOOK_HEADERS.event]: d.event,
        [WEBHOOK_HEADERS.delivery]: String(d.id),
        [WEBHOOK_HEADERS.timestamp]: timestamp,
        [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, body),
      },
      body,
    });
    // drain the answer so the connection is reused
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300) return null;
    return `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  } catch (error) {
    return errorText(error);
  }
}
