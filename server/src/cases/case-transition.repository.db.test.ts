// The SQL of transitions, as committed in case-transition.repository.sql, and what it does on both engines.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './case-transition.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-transition.repository.sql', import.meta.url));
let database: Database;
let c: {
  id: number;
  county_code: string;
  version: number;
  grid_id: number | null;
  town_org_id: number | null;
};
let staff: { account_id: number; department_id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  c = await db
    .selectFrom('civic_case')
    .select(['id', 'county_code', 'version', 'grid_id', 'town_org_id'])
    .where('state', '=', 'dispatched')
    .where('grid_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  // a staff member of a department of the case's county (a summons names a department of its county)
  staff = await db
    .selectFrom('department_account')
    .innerJoin('department', 'department.id', 'department_account.department_id')
    .select(['department_account.account_id', 'department_account.department_id'])
    .where('department.county_code', '=', c.county_code)
    .orderBy('department_account.account_id')
    .executeTakeFirstOrThrow();
}, 120_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('case-transition.repository', () => {
  test('reads: the actor department, summons, the requested extension, the version', async () => {
    const { db } = database;
    expect(
      await snapshot.record('departmentOfAccount', db, (d) => repo.departmentOfAccount(d, staff.account_id)),
    ).toBe(staff.department_id);
    expect(await snapshot.record('summonsOfCase', db, (d) => repo.summonsOfCase(d, c.id))).toBeInstanceOf(
      Array,
    );
    await snapshot.record('lastRequestedExtension', db, (d) => repo.lastRequestedExtension(d, c.id));
    expect(await snapshot.record('caseVersion', db, (d) => repo.caseVersion(d, c.id))).toMatchObject({
      version: c.version,
      state: 'dispatched',
    });
    expect(
      await snapshot.record('summonsOfDepartment', db, (d) => repo.summonsOfDepartment(d, c.id, -1)),
    ).toBe(undefined);
    expect(await snapshot.record('attachmentOwners', db, (d) => repo.attachmentOwners(d, [-1]))).toEqual([]);
  });

  test('the versioned update: the current version wins once, a stale one changes nothing', async () => {
    const { db } = database;
    const at = new Date();
    const won = await snapshot.record('updateCaseAtVersion', db, (d) =>
      repo.updateCaseAtVersion(d, c.id, c.version, { updated_at: at }),
    );
    expect(won).toBe(true);
    expect(await repo.updateCaseAtVersion(db, c.id, c.version, { updated_at: at })).toBe(false);
    await snapshot.record('raiseCaseVersion', db, (d) => repo.raiseCaseVersion(d, c.id, at));
    expect((await repo.caseVersion(db, c.id))?.version).toBe(c.version + 2);
  });

  test('writes of a step, summons, attachments and notifications', async () => {
    const { db } = database;
    const at = new Date();
    await snapshot.record('insertStep', db, (d) =>
      repo.insertStep(d, {
        case_id: c.id,
        county_code: c.county_code,
        action: 'request_extension',
        from_state: 'dispatched',
        to_state: 'dispatched',
        actor_id: staff.account_id,
        actor_role: 'department_staff',
        note: '',
        attachments: '[]',
        details: JSON.stringify({ extension: { amount: 2, unit: 'workday' } }),
        at,
      }),
    );
    expect(await repo.lastRequestedExtension(db, c.id)).toEqual({ amount: 2, unit: 'workday' });
    await snapshot.record('insertSummons', db, (d) =>
      repo.insertSummons(d, c, [staff.department_id], at, at),
    );
    const summons = await repo.summonsOfDepartment(db, c.id, staff.department_id);
    expect(summons?.state).toBe('summoned');
    const moved = await snapshot.record('updateSummons', db, (d) =>
      repo.updateSummons(d, summons?.id ?? -1, 'summoned', {
        state: 'reported',
        reportedAt: at,
        doneAt: null,
        note: null,
      }),
    );
    expect(moved).toBe(true);
    await snapshot.record('linkAttachments', db, (d) => repo.linkAttachments(d, [-1], c));
    const dispatchers = await snapshot.record('dispatcherAccounts', db, (d) =>
      repo.dispatcherAccounts(d, [c.town_org_id ?? -1]),
    );
    const workers = await snapshot.record('gridWorkerAccounts', db, (d) =>
      repo.gridWorkerAccounts(d, c.grid_id ?? -1),
    );
    const staffIds = await snapshot.record('departmentAccounts', db, (d) =>
      repo.departmentAccounts(d, [staff.department_id]),
    );
    expect(staffIds).toContain(staff.account_id);
    expect(dispatchers.length + workers.length).toBeGreaterThan(0);
    await snapshot.record('insertCaseNotifications', db, (d) =>
      repo.insertCaseNotifications(d, [staff.account_id], {
        kind: 'case.test',
        title: 't',
        body: 'b',
        caseId: c.id,
      }),
    );
    const n = await db
      .selectFrom('notification')
      .select('kind')
      .where('account_id', '=', staff.account_id)
      .where('case_id', '=', c.id)
      .execute();
    expect(n.map((x) => x.kind)).toContain('case.test');
  });
});
