// SQL of 擂台赛: contests the actor may see (scoped.contests), one contest's entries with goals, judges'
// scores and votes, and the writes (ids verified by the service).
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import type { ContestTable } from './contest-tables.ts';
import type { GoalFollowup } from './domain/contest-scoring.ts';

export function contestsOf(
  db: Kysely<DB>,
  actor: Actor,
  f: { year?: number | undefined; basePath?: string | undefined },
) {
  let q = scoped.contests(db, actor);
  if (f.year) q = q.where('contest.year', '=', f.year);
  if (f.basePath) q = q.where('organizer_org.path', 'like', `${f.basePath}%`);
  return q
    .selectAll('contest')
    .select(['organizer_org.name as organizer_name', 'organizer_org.level as organizer_level'])
    .select((eb) =>
      eb
        .selectFrom('contest_entry')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('contest_entry.contest_id', '=', 'contest.id')
        .as('entries'),
    )
    .orderBy('contest.year', 'desc')
    .orderBy('contest.held_on', 'desc')
    .orderBy('contest.id', 'desc')
    .execute();
}

/** The entries of a contest (verified) with their village, goals and judges' scores. */
export async function entriesOf(db: Kysely<DB> | Transaction<DB>, contestId: number) {
  const [entries, goals, scores] = await Promise.all([
    db
      .selectFrom('contest_entry')
      .innerJoin('org', 'org.id', 'contest_entry.org_id')
      .innerJoin('org as entry_town', 'entry_town.id', 'org.parent_id')
      .selectAll('contest_entry')
      .select([
        'org.name as org_name',
        'org.code as org_code',
        'org.path as org_path',
        'entry_town.name as town_name',
      ])
      .where('contest_entry.contest_id', '=', contestId)
      .orderBy('contest_entry.id')
      .execute(),
    db
      .selectFrom('contest_goal')
      .innerJoin('contest_entry', 'contest_entry.id', 'contest_goal.entry_id')
      .selectAll('contest_goal')
      .where('contest_entry.contest_id', '=', contestId)
      .orderBy('contest_goal.entry_id')
      .orderBy('contest_goal.seq')
      .execute(),
    db
      .selectFrom('contest_score')
      .innerJoin('contest_entry', 'contest_entry.id', 'contest_score.entry_id')
      .selectAll('contest_score')
      .where('contest_entry.contest_id', '=', contestId)
      .orderBy('contest_score.judge')
      .execute(),
  ]);
  return { entries, goals, scores };
}

export async function insertContest(trx: Transaction<DB>, row: Insertable<ContestTable>): Promise<number> {
  const r = await trx.insertInto('contest').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function insertEntry(
  trx: Transaction<DB>,
  entry: {
    contest_id: number;
    org_id: number;
    county_code: string;
    secretary_name: string | null;
    topic: string;
    evidence: string;
    submitted_by: number;
  },
  goals: readonly string[],
): Promise<number> {
  const r = await trx.insertInto('contest_entry').values(entry).returning('id').executeTakeFirstOrThrow();
  const id = Number(r.id);
  if (goals.length)
    await trx
      .insertInto('contest_goal')
      .values(goals.map((goal, i) => ({ entry_id: id, county_code: entry.county_code, seq: i + 1, goal })))
      .execute();
  return id;
}

export function entryOfOrg(db: Kysely<DB>, contestId: number, orgId: number) {
  return db
    .selectFrom('contest_entry')
    .select('id')
    .where('contest_id', '=', contestId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function saveScores(
  trx: Transaction<DB>,
  countyCode: string,
  accountId: number,
  scores: readonly { entryId: number; judge: string; score: number }[],
  votes: readonly { entryId: number; votes: number }[],
) {
  for (const s of scores)
    await trx
      .insertInto('contest_score')
      .values({
        entry_id: s.entryId,
        judge: s.judge,
        county_code: countyCode,
        score: s.score,
        recorded_by: accountId,
      })
      .onConflict((oc) =>
        oc
          .columns(['entry_id', 'judge'])
          .doUpdateSet({ score: s.score, recorded_by: accountId, recorded_at: new Date() }),
      )
      .execute();
  for (const v of votes)
    await trx.updateTable('contest_entry').set({ votes: v.votes }).where('id', '=', v.entryId).execute();
}

export async function saveResults(
  trx: Transaction<DB>,
  contestId: number,
  accountId: number,
  results: readonly {
    id: number;
    judgeScore: number | null;
    audienceScore: number | null;
    finalScore: number;
    rank: number;
    award: string | null;
  }[],
) {
  for (const r of results)
    await trx
      .updateTable('contest_entry')
      .set({
        judge_score: r.judgeScore,
        audience_score: r.audienceScore,
        final_score: r.finalScore,
        rank: r.rank,
        award: r.award,
      })
      .where('id', '=', r.id)
      .where('contest_id', '=', contestId)
      .execute();
  await trx
    .updateTable('contest')
    .set({ state: 'finished', finished_at: new Date(), finished_by: accountId })
    .where('id', '=', contestId)
    .execute();
}

/** Goals (ids) whose entry's village is inside the actor's scope, with their contest's year. */
export function goalsInScope(db: Kysely<DB>, actor: Actor, ids: readonly number[]) {
  return scoped
    .orgs(db, actor)
    .innerJoin('contest_entry', 'contest_entry.org_id', 'org.id')
    .innerJoin('contest', 'contest.id', 'contest_entry.contest_id')
    .innerJoin('contest_goal', 'contest_goal.entry_id', 'contest_entry.id')
    .where('contest_goal.id', 'in', [...ids])
    .select([
      'contest_goal.id',
      'contest_goal.followup',
      'contest_goal.goal',
      'contest.year',
      'contest.state',
      'contest_goal.county_code',
      'org.name as org_name',
    ])
    .execute();
}

export async function saveFollowups(
  trx: Transaction<DB>,
  accountId: number,
  items: readonly { goalId: number; followup: GoalFollowup; note: string }[],
) {
  for (const i of items)
    await trx
      .updateTable('contest_goal')
      .set({ followup: i.followup, followup_note: i.note, followed_by: accountId, followed_at: new Date() })
      .where('id', '=', i.goalId)
      .execute();
}
