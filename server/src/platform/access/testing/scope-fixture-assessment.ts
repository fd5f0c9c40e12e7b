// The assessment records of issue 15 for the scope fixture (scope-fixture.ts): each side's county
// grades and publishes last year and this year, an appeal of last year's result, a 富民工坊 joined by
// the village, the village listed as a weak org, a contest held by the village's town with an entry (of a neighbouring village of the
// same town, so the village's own entry stays for the route that makes it) and its promised goal.
import type { Kysely } from 'kysely';
import { shanghaiToday } from '../../../recruitment/domain/dates.ts';
import type { DB } from '../../db/schema.ts';
import type { TestClient, TestServer } from '../../http/testing/test-server.ts';
import type { Pair } from './scope-fixture.ts';

interface Village {
  id: number;
  code: string;
}

export interface AssessmentSamples {
  assessment: Pair;
  appeal: Pair;
  enterprise: Pair;
  contest: Pair;
  contest_entry: Pair;
  contest_goal: Pair;
  weak_org: Pair;
  rectification_problem: Pair;
  power_item: Pair;
}

function ok(what: string, res: { status: number; body: unknown }) {
  if (res.status !== 201) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function assessmentSamples(
  db: Kysely<DB>,
  server: TestServer,
  sides: { a: Village; b: Village; secretaryA: TestClient; secretaryB: TestClient },
): Promise<AssessmentSamples> {
  const { a, b } = sides;
  const year = Number(shanghaiToday().slice(0, 4));
  // the demo may have graded, approved or published a year already: each step is taken only if due
  const gradeAndPublish = async (countyCode: string) => {
    const county = await server.as(countyCode);
    const towns = await db
      .selectFrom('org')
      .select('code')
      .where('level', '=', 'town')
      .where('code', 'like', `${countyCode}%`)
      .execute();
    for (const y of [year - 1, year]) {
      const round = await db
        .selectFrom('assessment_round')
        .innerJoin('org', 'org.id', 'assessment_round.county_org_id')
        .select('assessment_round.state')
        .where('org.code', '=', countyCode)
        .where('assessment_round.year', '=', y)
        .executeTakeFirst();
      if (round?.state === 'published') continue;
      if (!round) ok('grading', await county.post('/api/assessment/rounds', { year: y }));
      if (round?.state !== 'approved') {
        for (const t of towns) await (await server.as(t.code)).post('/api/assessment/reviews', { year: y });
        await county.post('/api/assessment/rounds/transitions', { year: y, action: 'approve' });
      }
      await county.post('/api/assessment/rounds/transitions', { year: y, action: 'publish' });
    }
  };
  const assessmentOf = async (orgId: number, y: number) =>
    Number(
      (
        await db
          .selectFrom('assessment')
          .select('id')
          .where('org_id', '=', orgId)
          .where('year', '=', y)
          .executeTakeFirstOrThrow()
      ).id,
    );
  /** an open appeal of a result (written directly: last year's appeal window may be closed) */
  const appealOf = async (assessmentId: number) => {
    await db.deleteFrom('assessment_appeal').where('assessment_id', '=', assessmentId).execute();
    const row = await db
      .selectFrom('assessment')
      .select(['county_code', 'total', 'grade'])
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    const appeal = await db
      .insertInto('assessment_appeal')
      .values({
        assessment_id: assessmentId,
        county_code: row.county_code,
        reason: '范围测试：申诉理由',
        total_before: row.total,
        grade_before: row.grade,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(appeal.id);
  };
  /** the demo's weak-org listings of these villages this year are cleared, so the county lists them anew */
  const clearWeakOrgs = async (orgIds: number[]) => {
    const listed = await db
      .selectFrom('weak_org')
      .select('id')
      .where('org_id', 'in', orgIds)
      .where('year', '=', year)
      .execute();
    for (const w of listed) {
      await db.deleteFrom('rectification_progress').where('weak_org_id', '=', w.id).execute();
      await db.deleteFrom('rectification_problem').where('weak_org_id', '=', w.id).execute();
      await db.deleteFrom('weak_org').where('id', '=', w.id).execute();
    }
  };
  const workshopOf = async (village: Village) => {
    const res = await (await server.as(village.code.slice(0, 6))).post<{ id: number }>(
      '/api/collective-economy/enterprises',
      {
        kind: 'workshop',
        name: '范围测试富民工坊',
        orgId: village.id,
        foundedOn: '2024-03-01',
        villageIds: [village.id],
      },
    );
    ok('workshop', res);
    return res.body.id;
  };
  const contestOf = async (village: Village) => {
    const res = await (await server.as(village.code.slice(0, 9))).post<{ id: number }>('/api/contests', {
      year,
      title: '范围测试擂台赛',
      heldOn: shanghaiToday(),
    });
    ok('contest', res);
    return res.body.id;
  };
  /** another village of the same town */
  const neighbourOf = (village: Village) =>
    db
      .selectFrom('org')
      .select(['id', 'code'])
      .where('level', '=', 'village')
      .where('code', 'like', `${village.code.slice(0, 9)}%`)
      .where('id', '<>', village.id)
      .orderBy('code')
      .executeTakeFirstOrThrow();
  /** an entry of a neighbouring village of the same town, with one promised goal */
  const entryIn = async (contestId: number, village: Village) => {
    const neighbour = await neighbourOf(village);
    const res = await (await server.as(neighbour.code)).post(`/api/contests/${contestId}/entries`, {
      topic: '范围测试题目',
      goals: ['目标一'],
    });
    if (res.status >= 300) throw new Error(`contest entry failed: ${res.status} ${JSON.stringify(res.body)}`);
    const entry = await db
      .selectFrom('contest_entry')
      .select('id')
      .where('contest_id', '=', contestId)
      .executeTakeFirstOrThrow();
    const goal = await db
      .selectFrom('contest_goal')
      .select('id')
      .where('entry_id', '=', entry.id)
      .executeTakeFirstOrThrow();
    return { entry: Number(entry.id), goal: Number(goal.id) };
  };

  /**
   * The village listed by its county as a weak org (软弱涣散), with the county's own reason, and a
   * neighbouring village of its town with it (its ledger's problem is the sample: the route that sets
   * the village's plan replaces the village's problems).
   */
  const weakOrgsOf = async (village: Village) => {
    const neighbour = await neighbourOf(village);
    await clearWeakOrgs([village.id, neighbour.id]);
    const res = await (await server.as(village.code.slice(0, 6))).post<{ listed: number[] }>(
      '/api/weak-orgs',
      {
        year,
        items: [
          { orgId: village.id, manualReason: '范围测试：县委认定' },
          { orgId: neighbour.id, manualReason: '范围测试：县委认定' },
        ],
      },
    );
    ok('weak org', res);
    return { village: res.body.listed[0] as number, neighbour: res.body.listed[1] as number };
  };

  const problemOf = async (weakOrgId: number) => {
    const w = await db
      .selectFrom('weak_org')
      .select('county_code')
      .where('id', '=', weakOrgId)
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('rectification_problem')
      .values({ weak_org_id: weakOrgId, county_code: w.county_code, seq: 99, problem: '范围测试问题' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  const powerItemOf = async (village: Village) =>
    Number(
      (
        await db
          .selectFrom('power_item')
          .select('id')
          .where('county_code', '=', village.code.slice(0, 6))
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id,
    );

  await gradeAndPublish(a.code.slice(0, 6));
  await gradeAndPublish(b.code.slice(0, 6));
  const contest = { own: await contestOf(a), other: await contestOf(b) };
  const weakA = await weakOrgsOf(a);
  const weakB = await weakOrgsOf(b);
  const weakOrg = { own: weakA.village, other: weakB.village };
  const ownEntry = await entryIn(contest.own, a);
  const otherEntry = await entryIn(contest.other, b);
  const assessment = { own: await assessmentOf(a.id, year), other: await assessmentOf(b.id, year) };
  // this year's results carry no demo appeal: the route that files one is tried on them
  await db
    .deleteFrom('assessment_appeal')
    .where('assessment_id', 'in', [assessment.own, assessment.other])
    .execute();
  return {
    assessment,
    appeal: {
      own: await appealOf(await assessmentOf(a.id, year - 1)),
      other: await appealOf(await assessmentOf(b.id, year - 1)),
    },
    enterprise: { own: await workshopOf(a), other: await workshopOf(b) },
    contest,
    contest_entry: { own: ownEntry.entry, other: otherEntry.entry },
    contest_goal: { own: ownEntry.goal, other: otherEntry.goal },
    weak_org: weakOrg,
    // a problem in the ledger of each side's second weak org
    rectification_problem: { own: await problemOf(weakA.neighbour), other: await problemOf(weakB.neighbour) },
    // the power list is the county's: an item of each side's county
    power_item: { own: await powerItemOf(a), other: await powerItemOf(b) },
  };
}
