// The SQL of what a department may still learn of a case that left it, as committed in
// case-history.repository.sql, on both engines: a case once dispatched to the department answers its
// number, state and version; the same case asked by a department it never reached answers nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './case-history.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-history.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('case-history.repository', () => {
  test('a case once dispatched to a department; not to another department', async () => {
    const { db } = database;
    const dispatched = await db
      .selectFrom('case_step')
      .innerJoin('civic_case', 'civic_case.id', 'case_step.case_id')
      .select([
        'civic_case.id',
        'civic_case.case_no',
        'civic_case.state',
        'civic_case.version',
        'civic_case.county_code',
        sql<string>`case_step.details->>'departmentId'`.as('department_id'),
      ])
      .where('case_step.action', '=', 'dispatch')
      .where(sql<string>`case_step.details->>'departmentId'`, 'is not', null)
      .orderBy('case_step.id')
      .executeTakeFirstOrThrow();
    const departmentId = Number(dispatched.department_id);
    expect(
      await snapshot.record('caseOnceOfDepartment', db, (d) =>
        repo.caseOnceOfDepartment(d, dispatched.id, departmentId),
      ),
    ).toEqual({
      id: dispatched.id,
      caseNo: dispatched.case_no,
      state: dispatched.state,
      version: dispatched.version,
    });
    // a department of another county never had the case
    const stranger = await db
      .selectFrom('department')
      .select('id')
      .where('county_code', '<>', dispatched.county_code)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(await repo.caseOnceOfDepartment(db, dispatched.id, stranger.id)).toBeNull();
  });
});
