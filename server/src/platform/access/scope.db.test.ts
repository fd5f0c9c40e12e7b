// Generated from the route table: no actor of side A — a village's secretary, its town's and its
// county's administrators, a grid worker, the county's department, a resident, a member — can read or
// change a record of side B (a village of another county) through any id in any place: the url's
// `:id` (scopeResource), a second path parameter, the query string or the body (RouteSpec.ids).
// Each refusal is 404 `<KIND>_NOT_FOUND` and writes nothing; lists never leak.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTES } from '../../app.ts';
import { shanghaiToday } from '../../recruitment/domain/dates.ts';
import { villageBodyFor, villageCaller } from '../../village-cadres/testing/scope-samples.ts';
import type { Database } from '../db/engine.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { installWriteProbe, lastWrites, writesSoFar } from '../db/testing/write-probe.ts';
import type { RouteSpec } from '../http/route.ts';
import { queryString, requestFor } from '../http/testing/route-requests.ts';
import { startTestServer, type TestClient, type TestServer } from '../http/testing/test-server.ts';
import { makeIdNumber } from '../text/id-number.ts';
import { can } from './permissions.ts';
import { CITY_WIDE, REACH_KIND, type Reach } from './reach.ts';
import { buildScopeFixture, type SampleKind, type ScopeFixture, type Side } from './testing/scope-fixture.ts';

let database: Database;
let server: TestServer;
let fx: ScopeFixture;
const actors = new Map<keyof Side['users'], TestClient>();
const ROLE_OF = {
  village: 'secretary',
  town: 'org_admin',
  county: 'org_admin',
  gridWorker: 'grid_worker',
  department: 'department_staff',
  resident: 'resident',
  member: 'member',
} as const;
type ActorName = keyof typeof ROLE_OF;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  fx = await buildScopeFixture(database, server);
  for (const name of Object.keys(ROLE_OF) as ActorName[]) actors.set(name, await server.as(fx.a.users[name]));
  await installWriteProbe(database.db);
}, 240_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** The side-A actors whose role may call the route at all (the others get 403 before any id is read). */
function callers(r: RouteSpec): ActorName[] {
  return (Object.keys(ROLE_OF) as ActorName[]).filter((name) => {
    if (r.access === 'signed_in') return true;
    if (r.access === 'public' || r.access === 'api_key') return false;
    return can(ROLE_OF[name], r.access);
  });
}

/**
 * Who acts on side A's own record of a url `:id` route: the village's town for the towns' village
 * routes; else the village's secretary where the role may call the route, else the village's county.
 */
function ownCaller(r: RouteSpec): TestClient {
  if (villageCaller(r) === 'town') return actors.get('town') as TestClient;
  if (r.access === 'signed_in' || can('secretary', r.access as never)) return fx.secretaryA;
  return actors.get('county') as TestClient;
}

/** A body the own caller can act with on its own record (for the url's `:id` routes). */
async function bodyFor(r: RouteSpec): Promise<unknown> {
  const own = fx.samples;
  const year = Number(shanghaiToday().slice(0, 4));
  if (r.url === '/api/weak-orgs/:id/transitions') return { action: 'request_acceptance', note: '申请销号' };
  const village = await villageBodyFor(database.db, r, own, ownCaller(r));
  if (village !== undefined) return village;
  if (r.url.endsWith('/reveal')) return { field: 'idNumber' };
  if (r.method === 'POST' && r.url === '/api/orgs/:id/members')
    return {
      name: '范围测试员',
      idNumber: makeIdNumber('440704', '1990-02-02', 905),
      ethnicity: '汉族',
      phone: '13800138000',
      education: 'bachelor',
      occupation: 'in_service',
      status: 'full',
      joinedOn: '2015-07-01',
      convertedOn: '2016-07-01',
    };
  if (r.url.startsWith('/api/transfers/')) return { action: 'withdraw' };
  if (r.url.startsWith('/api/mobile-members/') && r.url.endsWith('/transitions')) return { action: 'end' };
  if (r.url.startsWith('/api/mobile-members/') && r.url.endsWith('/activities'))
    return { on: shanghaiToday(), kind: '主题党日', topic: '学习' };
  if (r.url.endsWith('/transitions')) {
    const c = await database.db
      .selectFrom('civic_case')
      .select('version')
      .where('id', '=', own.case.own)
      .executeTakeFirstOrThrow();
    return { action: 'supervise', supervision: 'ordinary', version: c.version };
  }
  if (r.url.includes('/summons/')) return { note: '已到场' };
  if (r.url.startsWith('/api/dues/members/'))
    return { baseFen: 300_000, fromMonth: shanghaiToday().slice(0, 7) };
  if (r.url.startsWith('/api/dues/orgs/'))
    return { month: shanghaiToday().slice(0, 7), paidOn: shanghaiToday(), payments: [] };
  if (r.url.startsWith('/api/training/') && r.url.endsWith('/sessions'))
    return { heldOn: shanghaiToday(), topic: '党课', hours: 1 };
  if (r.url.startsWith('/api/training/') && r.url.endsWith('/attendance'))
    return {
      sessionId: own.training_session.own,
      attendance: [{ enrollmentId: own.training_enrollment.own }],
    };
  if (r.url.startsWith('/api/recruitment/') && r.url.endsWith('/steps'))
    return { step: 2, on: shanghaiToday(), by: '支部书记' };
  if (r.url === '/api/weak-orgs/:id/plan')
    return {
      plan: '范围测试整顿方案',
      cadreName: '张三',
      cadrePost: '镇党委副书记',
      deadline: shanghaiToday(),
      problems: [{ problem: '组织生活不规范', measure: '按月召开主题党日' }],
    };
  if (r.url === '/api/weak-orgs/:id/progress') {
    const p = await database.db
      .selectFrom('rectification_problem')
      .select('id')
      .where('weak_org_id', '=', own.weak_org.own)
      .orderBy('seq')
      .executeTakeFirst();
    return {
      onDate: shanghaiToday(),
      note: '已整改',
      ...(p ? { problemId: p.id, evidence: '会议记录' } : {}),
    };
  }
  if (r.url === '/api/contests/:id/entries') return { topic: '范围测试题目', goals: ['目标一'] };
  if (r.url === '/api/contests/:id/scores') {
    const entries = await database.db
      .selectFrom('contest_entry')
      .select('id')
      .where('contest_id', '=', own.contest.own)
      .execute();
    return { scores: entries.map((e) => ({ entryId: e.id, judge: '评委甲', score: 90 })), votes: [] };
  }
  if (r.url.endsWith('/enterprises/:id/years'))
    return { year: year - 1, revenueFen: 1_200_000_00, dividendsFen: 300_000_00, jobs: 25 };
  if (r.url === '/api/assessments/:id/appeal') return { reason: '范围测试：对考核结果申诉' };
  if (r.url === '/api/assessment/appeals/:id/decision')
    return { outcome: 'rejected', decision: '经核查维持原结果' };
  if (r.url.startsWith('/api/recruitment/') && r.url.endsWith('/events'))
    return {
      action: 'training',
      title: '党课',
      startsOn: shanghaiToday(),
      endsOn: shanghaiToday(),
      hours: 8,
    };
  return {};
}

const auditRows = async () =>
  Number(
    (
      await database.db
        .selectFrom('audit_log')
        .select(database.db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Runs `call` and checks it wrote nothing at all (no audit row, no row of any table). */
async function changesNothing<T>(call: () => Promise<T>): Promise<T> {
  const [audit, writes] = [await auditRows(), await writesSoFar(database.db)];
  const res = await call();
  const written = (await writesSoFar(database.db)) - writes;
  expect(written, `wrote ${(await lastWrites(database.db, written)).join(', ')}`).toBe(0);
  expect(await auditRows()).toBe(audit);
  return res;
}

const byUrl = ROUTES.filter((r) => r.scopeResource);

describe.each(byUrl.map((r) => [`${r.method} ${r.url}`, r] as const))('%s (url :id)', (_name, r) => {
  const resource = r.scopeResource ?? 'org';
  const call = async (client: TestClient, id: number) => {
    const url = r.url
      .replace(':id', String(id))
      .replace(':departmentId', String(fx.samples.department.own))
      .replace(':indicator', 'org_life');
    return r.method === 'GET' ? client.get(url) : client.request(r.method, url, await bodyFor(r));
  };

  test('side A reaches its own record', async () => {
    const res = await call(ownCaller(r), fx.samples[resource].own);
    // the import takes an Excel file, not JSON: inside the scope it gets as far as asking for the file
    if (r.url.endsWith('/members/import')) {
      expect((res.body as { code: string }).code).toBe('FILE_REQUIRED');
      return;
    }
    expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  });

  test.each(callers(r))('%s of side A: 404 for side B’s record, nothing written', async (name) => {
    const client = actors.get(name) as TestClient;
    const res = await changesNothing(() => call(client, fx.samples[resource].other));
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect((res.body as { code: string }).code).toMatch(/_NOT_FOUND$/);
  });
});

/** Every declared id of every route: [route, where, path, reach]. */
const declared = ROUTES.flatMap((r) =>
  (['params', 'query', 'body'] as const).flatMap((part) =>
    Object.entries(r.ids?.[part] ?? {}).map(([path, reach]) => [r, part, path, reach] as const),
  ),
);

/** The request with every id own, except the one at `part`/`path`, which is `value`. */
function requestWith(r: RouteSpec, part: 'params' | 'query' | 'body', path: string, value: number) {
  const req = requestFor(
    r,
    (kind) => fx.samples[('resource' in kind ? kind.resource : kind.reach) as SampleKind].own,
    { part, path },
  );
  const put = (target: unknown, segments: string[]): void => {
    const [head, ...rest] = segments;
    if (!head || !target || typeof target !== 'object') return;
    const list = head.endsWith('[]');
    const key = list ? head.slice(0, -2) : head;
    const obj = target as Record<string, unknown>;
    if (list) {
      const items = (obj[key] as unknown[]) ?? [];
      if (rest.length === 0) obj[key] = items.length ? items.map(() => value) : [value];
      else for (const item of items) put(item, rest);
    } else if (rest.length === 0) obj[key] = value;
    else put(obj[key], rest);
  };
  put(part === 'params' ? req.params : part === 'query' ? req.query : req.body, path.split('.'));
  return { url: req.path() + queryString(req.query), body: req.body, method: req.method };
}

const send = (client: TestClient, req: ReturnType<typeof requestWith>) =>
  req.method === 'GET' ? client.get(req.url) : client.request(req.method, req.url, req.body ?? {});

// the administrators' routes (account:manage …) have no caller on side A: their scope is the city
const callable = declared.filter(([r]) => callers(r).length > 0);
const bounded = callable.filter(([, , , reach]) => !CITY_WIDE.has(reach));
const label = ([r, part, path, reach]: (typeof declared)[number]) =>
  `${r.method} ${r.url} ${part}.${path}→${reach}`;

describe.each(bounded.map((d) => [label(d), ...d] as const))('%s', (_name, r, part, path, reach: Reach) => {
  test('each actor of side A: 404 for side B’s record in this place, nothing written', async () => {
    const other = fx.samples[reach].other;
    expect(callers(r).length).toBeGreaterThan(0);
    for (const name of callers(r)) {
      const req = requestWith(r, part, path, other);
      const res = await changesNothing(() => send(actors.get(name) as TestClient, req));
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(404);
      const body = res.body as { code: string; details?: { id?: number } };
      expect(body.code, name).toBe(`${REACH_KIND[reach].toUpperCase()}_NOT_FOUND`);
      expect(body.details?.id, name).toBe(other);
    }
  });
});

test('only the city’s administrators’ routes take ids that no side-A actor can send', () => {
  const adminOnly = declared.filter(([r]) => callers(r).length === 0).map(([r]) => r.access);
  expect(adminOnly.filter((a) => !['account:manage', 'security:manage', 'audit:read'].includes(a))).toEqual(
    [],
  );
});

describe.each(callable.map((d) => [label(d), ...d] as const))('%s', (_name, r, part, path, reach: Reach) => {
  test('an actor of side A passes this place with its own record', async () => {
    const [first] = callers(r);
    expect(first).toBeDefined();
    const client = first === 'village' ? fx.secretaryA : (actors.get(first as ActorName) as TestClient);
    const own = fx.samples[reach].own;
    const res = await send(client, requestWith(r, part, path, own));
    const body = res.body as { code?: string; details?: { id?: number } };
    const code = `${REACH_KIND[reach].toUpperCase()}_NOT_FOUND`;
    const refusedHere = res.status === 404 && body.code === code && body.details?.id === own;
    expect(refusedHere, JSON.stringify(res.body)).toBe(false);
  });
});

describe('lists stay inside the scope', () => {
  test('the tree starts at the own village and will not open another', async () => {
    const root = await fx.secretaryA.get<{ nodes: { id: number }[] }>('/api/orgs/tree');
    expect(root.body.nodes.map((n) => n.id)).toEqual([fx.a.village.id]);
    const other = await fx.secretaryA.get(`/api/orgs/tree?parentId=${fx.b.village.id}`);
    expect(other.status).toBe(404);
  });

  test('search does not find another village', async () => {
    const res = await fx.secretaryA.get<{ items: unknown[] }>(
      `/api/orgs/search?q=${encodeURIComponent(fx.b.village.name)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const byCode = await fx.secretaryA.get<{ items: unknown[] }>(`/api/orgs/search?q=${fx.b.village.code}`);
    expect(byCode.body.items).toEqual([]);
  });

  test('the map holds only the own village’s grids', async () => {
    const res = await fx.secretaryA.get<{ grids: { code: string }[] }>('/api/map/grids');
    expect(res.body.grids.length).toBeGreaterThan(0);
    for (const g of res.body.grids) expect(g.code.startsWith(fx.a.village.code)).toBe(true);
  });

  test('the member list of the own village holds only its members', async () => {
    const res = await fx.secretaryA.get<{ items: { orgId: number }[]; total: number }>(
      `/api/orgs/${fx.a.village.id}/members?pageSize=200`,
    );
    expect(res.status).toBe(200);
    const inside = await database.db
      .selectFrom('org')
      .select('id')
      .where('path', 'like', `${fx.a.village.path}%`)
      .execute();
    const allowed = new Set(inside.map((o) => o.id));
    for (const m of res.body.items) expect(allowed.has(m.orgId)).toBe(true);
  });

  test('a department, a resident and a member read no org register and no org checks', async () => {
    for (const name of ['department', 'resident', 'member'] as const) {
      const client = actors.get(name) as TestClient;
      for (const url of ['/api/orgs', '/api/orgs/tree', '/api/org-checks', `/api/orgs/${fx.a.county.id}`]) {
        const res = await client.get(url);
        expect(res.status, `${name} ${url}`).toBe(403);
      }
    }
  });

  test('a department reads the case its county summoned it to, and no case of another county', async () => {
    const dept = actors.get('department') as TestClient;
    expect((await dept.get(`/api/cases/${fx.samples.case.own}`)).status).toBe(200);
    expect((await dept.get(`/api/cases/${fx.samples.case.other}`)).status).toBe(404);
  });
});
