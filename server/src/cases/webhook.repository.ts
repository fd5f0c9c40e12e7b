// SQL of the status webhooks of external systems (webhook.ts holds the payload and the signature, webhook.job.ts
// the delivery rules, webhook.routes.ts the system's own registration): the registration on
// external_system, a delivery queued in a change's transaction, the claim (FOR UPDATE SKIP LOCKED plus a
// lease) and a delivery's outcome, and what a system may read of its own deliveries.
// Every statement is by the calling system's id (access 'api_key') or by claimed ids: no user scope here.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import { claimLeased } from '../platform/db/leased-claim.ts';
import type { DB } from '../platform/db/schema.ts';

type Trx = Transaction<DB>;

/** The active system of this code with a registered webhook URL, if any (queueing a delivery). */
export function activeWebhookSystem(trx: Trx, code: string) {
  return trx
    .selectFrom('external_system')
    .select(['id', 'webhook_url'])
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Queues one delivery (in the transaction of the change it reports). */
export async function insertDelivery(trx: Trx, row: Insertable<DB['webhook_delivery']>): Promise<number> {
  const inserted = await trx
    .insertInto('webhook_delivery')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Registers (url and encrypted secret) or removes (nulls) a system's webhook. */
export async function setWebhook(
  trx: Trx,
  systemId: number,
  set: { webhook_url: string | null; webhook_secret_enc: string | null },
): Promise<void> {
  await trx.updateTable('external_system').set(set).where('id', '=', systemId).execute();
}

/** The system's registered URL (null: none). */
export async function webhookUrlOf(db: Kysely<DB>, systemId: number): Promise<string | null> {
  const s = await db
    .selectFrom('external_system')
    .select('webhook_url')
    .where('id', '=', systemId)
    .executeTakeFirstOrThrow();
  return s.webhook_url;
}

/** How many of the system's deliveries are still to be sent (not given up), and the next attempt. */
export function pendingOf(db: Kysely<DB>, systemId: number, maxAttempts: number) {
  return db
    .selectFrom('webhook_delivery')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('next_attempt_at').as('next')])
    .where('system_id', '=', systemId)
    .where('delivered_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .executeTakeFirstOrThrow();
}

/** The system's last 20 undelivered deliveries that failed at least once, newest first. */
export function recentFailuresOf(db: Kysely<DB>, systemId: number) {
  return db
    .selectFrom('webhook_delivery')
    .select(['id', 'event', 'attempts', 'last_error', 'created_at'])
    .where('system_id', '=', systemId)
    .where('delivered_at', 'is', null)
    .where('last_error', 'is not', null)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
}

/**
 * Claims up to `batch` deliveries due at `now` (rows another process holds are skipped), oldest first,
 * none while an earlier delivery of its case is still to be sent (a case's changes go out in order);
 * leases them until `lease`, counting the attempt, and commits before any request is made.
 */
export function claimDue(db: Kysely<DB>, now: Date, batch: number, lease: Date, maxAttempts: number) {
  return claimLeased(db, 'webhook_delivery', lease, (trx) =>
    trx
      .selectFrom('webhook_delivery as d')
      .select(['d.id', 'd.system_id', 'd.event', 'd.payload', 'd.attempts'])
      .where('d.delivered_at', 'is', null)
      .where('d.attempts', '<', maxAttempts)
      .where('d.next_attempt_at', '<=', now)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_delivery as e')
              .select(sql<number>`1`.as('one'))
              .whereRef('e.case_id', '=', 'd.case_id')
              .whereRef('e.id', '<', 'd.id')
              .where('e.delivered_at', 'is', null)
              .where('e.attempts', '<', maxAttempts),
          ),
        ),
      )
      .orderBy('d.id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute(),
  );
}

/** Where and how to send: the systems of claimed deliveries. */
export function deliveryTargets(db: Kysely<DB>, systemIds: number[]) {
  return db
    .selectFrom('external_system')
    .select(['id', 'webhook_url', 'webhook_secret_enc', 'active'])
    .where('id', 'in', systemIds)
    .execute();
}

/** A delivery's outcome, stored only while the claim is still ours (same attempt, not delivered). */
export async function storeOutcome(
  db: Kysely<DB>,
  claim: { id: number; attempts: number },
  set: Updateable<DB['webhook_delivery']>,
): Promise<void> {
  await db
    .updateTable('webhook_delivery')
    .set(set)
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
    .where('delivered_at', 'is', null)
    .execute();
}
