// The SQL of 双报到's writes, as committed in community.repository.sql, on both engines: a report, a
// service and the assessment, in a transaction rolled back. (The reads are covered over HTTP by
// community-reports.db.test.ts; their snapshots are still to come.)
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { shanghaiToday } from '../platform/time/calendar.ts';
import * as repo from './community.repository.ts';

const snapshot = sqlSnapshot(new URL('./community.repository.sql', import.meta.url));
const today = shanghaiToday();
let database: Database;
let community: { id: number; county_code: string | null };
let member: { id: number };
let account: { id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  community = await db
    .selectFrom('org')
    .innerJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.county_code'])
    .where('org.level', '=', 'village')
    .where('division.kind', '=', 'community')
    .orderBy('org.id')
    .executeTakeFirstOrThrow();
  member = await db.selectFrom('member').select('id').orderBy('id').executeTakeFirstOrThrow();
  account = await db.selectFrom('account').select('id').orderBy('id').executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('community.repository', () => {
  test('a report, its service and the assessment (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      const report = await snapshot.record('insertReport', k, (d) =>
        repo.insertReport(t(d), {
          community_org_id: community.id,
          county_code: community.county_code,
          reporter_kind: 'member',
          member_id: member.id,
          unit_org_id: null,
          year: 1999,
          reported_on: '1999-03-01',
          note: '',
          created_by: account.id,
        }),
      );
      await snapshot.record('insertService', k, (d) =>
        repo.insertService(t(d), {
          report_id: report.id,
          county_code: community.county_code,
          served_on: '1999-03-02',
          hours: 2.5,
          content: '社区清洁',
          recorded_by: account.id,
        }),
      );
      await snapshot.record('setAssessment', k, (d) => repo.setAssessment(t(d), report.id, 'good', today));
      const row = await trx
        .selectFrom('community_report')
        .select(['assessment', 'assessed_on'])
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ assessment: 'good', assessed_on: today });
      expect(await repo.servicesOf(trx, report.id)).toHaveLength(1);
    });
  });
});
