// 擂台赛 over real HTTP on both engines: a county holds last year's contest, two villages enter with
// promised goals, the organizer records judges' scores and votes and publishes the ranking; the town
// follows the goals up this year, and this year's grading counts them (contest_promise). Villages
// outside the county neither see nor enter; a finished contest takes no more entries or scores.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';

let database: Database;
let server: TestServer;
let county: TestClient;
const YEAR = Number(shanghaiToday().slice(0, 4));
const LAST = YEAR - 1;
const COUNTY = '440704';
let villages: { id: number; code: string; name: string }[];
let contestId = 0;

type Detail = {
  state: string;
  canEnter: boolean;
  canManage: boolean;
  entries: {
    id: number;
    org: { id: number };
    rank: number | null;
    finalScore: number | null;
    award: string | null;
    awardName: { zh: string } | null;
    goals: { id: number; goal: string; followup: string }[];
  }[];
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  county = await server.as(COUNTY);
  // villages that entered no demo contest, so this year's promise figure is this test's alone
  villages = await database.db
    .selectFrom('org')
    .select(['id', 'code', 'name'])
    .where('level', '=', 'village')
    .where('code', 'like', `${COUNTY}005%`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('contest_entry')
            .select('contest_entry.id')
            .whereRef('contest_entry.org_id', '=', 'org.id'),
        ),
      ),
    )
    .orderBy('code')
    .limit(3)
    .execute();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('a county’s contest', () => {
  test('the county holds it; its villages see it and may enter, others do not', async () => {
    const bad = await county.post<{ code: string }>('/api/contests', {
      year: LAST,
      title: '擂台赛',
      heldOn: `${YEAR}-03-01`,
    });
    expect(bad.body.code).toBe('CONTEST_DATE');
    const created = await county.post<{ id: number }>('/api/contests', {
      year: LAST,
      title: `${LAST}年江海区“党建引领 实干争先”擂台赛`,
      theme: '抓党建促乡村振兴',
      heldOn: `${LAST}-11-20`,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    contestId = created.body.id;
    const first = await server.as((villages[0] as { code: string }).code);
    const seen = await first.get<Detail>(`/api/contests/${contestId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canEnter).toBe(true);
    expect(seen.body.canManage).toBe(false);
    const outsider = await server.as('440703101201');
    expect((await outsider.get(`/api/contests/${contestId}`)).status).toBe(404);
    expect(
      (await outsider.post(`/api/contests/${contestId}/entries`, { topic: '越界', goals: ['目标'] })).status,
    ).toBe(404);
  });

  test('two villages enter with topic, goals and evidence; once only', async () => {
    for (const [k, v] of villages.slice(0, 2).entries()) {
      const secretary = await server.as(v.code);
      const res = await secretary.post<{ id: number }>(`/api/contests/${contestId}/entries`, {
        topic: k === 0 ? '盘活闲置土地发展富民工坊' : '美丽乡村示范带建设',
        evidence: '村“两委”会议纪要、项目照片',
        goals: ['村集体经营性收入增长 20%', '新增就业岗位 30 个'],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const again = await (await server.as((villages[0] as { code: string }).code)).post<{ code: string }>(
      `/api/contests/${contestId}/entries`,
      { topic: '再次报名', goals: ['目标'] },
    );
    expect(again.body.code).toBe('CONTEST_ENTRY_EXISTS');
    const noGoals = await (await server.as((villages[2] as { code: string }).code)).post(
      `/api/contests/${contestId}/entries`,
      {
        topic: '没有目标',
        goals: [],
      },
    );
    expect(noGoals.status).toBe(400);
  });

  test('judges and votes; the results rank the entries; a finished contest is closed', async () => {
    const detail = await county.get<Detail>(`/api/contests/${contestId}`);
    const [a, b] = detail.body.entries as [Detail['entries'][0], Detail['entries'][0]];
    expect((await county.post<{ code: string }>(`/api/contests/${contestId}/finish`)).body.code).toBe(
      'CONTEST_UNSCORED',
    );
    const wrongEntry = await county.request('PUT', `/api/contests/${contestId}/scores`, {
      scores: [{ entryId: 999_999, judge: '评委甲', score: 90 }],
      votes: [],
    });
    expect(wrongEntry.status).toBe(404);
    const scored = await county.request('PUT', `/api/contests/${contestId}/scores`, {
      scores: [
        { entryId: a.id, judge: '评委甲', score: 92 },
        { entryId: a.id, judge: '评委乙', score: 88 },
        { entryId: b.id, judge: '评委甲', score: 85 },
        { entryId: b.id, judge: '评委乙', score: 87 },
      ],
      votes: [
        { entryId: a.id, votes: 120 },
        { entryId: b.id, votes: 240 },
      ],
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    const finished = await county.post<{ state: string }>(`/api/contests/${contestId}/finish`);
    expect(finished.body.state).toBe('finished');
    const after = await county.get<Detail>(`/api/contests/${contestId}`);
    // a: 90 × .8 + 50 × .2 = 82; b: 86 × .8 + 100 × .2 = 88.8
    expect(after.body.entries.map((e) => [e.id, e.finalScore, e.rank, e.award])).toEqual([
      [b.id, 88.8, 1, 'first'],
      [a.id, 82, 2, 'second'],
    ]);
    expect(after.body.entries[0]?.awardName?.zh).toBe('一等奖');
    expect((await county.post<{ code: string }>(`/api/contests/${contestId}/finish`)).body.code).toBe(
      'CONTEST_FINISHED',
    );
  });

  test('the town follows the goals up, and this year’s grading counts them', async () => {
    const detail = await county.get<Detail>(`/api/contests/${contestId}`);
    const entry = detail.body.entries.find((e) => e.org.id === villages[0]?.id);
    const [g1, g2] = entry?.goals ?? [];
    if (!g1 || !g2) throw new Error('goals missing');
    const town = await server.as(`${COUNTY}005`);
    const canFollow = async (as: typeof town) =>
      (
        await as.get<{ entries: { id: number; canFollowUp: boolean }[] }>(`/api/contests/${contestId}`)
      ).body.entries.find((e) => e.id === entry?.id)?.canFollowUp;
    expect(await canFollow(town)).toBe(true);
    expect(await canFollow(county)).toBe(true);
    expect(await canFollow(await server.as(`${COUNTY}004`))).toBe(false);
    const res = await town.request('PUT', '/api/contests/goals/followups', {
      items: [
        { goalId: g1.id, followup: 'met', note: '增长 23%' },
        { goalId: g2.id, followup: 'partly_met', note: '新增 18 个' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const elsewhere = await server.as(`${COUNTY}004`);
    expect(
      (
        await elsewhere.request('PUT', '/api/contests/goals/followups', {
          items: [{ goalId: g1.id, followup: 'not_met' }],
        })
      ).status,
    ).toBe(404);
    expect((await county.post('/api/assessment/rounds', { year: YEAR })).status).toBe(201);
    const board = await county.get<{ items: { id: number; org: { id: number } }[] }>(
      `/api/assessment/board?year=${YEAR}&q=${villages[0]?.code}`,
    );
    const id = board.body.items[0]?.id;
    const a = await county.get<{ indicators: { indicator: string; value: number | null; note: string }[] }>(
      `/api/assessments/${id}`,
    );
    const promise = a.body.indicators.find((i) => i.indicator === 'contest_promise');
    expect(promise?.value).toBe(0.75);
    expect(promise?.note).toContain('兑现 1.5 项');
    const records = await county.get<{ kind: string; items: { goal: string; followup: string }[] }>(
      `/api/assessments/${id}/indicators/contest_promise/records`,
    );
    expect(records.body.kind).toBe('goals');
    expect(records.body.items.map((g) => g.followup)).toEqual(['met', 'partly_met']);
  });
});
