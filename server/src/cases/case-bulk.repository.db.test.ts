// The SQL of the bulk writer's read-back, as committed in case-bulk.repository.sql, on both engines: the
// ids of cases by their numbers (the numbers not found are left out).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './case-bulk.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-bulk.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('case-bulk.repository', () => {
  test('the ids of cases by their numbers; unknown numbers are left out', async () => {
    const { db } = database;
    const cases = await db
      .selectFrom('civic_case')
      .select(['id', 'case_no'])
      .orderBy('id')
      .limit(3)
      .execute();
    expect(cases).toHaveLength(3);
    const ids = await snapshot.record('caseIdsByNumber', db, (d) =>
      repo.caseIdsByNumber(d, [...cases.map((c) => c.case_no), 'NO-SUCH-CASE']),
    );
    expect(ids).toEqual(new Map(cases.map((c) => [c.case_no, Number(c.id)])));
    expect(await repo.caseIdsByNumber(db, [])).toEqual(new Map());
  });
});
