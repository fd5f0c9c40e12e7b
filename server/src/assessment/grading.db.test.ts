// The year's grading over real HTTP on both engines: a county computes its round (every village scored
// in its category, graded 3:5:2), the towns score manual indicators and review, the county approves
// and publishes; the secretary then sees the result with each indicator's records, appeals once, and
// the county's decision regrades the result. Refusals name the rule and change nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';

let database: Database;
let server: TestServer;
let county: TestClient;
const YEAR = Number(shanghaiToday().slice(0, 4));
const COUNTY = '440704';

type BoardBody = {
  items: {
    id: number;
    org: { id: number; code: string };
    town: { id: number };
    total: number;
    grade: string;
    category: string;
    rank: number;
    groupSize: number;
  }[];
  total: number;
  rounds: { state: string; unreviewed: { townId: number }[] }[];
  summary: { villages: number; byCategoryGrade: { category: string; grade: string; n: number }[] };
};

const auditCount = async () =>
  Number(
    (
      await database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  county = await server.as(COUNTY);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('a county grades its village secretaries', () => {
  let boardBody: BoardBody;

  test('bad input is refused naming the field, and nothing is written', async () => {
    const townClient = await server.as(`${COUNTY}001`);
    const before = await auditCount();
    const old = await county.post<{ code: string; message_zh: string }>('/api/assessment/rounds', {
      year: 1999,
    });
    expect(old.status).toBe(400);
    expect(JSON.stringify(old.body)).toContain('year');
    const future = await county.post<{ code: string }>('/api/assessment/rounds', { year: YEAR + 1 });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('ASSESSMENT_YEAR_FUTURE');
    const town = await townClient.post<{ code: string }>('/api/assessment/rounds', { year: YEAR });
    expect(town.status).toBe(403);
    expect(town.body.code).toBe('ASSESSMENT_RUN_LEVEL');
    expect(await auditCount()).toBe(before);
  });

  test('computing the round scores every village in its category and grades each category 3:5:2', async () => {
    const run = await county.post<{
      villages: number;
      counties: { villages: number; grades: Record<string, number> }[];
    }>('/api/assessment/rounds', { year: YEAR });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const villages = await database.db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('level', '=', 'village')
      .where('code', 'like', `${COUNTY}%`)
      .executeTakeFirstOrThrow();
    expect(run.body.villages).toBe(Number(villages.n));
    const grades = run.body.counties[0]?.grades ?? {};
    expect(Object.values(grades).reduce((t, n) => t + n, 0)).toBe(Number(villages.n));
    const board = await county.get<BoardBody>(`/api/assessment/board?year=${YEAR}&pageSize=200`);
    expect(board.status).toBe(200);
    boardBody = board.body;
    expect(board.body.total).toBe(Number(villages.n));
    expect(board.body.rounds[0]?.state).toBe('draft');
    // inside each category: the best is ranked 1, and no grade-3 total beats a grade-1 total
    for (const cat of new Set(board.body.items.map((i) => i.category))) {
      const mine = board.body.items.filter((i) => i.category === cat);
      expect(Math.min(...mine.map((i) => i.rank))).toBe(1);
      const g1 = mine.filter((i) => i.grade === 'first').map((i) => i.total);
      const g3 = mine.filter((i) => i.grade === 'third').map((i) => i.total);
      if (g1.length && g3.length) expect(Math.min(...g1)).toBeGreaterThanOrEqual(Math.max(...g3));
    }
  });

  test('before publication a secretary sees nothing of it', async () => {
    const item = boardBody.items[0];
    if (!item) throw new Error('no board item');
    const secretary = await server.as(item.org.code);
    const detail = await secretary.get<{ code: string }>(`/api/assessments/${item.id}`);
    expect(detail.status).toBe(404);
    expect(detail.body.code).toBe('ASSESSMENT_NOT_PUBLISHED');
    const mine = await secretary.get<{ years: { year: number }[] }>('/api/assessment/mine');
    expect(mine.body.years.map((y) => y.year)).not.toContain(YEAR);
  });

  test('a town scores a manual indicator with evidence; the county regrades', async () => {
    const item = boardBody.items.find((i) => i.category !== 'community') ?? boardBody.items[0];
    if (!item) throw new Error('no board item');
    const townCode = item.org.code.slice(0, 9);
    const town = await server.as(townCode);
    const detail = await town.get<{ indicators: { indicator: string; source: string }[] }>(
      `/api/assessments/${item.id}`,
    );
    const manual = detail.body.indicators.find((i) => i.source === 'manual');
    if (!manual) throw new Error('no manual indicator');
    const noEvidence = await town.request<{ code: string }>('PUT', '/api/assessment/manual-scores', {
      assessmentId: item.id,
      indicator: manual.indicator,
      score: 90,
      evidence: '',
    });
    expect(noEvidence.status).toBe(400);
    const computed = detail.body.indicators.find((i) => i.source !== 'manual');
    const notManual = await town.request<{ code: string }>('PUT', '/api/assessment/manual-scores', {
      assessmentId: item.id,
      indicator: computed?.indicator,
      score: 90,
      evidence: '台账',
    });
    expect(notManual.body.code).toBe('ASSESSMENT_INDICATOR_NOT_MANUAL');
    const scored = await town.request<{ total: number }>('PUT', '/api/assessment/manual-scores', {
      assessmentId: item.id,
      indicator: manual.indicator,
      score: 100,
      evidence: '全年重点任务清单 12 项全部完成，见镇党委会议纪要',
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    const after = await town.get<{
      indicators: { indicator: string; score: number; evidence: string }[];
      total: number;
    }>(`/api/assessments/${item.id}`);
    expect(after.body.indicators.find((i) => i.indicator === manual.indicator)?.score).toBe(100);
    expect(after.body.total).toBe(scored.body.total);
    // a village of another town is out of this town's reach
    const elsewhere = boardBody.items.find((i) => i.org.code.slice(0, 9) !== townCode);
    if (elsewhere) {
      const out = await town.request('PUT', '/api/assessment/manual-scores', {
        assessmentId: elsewhere.id,
        indicator: manual.indicator,
        score: 1,
        evidence: 'x',
      });
      expect(out.status).toBe(404);
    }
  });

  test('approval waits for every town; then publish opens the appeal window', async () => {
    const early = await county.post<{ code: string }>('/api/assessment/rounds/transitions', {
      year: YEAR,
      action: 'approve',
    });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('ASSESSMENT_TOWNS_NOT_REVIEWED');
    const towns = [...new Set(boardBody.items.map((i) => i.org.code.slice(0, 9)))];
    for (const code of towns) {
      const reviewed = await (await server.as(code)).post<{ reviewed: number }>('/api/assessment/reviews', {
        year: YEAR,
      });
      expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
      expect(reviewed.body.reviewed).toBeGreaterThan(0);
    }
    expect(
      (await county.post('/api/assessment/rounds/transitions', { year: YEAR, action: 'approve' })).status,
    ).toBe(200);
    const locked = await county.post<{ code: string }>('/api/assessment/rounds', { year: YEAR });
    expect(locked.body.code).toBe('ASSESSMENT_ROUND_LOCKED');
    const published = await county.post<{ state: string; appealUntil: string }>(
      '/api/assessment/rounds/transitions',
      {
        year: YEAR,
        action: 'publish',
      },
    );
    expect(published.body.state).toBe('published');
    expect(published.body.appealUntil > shanghaiToday()).toBe(true);
  });

  test('the secretary sees the score with each indicator’s records, appeals once, and the county decides', async () => {
    const item = [...boardBody.items].sort((a, b) => a.total - b.total)[0];
    if (!item) throw new Error('no board item');
    const secretary = await server.as(item.org.code);
    const mine = await secretary.get<{ years: { id: number; year: number }[] }>('/api/assessment/mine');
    expect(mine.body.years.map((y) => y.year)).toContain(YEAR);
    const detail = await secretary.get<{
      indicators: { indicator: string; source: string; note: string; score: number | null }[];
      round: { lines: (number | null)[] };
    }>(`/api/assessments/${item.id}`);
    expect(detail.status).toBe(200);
    for (const i of detail.body.indicators) expect(i.note.length).toBeGreaterThan(0);
    for (const code of ['org_life', 'case_satisfaction', 'dues', 'training', 'development']) {
      if (!detail.body.indicators.some((i) => i.indicator === code)) continue;
      const rec = await secretary.get<{ kind: string; total: number }>(
        `/api/assessments/${item.id}/indicators/${code}/records`,
      );
      expect(rec.status, JSON.stringify(rec.body)).toBe(200);
      expect(rec.body.kind).not.toBe('none');
    }
    const appeal = await secretary.post<{ id: number }>(`/api/assessments/${item.id}/appeal`, {
      reason: '本村全年组织生活会议记录已补录，请复核组织生活落实率',
      indicator: 'org_life',
    });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    const again = await secretary.post<{ code: string }>(`/api/assessments/${item.id}/appeal`, {
      reason: '再次申诉测试',
    });
    expect(again.body.code).toBe('APPEAL_EXISTS');
    // another village's secretary cannot appeal this one
    const other = boardBody.items.find((i) => i.org.code.slice(0, 9) !== item.org.code.slice(0, 9));
    if (other)
      expect(
        (
          await (
            await server.as(other.org.code)
          ).post(`/api/assessments/${item.id}/appeal`, { reason: '越权申诉测试' })
        ).status,
      ).toBe(404);

    const noCorrection = await county.post<{ code: string }>(
      `/api/assessment/appeals/${appeal.body.id}/decision`,
      {
        outcome: 'upheld',
        decision: '申诉成立',
      },
    );
    expect(noCorrection.body.code).toBe('APPEAL_CORRECTION_REQUIRED');
    const decided = await county.post<{ state: string; totalAfter: number }>(
      `/api/assessment/appeals/${appeal.body.id}/decision`,
      {
        outcome: 'upheld',
        decision: '经核查补录会议记录属实，组织生活落实率更正为满分',
        corrections: [{ indicator: 'org_life', score: 100, note: '补录会议记录' }],
      },
    );
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.totalAfter).toBeGreaterThanOrEqual(item.total);
    const seen = await secretary.get<{
      appeal: { state: string };
      total: number;
      indicators: { indicator: string; score: number }[];
    }>(`/api/assessments/${item.id}`);
    expect(seen.body.appeal.state).toBe('upheld');
    expect(seen.body.total).toBe(decided.body.totalAfter);
    expect(seen.body.indicators.find((i) => i.indicator === 'org_life')?.score).toBe(100);
    const twice = await county.post<{ code: string }>(`/api/assessment/appeals/${appeal.body.id}/decision`, {
      outcome: 'rejected',
      decision: '重复处理',
    });
    expect(twice.body.code).toBe('APPEAL_DECIDED');
    const list = await county.get<{ items: { state: string }[] }>(`/api/assessment/appeals?year=${YEAR}`);
    expect(list.body.items.map((i) => i.state)).toEqual(['upheld']);
  });

  test('the board as Excel, audited', async () => {
    const before = await auditCount();
    const res = await county.get(`/api/assessment/board.xlsx?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(await auditCount()).toBe(before + 1);
  });
});
