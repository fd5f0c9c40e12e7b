// The demo's patrols (issue 11: a city that lives): four weeks of grid workers' patrols, none after
// the seeding moment, each with three check-ins in its own grid; most grids patrolled within the
// last seven days, a few not (the seldom ones), so 巡查覆盖 means something.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import { shanghaiToday } from '../../recruitment/domain/dates.ts';
import { dropContext, prepareContext } from './context.ts';
import { seedPatrols } from './patrol-demo.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await database?.close();
});

test('four weeks of patrols, three check-ins each, most grids patrolled in the last week', async () => {
  const db = database.db;
  const before = await sql<{ n: number }>`select count(*)::int as n from patrol_checkin`.execute(db);
  const ctx = await prepareContext(db, { seed: 20260101, today: shanghaiToday() });
  const made = await seedPatrols(db, ctx);
  await dropContext(db);
  expect(made.patrols).toBeGreaterThan(0);
  expect(made.checkins).toBe(made.patrols * 3);

  const { rows } = await sql<{
    future: number;
    open: number;
    outside: number;
    grids: number;
    recent: number;
  }>`select
      (select count(*) from patrol_checkin where at > now())::int as future,
      (select count(*) from patrol where ended_at is null)::int as open,
      (select count(*) from patrol_checkin c join grid g on g.id = c.grid_id
        where c.lng not between g.min_lng and g.max_lng or c.lat not between g.min_lat and g.max_lat)::int as outside,
      (select count(*) from grid g where exists (select 1 from account a
        where a.scope_org_id = g.org_id and a.role = 'grid_worker'))::int as grids,
      (select count(distinct grid_id) from patrol_checkin where at >= now() - interval '7 days')::int as recent`.execute(
    db,
  );
  const r = rows[0];
  expect(r?.future).toBe(0);
  expect(r?.open).toBe(0);
  expect(r?.outside).toBe(0);
  // ~3 mornings a week for nine workers in ten: almost every grid within seven days, not all
  const share = (r?.recent ?? 0) / (r?.grids ?? 1);
  expect(share).toBeGreaterThan(0.8);
  expect(share).toBeLessThan(1);
  expect(before.rows[0]?.n).toBe(0);
});
