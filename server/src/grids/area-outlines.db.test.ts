// The maps' places over real HTTP on both engines (issue 11): a resident reads the county and town
// outlines (a point picker with a map), a town's villages come as outlines, and a point is named by
// its county, town, village and grid before a report is sent.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../platform/http/testing/test-server.ts';

let database: Database;
let server: TestServer;

type Outline = {
  code: string;
  name: string;
  countyCode: string;
  center: [number, number];
  geometry: { type: string; coordinates: [number, number][][][] };
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** Even-odd point in polygon over every ring of a MultiPolygon. */
function inside(point: [number, number], mp: [number, number][][][]): boolean {
  let hit = false;
  for (const poly of mp)
    for (const ring of poly)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi)
          hit = !hit;
      }
  return hit;
}

describe('places on the map', () => {
  test('a resident reads the county and town outlines; every grid lies in its town', async () => {
    const resident = await server.as('resident-440704');
    const counties = await resident.get<{ features: unknown[] }>('/api/map/counties');
    expect(counties.status).toBe(200);
    expect(counties.body.features).toHaveLength(7);
    const towns = await resident.get<{ towns: Outline[] }>('/api/map/towns');
    expect(towns.status).toBe(200);
    const jiangnan = towns.body.towns.find((t) => t.code === '440704001');
    expect(jiangnan?.name).toBe('江南街道');
    expect(jiangnan?.countyCode).toBe('440704');
    const grids = await database.db
      .selectFrom('grid')
      .select(['code', 'center_lng', 'center_lat'])
      .where('code', 'like', '440704001%')
      .execute();
    expect(grids.length).toBeGreaterThan(0);
    for (const g of grids) {
      const mp = jiangnan?.geometry.coordinates ?? [];
      expect(inside([g.center_lng, g.center_lat], mp), g.code).toBe(true);
    }
  });

  test('a town’s villages come as outlines; an unknown town has none; a bad code is 400', async () => {
    const worker = await server.as('440704001015001');
    const villages = await worker.get<{ villages: Outline[] }>('/api/map/villages?town=440704001');
    expect(villages.status).toBe(200);
    expect(villages.body.villages.map((v) => v.name)).toContain('桥南社区');
    expect(
      (await worker.get<{ villages: Outline[] }>('/api/map/villages?town=440799999')).body.villages,
    ).toEqual([]);
    expect((await worker.get('/api/map/villages?town=abc')).status).toBe(400);
  });

  test('a point is named by county, town, village and grid before a report is sent', async () => {
    const grid = await database.db
      .selectFrom('grid')
      .select(['center_lng', 'center_lat', 'name'])
      .where('code', '=', '440704001015001')
      .executeTakeFirstOrThrow();
    const resident = await server.as('resident-440704');
    const res = await resident.get<{ county: string; town: string; village: string; grid: string }>(
      `/api/cases/place?lng=${grid.center_lng}&lat=${grid.center_lat}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      county: '江海区',
      town: '江南街道',
      village: '桥南社区',
      grid: grid.name,
    });
    const member = await server.as('member-440704001015');
    expect((await member.get('/api/cases/place?lng=113.1&lat=22.6')).status).toBe(403);
  });
});
