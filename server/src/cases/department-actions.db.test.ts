// A department's side of the loop over real HTTP on both engines (issue 11): it is offered only the
// actions of the cases dispatched to it, a return it made is answered with where the case went (not
// 404), and the loser of a race is answered 409 with the case's current state.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';

let database: Database;
let server: TestServer;
let dispatcher: TestClient;
let worker: TestClient;
let grid: { code: string; center_lng: number; center_lat: number };

type Body = {
  id: number;
  caseNo: string;
  state: string;
  version: number;
  allowedActions?: string[];
  left?: boolean;
  code?: string;
  message_zh?: string;
  details?: Record<string, unknown>;
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  grid = await database.db
    .selectFrom('grid')
    .select(['code', 'center_lng', 'center_lat'])
    .where('code', 'like', '440704001%')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  worker = await server.as(grid.code);
  dispatcher = await server.as('440704001');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function dispatched(): Promise<Body> {
  const res = await worker.post<{ case: Body }>('/api/cases', {
    title: '井盖缺失',
    description: '小区门口井盖不见了',
    categoryCode: 'C01-01',
    lng: grid.center_lng,
    lat: grid.center_lat,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  let c = res.body.case;
  for (const body of [{ action: 'file' }, { action: 'dispatch' }]) {
    const r = await dispatcher.post<Body>(`/api/cases/${c.id}/transitions`, { version: c.version, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    c = r.body;
  }
  return c;
}

const act = (client: TestClient, c: Body, body: Record<string, unknown>) =>
  client.post<Body>(`/api/cases/${c.id}/transitions`, { version: c.version, ...body });

describe('a department and the cases that leave it', () => {
  test('a return is answered with the case’s new state, and acting again answers 409, not 404', async () => {
    const c = await dispatched();
    const water = await server.as('440704-water');
    const returned = await act(water, c, { action: 'return', note: '不属于本部门职责' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ id: c.id, caseNo: c.caseNo, state: 'returned', left: true });
    const again = await act(water, returned.body, { action: 'accept' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_LEFT_DEPARTMENT');
    expect(again.body.message_zh).toContain('已退回');
    expect(again.body.message_zh).toContain(c.caseNo);
    // a department that never had the case still cannot tell it exists
    const police = await server.as('440704-police');
    expect((await act(police, c, { action: 'accept' })).status).toBe(404);
  });

  test('accept and return at once: one wins, the other is told the current state with 409', async () => {
    const c = await dispatched();
    const water = await server.as('440704-water');
    const [a, b] = await Promise.all([
      act(water, c, { action: 'accept' }),
      act(water, c, { action: 'return', note: '不属于本部门职责' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['VERSION_CONFLICT', 'CASE_LEFT_DEPARTMENT']).toContain(loser.body.code);
    expect(loser.body.details?.state).toBeTruthy();
    expect(loser.body.message_zh).toMatch(/现为「(处置中|已退回)」/);
  });

  test('a summoned department is offered none of the owning department’s actions', async () => {
    const c = await dispatched();
    const depts = await database.db
      .selectFrom('department')
      .select(['id', 'code'])
      .where('code', 'in', ['440704-water', '440704-housing'])
      .execute();
    const housing = depts.find((d) => d.code === '440704-housing');
    if (!housing) throw new Error('no housing department');
    const water = await server.as('440704-water');
    const accepted = await act(water, c, { action: 'accept' });
    expect(accepted.body.allowedActions).toEqual(['return', 'request_extension', 'feedback']);
    const whistled = await act(dispatcher, accepted.body, {
      action: 'whistle',
      departmentIds: [housing.id],
      note: '请住建部门到场',
    });
    expect(whistled.status, JSON.stringify(whistled.body)).toBe(200);
    const seen = await (await server.as('440704-housing')).get<Body>(`/api/cases/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual([]);
    const refused = await act(await server.as('440704-housing'), seen.body, {
      action: 'return',
      note: '不是我的',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_CASE_DEPARTMENT');
    // summoning the same department again names it
    const twice = await act(dispatcher, whistled.body, {
      action: 'whistle',
      departmentIds: [housing.id],
      note: '再次吹哨',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message_zh).not.toMatch(/部门 \d+/);
    expect(twice.body.message_zh).toContain('住房');
  });
});
