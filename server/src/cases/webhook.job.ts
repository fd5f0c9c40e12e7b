// The webhook delivery job: claims due deliveries (FOR UPDATE SKIP LOCKED, then a lease on
// next_attempt_at, committed before any request is made), POSTs them signed, and records the result.
// Several server processes: each row is claimed by one of them, so each delivery is sent once; a
// process that dies mid-request leaves a lease that expires, and another sends it again with the same
// X-Qiangji-Delivery id (receivers deduplicate on it). Deliveries of one case go out in order: a row
// waits while an earlier one of its case is undelivered and not given up.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { errorText, MAX_ATTEMPTS, nextAttemptAt } from '../notifications/retry.ts';
import { decryptPii } from '../platform/crypto/crypto.ts';
import { databaseNow } from '../platform/db/clock.ts';
import type { DB } from '../platform/db/schema.ts';
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
  db: Kysely<DB>,
  options: WebhookJobOptions = {},
): Promise<WebhookRunResult> {
  const now = options.now ?? (await databaseNow(db));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batch = options.batch ?? 50;
  const lease = new Date(now.getTime() + timeoutMs + 60_000);
  const claimed: Claimed[] = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('webhook_delivery as d')
      .select(['d.id', 'd.system_id', 'd.event', 'd.payload', 'd.attempts'])
      .where('d.delivered_at', 'is', null)
      .where('d.attempts', '<', MAX_ATTEMPTS)
      .where('d.next_attempt_at', '<=', now)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_delivery as e')
              .select(sql<number>`1`.as('one'))
              .whereRef('e.case_id', '=', 'd.case_id')
              .whereRef('e.id', '<', 'd.id')
              .where('e.delivered_at', 'is', null)
              .where('e.attempts', '<', MAX_ATTEMPTS),
          ),
        ),
      )
      .orderBy('d.id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('webhook_delivery')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: lease }))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
  const result: WebhookRunResult = {
    claimed: claimed.length,
    delivered: 0,
    failed: 0,
    gaveUp: 0,
    more: claimed.length === batch,
  };
  if (claimed.length === 0) return result;
  const systems = new Map(
    (
      await db
        .selectFrom('external_system')
        .select(['id', 'webhook_url', 'webhook_secret_enc', 'active'])
        .where('id', 'in', [...new Set(claimed.map((c) => c.system_id))])
        .execute()
    ).map((s) => [s.id, s]),
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
      await db
        .updateTable('webhook_delivery')
        .set(set)
        .where('id', '=', d.id)
        .where('attempts', '=', d.attempts)
        .where('delivered_at', 'is', null)
        .execute();
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
