// The SQL of the grids, as committed in grid.repository.sql, on both engines: a county administrator's
// grids for the map and their count (from scoped.grids: another county's grids never appear), a grid's
// workers, the rings by division behind the area outlines, the version of the grids, a grid's place names
// and its org.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './grid.repository.ts';

const snapshot = sqlSnapshot(new URL('./grid.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let countyCode: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const admin = await countyAdmin(db);
  actor = admin.actor;
  countyCode = admin.county.code;
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('grid.repository', () => {
  test("a county's grids and their count; a grid's workers, places and org", async () => {
    const { db } = database;
    const grids = await snapshot.record('gridsForMap', db, (d) => repo.gridsForMap(d, actor));
    expect(grids.length).toBeGreaterThan(0);
    expect(grids.every((g) => g.county_code === countyCode)).toBe(true);
    const all = await db.selectFrom('grid').select('id').execute();
    expect(all.length).toBeGreaterThan(grids.length);
    expect(await snapshot.record('countGrids', db, (d) => repo.countGrids(d, actor))).toBe(grids.length);
    const grid = grids[0] as (typeof grids)[number];
    const workers = await snapshot.record('workersOf', db, (d) => repo.workersOf(d, grid.id));
    expect(Array.isArray(workers)).toBe(true);
    const places = await snapshot.record('placeNamesOfGrid', db, (d) => repo.placeNamesOfGrid(d, grid.id));
    expect(places).toMatchObject({ grid_name: grid.name, county_code: countyCode });
    const { org_id } = await db
      .selectFrom('grid')
      .select('org_id')
      .where('id', '=', grid.id)
      .executeTakeFirstOrThrow();
    expect(await snapshot.record('orgOfGrid', db, (d) => repo.orgOfGrid(d, org_id))).toMatchObject({
      id: org_id,
    });
  });

  test('the rings by division and the version of the grids', async () => {
    const { db } = database;
    const rings = await snapshot.record('gridRingsByDivision', db, (d) => repo.gridRingsByDivision(d));
    expect(rings.length).toBeGreaterThan(0);
    expect(rings[0]).toMatchObject({ village_code: expect.any(String), county_code: expect.any(String) });
    const version = await snapshot.record('gridsVersion', db, (d) => repo.gridsVersion(d));
    expect(version).toMatch(/^\d+:\d+$/);
  });
});
