// The SQL of Open311's service requests (open311-case.repository.sql) and of locating an address
// (open311-division.repository.sql), on both engines: public cases only (a 110 or 信访 case is never read,
// by list, number or token), the filters of a list, the latest public step, the Open311 fields merged into
// a report step (in a transaction rolled back), a case's deadlines, the village and town names.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CaseState } from '../cases/domain/case-machine.ts';
import { PUBLIC_CHANNELS } from '../platform/access/public-view.ts';
import { rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './open311-case.repository.ts';
import * as divisions from './open311-division.repository.ts';

const snapshot = sqlSnapshot(new URL('./open311-case.repository.sql', import.meta.url));
const divisionSnapshot = sqlSnapshot(new URL('./open311-division.repository.sql', import.meta.url));
type CaseRow = {
  id: number;
  case_no: string;
  channel: string;
  state: CaseState;
  category_code: string | null;
  created_at: Date;
};

let database: Database;
let publicCase: CaseRow;
let secondCase: CaseRow;
let hiddenCase: CaseRow;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const cols = ['id', 'case_no', 'channel', 'state', 'category_code', 'created_at'] as const;
  [publicCase, secondCase] = (await db
    .selectFrom('civic_case')
    .select([...cols])
    .where('channel', 'in', PUBLIC_CHANNELS)
    .where('category_code', 'is not', null)
    .orderBy('id')
    .limit(2)
    .execute()) as [CaseRow, CaseRow];
  hiddenCase = await db
    .selectFrom('civic_case')
    .select([...cols])
    .where('channel', 'in', ['police_110', 'petition'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  divisionSnapshot.verify();
  await database?.close();
});

describe('open311-case.repository', () => {
  test('a request by number and by token: public cases only', async () => {
    const { db } = database;
    const row = await snapshot.record('requestByCaseNo', db, (d) =>
      repo.requestByCaseNo(d, publicCase.case_no),
    );
    expect(row).toMatchObject({
      id: publicCase.id,
      case_no: publicCase.case_no,
      channel: publicCase.channel,
    });
    expect(row?.county_name).toBeTruthy();
    expect(await repo.requestByCaseNo(db, hiddenCase.case_no)).toBeUndefined();
    expect(
      await snapshot.record('publicCaseNo', db, (d) => repo.publicCaseNo(d, publicCase.case_no)),
    ).toEqual({
      case_no: publicCase.case_no,
    });
    expect(await repo.publicCaseNo(db, hiddenCase.case_no)).toBeUndefined();
  });

  test('the list: by numbers (never a hidden case), or a window with categories and states, newest first', async () => {
    const { db } = database;
    const byNumber = await snapshot.record('requestRows by case numbers', db, (d) =>
      repo.requestRows(d, { caseNos: [publicCase.case_no, hiddenCase.case_no] }, 1000),
    );
    expect(byNumber.map((r) => r.id)).toEqual([publicCase.id]);

    const at = publicCase.created_at.getTime();
    const window = { from: new Date(at - 86_400_000), to: new Date(at + 86_400_000) };
    const all = await snapshot.record('requestRows in a window', db, (d) =>
      repo.requestRows(d, { ...window, categoryCodes: [], states: null }, 1000),
    );
    expect(all.map((r) => r.id)).toContain(publicCase.id);
    expect(all.every((r) => (PUBLIC_CHANNELS as readonly string[]).includes(r.channel))).toBe(true);
    const times = all.map((r) => r.created_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.every((r) => r.created_at.getTime() >= window.from.getTime())).toBe(true);

    const filtered = await snapshot.record('requestRows with categories and states', db, (d) =>
      repo.requestRows(
        d,
        {
          ...window,
          categoryCodes: [publicCase.category_code ?? '', 'no-such-code'],
          states: [publicCase.state],
        },
        1000,
      ),
    );
    expect(filtered.map((r) => r.id)).toContain(publicCase.id);
    expect(
      filtered.every((r) => r.category_code === publicCase.category_code && r.state === publicCase.state),
    ).toBe(true);
    expect(await repo.requestRows(db, { ...window, categoryCodes: [], states: null }, 1)).toHaveLength(1);
  });

  test('the latest public step of each case; the Open311 fields kept in the report step (rolled back)', async () => {
    const { db } = database;
    const steps = await snapshot.record('latestPublicSteps', db, (d) =>
      repo.latestPublicSteps(d, [publicCase.id, secondCase.id]),
    );
    // one step per case, the latest
    expect(steps.map((s) => s.case_id).sort((a, b) => a - b)).toEqual(
      [publicCase.id, secondCase.id].sort((a, b) => a - b),
    );
    const latest = await db
      .selectFrom('case_step')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('case_id', '=', publicCase.id)
      .where('action', '!=', 'supervise')
      .executeTakeFirstOrThrow();
    expect(steps.find((s) => s.case_id === publicCase.id)?.at.getTime()).toBe(
      new Date(latest.at as Date).getTime(),
    );
    expect(steps.every((s) => s.action !== 'supervise')).toBe(true);

    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      await snapshot.record('mergeReportDetails', k, (d) =>
        repo.mergeReportDetails(d as Transaction<DB>, publicCase.id, {
          open311: { mediaUrl: 'https://example.org/a.jpg', deviceId: null },
        }),
      );
      const reports = await snapshot.record('reportDetails', k, (d) =>
        repo.reportDetails(d, [publicCase.id]),
      );
      expect(reports).toHaveLength(1);
      expect(reports[0]?.details).toMatchObject({ open311: { mediaUrl: 'https://example.org/a.jpg' } });
      // merged, not replaced: a second merge keeps the first's fields
      await repo.mergeReportDetails(trx, publicCase.id, { other: 1 });
      expect((await repo.reportDetails(trx, [publicCase.id]))[0]?.details).toMatchObject({
        open311: { mediaUrl: 'https://example.org/a.jpg' },
        other: 1,
      });
      expect(await repo.reportDetails(trx, [])).toEqual([]);
    });
  });

  test("a case's deadlines", async () => {
    const { db } = database;
    const c = await snapshot.record('caseDeadlines', db, (d) => repo.caseDeadlines(d, publicCase.id));
    expect(Object.keys(c).sort()).toEqual(['due_at', 'respond_by']);
    await expect(repo.caseDeadlines(db, -1)).rejects.toThrow();
  });
});

describe('open311-division.repository', () => {
  test('the village and town names an address may hold', async () => {
    const names = await divisionSnapshot.record('villageAndTownNames', database.db, (d) =>
      divisions.villageAndTownNames(d),
    );
    expect(names.some((n) => n.level === 'village')).toBe(true);
    expect(names.some((n) => n.level === 'town')).toBe(true);
    expect(names.every((n) => (n.level === 'village' || n.level === 'town') && n.name.length > 0)).toBe(true);
  });
});
