// The SQL of the organization checks, as committed in org-check.repository.sql, on both engines: a
// county's checked orgs with their figures (each search form), an org's terms and committee, the members
// an election may name, and an election's writes in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { shanghaiToday } from '../platform/time/calendar.ts';
import * as repo from './org-check.repository.ts';

const snapshot = sqlSnapshot(new URL('./org-check.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let village: { id: number; path: string; county_code: string | null };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  actor = await accountActor(db, '4407');
  village = await db
    .selectFrom('org')
    .select(['id', 'path', 'county_code'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('org-check.repository', () => {
  test('the checked orgs of a subtree with their figures, by each search form', async () => {
    const { db } = database;
    const rows = await snapshot.record('orgFactRows', db, (d) => repo.orgFactRows(d, actor, village.path));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.path.startsWith(village.path))).toBe(true);
    expect(rows.reduce((n, r) => Math.max(n, Number(r.members)), 0)).toBeGreaterThan(0);
    await snapshot.record('orgFactRows.code', db, (d) => repo.orgFactRows(d, actor, village.path, '4407'));
    await snapshot.record('orgFactRows.initials', db, (d) => repo.orgFactRows(d, actor, village.path, 'dzb'));
    await snapshot.record('orgFactRows.name', db, (d) => repo.orgFactRows(d, actor, village.path, '支部'));
  });

  test("an org's terms and committee, the members an election may name", async () => {
    const { db } = database;
    const terms = await snapshot.record('termsOf', db, (d) => repo.termsOf(d, village.id));
    await snapshot.record('committeeOf', db, (d) => repo.committeeOf(d, terms[0]?.id ?? -1));
    const someone = await db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select('member.id')
      .where('org.path', 'like', `${village.path}%`)
      .orderBy('member.id')
      .executeTakeFirstOrThrow();
    expect(
      await snapshot.record('membersUnder', db, (d) =>
        repo.membersUnder(d, actor, [someone.id, -1], village.path),
      ),
    ).toHaveLength(1);
    expect(await repo.membersUnder(db, actor, [], village.path)).toEqual([]);
  });

  test('an election: the term and its committee (rolled back)', async () => {
    const someone = await database.db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select(['member.id', 'member.name'])
      .where('org.path', 'like', `${village.path}%`)
      .orderBy('member.id')
      .executeTakeFirstOrThrow();
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const termId = await snapshot.record('insertTerm', k, (d) =>
        repo.insertTerm(
          d as Transaction<DB>,
          {
            org_id: village.id,
            county_code: village.county_code,
            elected_on: shanghaiToday(),
            term_years: 5,
            note: '',
            recorded_by_org_id: actor.scopeOrgId,
            recorded_by: actor.accountId,
          },
          [{ member_id: someone.id, name: someone.name, position: 'secretary' }],
        ),
      );
      expect(await repo.committeeOf(trx, termId)).toEqual([
        { seq: 1, member_id: someone.id, name: someone.name, position: 'secretary' },
      ]);
    });
  });
});
