// The SQL of issue 14's notifications, as committed in village-notify.repository.sql, on both engines:
// the accounts of a village's own organization or of its town are notified (rolled back); a village of
// another county notifies none of the first village's accounts.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './village-notify.repository.ts';

const snapshot = sqlSnapshot(new URL('./village-notify.repository.sql', import.meta.url));
let database: Database;
/** a village of the county whose own organization has an account */
let village: { id: number; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const { county } = await countyAdmin(db);
  village = await db
    .selectFrom('org')
    .innerJoin('account', 'account.scope_org_id', 'org.id')
    .select(['org.id', 'org.path'])
    .where('org.level', '=', 'village')
    .where('org.path', 'like', `${county.path}%`)
    .where('account.role', 'in', ['secretary', 'org_admin'])
    .where('account.disabled', '=', false)
    .orderBy('org.id')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('village-notify.repository', () => {
  test("the village's and the town's accounts notified (rolled back)", async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const townId = Number(village.path.split('/').filter(Boolean)[2]);
      const notified = (kind: string) =>
        trx
          .selectFrom('notification')
          .innerJoin('account', 'account.id', 'notification.account_id')
          .select(['account.scope_org_id'])
          .where('notification.kind', '=', kind)
          .execute();
      await snapshot.record('notifyAccountsOf village', k, (d) =>
        repo.notifyAccountsOf(asTrx(d), village.id, 'village', {
          kind: 'test_village',
          title: 't',
          body: 'b',
        }),
      );
      const own = await notified('test_village');
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((a) => a.scope_org_id === village.id)).toBe(true);
      await snapshot.record('notifyAccountsOf town', k, (d) =>
        repo.notifyAccountsOf(asTrx(d), village.id, 'town', { kind: 'test_town', title: 't', body: 'b' }),
      );
      expect((await notified('test_town')).every((a) => a.scope_org_id === townId)).toBe(true);
      await repo.notifyAccountsOf(trx, village.id + 1_000_000, 'village', {
        kind: 'test_none',
        title: 't',
        body: 'b',
      });
      expect(await notified('test_none')).toEqual([]);
    });
  });
});
