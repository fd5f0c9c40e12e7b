// 小微权力清单 over real HTTP on both engines: the county keeps its list (another county cannot change
// it); a village opens a record that must follow its power's procedure (a step out of order is 422);
// an unmatched record and a negative-list record are flagged and the town reviews them; counts by
// village and by power; bad input answers 400 naming the field and writes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';

let database: Database;
let server: TestServer;
let secretary: TestClient;
let town: TestClient;
let county: TestClient;
let otherCounty: TestClient;
type Org = { id: number; code: string };
let village: Org;
const today = shanghaiToday();
type List = {
  positive: { id: number; code: string; steps: { name: string }[] }[];
  negative: { id: number; code: string }[];
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const rows = await database.db
    .selectFrom('org')
    .select(['id', 'code'])
    .where('level', '=', 'village')
    .orderBy('code')
    .execute();
  village = rows[0] as Org;
  secretary = await server.as(village.code);
  town = await server.as(village.code.slice(0, 9));
  county = await server.as(village.code.slice(0, 6));
  otherCounty = await server.as(village.code.startsWith('440703') ? '440704' : '440703');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('the county list', () => {
  test('a village reads its county’s list: 34 powers with procedures, 8 prohibitions', async () => {
    const res = await secretary.get<List>('/api/power-list');
    expect(res.status).toBe(200);
    expect(res.body.positive).toHaveLength(34);
    expect(res.body.negative).toHaveLength(8);
    expect(res.body.positive.every((p) => p.steps.length > 0)).toBe(true);
  });

  test('the county adds and retires an item; another county and a village cannot', async () => {
    const body = {
      kind: 'positive',
      code: 'Z35',
      name: '村级光伏收益分配',
      category: 'finance',
      steps: [{ name: '制定方案', actor: '村股份经济合作社', evidence: '方案' }],
      keywords: ['光伏'],
    };
    expect((await secretary.post('/api/power-list/items', body)).status).toBe(403);
    const created = await county.post<{ id: number }>('/api/power-list/items', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await county.post('/api/power-list/items', body)).status).toBe(409);
    expect(
      (await otherCounty.request('PUT', `/api/power-list/items/${created.body.id}`, { active: false }))
        .status,
    ).toBe(404);
    const retired = await county.request<{ active: boolean }>(
      'PUT',
      `/api/power-list/items/${created.body.id}`,
      {
        active: false,
      },
    );
    expect(retired.body.active).toBe(false);
    const noSteps = await county.post('/api/power-list/items', { ...body, code: 'Z36', steps: [] });
    expect(noSteps.status).toBe(400);
    expect(noSteps.body).toMatchObject({ details: { field: 'steps' } });
  });
});

describe('power use', () => {
  test('a record follows its power’s procedure, strictly in order', async () => {
    const list = (await secretary.get<List>('/api/power-list')).body;
    const seal = list.positive.find((p) => p.code === 'Z07') as List['positive'][number];
    const opened = await secretary.post<{ id: number; flag: string | null }>('/api/power-uses', {
      orgId: village.id,
      itemId: seal.id,
      title: '为村民开具居住证明用印',
      startedOn: today,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body.flag).toBeNull();
    const skip = await secretary.post(`/api/power-uses/${opened.body.id}/steps`, {
      index: 2,
      doneOn: today,
      actorName: '书记',
      evidence: '签字',
    });
    expect(skip.status).toBe(422);
    expect(skip.body).toMatchObject({ code: 'POWER_STEP_ORDER', details: { expected: 1, given: 2 } });
    const noEvidence = await secretary.post(`/api/power-uses/${opened.body.id}/steps`, {
      index: 1,
      doneOn: today,
      actorName: '申请人',
    });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body).toMatchObject({ details: { field: 'evidence' } });
    for (let i = 1; i <= seal.steps.length; i++) {
      const res = await secretary.post<{ status: string; stepsDone: number }>(
        `/api/power-uses/${opened.body.id}/steps`,
        {
          index: i,
          doneOn: today,
          actorName: '经办人',
          evidence: '已存档',
        },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.stepsDone).toBe(i);
    }
    const done = await secretary.get<{ status: string }>(`/api/power-uses/${opened.body.id}`);
    expect(done.body.status).toBe('completed');
  });

  test('unmatched and negative-list records are flagged to the town, which reviews them', async () => {
    const unmatched = await secretary.post<{ id: number; flag: string }>('/api/power-uses', {
      orgId: village.id,
      title: '组织村民外出旅游',
      startedOn: today,
    });
    expect(unmatched.body.flag).toBe('unmatched');
    const negative = await secretary.post<{ id: number; flag: string; flagDetail: { negativeCode: string } }>(
      '/api/power-uses',
      {
        orgId: village.id,
        title: '以村委会名义为本村企业贷款提供担保',
        startedOn: today,
      },
    );
    expect(negative.body).toMatchObject({ flag: 'negative', flagDetail: { negativeCode: 'F01' } });
    const flagged = await town.get<{ items: { id: number }[] }>(
      '/api/power-uses?unreviewed=true&pageSize=200',
    );
    expect(flagged.body.items.map((u) => u.id)).toEqual(
      expect.arrayContaining([unmatched.body.id, negative.body.id]),
    );
    const told = await database.db
      .selectFrom('notification')
      .innerJoin('account', 'account.id', 'notification.account_id')
      .select(['account.username', 'notification.body'])
      .where('notification.kind', '=', 'power_use_flagged')
      .execute();
    expect(told.filter((n) => n.username === village.code.slice(0, 9))).toHaveLength(2);
    expect(told.map((n) => n.body).join('\n')).toContain('以村委会名义为本村企业贷款提供担保');
    expect(
      (await secretary.post(`/api/power-uses/${negative.body.id}/review`, { note: '自查' })).status,
    ).toBe(403);
    const reviewed = await town.post<{ flagReviewNote: string }>(
      `/api/power-uses/${negative.body.id}/review`,
      { note: '已约谈村党组织书记，责令撤回担保。' },
    );
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect((await town.post(`/api/power-uses/${negative.body.id}/review`, { note: '再次' })).status).toBe(
      409,
    );
  });

  test('bad input names the field and writes nothing', async () => {
    const before = await database.db
      .selectFrom('power_use')
      .select(database.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await secretary.post('/api/power-uses', {
      orgId: village.id,
      itemId: 999_999_999,
      title: '采购',
      startedOn: today,
    });
    // an item the caller cannot see: the access layer answers before the rules (404, its id)
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: expect.stringMatching(/_NOT_FOUND$/),
      details: { id: 999_999_999 },
    });
    const noTitle = await secretary.post('/api/power-uses', { orgId: village.id, startedOn: today });
    expect(noTitle.status).toBe(400);
    const after = await database.db
      .selectFrom('power_use')
      .select(database.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  test('counts by village and by power', async () => {
    const res = await town.get<{
      rows: { org: { id: number }; uses: number; unmatched: number; negative: number }[];
      byPower: { code: string; uses: number }[];
    }>('/api/power-figures');
    expect(res.status).toBe(200);
    const row = res.body.rows.find((r) => r.org.id === village.id);
    expect(row?.uses).toBeGreaterThan(2);
    expect(row?.unmatched).toBeGreaterThan(0);
    expect(res.body.byPower.find((p) => p.code === 'Z07')?.uses).toBeGreaterThan(0);
    const file = await town.get('/api/power-uses.xlsx?flag=any');
    expect(file.status).toBe(200);
  });
});
