// The SQL of role requests, as committed in role-request.repository.sql, on both engines, in a
// transaction rolled back: a request asked, found open, listed (a county-scoped administrator sees its
// county's requests only), locked for the decision, decided and granted; the orgs a scope may name.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Actor, makeActor } from '../platform/access/actor.ts';
import { accountActor, countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './role-request.repository.ts';

const snapshot = sqlSnapshot(new URL('./role-request.repository.sql', import.meta.url));
let database: Database;
let sys: Actor;
let sec: Actor;
let county: { id: number; path: string; code: string };
/** an ordinary account of the county, one of another county */
let mine: { id: number; scope_org_id: number; role: string };
let theirs: { id: number; scope_org_id: number; role: string };

/** The same administrator with a county's scope: the subtree filter shows. */
function inCounty(actor: Actor): Actor {
  const { permissions: _, ...fields } = actor;
  return makeActor({
    ...fields,
    scopeOrgId: county.id,
    scopePath: county.path,
    scopeCountyCode: county.code,
  });
}

async function secretaryOf(db: Kysely<DB>, like: string, notLike: boolean) {
  return db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select(['account.id', 'account.scope_org_id', 'account.role'])
    .where('account.role', '=', 'secretary')
    .where('account.approval', '=', 'approved')
    .where('org.path', notLike ? 'not like' : 'like', like)
    .orderBy('account.id')
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ county } = await countyAdmin(db));
  sys = await accountActor(db, 'sysadmin');
  sec = await accountActor(db, 'secadmin');
  mine = await secretaryOf(db, `${county.path}%`, false);
  theirs = await secretaryOf(db, `${county.path}%`, true);
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('role-request.repository', () => {
  test('asked, open, listed within scope, locked, decided, granted', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const ask = (a: typeof mine) => ({
        accountId: a.id,
        kind: 'change' as const,
        fromRole: 'secretary' as const,
        fromScopeOrgId: a.scope_org_id,
        role: 'org_admin' as const,
        scopeOrgId: a.scope_org_id,
        reason: '换届后兼任',
        requestedBy: sys.accountId,
      });
      const request = await snapshot.record('insertRequest', k, (d) =>
        repo.insertRequest(asTrx(d), ask(mine)),
      );
      expect(request).toMatchObject({ kind: 'change', state: 'pending', role: 'org_admin' });
      const other = await repo.insertRequest(trx, ask(theirs));

      expect(await snapshot.record('openRequestOf', k, (d) => repo.openRequestOf(d, mine.id))).toMatchObject({
        id: request.id,
      });

      // the city's administrator lists both; with a county's scope, its county's only
      const all = await snapshot.record('listRequests', k, (d) =>
        repo.listRequests(d, sys, 'account:manage', undefined, 1, 50),
      );
      expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([request.id, other.id]));
      const scoped = await snapshot.record('listRequests pending', k, (d) =>
        repo.listRequests(d, inCounty(sec), 'security:manage', 'pending', 1, 50),
      );
      expect(scoped.rows.map((r) => r.id)).toContain(request.id);
      expect(scoped.rows.map((r) => r.id)).not.toContain(other.id);
      expect(scoped.total).toBe(scoped.rows.length);

      const locked = await snapshot.record('pendingRequestForUpdate', k, (d) =>
        repo.pendingRequestForUpdate(asTrx(d), inCounty(sec), request.id),
      );
      expect(locked).toMatchObject({ id: request.id, account_id: mine.id, state: 'pending' });
      expect(await repo.pendingRequestForUpdate(trx, inCounty(sec), other.id)).toBeUndefined();

      await snapshot.record('decide', k, (d) =>
        repo.decide(asTrx(d), request.id, 'approved', sec.accountId, '同意'),
      );
      expect(await repo.openRequestOf(trx, mine.id)).toBeUndefined();
      await snapshot.record('setAccountGrant role and scope', k, (d) =>
        repo.setAccountGrant(asTrx(d), mine.id, { role: 'org_admin', scopeOrgId: mine.scope_org_id }),
      );
      await snapshot.record('setAccountGrant approval', k, (d) =>
        repo.setAccountGrant(asTrx(d), theirs.id, { approval: 'rejected' }),
      );
      const after = await trx
        .selectFrom('account')
        .select(['id', 'role', 'approval'])
        .where('id', 'in', [mine.id, theirs.id])
        .orderBy('id')
        .execute();
      expect(after.find((a) => a.id === mine.id)?.role).toBe('org_admin');
      expect(after.find((a) => a.id === theirs.id)?.approval).toBe('rejected');
    });
  });

  test("the orgs a requested scope may name: inside the administrator's subtree only", async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const inside = await snapshot.record('scopeOrgInside', k, (d) =>
        repo.scopeOrgInside(asTrx(d), inCounty(sys), mine.scope_org_id),
      );
      expect(inside?.path.startsWith(county.path)).toBe(true);
      expect(await repo.scopeOrgInside(trx, inCounty(sys), theirs.scope_org_id)).toBeUndefined();
      expect(await snapshot.record('orgPath', k, (d) => repo.orgPath(asTrx(d), theirs.scope_org_id))).toEqual(
        {
          id: theirs.scope_org_id,
          path: expect.any(String),
        },
      );
    });
  });
});
