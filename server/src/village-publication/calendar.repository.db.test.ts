// The SQL of the 村务公开 calendar job, as committed in calendar.repository.sql, on both engines: a
// period's items for every territorial village (idempotent; the household bounds select the villages
// of a cadence) and the alerts of overdue items up the tree. alertOverdue opens its own transaction, so
// the test writes for good, on this file's own copy of the demo database, in a period far from it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './calendar.repository.ts';
import { PUBLICATION_DEFAULTS, periodOf } from './domain/calendar.ts';

const snapshot = sqlSnapshot(new URL('./calendar.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('calendar.repository', () => {
  test("a period's items for every village, once; overdue items alerted once", async () => {
    {
      const { db } = database;
      const villages = await db
        .selectFrom('org')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('level', '=', 'village')
        .where('category', '=', 'territorial')
        .where('county_code', 'is not', null)
        .executeTakeFirstOrThrow();
      // a period far from the demo's and from today: the snapshot and the counts never depend on the date
      const quarter = periodOf('2031-Q2', PUBLICATION_DEFAULTS);
      const created = await snapshot.record('ensurePeriodItems', db, (d) =>
        repo.ensurePeriodItems(d, 'general', quarter, '2031年第二季度村务公开'),
      );
      expect(created).toBe(Number(villages.n));
      expect(await repo.ensurePeriodItems(db, 'general', quarter, '2031年第二季度村务公开')).toBe(0);

      const month = periodOf('2031-04', PUBLICATION_DEFAULTS);
      const monthly = await snapshot.record('ensurePeriodItems finance monthly', db, (d) =>
        repo.ensurePeriodItems(d, 'finance', month, '2031年4月财务公开', { atLeast: 1500 }),
      );
      const quarterly = await repo.ensurePeriodItems(db, 'finance', quarter, '2031年第二季度财务公开', {
        below: 1500,
      });
      expect(monthly + quarterly).toBeLessThanOrEqual(Number(villages.n));

      const before = await db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('kind', '=', 'village_publication_overdue')
        .executeTakeFirstOrThrow();
      // the day after the quarter's due day: the new general items are overdue
      const alerted = await snapshot.record('alertOverdue', db, (d) => repo.alertOverdue(d, '2031-07-21', 5));
      expect(alerted).toBe(5);
      const after = await db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('kind', '=', 'village_publication_overdue')
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBeGreaterThan(Number(before.n));
      // none overdue before the period's items are due (the demo's own may be: only not-yet-alerted ones)
      await snapshot.record('alertOverdue none', db, (d) => repo.alertOverdue(d, '1999-01-01', 5));
      expect(await repo.alertOverdue(db, '1999-01-01', 5)).toBe(0);
    }
  });
});
