// The SQL of 擂台赛, as committed in contest.repository.sql, on both engines: a county administrator's
// contests (its county's, not another county's) with a contest's entries, goals and scores, the goals
// in scope, and the writes of a contest, an entry, scores, results and follow-ups in a transaction
// rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './contest.repository.ts';
import { CONTEST_SETTINGS_DEFAULTS } from './domain/contest-scoring.ts';

const snapshot = sqlSnapshot(new URL('./contest.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };

beforeAll(async () => {
  database = await createTestDatabase();
  ({ actor, county } = await countyAdmin(database.db));
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

async function goalsOfCounty(db: Kysely<DB>, inside: boolean) {
  return db
    .selectFrom('contest_goal')
    .innerJoin('contest_entry', 'contest_entry.id', 'contest_goal.entry_id')
    .innerJoin('org', 'org.id', 'contest_entry.org_id')
    .select(['contest_goal.id', 'contest_entry.contest_id'])
    .where('org.path', inside ? 'like' : 'not like', `${county.path}%`)
    .orderBy('contest_goal.id')
    .limit(2)
    .execute();
}

describe('contest.repository', () => {
  test("the county's contests, by year and base; another county's are not listed", async () => {
    const { db } = database;
    const contests = await snapshot.record('contestsOf', db, (d) => repo.contestsOf(d, actor, {}));
    expect(contests.length).toBeGreaterThan(0);
    expect(contests.every((c) => c.county_code === county.code)).toBe(true);
    const first = contests[0] as (typeof contests)[number];
    expect(Number(first.entries)).toBeGreaterThan(0);
    const narrowed = await snapshot.record('contestsOf year and base', db, (d) =>
      repo.contestsOf(d, actor, { year: first.year, basePath: county.path }),
    );
    expect(narrowed.map((c) => c.id)).toContain(first.id);
    const elsewhere = await db
      .selectFrom('org')
      .select('path')
      .where('level', '=', 'county')
      .where('id', '<>', county.id)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    expect(await repo.contestsOf(db, actor, { basePath: elsewhere.path })).toEqual([]);
  });

  test("a contest's entries, goals and scores; the goals in scope", async () => {
    const { db } = database;
    const [goal] = await goalsOfCounty(db, true);
    if (!goal) throw new Error('no contest goal in the county');
    const { entries, goals, scores } = await snapshot.record('entriesOf', db, (d) =>
      repo.entriesOf(d, goal.contest_id),
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(goals.map((g) => g.id)).toContain(goal.id);
    expect(scores.length).toBeGreaterThan(0);
    const entry = entries[0] as (typeof entries)[number];
    expect(
      await snapshot.record('entryOfOrg', db, (d) => repo.entryOfOrg(d, goal.contest_id, entry.org_id)),
    ).toEqual({ id: entry.id });
    const [foreign] = await goalsOfCounty(db, false);
    if (!foreign) throw new Error('no contest goal in another county');
    const inScope = await snapshot.record('goalsInScope', db, (d) =>
      repo.goalsInScope(d, actor, [goal.id, foreign.id]),
    );
    expect(inScope.map((g) => g.id)).toEqual([goal.id]);
  });

  test('a contest, an entry, scores, results and follow-ups written (rolled back)', async () => {
    const { db } = database;
    const village = await db
      .selectFrom('org')
      .select(['id', 'name'])
      .where('path', 'like', `${county.path}%`)
      .where('level', '=', 'village')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const contestId = await snapshot.record('insertContest', k, (d) =>
        repo.insertContest(asTrx(d), {
          organizer_org_id: county.id,
          county_code: county.code,
          year: 2026,
          title: '书记擂台赛',
          held_on: '2026-06-30',
          settings: JSON.stringify(CONTEST_SETTINGS_DEFAULTS),
          created_by: actor.accountId,
        }),
      );
      const entryId = await snapshot.record('insertEntry', k, (d) =>
        repo.insertEntry(
          asTrx(d),
          {
            contest_id: contestId,
            org_id: village.id,
            county_code: county.code,
            secretary_name: '李四',
            topic: '美丽乡村',
            evidence: '',
            submitted_by: actor.accountId,
          },
          ['修路', '办学'],
        ),
      );
      await snapshot.record('saveScores', k, (d) =>
        repo.saveScores(
          asTrx(d),
          county.code,
          actor.accountId,
          [{ entryId, judge: '评委一', score: 90 }],
          [{ entryId, votes: 12 }],
        ),
      );
      // the same judge again: the score is replaced, not added
      await repo.saveScores(trx, county.code, actor.accountId, [{ entryId, judge: '评委一', score: 95 }], []);
      const { entries, goals, scores } = await repo.entriesOf(trx, contestId);
      expect(scores.map((s) => Number(s.score))).toEqual([95]);
      expect(entries[0]?.votes).toBe(12);
      expect(goals.map((g) => g.goal)).toEqual(['修路', '办学']);
      await snapshot.record('saveResults', k, (d) =>
        repo.saveResults(asTrx(d), contestId, actor.accountId, [
          { id: entryId, judgeScore: 95, audienceScore: 80, finalScore: 90.5, rank: 1, award: '一等奖' },
        ]),
      );
      const done = await trx
        .selectFrom('contest')
        .select('state')
        .where('id', '=', contestId)
        .executeTakeFirstOrThrow();
      expect(done.state).toBe('finished');
      await snapshot.record('saveFollowups', k, (d) =>
        repo.saveFollowups(asTrx(d), actor.accountId, [
          { goalId: (goals[0] as (typeof goals)[number]).id, followup: 'met', note: '已完成' },
        ]),
      );
      const followed = await repo.goalsInScope(
        trx,
        actor,
        goals.map((g) => g.id),
      );
      expect(followed.map((g) => g.followup).sort()).toEqual(['met', 'pending']);
    });
  });
});
