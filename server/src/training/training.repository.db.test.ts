// The SQL of training, as committed in training.repository.sql, on both engines: a county opens a class,
// adds a session, enrolls a member and an applicant, records attendance and sets a target — in a
// transaction rolled back — and reads each back the way the services do.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { shanghaiToday } from '../platform/time/calendar.ts';
import * as repo from './training.repository.ts';

const snapshot = sqlSnapshot(new URL('./training.repository.sql', import.meta.url));
const today = shanghaiToday();
const year = Number(today.slice(0, 4));
let database: Database;
let actor: Actor;
let county: { id: number; code: string; path: string; county_code: string | null };
let member: { id: number; county_code: string | null };
let applicant: { id: number; county_code: string | null };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  applicant = await db
    .selectFrom('applicant')
    .select(['id', 'county_code'])
    .where('county_code', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  county = await db
    .selectFrom('org')
    .select(['id', 'code', 'path', 'county_code'])
    .where('level', '=', 'county')
    .where('county_code', '=', applicant.county_code)
    .executeTakeFirstOrThrow();
  actor = await accountActor(db, county.code);
  member = await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.county_code'])
    .where('org.path', 'like', `${county.path}%`)
    .orderBy('member.id')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('training.repository', () => {
  test('a class, its session, enrollments, attendance and a target (rolled back), read back', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      const classId = await snapshot.record('insertClass', k, (d) =>
        repo.insertClass(t(d), {
          org_id: county.id,
          county_code: county.county_code,
          title: '党校主体班',
          level: 'county_general',
          provider: '县委党校',
          party_school: true,
          starts_on: today,
          ends_on: today,
          created_by: actor.accountId,
        }),
      );
      const sessionId = await snapshot.record('insertSession', k, (d) =>
        repo.insertSession(t(d), { class_id: classId, held_on: today, topic: '党章', hours: 4 }),
      );
      await snapshot.record('insertEnrollments', k, (d) =>
        repo.insertEnrollments(t(d), [
          { class_id: classId, member_id: member.id, applicant_id: null, county_code: member.county_code },
          {
            class_id: classId,
            member_id: null,
            applicant_id: applicant.id,
            county_code: applicant.county_code,
          },
        ]),
      );
      const people = await snapshot.record('enrolledPeople', k, (d) => repo.enrolledPeople(d, classId));
      expect(people).toHaveLength(2);
      const [m, a] = people;
      if (!m || !a) throw new Error('the two enrollments were not read back');
      const rtId = await snapshot.record('insertRecruitmentTraining', k, (d) =>
        repo.insertRecruitmentTraining(t(d), {
          applicant_id: applicant.id,
          county_code: applicant.county_code,
          title: '党校主体班：党章',
          provider: '县委党校',
          starts_on: today,
          ends_on: today,
          hours: 4,
          recorded_by: actor.accountId,
        }),
      );
      await snapshot.record('insertAttendance', k, (d) =>
        repo.insertAttendance(t(d), {
          session_id: sessionId,
          enrollment_id: a.id,
          hours: 4,
          recruitment_training_id: rtId,
          recorded_by: actor.accountId,
        }),
      );
      await repo.insertAttendance(trx, {
        session_id: sessionId,
        enrollment_id: m.id,
        hours: 4,
        recruitment_training_id: null,
        recorded_by: actor.accountId,
      });
      await snapshot.record('upsertTarget', k, (d) =>
        repo.upsertTarget(t(d), { org_id: county.id, year, target: 100 }),
      );

      const c = await snapshot.record('classInScope', k, (d) => repo.classInScope(d, actor, classId));
      expect(c?.org_path).toBe(county.path);
      const list = await snapshot.record('classList', k, (d) =>
        repo.classList(d, actor, { orgPath: county.path, year }),
      );
      expect(list.find((r) => r.id === classId)?.enrolled).toBe(2);
      expect(await snapshot.record('sessionsOf', k, (d) => repo.sessionsOf(d, classId))).toHaveLength(1);
      expect(await snapshot.record('attendanceOf', k, (d) => repo.attendanceOf(d, classId))).toHaveLength(2);
      expect(
        await snapshot.record('membersUnder', k, (d) =>
          repo.membersUnder(d, actor, [member.id], county.path),
        ),
      ).toHaveLength(1);
      await snapshot.record('applicantsUnder', k, (d) =>
        repo.applicantsUnder(d, actor, [applicant.id], county.path),
      );
      expect(
        await snapshot.record('sessionOfClass', k, (d) => repo.sessionOfClass(d, classId, sessionId)),
      ).toBeDefined();
      expect(
        await snapshot.record('enrollmentsOfClass', k, (d) => repo.enrollmentsOfClass(d, classId, [m.id])),
      ).toHaveLength(1);
      expect(
        await snapshot.record('attendanceRecorded', k, (d) => repo.attendanceRecorded(d, sessionId, [m.id])),
      ).toEqual([{ enrollment_id: m.id }]);
      const trained = await snapshot.record('trainedMembers', k, (d) =>
        repo.trainedMembers(d, actor, county.path, year),
      );
      expect(trained.some((r) => r.id === member.id)).toBe(true);
      const children = await snapshot.record('childOrgs', k, (d) => repo.childOrgs(d, actor, county.id));
      expect(children.length).toBeGreaterThan(0);
      expect(await snapshot.record('targetsOf', k, (d) => repo.targetsOf(d, year, [county.id]))).toEqual([
        { org_id: county.id, target: 100 },
      ]);
    });
  });
});
