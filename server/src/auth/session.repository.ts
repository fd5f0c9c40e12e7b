// SQL of the sessions: a row per signed-in browser, found by the SHA-256 of its cookie's token, with the
// account and scope the actor is made of.
import { sql } from 'kysely';
import type { Db } from '../platform/db/handle.ts';

export async function insertSession(
  db: Db,
  s: { tokenHash: string; accountId: number; csrfToken: string; clientIp: string },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      token_hash: s.tokenHash,
      account_id: s.accountId,
      csrf_token: s.csrfToken,
      client_ip: s.clientIp,
    })
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Every session of an account (in the caller's transaction when it passes one). */
export async function deleteSessionsOf(db: Db, accountId: number): Promise<void> {
  await db.deleteFrom('session').where('account_id', '=', accountId).execute();
}

/** The session of a token hash with its account and the account's scope org; undefined when none. */
export function sessionWithAccount(db: Db, tokenHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select([
      'session.csrf_token',
      'session.last_seen_at',
      'account.id as account_id',
      'account.username',
      'account.display_name',
      'account.role',
      'account.scope_org_id',
      'account.must_change_password',
      'account.disabled',
      'account.approval',
      'org.path as scope_path',
      'org.county_code as scope_county_code',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Sessions idle for more than a day (refused on use anyway): the sweep keeps the table small. */
export async function deleteStaleSessions(db: Db): Promise<void> {
  await sql`delete from session where last_seen_at < now() - interval '1 day'`.execute(db);
}
