// The SQL of the escalation job, as committed in escalation.repository.sql, and what it does on both engines.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './escalation.repository.ts';

const snapshot = sqlSnapshot(new URL('./escalation.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('escalation.repository', () => {
  test('the basis is stored once and read back under lock', async () => {
    const { db } = database;
    const days = await snapshot.record('calendarDays', db, (d) => repo.calendarDays(d));
    expect(days.length).toBeGreaterThan(0);
    await snapshot.record('saveJobState', db, (d) => repo.saveJobState(d, 'test.basis', 'abc'));
    const stored = await snapshot.record('lockJobState', db, (d) =>
      d.transaction().execute((trx) => repo.lockJobState(trx, 'test.basis')),
    );
    expect(stored).toBe('abc');
  });

  test('due cases are read by instant, locked, and stored back', async () => {
    const { db } = database;
    const far = new Date('2100-01-01T00:00:00Z');
    const ids = await snapshot.record('dueCaseIds', db, (d) => repo.dueCaseIds(d, far, 5));
    expect(ids.length).toBeGreaterThan(0);
    const rows = await snapshot.record('lockDueCases', db, (d) =>
      d.transaction().execute((trx) => repo.lockDueCases(trx, ids, far)),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    const [first, second] = rows;
    if (!first || !second) throw new Error('the seed has fewer than two running steps');
    await snapshot.record('clearSuperviseAt', db, (d) => repo.clearSuperviseAt(d, first.id));
    const at = new Date();
    await snapshot.record('storeStepInstants', db, (d) =>
      repo.storeStepInstants(d, second.id, {
        yellowAt: at,
        superviseAt: null,
        light: 'red',
        raisedTo: 'red',
        at,
      }),
    );
    const after = await db
      .selectFrom('civic_case')
      .select(['id', 'supervise_at', 'light', 'supervision', 'version'])
      .where('id', 'in', [first.id, second.id])
      .orderBy('id')
      .execute();
    expect(after.find((r) => r.id === first.id)?.supervise_at).toBeNull();
    expect(after.find((r) => r.id === second.id)).toMatchObject({
      light: 'red',
      supervision: 'red',
      version: second.version + 1,
    });
    await snapshot.record('markRunningStepsDue', db, (d) => repo.markRunningStepsDue(d));
    expect((await repo.dueCaseIds(db, far, 5)).length).toBeGreaterThan(0);
  });
});
