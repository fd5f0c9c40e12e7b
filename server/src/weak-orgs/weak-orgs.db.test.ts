// 软弱涣散 over real HTTP on both engines: a village whose secretary post has been vacant for months is
// found by the criteria (with its figures), the county lists it (within its share; another org only
// with a written reason), the town keeps the ledger to 销号 and the county accepts it with evidence and,
// six months on, reviews it; refusals name the rule and change nothing; the figures go up the tree.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { addDays, shanghaiToday } from '../recruitment/domain/dates.ts';

let database: Database;
let server: TestServer;
let county: TestClient;
let town: TestClient;
const TODAY = shanghaiToday();
const YEAR = Number(TODAY.slice(0, 4));
const COUNTY = '440704';
let village: { id: number; code: string; name: string };
let ledgerId = 0;

type Candidates = {
  items: { org: { id: number }; hits: { criterion: string; zh: string }[]; listed: boolean }[];
  limit: number;
  villages: number;
};
type Ledger = {
  state: string;
  actions: string[];
  problems: { id: number; doneOn: string | null }[];
  progress: { action: string; note: string }[];
  reasons: { hits: { criterion: string }[] };
  reviewDueOn: string | null;
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
  village = await database.db
    .selectFrom('org')
    .select(['id', 'code', 'name'])
    .where('level', '=', 'village')
    .where('code', 'like', `${COUNTY}005%`)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  // the village's secretary left 200 days ago (transferred) and no one has been elected since: in the
  // cadre posts (issue 14), and in the org's terms for a village without cadre records
  await database.db
    .updateTable('cadre_post')
    .set({ ended_on: addDays(TODAY, -200), end_reason: '调任' })
    .where('org_id', '=', village.id)
    .where('post', '=', 'party_secretary')
    .where('ended_on', 'is', null)
    .execute();
  await database.db
    .insertInto('org_term')
    .values({
      org_id: village.id,
      county_code: COUNTY,
      elected_on: addDays(TODAY, -200),
      term_years: 5,
      note: '书记调任，职位空缺',
    })
    .execute();
  county = await server.as(COUNTY);
  town = await server.as(`${COUNTY}005`);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('a weak org found, listed, rectified and accepted', () => {
  test('the criteria find the vacant secretary post, with its figures', async () => {
    const res = await county.get<Candidates>(`/api/weak-orgs/candidates?year=${YEAR}`);
    expect(res.status).toBe(200);
    const mine = res.body.items.find((i) => i.org.id === village.id);
    expect(mine?.hits.map((h) => h.criterion)).toContain('secretary_vacant');
    expect(mine?.hits.find((h) => h.criterion === 'secretary_vacant')?.zh).toContain('空缺 200 天');
    expect(res.body.limit).toBe(Math.ceil(res.body.villages * 0.1));
  });

  test('the county lists it; over the share, without a reason or twice is refused and writes nothing', async () => {
    const others = await database.db
      .selectFrom('org')
      .select('id')
      .where('level', '=', 'village')
      .where('code', 'like', `${COUNTY}%`)
      .where('id', '<>', village.id)
      .orderBy('code')
      .limit(10)
      .execute();
    const before = await auditCount();
    const over = await county.post<{ code: string }>('/api/weak-orgs', {
      year: YEAR,
      items: others.map((o) => ({ orgId: o.id, manualReason: '县委认定' })),
    });
    expect(over.body.code).toBe('WEAK_ORG_OVER_SHARE');
    const candidates = await county.get<Candidates>(`/api/weak-orgs/candidates?year=${YEAR}`);
    const plain = others.find((o) => !candidates.body.items.some((i) => i.org.id === o.id));
    if (plain) {
      const noReason = await county.post<{ code: string }>('/api/weak-orgs', {
        year: YEAR,
        items: [{ orgId: plain.id }],
      });
      expect(noReason.body.code).toBe('WEAK_ORG_REASON_REQUIRED');
    }
    const byTown = await town.post<{ code: string }>('/api/weak-orgs', {
      year: YEAR,
      items: [{ orgId: village.id }],
    });
    expect(byTown.body.code).toBe('WEAK_ORG_COUNTY_ONLY');
    expect(await auditCount()).toBe(before);
    const listed = await county.post<{ listed: number[] }>('/api/weak-orgs', {
      year: YEAR,
      items: [{ orgId: village.id }],
    });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    ledgerId = listed.body.listed[0] as number;
    const twice = await county.post<{ code: string }>('/api/weak-orgs', {
      year: YEAR,
      items: [{ orgId: village.id }],
    });
    expect(twice.body.code).toBe('WEAK_ORG_ALREADY_LISTED');
  });

  test('the town sets the plan, closes the problems with evidence and asks for 销号', async () => {
    const secretary = await server.as(village.code);
    const seen = await secretary.get<Ledger>(`/api/weak-orgs/${ledgerId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.reasons.hits.map((h) => h.criterion)).toContain('secretary_vacant');
    expect(seen.body.actions).toEqual([]);
    const planBody = {
      plan: '选优配强村党组织书记，规范组织生活，每月向镇党委报告整顿进展',
      cadreName: '陈志明',
      cadrePost: '礼乐街道党工委副书记',
      deadline: addDays(TODAY, 90),
      problems: [
        {
          problem: '书记职位空缺',
          measure: '从本村致富能手和返乡大学生中选配书记',
          deadline: addDays(TODAY, 30),
        },
        { problem: '组织生活不经常', measure: '每月固定主题党日，季度召开党员大会' },
      ],
    };
    expect((await secretary.request('PUT', `/api/weak-orgs/${ledgerId}/plan`, planBody)).status).toBe(403);
    const plan = await town.request<{ state: string }>('PUT', `/api/weak-orgs/${ledgerId}/plan`, planBody);
    expect(plan.body.state).toBe('rectifying');
    const ledger = await town.get<Ledger>(`/api/weak-orgs/${ledgerId}`);
    const [p1, p2] = ledger.body.problems as [Ledger['problems'][0], Ledger['problems'][0]];
    expect(ledger.body.actions).toEqual(['plan', 'request_acceptance']);
    const future = await town.post<{ code: string }>(`/api/weak-orgs/${ledgerId}/progress`, {
      onDate: addDays(TODAY, 1),
      note: '提前',
    });
    expect(future.body.code).toBe('LEDGER_DATE');
    await town.post(`/api/weak-orgs/${ledgerId}/progress`, {
      onDate: TODAY,
      note: '经镇党委研究，选派驻村干部兼任书记',
      problemId: p1.id,
      evidence: '镇党委会议纪要',
    });
    const early = await town.post<{ code: string }>(`/api/weak-orgs/${ledgerId}/transitions`, {
      action: 'request_acceptance',
    });
    expect(early.body.code).toBe('LEDGER_PROBLEMS_OPEN');
    await town.post(`/api/weak-orgs/${ledgerId}/progress`, {
      onDate: TODAY,
      note: '连续三个月按时开展主题党日',
      problemId: p2.id,
      evidence: '会议记录和照片',
    });
    const asked = await town.post<{ state: string }>(`/api/weak-orgs/${ledgerId}/transitions`, {
      action: 'request_acceptance',
      note: '整改完成',
    });
    expect(asked.body.state).toBe('acceptance_requested');
    const townAccepts = await town.post<{ code: string }>(`/api/weak-orgs/${ledgerId}/transitions`, {
      action: 'accept',
      evidence: 'x',
    });
    expect(townAccepts.body.code).toBe('WEAK_ORG_COUNTY_ONLY');
  });

  test('the county accepts with evidence; 回头看 six months later', async () => {
    const noEvidence = await county.post<{ code: string }>(`/api/weak-orgs/${ledgerId}/transitions`, {
      action: 'accept',
    });
    expect(noEvidence.body.code).toBe('LEDGER_EVIDENCE_REQUIRED');
    const accepted = await county.post<{ state: string }>(`/api/weak-orgs/${ledgerId}/transitions`, {
      action: 'accept',
      evidence: '县委组织部实地验收：书记到位，组织生活正常，群众满意度测评 92%',
    });
    expect(accepted.body.state).toBe('accepted');
    const ledger = await county.get<Ledger>(`/api/weak-orgs/${ledgerId}`);
    expect(ledger.body.reviewDueOn && ledger.body.reviewDueOn > TODAY).toBe(true);
    const early = await county.post<{ code: string }>(`/api/weak-orgs/${ledgerId}/transitions`, {
      action: 'review',
    });
    expect(early.body.code).toBe('LEDGER_REVIEW_NOT_DUE');
    // six months pass
    await database.db
      .updateTable('weak_org')
      .set({ review_due_on: TODAY })
      .where('id', '=', ledgerId)
      .execute();
    const reviewed = await county.post<{ state: string }>(`/api/weak-orgs/${ledgerId}/transitions`, {
      action: 'review',
      note: '回头看：整顿成果巩固，组织生活正常',
    });
    expect(reviewed.body.state).toBe('reviewed');
    const after = await county.get<Ledger>(`/api/weak-orgs/${ledgerId}`);
    expect(after.body.progress.map((p) => p.action)).toEqual([
      'list',
      'plan',
      'problem_done',
      'problem_done',
      'request_acceptance',
      'accept',
      'review',
    ]);
    expect(after.body.actions).toEqual([]);
  });

  test('the figures go up the tree', async () => {
    const byTown = await county.get<{
      totals: { listed: number; byState: Record<string, number> };
      children: { org: { name: string }; listed: number }[];
    }>(`/api/weak-orgs/figures?year=${YEAR}`);
    expect(byTown.body.totals, JSON.stringify(byTown.body)).toEqual({ listed: 1, byState: { reviewed: 1 } });
    expect(byTown.body.children).toHaveLength(1);
    const city = await server.as('4407');
    const byCounty = await city.get<{ children: { org: { name: string }; listed: number }[] }>(
      `/api/weak-orgs/figures?year=${YEAR}`,
    );
    expect(byCounty.body.children.map((c) => c.listed)).toEqual([1]);
    const list = await town.get<{ items: { state: string; problems: number; problemsDone: number }[] }>(
      `/api/weak-orgs?year=${YEAR}`,
    );
    expect(list.body.items).toMatchObject([{ state: 'reviewed', problems: 2, problemsDone: 2 }]);
  });
});
