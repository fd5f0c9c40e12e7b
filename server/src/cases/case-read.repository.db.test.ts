// The SQL of the case reads, as committed in case-read.repository.sql, on both engines: a case's row
// through the access layer (a county's own case yes, another county's no), its steps, summons and photos,
// its public timeline, and an account's notifications; and the range-bounded live counts of the
// statistics (case-stats.repository.sql).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountActor } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './case-read.repository.ts';
import * as stats from './case-stats.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-read.repository.sql', import.meta.url));
const statsSnapshot = sqlSnapshot(new URL('./case-stats.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  statsSnapshot.verify();
  await database?.close();
});

describe('case-read.repository', () => {
  test("a case's row in scope only; its steps, summons, photos and public timeline", async () => {
    const { db } = database;
    const account = await db
      .selectFrom('account')
      .innerJoin('org', 'org.id', 'account.scope_org_id')
      .select('account.username')
      .where('org.level', '=', 'county')
      .orderBy('account.id')
      .executeTakeFirstOrThrow();
    const actor = await accountActor(db, account.username);
    const own = await db
      .selectFrom('civic_case')
      .innerJoin('case_step', 'case_step.case_id', 'civic_case.id')
      .select(['civic_case.id', 'civic_case.case_no'])
      .where('civic_case.county_code', '=', actor.scopeCountyCode as string)
      .orderBy('civic_case.id')
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('civic_case')
      .select('id')
      .where('county_code', '<>', actor.scopeCountyCode as string)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const row = await snapshot.record('caseRow', db, (d) => repo.caseRow(d, actor, own.id));
    expect(row).toMatchObject({ id: own.id, case_no: own.case_no });
    expect(row).toHaveProperty('grid_code');
    expect(row).toHaveProperty('village_name');
    await expect(repo.caseRow(db, actor, other.id)).rejects.toThrow();

    const steps = await snapshot.record('caseSteps', db, (d) => repo.caseSteps(d, own.id));
    const stored = await db.selectFrom('case_step').select('id').where('case_id', '=', own.id).execute();
    expect(steps).toHaveLength(stored.length);
    expect(steps.length).toBeGreaterThan(0);
    const times = steps.map((s) => s.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const summoned = await db.selectFrom('case_summons').select('case_id').orderBy('id').executeTakeFirst();
    const summonsCase = summoned?.case_id ?? own.id;
    const summons = await snapshot.record('caseSummons', db, (d) => repo.caseSummons(d, summonsCase));
    const storedSummons = await db
      .selectFrom('case_summons')
      .select('department_id')
      .where('case_id', '=', summonsCase)
      .orderBy('id')
      .execute();
    expect(summons.map((s) => s.department_id)).toEqual(storedSummons.map((s) => s.department_id));
    for (const s of summons) expect(typeof s.name).toBe('string');

    const photographed = await db
      .selectFrom('case_attachment')
      .select('case_id')
      .where('case_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirst();
    const photoCase = photographed?.case_id ?? own.id;
    const photos = await snapshot.record('casePhotoIds', db, (d) => repo.casePhotoIds(d, photoCase));
    const storedPhotos = await db
      .selectFrom('case_attachment')
      .select('id')
      .where('case_id', '=', photoCase)
      .orderBy('id')
      .execute();
    expect(photos).toEqual(storedPhotos);

    const timeline = await snapshot.record('publicTimeline', db, (d) => repo.publicTimeline(d, own.id));
    expect(timeline.length).toBeGreaterThan(0);
    expect(timeline.length).toBeLessThanOrEqual(steps.length);
    for (const s of timeline) expect(s).not.toHaveProperty('note');
  });

  test("an account's latest notifications, newest first", async () => {
    const { db } = database;
    const busiest = await db
      .selectFrom('notification')
      .select(['account_id', sql<number>`count(*)::int`.as('n')])
      .groupBy('account_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const rows = await snapshot.record('notificationsOf', db, (d) =>
      repo.notificationsOf(d, busiest.account_id),
    );
    expect(rows).toHaveLength(Math.min(100, busiest.n));
    const times = rows.map((r) => r.created_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await repo.notificationsOf(db, -1)).toEqual([]);
  });
});

describe('case-stats.repository: live counts of a report range', () => {
  test('bounded by the range; an empty range counts nothing', async () => {
    const { db } = database;
    const now = new Date();
    const county = stats.rollupCases({ level: 'county', countyCode: '440704' });
    const received = (rows: { received: unknown }[]) => rows.reduce((n, r) => n + Number(r.received), 0);
    const whole = await stats.liveCounts(db, county, now);
    const from = new Date(now.getTime() - 90 * 86_400_000);
    const ranged = await statsSnapshot.record('liveCountsCreated', db, (d) =>
      stats.liveCountsCreated(d, county, from, now, now),
    );
    expect(received(whole)).toBeGreaterThan(0);
    expect(received(ranged)).toBeLessThanOrEqual(received(whole));
    expect(received(await stats.liveCountsCreated(db, county, undefined, undefined, now))).toBe(
      received(whole),
    );
    expect(await stats.liveCountsCreated(db, county, now, now, now)).toEqual([]);

    const open = await statsSnapshot.record('liveOpenCountsCreated', db, (d) =>
      stats.liveOpenCountsCreated(d, county, from, now, now),
    );
    const allOpen = await stats.liveOpenCountsCreated(db, county, undefined, undefined, now);
    expect(open.red).toBeLessThanOrEqual(allOpen.red);
    expect(open.yellowOrRed).toBeLessThanOrEqual(allOpen.yellowOrRed);
    expect(await stats.liveOpenCountsCreated(db, county, now, now, now)).toEqual({
      yellowOrRed: 0,
      red: 0,
      due: 0,
    });
  });
});
