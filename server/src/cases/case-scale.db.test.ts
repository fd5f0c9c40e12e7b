// The city-scale reads of issue 13 against what they replace, on both engines: the list walked page by
// page with cursors gives exactly the cases of `scoped.cases` (the access layer's reference form), in
// the order asked, for every kind of account; the statistics from the roll-ups equal a count of the
// cases themselves (metrics.ts tallyCases, lights by stepStatus), right after a write and after the fold.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Actor, makeActor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB, Role } from '../platform/db/schema.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../platform/http/testing/test-server.ts';
import { limitsOf } from './case-common.ts';
import { listCases } from './case-list.service.ts';
import { caseReference } from './case-reference.ts';
import { caseStats } from './case-stats.service.ts';
import { foldAll } from './case-stats-fold.job.ts';
import { OPEN_STATES } from './domain/case-machine.ts';
import { tallyCases } from './domain/metrics.ts';
import { stepStatus } from './domain/sla.ts';

let database: Database;
let db: Kysely<DB>;
let server: TestServer;

async function actorOf(username: string): Promise<Actor> {
  const a = await db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select([
      'account.id',
      'account.username',
      'account.display_name',
      'account.role',
      'account.scope_org_id',
      'org.path',
      'org.county_code',
    ])
    .where('account.username', '=', username)
    .executeTakeFirstOrThrow();
  return makeActor({
    accountId: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role as Role,
    scopeOrgId: a.scope_org_id,
    scopePath: a.path,
    scopeCountyCode: a.county_code,
    mustChangePassword: false,
    clientIp: 'test',
  });
}

const accounts: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  server = await startTestServer(database);
  const grids = await db
    .selectFrom('grid')
    .innerJoin('org as grid_org', 'grid_org.id', 'grid.org_id')
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .innerJoin('org as town', 'town.id', 'village.parent_id')
    .select([
      'grid.id',
      'grid.center_lng',
      'grid.center_lat',
      'grid_org.code as grid_code',
      'village.code as village_code',
      'town.code as town_code',
      'grid.county_code',
    ])
    .where('grid.county_code', '=', '440704')
    .orderBy('grid.id')
    .execute();
  const [own, other] = [grids[0], grids.find((g) => g.town_code !== grids[0]?.town_code)];
  if (!own || !other) throw new Error('the test seed needs two towns in 江海区');
  Object.assign(accounts, {
    city: '4407',
    county: '440704',
    town: own.town_code,
    village: own.village_code,
    worker: own.grid_code,
    department: '440704-urban_management',
    resident: 'resident-440704',
  });
  const unit = await db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select('account.username')
    .where('org.category', '<>', 'territorial')
    .where('account.role', 'in', ['org_admin', 'secretary'])
    .orderBy('account.id')
    .executeTakeFirst();
  if (!unit) throw new Error('the test seed needs an account of a non-territorial org');
  accounts.unit = unit.username;

  // the grid worker reports a case in another town's grid: outside its scope, but its own report
  const worker = await server.as(own.grid_code);
  const away = await worker.post<{ case: { id: number; version: number } }>('/api/cases', {
    categoryCode: 'C01-02',
    title: '路过邻镇发现路灯不亮',
    lng: other.center_lng,
    lat: other.center_lat,
  });
  expect(away.status).toBe(201);
  // the town files and dispatches its own case, and summons the water department to it
  const town = await server.as(own.town_code);
  const mine = await worker.post<{ case: { id: number; version: number } }>('/api/cases', {
    categoryCode: 'C01-02',
    title: '小区门口路灯不亮',
    lng: own.center_lng,
    lat: own.center_lat,
  });
  const filed = await town.post<{ version: number }>(`/api/cases/${mine.body.case.id}/transitions`, {
    action: 'file',
    version: mine.body.case.version,
  });
  const water = await db
    .selectFrom('department')
    .select('id')
    .where('code', 'like', '%water%')
    .where('county_code', '=', '440704')
    .executeTakeFirstOrThrow();
  const whistled = await town.post(`/api/cases/${mine.body.case.id}/transitions`, {
    action: 'whistle',
    version: filed.body.version,
    departmentIds: [water.id],
    note: '请水务到场',
  });
  expect(whistled.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const ORDERS = [
  { sort: 'createdAt', order: 'desc' },
  { sort: 'createdAt', order: 'asc' },
  { sort: 'deadline', order: 'asc' },
  { sort: 'deadline', order: 'desc' },
] as const;

/** Every page of a list, following nextCursor. */
async function walk(actor: Actor, sort: 'createdAt' | 'deadline', order: 'asc' | 'desc', extra = {}) {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const r = await listCases(db, actor, { sort, order, cursor, ...extra }, 1, 37);
    ids.push(...r.items.map((i) => i.id));
    if (!r.nextCursor) return ids;
    cursor = r.nextCursor;
  }
  throw new Error('too many pages');
}

/** The same order in SQL over the reference set. */
async function expected(actor: Actor, sort: 'createdAt' | 'deadline', order: 'asc' | 'desc') {
  const d = sql.raw(order);
  const rows = await scoped
    .cases(db, actor)
    .select('civic_case.id')
    .orderBy(
      sort === 'createdAt'
        ? sql`civic_case.created_at ${d}, civic_case.id ${d}`
        : sql`(civic_case.step_deadline is null), coalesce(civic_case.step_deadline, civic_case.created_at) ${d}, civic_case.id ${d}`,
    )
    .execute();
  return rows.map((r) => r.id);
}

describe('lists through the place columns, page by page', () => {
  test.each(['city', 'county', 'town', 'village', 'worker', 'department', 'resident', 'unit'])(
    '%s: every case of scoped.cases, once, in order, for each sort',
    async (who) => {
      const username = accounts[who];
      if (!username) throw new Error(`the test seed has no ${who} account`);
      const actor = await actorOf(username);
      for (const { sort, order } of ORDERS) {
        const got = await walk(actor, sort, order);
        expect(got, `${who} ${sort} ${order}`).toEqual(await expected(actor, sort, order));
      }
    },
    120_000,
  );

  test('filters narrow the same walk: open states by deadline, a light, a channel', async () => {
    const actor = await actorOf(accounts.town as string);
    const open = OPEN_STATES.join(',');
    const byDeadline = await walk(actor, 'deadline', 'asc', { state: open });
    const rows = await scoped
      .cases(db, actor)
      .select(['civic_case.id', 'civic_case.state'])
      .where('civic_case.state', 'in', [...OPEN_STATES])
      .execute();
    expect(new Set(byDeadline)).toEqual(new Set(rows.map((r) => r.id)));
    const channel = await walk(actor, 'createdAt', 'desc', { channel: 'hotline_12345' });
    const hotline = await scoped
      .cases(db, actor)
      .select('civic_case.id')
      .where('civic_case.channel', '=', 'hotline_12345')
      .execute();
    expect(new Set(channel)).toEqual(new Set(hotline.map((r) => r.id)));
    // lights: each row's light is its light now, and the filter returns exactly those rows
    const page = await listCases(db, actor, { sort: 'deadline', order: 'asc', state: open }, 1, 200);
    for (const light of ['green', 'yellow', 'red'] as const) {
      const filtered = await walk(actor, 'deadline', 'asc', { state: open, light });
      expect(new Set(filtered)).toEqual(
        new Set(page.items.filter((i) => i.light === light).map((i) => i.id)),
      );
    }
  });

  test('a cursor of another order, or one that does not decode, is a 400 naming the parameter', async () => {
    const town = await server.as(accounts.town as string);
    const first = await town.get<{ nextCursor: string }>('/api/cases?pageSize=2&sort=createdAt');
    expect(first.body.nextCursor).toBeTruthy();
    for (const bad of [`/api/cases?sort=deadline&cursor=${first.body.nextCursor}`, '/api/cases?cursor=xyz']) {
      const r = await town.get<{ code: string; details: { field: string } }>(bad);
      expect(r.status, bad).toBe(400);
      expect(r.body.code).toBe('CURSOR_INVALID');
    }
  });
});

/** The oracle: the counts of the cases themselves, as metrics.ts and sla.ts define them. */
async function oracle(actor: Actor, scopeOrgId?: number, from?: Date, to?: Date) {
  const now = new Date();
  const ref = await caseReference(db);
  let q = scoped.cases(db, actor).selectAll('civic_case');
  if (scopeOrgId !== undefined) {
    const org = await db
      .selectFrom('org')
      .select('path')
      .where('id', '=', scopeOrgId)
      .executeTakeFirstOrThrow();
    q = q.where(
      'civic_case.grid_id',
      'in',
      db
        .selectFrom('grid')
        .innerJoin('org', 'org.id', 'grid.org_id')
        .select('grid.id')
        .where('org.path', 'like', `${org.path}%`),
    );
  }
  if (from) q = q.where('civic_case.created_at', '>=', from);
  if (to) q = q.where('civic_case.created_at', '<', to);
  const cases = await q.execute();
  const counts = tallyCases(
    cases.map((c) => ({
      state: c.state,
      createdAt: c.created_at,
      dueAt: c.due_at,
      closedAt: c.closed_at,
      respondBy: c.respond_by,
      respondedAt: c.responded_at,
      handledAt: c.handled_at,
      handlingDeadline: c.handling_deadline,
      evaluation: c.evaluation,
      reworkCount: c.rework_count,
    })),
    now,
  );
  const byLight = { green: 0, yellow: 0, red: 0 };
  for (const c of cases) {
    if (
      !(OPEN_STATES as readonly string[]).includes(c.state) ||
      !c.step ||
      !c.step_started_at ||
      !c.step_deadline
    )
      continue;
    const limit = limitsOf(ref, c.category_code)[c.step];
    byLight[stepStatus(c.step_started_at, limit, now, ref.calendar, undefined, c.step_deadline).light]++;
  }
  return { total: cases.length, counts, byLight };
}

describe('statistics from the roll-ups', () => {
  const compare = async (who: string, scopeOrgId?: number, from?: Date, to?: Date) => {
    const actor = await actorOf(who);
    const input = {
      scopeOrgId,
      from: from?.toISOString(),
      to: to?.toISOString(),
    };
    const stats = await caseStats(db, actor, input);
    const want = await oracle(actor, scopeOrgId, from, to);
    expect(stats.total, who).toBe(want.total);
    const { closeMsTotal, ...counts } = stats.counts;
    const { closeMsTotal: wantMs, ...wantCounts } = want.counts;
    expect(counts, who).toEqual(wantCounts);
    // the roll-up keeps whole milliseconds per case
    expect(Math.abs(closeMsTotal - wantMs), who).toBeLessThan(want.total + 1);
    expect(stats.byLight, who).toEqual(want.byLight);
  };

  test('the city, a county, a town, a village and a grid worker, with and without ranges', async () => {
    const town = await db
      .selectFrom('org')
      .select('id')
      .where('code', '=', accounts.town as string)
      .executeTakeFirstOrThrow();
    const now = Date.now();
    const ranges: [Date | undefined, Date | undefined][] = [
      [undefined, undefined],
      // whole days (China Standard Time), a whole month inside
      [new Date('2026-01-01T00:00:00+08:00'), new Date(now + 86_400_000)],
      // partial days at both ends
      [new Date(now - 45 * 86_400_000 - 3_723_000), new Date(now - 2 * 86_400_000 + 1_234_000)],
    ];
    for (const [from, to] of ranges) {
      for (const who of ['city', 'county', 'town', 'village', 'worker', 'department']) {
        await compare(accounts[who] as string, undefined, from, to);
      }
      await compare(accounts.city as string, town.id, from, to);
    }
  }, 120_000);

  test('a write shows at once, before and after the fold', async () => {
    const town = await server.as(accounts.town as string);
    const worker = await server.as(accounts.worker as string);
    const grid = await db
      .selectFrom('grid')
      .innerJoin('org', 'org.id', 'grid.org_id')
      .select(['grid.center_lng', 'grid.center_lat'])
      .where('org.code', '=', accounts.worker as string)
      .executeTakeFirstOrThrow();
    const before = await caseStats(db, await actorOf(accounts.county as string), {});
    const created = await worker.post<{ case: { id: number; version: number } }>('/api/cases', {
      categoryCode: 'E06-01',
      title: '夜间施工噪声扰民',
      lng: grid.center_lng,
      lat: grid.center_lat,
    });
    const rejected = await town.post(`/api/cases/${created.body.case.id}/transitions`, {
      action: 'reject',
      version: created.body.case.version,
      rejectReason: 'invalid',
      note: '经核实不属实',
    });
    expect(rejected.status).toBe(200);
    const after = await caseStats(db, await actorOf(accounts.county as string), {});
    expect(after.total).toBe(before.total + 1);
    expect(after.byChannel.grid_worker).toBe((before.byChannel.grid_worker ?? 0) + 1);
    await compare(accounts.county as string);
    expect(await foldAll(db)).toBeGreaterThan(0);
    await compare(accounts.county as string);
    await compare(accounts.city as string);
  });

  test("a department's figures come from its own roll-up level, exact through a dispatch and a return", async () => {
    const town = await server.as(accounts.town as string);
    const worker = await server.as(accounts.worker as string);
    const grid = await db
      .selectFrom('grid')
      .innerJoin('org', 'org.id', 'grid.org_id')
      .select(['grid.center_lng', 'grid.center_lat'])
      .where('org.code', '=', accounts.worker as string)
      .executeTakeFirstOrThrow();
    /** The department level of the roll-up (with the deltas not folded yet) against a count of the cases. */
    const rolledEqualsCases = async () => {
      const rolled = await sql<{ department_id: number; n: number }>`
        select department_id, sum(n)::int as n from (
          select department_id, received as n from case_stat where level = 'department' and period_kind = 'month'
          union all
          select department_id, received from case_stat_delta where department_id <> 0
        ) x group by department_id having sum(n) <> 0 order by department_id`.execute(db);
      const direct = await sql<{ department_id: number; n: number }>`
        select department_id, count(*)::int as n from civic_case where department_id is not null
        group by department_id order by department_id`.execute(db);
      expect(rolled.rows.map((r) => [Number(r.department_id), Number(r.n)])).toEqual(
        direct.rows.map((r) => [Number(r.department_id), Number(r.n)]),
      );
    };
    await rolledEqualsCases();
    const created = await worker.post<{ case: { id: number; version: number } }>('/api/cases', {
      categoryCode: 'C01-02',
      title: '路灯损坏需要维修',
      lng: grid.center_lng,
      lat: grid.center_lat,
    });
    const filed = await town.post<{ version: number }>(`/api/cases/${created.body.case.id}/transitions`, {
      action: 'file',
      version: created.body.case.version,
    });
    const dispatched = await town.post<{ version: number }>(
      `/api/cases/${created.body.case.id}/transitions`,
      {
        action: 'dispatch',
        version: filed.body.version,
      },
    );
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    const c = await db
      .selectFrom('civic_case')
      .innerJoin('department', 'department.id', 'civic_case.department_id')
      .select(['department.id', 'department.code'])
      .where('civic_case.id', '=', created.body.case.id)
      .executeTakeFirstOrThrow();
    const before = await caseStats(db, await actorOf(c.code), {});
    await compare(c.code);
    await rolledEqualsCases();
    const dept = await server.as(c.code);
    const returned = await dept.post(`/api/cases/${created.body.case.id}/transitions`, {
      action: 'return',
      version: dispatched.body.version,
      note: '不属于本部门职责',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    await compare(c.code);
    await rolledEqualsCases();
    expect(await foldAll(db)).toBeGreaterThan(0);
    await compare(c.code);
    await compare(accounts.department as string);
    await rolledEqualsCases();
    const after = await caseStats(db, await actorOf(c.code), {});
    // returned: the department no longer holds it (or still does, if a return keeps the department)
    const held = await db
      .selectFrom('civic_case')
      .select('department_id')
      .where('id', '=', created.body.case.id)
      .executeTakeFirstOrThrow();
    expect(after.total).toBe(before.total - (held.department_id === c.id ? 0 : 1));
  });
});
