// SQL of the signed-in account's in-app notifications and SMS phone (notification.service.ts holds the
// rules). Every query is bound to the account: a notification or a phone of another account is never read.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export async function unreadCountOf(db: Kysely<DB>, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function ownNotification(trx: Transaction<DB>, accountId: number, id: number) {
  return trx
    .selectFrom('notification')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function setRead(trx: Transaction<DB>, id: number, readAt: Date): Promise<void> {
  await trx.updateTable('notification').set({ read_at: readAt }).where('id', '=', id).execute();
}

/** Marks every unread notification of the account read; the ids it marked. */
export function setAllRead(trx: Transaction<DB>, accountId: number, readAt: Date) {
  return trx
    .updateTable('notification')
    .set({ read_at: readAt })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
}

export function smsContactOf(db: Kysely<DB>, accountId: number) {
  return db
    .selectFrom('sms_contact')
    .select(['phone_masked', 'enabled', 'updated_at'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export interface SmsContactRow {
  phone_enc: string;
  phone_masked: string;
  enabled: boolean;
}

export async function upsertSmsContact(
  trx: Transaction<DB>,
  accountId: number,
  row: SmsContactRow,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('sms_contact')
    .values({ account_id: accountId, ...row, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ ...row, updated_at: now }))
    .execute();
}

export async function setSmsEnabled(
  trx: Transaction<DB>,
  accountId: number,
  enabled: boolean,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('sms_contact')
    .set({ enabled, updated_at: now })
    .where('account_id', '=', accountId)
    .execute();
}
