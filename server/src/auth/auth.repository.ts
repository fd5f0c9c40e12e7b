// SQL of signing in and of the password: the account by its username or id, the failed sign-ins counted
// in the database (several server instances add up), the lock, a new password, the signed-in scope org.
import type { Db, Trx } from '../platform/db/handle.ts';

export function accountByUsername(db: Db, username: string) {
  return db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
}

export function accountById(db: Db, id: number) {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** One more failed sign-in (one statement); the count after it. */
export async function countFailedSignIn(trx: Trx, accountId: number): Promise<number> {
  const counted = await trx
    .updateTable('account')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', accountId)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  return counted.failed_attempts;
}

/** Locks the account until `until`; the count starts again. */
export async function lockAccount(trx: Trx, accountId: number, until: Date): Promise<void> {
  await trx
    .updateTable('account')
    .set({ failed_attempts: 0, locked_until: until })
    .where('id', '=', accountId)
    .execute();
}

/** A successful sign-in clears the failures and the lock; an expired password must be changed. */
export async function recordSignIn(trx: Trx, accountId: number, passwordExpired: boolean): Promise<void> {
  await trx
    .updateTable('account')
    .set({
      failed_attempts: 0,
      locked_until: null,
      ...(passwordExpired ? { must_change_password: true } : {}),
    })
    .where('id', '=', accountId)
    .execute();
}

/** The password the account chose itself. */
export async function setOwnPassword(trx: Trx, accountId: number, passwordHash: string): Promise<void> {
  await trx
    .updateTable('account')
    .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: new Date() })
    .where('id', '=', accountId)
    .execute();
}

/** The org of the signed-in account's scope, as /api/me shows it. */
export function scopeOrg(db: Db, orgId: number) {
  return db
    .selectFrom('org')
    .select(['id', 'code', 'name', 'short_name', 'level', 'category'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
}
