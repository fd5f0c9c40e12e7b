// The assessment records of issue 15 for the scope fixture (scope-fixture.ts): each side's county
// grades and publishes last year and this year, an appeal of last year's result, a 富民工坊 joined by
// the village, a contest held by the village's town with an entry (of a neighbouring village of the
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
  const gradeAndPublish = async (countyCode: string) => {
    const county = await server.as(countyCode);
    const towns = await db
      .selectFrom('org')
      .select('code')
      .where('level', '=', 'town')
      .where('code', 'like', `${countyCode}%`)
      .execute();
    for (const y of [year - 1, year]) {
      ok('grading', await county.post('/api/assessment/rounds', { year: y }));
      for (const t of towns) await (await server.as(t.code)).post('/api/assessment/reviews', { year: y });
      for (const action of ['approve', 'publish'])
        await county.post('/api/assessment/rounds/transitions', { year: y, action });
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
  const appealOf = async (client: TestClient, assessmentId: number) => {
    const res = await client.post<{ id: number }>(`/api/assessments/${assessmentId}/appeal`, {
      reason: '范围测试：申诉理由',
    });
    ok('appeal', res);
    return res.body.id;
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
  /** an entry of a neighbouring village of the same town, with one promised goal */
  const entryIn = async (contestId: number, village: Village) => {
    const neighbour = await db
      .selectFrom('org')
      .select('code')
      .where('level', '=', 'village')
      .where('code', 'like', `${village.code.slice(0, 9)}%`)
      .where('id', '<>', village.id)
      .orderBy('code')
      .executeTakeFirstOrThrow();
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

  /** the village listed by its county as a weak org (软弱涣散), with the county's own reason */
  const weakOrgOf = async (village: Village) => {
    const res = await (await server.as(village.code.slice(0, 6))).post<{ listed: number[] }>(
      '/api/weak-orgs',
      { year, items: [{ orgId: village.id, manualReason: '范围测试：县委认定' }] },
    );
    ok('weak org', res);
    return res.body.listed[0] as number;
  };

  await gradeAndPublish(a.code.slice(0, 6));
  await gradeAndPublish(b.code.slice(0, 6));
  const contest = { own: await contestOf(a), other: await contestOf(b) };
  const ownEntry = await entryIn(contest.own, a);
  const otherEntry = await entryIn(contest.other, b);
  return {
    assessment: { own: await assessmentOf(a.id, year), other: await assessmentOf(b.id, year) },
    appeal: {
      own: await appealOf(sides.secretaryA, await assessmentOf(a.id, year - 1)),
      other: await appealOf(sides.secretaryB, await assessmentOf(b.id, year - 1)),
    },
    enterprise: { own: await workshopOf(a), other: await workshopOf(b) },
    contest,
    contest_entry: { own: ownEntry.entry, other: otherEntry.entry },
    contest_goal: { own: ownEntry.goal, other: otherEntry.goal },
    weak_org: { own: await weakOrgOf(a), other: await weakOrgOf(b) },
  };
}
