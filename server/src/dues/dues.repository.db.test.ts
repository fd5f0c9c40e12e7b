// The SQL of 党费, as committed in dues.repository.sql, on both engines: a village secretary's reads of the
// branch, and the writes of a rate version, a base and a month's payment in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { shanghaiToday } from '../platform/time/calendar.ts';
import { addMonth } from './domain/dues-rules.ts';
import * as repo from './dues.repository.ts';

const snapshot = sqlSnapshot(new URL('./dues.repository.sql', import.meta.url));
const month = shanghaiToday().slice(0, 7);
let database: Database;
let actor: Actor;
let village: { id: number; code: string; path: string; county_code: string | null };
let member: { id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  village = await db
    .selectFrom('org')
    .select(['id', 'code', 'path', 'county_code'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  actor = await accountActor(db, village.code);
  member = await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select('member.id')
    .where('org.path', 'like', `${village.path}%`)
    .orderBy('member.id')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('dues.repository', () => {
  test('writes of a rate version, a base and a payment (rolled back), read back', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      const before = await snapshot.record('rateVersionOf', k, (d) => repo.rateVersionOf(t(d), '2099-01'));
      expect(before).toBeUndefined();
      const id = await snapshot.record('upsertRateVersion', k, (d) =>
        repo.upsertRateVersion(t(d), {
          effective_month: '2099-01',
          rates: JSON.stringify({}),
          note: '',
          created_by: actor.accountId,
        }),
      );
      const versions = await snapshot.record('rateVersionRows', k, (d) => repo.rateVersionRows(d));
      expect(versions.map((v) => v.id)).toContain(id);
      await snapshot.record('upsertBase', k, (d) =>
        repo.upsertBase(t(d), {
          member_id: member.id,
          from_month: month,
          county_code: village.county_code,
          base_fen: 500_000,
          declared_by: actor.accountId,
        }),
      );
      await snapshot.record('upsertPayments', k, (d) =>
        repo.upsertPayments(t(d), [
          {
            member_id: member.id,
            month,
            org_id: village.id,
            county_code: village.county_code,
            due_fen: 2500,
            paid_fen: 2500,
            paid_on: `${month}-01`,
            recorded_by: actor.accountId,
          },
        ]),
      );
      const bases = await snapshot.record('basesOf', k, (d) => repo.basesOf(d, [member.id]));
      expect(bases.some((b) => b.from_month === month && Number(b.base_fen) === 500_000)).toBe(true);
      const paid = await snapshot.record('paymentsUpTo', k, (d) => repo.paymentsUpTo(d, [member.id], month));
      expect(paid.some((p) => p.month === month && Number(p.paid_fen) === 2500)).toBe(true);
    });
  });

  test('the branch, its members and the six-month warnings', async () => {
    const { db } = database;
    const members = await snapshot.record('branchMembers', db, (d) =>
      repo.branchMembers(d, actor, village.path),
    );
    expect(members.map((m) => m.id)).toContain(member.id);
    const some = await snapshot.record('membersUnder', db, (d) =>
      repo.membersUnder(d, actor, [member.id], village.path),
    );
    expect(some).toHaveLength(1);
    const from = addMonth(month, -6);
    const page = await snapshot.record('sixMonthWarningPage', db, (d) =>
      repo.sixMonthWarningPage(
        d,
        actor,
        { path: village.path, from, to: addMonth(month, -1), fromDay: `${from}-01`, toDay: `${month}-01` },
        50,
        0,
      ),
    );
    expect(page.items.length).toBe(Math.min(page.total, 50));
  });
});
