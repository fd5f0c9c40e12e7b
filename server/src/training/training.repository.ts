// SQL of training (培训 / 党校) and of the party-school progress (万名党员进党校); training.service.ts and
// training-progress.service.ts hold the rules. Classes, members, applicants and orgs are read through the
// access layer (scoped.*); a class's sessions, enrollments and attendance are read by the class id that
// the service has verified in scope first.
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

/** A class in the actor's scope, with its org's path and name. */
export function classInScope(db: Kysely<DB>, actor: Actor, id: number) {
  return scoped
    .trainingClasses(db, actor)
    .selectAll('training_class')
    .select(['class_org.path as org_path', 'class_org.name as org_name'])
    .where('training_class.id', '=', id)
    .executeTakeFirst();
}

export async function insertClass(
  trx: Transaction<DB>,
  row: Insertable<DB['training_class']>,
): Promise<number> {
  const r = await trx.insertInto('training_class').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The classes in scope, newest first (500 at most), with their enrolled count. */
export function classList(
  db: Kysely<DB>,
  actor: Actor,
  f: { orgPath?: string | undefined; year?: number | undefined },
) {
  let query = scoped
    .trainingClasses(db, actor)
    .select([
      'training_class.id',
      'training_class.title',
      'training_class.level',
      'training_class.provider',
      'training_class.party_school',
      'training_class.starts_on',
      'training_class.ends_on',
      'class_org.id as org_id',
      'class_org.name as org_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('training_enrollment')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('training_enrollment.class_id', '=', 'training_class.id')
        .as('enrolled'),
    );
  if (f.orgPath !== undefined) query = query.where('class_org.path', 'like', `${f.orgPath}%`);
  if (f.year)
    query = query
      .where('training_class.starts_on', '>=', `${f.year}-01-01`)
      .where('training_class.starts_on', '<=', `${f.year}-12-31`);
  return query
    .orderBy('training_class.starts_on', 'desc')
    .orderBy('training_class.id', 'desc')
    .limit(500)
    .execute();
}

export function sessionsOf(db: Kysely<DB>, classId: number) {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('class_id', '=', classId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

/** The enrolled members and applicants of a class, with their names. */
export function enrolledPeople(db: Kysely<DB>, classId: number) {
  return db
    .selectFrom('training_enrollment as e')
    .leftJoin('member', 'member.id', 'e.member_id')
    .leftJoin('applicant', 'applicant.id', 'e.applicant_id')
    .select([
      'e.id',
      'e.member_id',
      'e.applicant_id',
      'member.name as member_name',
      'applicant.name as applicant_name',
    ])
    .where('e.class_id', '=', classId)
    .orderBy('e.id')
    .execute();
}

export function attendanceOf(db: Kysely<DB>, classId: number) {
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('training_session as s', 's.id', 'a.session_id')
    .select(['a.session_id', 'a.enrollment_id', 'a.hours', 's.held_on'])
    .where('s.class_id', '=', classId)
    .execute();
}

export async function insertSession(
  trx: Transaction<DB>,
  row: Insertable<DB['training_session']>,
): Promise<number> {
  const r = await trx.insertInto('training_session').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Of the given member ids, those in the actor's scope and under the path. */
export function membersUnder(db: Kysely<DB>, actor: Actor, ids: number[], path: string) {
  return scoped
    .members(db, actor)
    .select(['member.id', 'member.county_code'])
    .where('member.id', 'in', ids)
    .where('member_org.path', 'like', `${path}%`)
    .execute();
}

/** Of the given applicant ids, those in the actor's scope whose recruitment org lies under the path. */
export function applicantsUnder(db: Kysely<DB>, actor: Actor, ids: number[], path: string) {
  return scoped
    .applicants(db, actor)
    .select(['applicant.id', 'applicant.county_code'])
    .where('applicant.id', 'in', ids)
    .where('recruitment_org.path', 'like', `${path}%`)
    .execute();
}

/** Enrolls; a person already enrolled in the class is left as is. */
export async function insertEnrollments(
  trx: Transaction<DB>,
  rows: Insertable<DB['training_enrollment']>[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('training_enrollment')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function sessionOfClass(db: Kysely<DB>, classId: number, sessionId: number) {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('id', '=', sessionId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
}

export function enrollmentsOfClass(db: Kysely<DB>, classId: number, ids: number[]) {
  return db
    .selectFrom('training_enrollment')
    .selectAll()
    .where('class_id', '=', classId)
    .where('id', 'in', ids)
    .execute();
}

/** Of the given enrollments, those whose attendance at the session is already recorded. */
export function attendanceRecorded(db: Kysely<DB>, sessionId: number, enrollmentIds: number[]) {
  return db
    .selectFrom('training_attendance')
    .select('enrollment_id')
    .where('session_id', '=', sessionId)
    .where('enrollment_id', 'in', enrollmentIds)
    .execute();
}

/** An applicant's class hours, as recruitment counts them (recruitment_training). */
export async function insertRecruitmentTraining(
  trx: Transaction<DB>,
  row: Insertable<DB['recruitment_training']>,
): Promise<number> {
  const r = await trx
    .insertInto('recruitment_training')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertAttendance(
  trx: Transaction<DB>,
  row: Insertable<DB['training_attendance']>,
): Promise<void> {
  await trx.insertInto('training_attendance').values(row).execute();
}

export async function upsertTarget(
  trx: Transaction<DB>,
  row: { org_id: number; year: number; target: number },
): Promise<void> {
  await trx
    .insertInto('training_target')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet((eb) => ({ target: eb.ref('excluded.target') })),
    )
    .execute();
}

/**
 * The members in scope (training:manage) under the path who were present (hours > 0) at a session of a
 * party-school class held in the year, with their org's path.
 */
export function trainedMembers(db: Kysely<DB>, actor: Actor, path: string, year: number) {
  return scoped
    .members(db, actor, 'training:manage')
    .where('member_org.path', 'like', `${path}%`)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('training_enrollment as e')
          .innerJoin('training_attendance as a', 'a.enrollment_id', 'e.id')
          .innerJoin('training_session as s', 's.id', 'a.session_id')
          .innerJoin('training_class as c', 'c.id', 'e.class_id')
          .select('e.id')
          .whereRef('e.member_id', '=', 'member.id')
          .where('c.party_school', '=', true)
          .where(sql<boolean>`a.hours > 0`)
          .where('s.held_on', '>=', `${year}-01-01`)
          .where('s.held_on', '<=', `${year}-12-31`),
      ),
    )
    .select(['member.id', 'member_org.path'])
    .execute();
}

/** The orgs in scope directly under an org. */
export function childOrgs(db: Kysely<DB>, actor: Actor, parentId: number) {
  return scoped
    .orgs(db, actor)
    .select(['org.id', 'org.name', 'org.path', 'org.member_count'])
    .where('org.parent_id', '=', parentId)
    .orderBy('org.code')
    .execute();
}

export function targetsOf(db: Kysely<DB>, year: number, orgIds: number[]) {
  return db
    .selectFrom('training_target')
    .select(['org_id', 'target'])
    .where('year', '=', year)
    .where('org_id', 'in', orgIds)
    .execute();
}
