// SQL of the SMS outbox (sms-outbox.ts holds the job's rules): the rows written in an event's transaction,
// the staff phones of departments, the claim (FOR UPDATE SKIP LOCKED plus a lease) and a send's outcome.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { claimLeased } from '../../platform/db/leased-claim.ts';
import type { DB } from '../../platform/db/schema.ts';

export async function insertMessages(
  trx: Transaction<DB>,
  rows: Insertable<DB['sms_message']>[],
): Promise<void> {
  await trx.insertInto('sms_message').values(rows).execute();
}

/** The enabled SMS phones of the (not disabled) staff of some departments. */
export function departmentPhones(trx: Transaction<DB>, departmentIds: number[]) {
  return trx
    .selectFrom('department_account as da')
    .innerJoin('sms_contact as sc', 'sc.account_id', 'da.account_id')
    .innerJoin('account as a', 'a.id', 'da.account_id')
    .select(['sc.account_id', 'sc.phone_enc', 'sc.phone_masked'])
    .where('da.department_id', 'in', departmentIds)
    .where('sc.enabled', '=', true)
    .where('a.disabled', '=', false)
    .execute();
}

/**
 * Claims up to `batch` pending messages due at `now` (rows another process holds are skipped) and leases
 * them until `lease`, counting the attempt; commits before the provider is called.
 */
export function claimDue(db: Kysely<DB>, now: Date, batch: number, lease: Date) {
  return claimLeased(db, 'sms_message', lease, (trx) =>
    trx
      .selectFrom('sms_message')
      .select(['id', 'template', 'params', 'phone_enc', 'attempts'])
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute(),
  );
}

/** A send's outcome, stored only if the row is still this attempt's (pending, same attempt count). */
export async function storeOutcome(
  db: Kysely<DB>,
  claim: { id: number; attempts: number },
  set: Updateable<DB['sms_message']>,
): Promise<void> {
  await db
    .updateTable('sms_message')
    .set(set)
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
    .where('state', '=', 'pending')
    .execute();
}
