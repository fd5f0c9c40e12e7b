// The actor of a seeded account, as the session would make it: for tests that call services and
// repositories directly (SQL snapshots), without signing in over HTTP.
import type { Kysely, Transaction } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { type Actor, makeActor } from '../actor.ts';

export async function accountActor(db: Kysely<DB>, username: string): Promise<Actor> {
  const a = await db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select([
      'account.id',
      'account.username',
      'account.display_name',
      'account.role',
      'account.scope_org_id',
      'org.path',
      'org.county_code',
    ])
    .where('account.username', '=', username)
    .executeTakeFirstOrThrow();
  return makeActor({
    accountId: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role as Role,
    scopeOrgId: a.scope_org_id,
    scopePath: a.path,
    scopeCountyCode: a.county_code,
    mustChangePassword: false,
    clientIp: 'test',
  });
}

const ROLLBACK = Symbol('rollback');

/** Runs fn in a transaction that is rolled back: a repository's writes, checked and then undone. */
export async function rolledBack<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      out = await fn(trx);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return out as T;
}

/** The first county administrator (by username) with its actor and county org: a scope that has siblings. */
export async function countyAdmin(db: Kysely<DB>) {
  const admin = await db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select(['account.username', 'org.id', 'org.path', 'org.county_code'])
    .where('account.role', '=', 'org_admin')
    .where('org.level', '=', 'county')
    .orderBy('account.username')
    .executeTakeFirstOrThrow();
  return {
    actor: await accountActor(db, admin.username),
    county: { id: admin.id, path: admin.path, code: admin.county_code as string },
  };
}
