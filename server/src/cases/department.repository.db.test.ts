// The SQL of the departments a case may be sent to, as committed in department.repository.sql, on both
// engines: one county's, every county's, and the county of an org.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './department.repository.ts';

const snapshot = sqlSnapshot(new URL('./department.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('department.repository', () => {
  test("a county's departments, every county's, the county of an org", async () => {
    const { db } = database;
    const town = await db
      .selectFrom('org')
      .select(['id', 'county_code'])
      .where('county_code', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(await snapshot.record('countyOfOrg', db, (d) => repo.countyOfOrg(d, town.id))).toBe(
      town.county_code,
    );
    expect(await repo.countyOfOrg(db, -1)).toBeNull();
    const county = town.county_code as string;
    const mine = await snapshot.record('departmentsOf one county', db, (d) => repo.departmentsOf(d, county));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => d.countyCode === county)).toBe(true);
    const all = await snapshot.record('departmentsOf every county', db, (d) => repo.departmentsOf(d, null));
    expect(all.length).toBeGreaterThan(mine.length);
    expect(new Set(all.map((d) => d.countyCode)).size).toBeGreaterThan(1);
  });
});
