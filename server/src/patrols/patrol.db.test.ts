// Patrols over real HTTP on both engines: start, check in (WGS-84 and GCJ-02), a resend stored once,
// end with distance and duration, my day, the coverage a town sees (and only its grids), bad input.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { wgs84ToGcj02 } from '../platform/geo/coords.ts';
import { haversineM } from '../platform/geo/distance.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiDate } from '../platform/time/calendar.ts';

type Err = { code: string; message_zh: string; message_en: string };
type Checkin = { id: number; lng: number; lat: number; at: string; gridId: number; outsideOwnGrids: boolean };
type Patrol = {
  id: number;
  startedAt: string;
  endedAt: string | null;
  distanceM: number;
  durationS: number;
  checkinCount: number;
  checkins: Checkin[];
};
type GridRow = { id: number; code: string; center_lng: number; center_lat: number; village_org_id: number };
type Coverage = {
  staleDays: number;
  totals: { grids: number; patrolledThisWeek: number; stale: number };
  grids: {
    id: number;
    patrolledThisWeek: boolean;
    stale: boolean;
    weekCheckins: number;
    lastAt: string | null;
  }[];
  workers: {
    username: string;
    weekCheckins: number;
    weekOutsideOwnGrids: number;
    weekPatrols: number;
    weekDistanceM: number;
  }[];
};

let database: Database;
let server: TestServer;
let grid: GridRow;
let neighbour: GridRow;
let farGrid: GridRow;
let town: { id: number; code: string };
let otherTown: { code: string };
let worker: TestClient;

// times relative to one instant, so durations are exact
const T0 = Date.now();
const minutesAgo = (m: number) => new Date(T0 - m * 60_000).toISOString();

async function townOf(villageId: number) {
  return database.db
    .selectFrom('org as village')
    .innerJoin('org as town', 'town.id', 'village.parent_id')
    .select(['town.id', 'town.code'])
    .where('village.id', '=', villageId)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const cols = ['id', 'code', 'center_lng', 'center_lat', 'village_org_id'] as const;
  const grids = await database.db
    .selectFrom('grid')
    .select([...cols])
    .where('county_code', '=', '440704')
    .orderBy('id')
    .execute();
  grid = grids[0] as GridRow;
  town = await townOf(grid.village_org_id);
  neighbour = grids.find((g) => g.id !== grid.id) as GridRow;
  farGrid = (await database.db
    .selectFrom('grid')
    .select([...cols])
    .where('county_code', '=', '440703')
    .orderBy('id')
    .executeTakeFirstOrThrow()) as GridRow;
  otherTown = await townOf(farGrid.village_org_id);
  worker = await server.as(grid.code);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('a grid worker patrols', () => {
  let patrol: Patrol;
  const checkins: Checkin[] = [];

  test('starts a patrol; the resend answers with it; a second patrol waits for the first to end', async () => {
    const start = await worker.post<{ patrol: Patrol }>('/api/patrols', {
      startedAt: minutesAgo(5),
      clientRequestId: 'start-1',
    });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    patrol = start.body.patrol;
    expect(patrol.endedAt).toBeNull();
    const again = await worker.post<{ patrol: Patrol }>('/api/patrols', {
      startedAt: minutesAgo(5),
      clientRequestId: 'start-1',
    });
    expect(again.status).toBe(200);
    expect(again.body.patrol.id).toBe(patrol.id);
    const second = await worker.post<Err>('/api/patrols', { clientRequestId: 'start-2' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('PATROL_ALREADY_OPEN');
  });

  test('checks in at its own grid (WGS-84), and a resend is stored once', async () => {
    const body = { lng: grid.center_lng, lat: grid.center_lat, at: minutesAgo(4), clientRequestId: 'c-1' };
    const first = await worker.post<{ checkin: Checkin; patrolId: number }>('/api/patrols/checkins', body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.checkin).toMatchObject({ gridId: grid.id, outsideOwnGrids: false });
    expect(first.body.patrolId).toBe(patrol.id);
    // sent again after the network came back, and three times at once
    const replays = await Promise.all(
      [1, 2, 3].map(() => worker.post<{ checkin: Checkin }>('/api/patrols/checkins', body)),
    );
    for (const r of replays) {
      expect(r.status).toBe(200);
      expect(r.body.checkin.id).toBe(first.body.checkin.id);
    }
    const rows = await database.db
      .selectFrom('patrol_checkin')
      .select('id')
      .where('client_request_id', 'like', '%:c-1')
      .execute();
    expect(rows).toHaveLength(1);
    checkins.push(first.body.checkin);
    const other = await worker.post<Err>('/api/patrols/checkins', { ...body, lng: body.lng + 0.001 });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  test('converts a GCJ-02 point and flags a point outside its own grids', async () => {
    const [gLng, gLat] = wgs84ToGcj02(grid.center_lng, grid.center_lat);
    const gcj = await worker.post<{ checkin: Checkin }>('/api/patrols/checkins', {
      lng: gLng,
      lat: gLat,
      coordSystem: 'gcj02',
      at: minutesAgo(3),
      clientRequestId: 'c-2',
    });
    expect(gcj.status).toBe(201);
    expect(gcj.body.checkin.lng).toBeCloseTo(grid.center_lng, 6);
    expect(gcj.body.checkin.lat).toBeCloseTo(grid.center_lat, 6);
    checkins.push(gcj.body.checkin);
    const away = await worker.post<{ checkin: Checkin }>('/api/patrols/checkins', {
      lng: neighbour.center_lng,
      lat: neighbour.center_lat,
      at: minutesAgo(2),
      clientRequestId: 'c-3',
    });
    expect(away.status).toBe(201);
    expect(away.body.checkin).toMatchObject({ gridId: neighbour.id, outsideOwnGrids: true });
    checkins.push(away.body.checkin);
  });

  test('refuses bad input with a code and both languages', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ lng: 2.35, lat: 48.85, at: minutesAgo(1) }, 422, 'COORDINATES_OUTSIDE_CHINA'],
      [
        { lng: grid.center_lng, lat: grid.center_lat, at: new Date(Date.now() + 3600_000).toISOString() },
        422,
        'TIME_IN_FUTURE',
      ],
      [{ lng: grid.center_lng, lat: grid.center_lat, at: minutesAgo(60 * 24 * 40) }, 422, 'TIME_TOO_OLD'],
      [{ lng: grid.center_lng, lat: grid.center_lat, at: 'yesterday' }, 400, 'VALIDATION_FAILED'],
      [{ lng: 500, lat: grid.center_lat, at: minutesAgo(1) }, 400, 'VALIDATION_FAILED'],
      [{ lng: grid.center_lng, lat: grid.center_lat }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await worker.post<Err>('/api/patrols/checkins', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message_zh).toMatch(/\S/);
      expect(res.body.message_en).toMatch(/\S/);
    }
    const early = await worker.post<Err>('/api/patrols/end', {
      patrolId: patrol.id,
      endedAt: minutesAgo(60),
    });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('PATROL_END_BEFORE_START');
  });

  test('ends the patrol with the distance walked and the duration; ending again changes nothing', async () => {
    const end = await worker.post<{ patrol: Patrol; ended: boolean }>('/api/patrols/end', {
      patrolRequestId: 'start-1',
      endedAt: minutesAgo(1),
    });
    expect(end.status, JSON.stringify(end.body)).toBe(200);
    expect(end.body.ended).toBe(true);
    const p = end.body.patrol;
    let expected = 0;
    for (let i = 1; i < checkins.length; i++) {
      const a = checkins[i - 1] as Checkin;
      const b = checkins[i] as Checkin;
      expected += haversineM(a.lng, a.lat, b.lng, b.lat);
    }
    expect(p.checkinCount).toBe(3);
    expect(p.distanceM).toBe(Math.round(expected));
    expect(p.distanceM).toBeGreaterThan(0);
    expect(p.durationS).toBe(240);
    const again = await worker.post<{ patrol: Patrol; ended: boolean }>('/api/patrols/end', {
      patrolId: p.id,
    });
    expect(again.body.ended).toBe(false);
    expect(again.body.patrol.distanceM).toBe(p.distanceM);
    const none = await worker.post<Err>('/api/patrols/end', {});
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('NO_OPEN_PATROL');

    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'patrol.%')
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'patrol.start')).toHaveLength(1);
    expect(actions.filter((a) => a === 'patrol.checkin')).toHaveLength(3);
    expect(actions.filter((a) => a === 'patrol.end')).toHaveLength(1);
  });

  test('my day lists the patrol with its points and every check-in', async () => {
    // the day the patrol started (not "today": the file may run across midnight in Shanghai)
    const day = await worker.get<{ open: Patrol | null; patrols: Patrol[]; checkins: Checkin[] }>(
      `/api/patrols/mine?date=${shanghaiDate(new Date(patrol.startedAt))}`,
    );
    expect(day.status).toBe(200);
    expect(day.body.open).toBeNull();
    expect(day.body.patrols.map((p) => p.id)).toContain(patrol.id);
    const mine = day.body.patrols.find((p) => p.id === patrol.id) as Patrol;
    expect(mine.checkins.map((c) => c.id)).toEqual(checkins.map((c) => c.id));
    expect(day.body.checkins.length).toBeGreaterThanOrEqual(3);
    const past = await worker.get<{ patrols: Patrol[] }>('/api/patrols/mine?date=2025-01-01');
    expect(past.body.patrols).toEqual([]);
  });

  test("coverage: the town sees its grids and workers; another town doesn't", async () => {
    const secretary = await server.as(town.code);
    const res = await secretary.get<Coverage>('/api/patrols/coverage');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const inTown = await database.db
      .selectFrom('grid')
      .innerJoin('org as village', 'village.id', 'grid.village_org_id')
      .select('grid.id')
      .where('village.parent_id', '=', town.id)
      .execute();
    expect(res.body.totals.grids).toBe(inTown.length);
    expect(res.body.staleDays).toBe(7);
    const mine = res.body.grids.find((g) => g.id === grid.id);
    expect(mine).toMatchObject({ patrolledThisWeek: true, stale: false, weekCheckins: 2 });
    const w = res.body.workers.find((x) => x.username === grid.code);
    expect(w).toMatchObject({ weekCheckins: 3, weekOutsideOwnGrids: 1, weekPatrols: 1 });
    expect(w?.weekDistanceM).toBeGreaterThan(0);
    expect(res.body.totals.patrolledThisWeek).toBeGreaterThanOrEqual(1);
    const stale = await secretary.get<Coverage>('/api/patrols/coverage?staleDays=30');
    expect(stale.body.staleDays).toBe(30);

    const other = await server.as(otherTown.code);
    const far = await other.get<Coverage>('/api/patrols/coverage');
    expect(far.status).toBe(200);
    expect(far.body.grids.some((g) => g.id === grid.id)).toBe(false);
    expect(far.body.workers.some((x) => x.username === grid.code)).toBe(false);
  });

  test('only grid workers check in; the coverage needs patrol:read', async () => {
    const secretary = await server.as(town.code);
    const res = await secretary.post<Err>('/api/patrols/checkins', {
      lng: grid.center_lng,
      lat: grid.center_lat,
      at: minutesAgo(1),
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PERMISSION_DENIED');
    const own = await worker.get<Coverage>('/api/patrols/coverage');
    expect(own.body.grids.map((g) => g.id)).toEqual([grid.id]);
    const anon = await server.client().get<Err>('/api/patrols/mine');
    expect(anon.status).toBe(401);
  });
});
