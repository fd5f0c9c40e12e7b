// The SQL of the case loop's reference data, as committed in case-reference.repository.sql, on both
// engines: the catalog, the calendar's days, the departments and every grid with its village and town.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './case-reference.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-reference.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('case-reference.repository', () => {
  test('the catalog, calendar days, departments and grids with their places', async () => {
    const { db } = database;
    const categories = await snapshot.record('activeCategories', db, (d) => repo.activeCategories(d));
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.every((c) => c.active)).toBe(true);
    const orders = categories.map((c) => c.sort_order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const days = await snapshot.record('calendarDays', db, (d) => repo.calendarDays(d));
    expect(Array.isArray(days)).toBe(true);
    const departments = await snapshot.record('allDepartments', db, (d) => repo.allDepartments(d));
    expect(new Set(departments.map((d) => d.county_code)).size).toBeGreaterThan(1);
    const grids = await snapshot.record('gridsWithPlaces', db, (d) => repo.gridsWithPlaces(d));
    expect(grids.length).toBeGreaterThan(0);
    expect(grids[0]).toMatchObject({ village_name: expect.any(String), county_code: expect.any(String) });
  });
});
