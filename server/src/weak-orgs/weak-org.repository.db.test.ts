// The SQL of 软弱涣散, as committed in weak-org.repository.sql, on both engines: the facts the criteria
// read (recruitment records, village terms, published assessments), a county administrator's listed
// orgs and counts by town (none of another county's), and the ledger's writes in a transaction rolled
// back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './weak-org.repository.ts';

const snapshot = sqlSnapshot(new URL('./weak-org.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };
let depth: number;
let otherCounty: { path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ actor, county } = await countyAdmin(db));
  depth = Number(
    (await db.selectFrom('org').select('depth').where('id', '=', county.id).executeTakeFirstOrThrow()).depth,
  );
  otherCounty = await db
    .selectFrom('org')
    .select('path')
    .where('level', '=', 'county')
    .where('id', '<>', county.id)
    .orderBy('code')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('weak-org.repository', () => {
  test('the facts of the criteria: recruitment records, village terms, published assessments', async () => {
    const { db } = database;
    const since = await snapshot.record('recruitmentRecordsSince', db, (d) =>
      repo.recruitmentRecordsSince(d, actor, county.path),
    );
    expect(since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await repo.recruitmentRecordsSince(db, actor, otherCounty.path)).toBeNull();

    const termed = await db
      .selectFrom('org_term')
      .innerJoin('org', 'org.id', 'org_term.org_id')
      .select('org_term.org_id')
      .where('org.path', 'like', `${county.path}%`)
      .where('org.level', '=', 'village')
      .orderBy('org_term.org_id')
      .limit(3)
      .execute();
    const ids = [...new Set(termed.map((t) => t.org_id))];
    expect(ids.length).toBeGreaterThan(0);
    const terms = await snapshot.record('latestVillageTerms', db, (d) => repo.latestVillageTerms(d, ids));
    expect([...terms.keys()].sort()).toEqual(ids.map(Number).sort());
    expect(await repo.latestVillageTerms(db, [])).toEqual(new Map());

    const assessed = await snapshot.record('lastPublishedAssessments', db, (d) =>
      repo.lastPublishedAssessments(d, actor, county.path),
    );
    expect(assessed.size).toBeGreaterThan(0);
    expect((await repo.lastPublishedAssessments(db, actor, otherCounty.path)).size).toBe(0);
  });

  test("the county's listed orgs and counts by town; another county's base gives none", async () => {
    const { db } = database;
    const listed = await snapshot.record('weakOrgsOf', db, (d) =>
      repo.weakOrgsOf(d, actor, { basePath: county.path }),
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((w) => w.org_path.startsWith(county.path))).toBe(true);
    const first = listed[0] as (typeof listed)[number];
    const narrowed = await snapshot.record('weakOrgsOf year, state and town', db, (d) =>
      repo.weakOrgsOf(d, actor, {
        basePath: county.path,
        year: first.year,
        state: first.state,
        townId: first.town_org_id,
      }),
    );
    expect(narrowed.map((w) => w.id)).toContain(first.id);
    expect(await repo.weakOrgsOf(db, actor, { basePath: otherCounty.path })).toEqual([]);

    const counts = await snapshot.record('weakOrgCounts', db, (d) =>
      repo.weakOrgCounts(d, actor, county.path, depth + 1),
    );
    expect(counts.reduce((n, c) => n + Number(c.n), 0)).toBe(listed.length);
    await snapshot.record('weakOrgCounts year', db, (d) =>
      repo.weakOrgCounts(d, actor, county.path, depth + 1, first.year),
    );
    expect(await repo.weakOrgCounts(db, actor, otherCounty.path, depth + 1)).toEqual([]);

    expect(
      await snapshot.record('listedOfYear', db, (d) => repo.listedOfYear(d, [first.org_id, -1], first.year)),
    ).toEqual([{ org_id: first.org_id }]);
    expect(await repo.listedOfYear(db, [], first.year)).toEqual([]);
    const parts = await snapshot.record('ledgerParts', db, (d) => repo.ledgerParts(d, first.id));
    expect(parts.progress.length).toBeGreaterThan(0);
  });

  test('a ledger listed, planned, its problems done and its progress (rolled back)', async () => {
    const { db } = database;
    // a village of the county not listed in a year far from the demo's
    const village = await db
      .selectFrom('org')
      .select(['id', 'parent_id'])
      .where('path', 'like', `${county.path}%`)
      .where('level', '=', 'village')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const [id] = await snapshot.record('insertWeakOrgs', k, (d) =>
        repo.insertWeakOrgs(
          asTrx(d),
          [
            {
              org_id: village.id,
              town_org_id: village.parent_id as number,
              county_code: county.code,
              year: 2099,
              reasons: JSON.stringify({ hits: [], manual: '班子不团结', criteria: ['manual'] }),
              listed_by: actor.accountId,
              listed_on: '2099-03-01',
            },
          ],
          actor.accountId,
        ),
      );
      if (id === undefined) throw new Error('nothing listed');
      expect(await repo.listedOfYear(trx, [village.id], 2099)).toEqual([{ org_id: village.id }]);
      expect(
        await snapshot.record('updateWeakOrg', k, (d) =>
          repo.updateWeakOrg(asTrx(d), id, 1, { state: 'rectifying', plan: '整顿方案' }),
        ),
      ).toBe(true);
      expect(await repo.updateWeakOrg(trx, id, 1, { plan: '过时的版本' })).toBe(false);
      await snapshot.record('replaceProblems', k, (d) =>
        repo.replaceProblems(asTrx(d), id, county.code, [
          { problem: '组织生活不规范', measure: '按月开展主题党日', deadline: '2099-06-30' },
        ]),
      );
      const { problems } = await repo.ledgerParts(trx, id);
      expect(problems.map((p) => p.seq)).toEqual([1]);
      await snapshot.record('markProblemDone', k, (d) =>
        repo.markProblemDone(
          asTrx(d),
          (problems[0] as (typeof problems)[number]).id,
          id,
          '2099-05-01',
          '会议记录',
        ),
      );
      await snapshot.record('addProgress', k, (d) =>
        repo.addProgress(asTrx(d), {
          weak_org_id: id,
          county_code: county.code,
          action: 'plan',
          on_date: '2099-03-05',
          note: '制定整顿方案',
          recorded_by: actor.accountId,
        }),
      );
      const after = await repo.ledgerParts(trx, id);
      expect(after.problems[0]?.done_on).toBe('2099-05-01');
      expect(after.progress.map((p) => p.action)).toEqual(['list', 'plan']);
    });
  });
});
