// 培训 / 党校 (issue 5 item 6): classes held by an org, sessions with class hours, enrollment of members
// and of applicants, attendance with hours. An applicant's attendance also writes a recruitment_training
// row in the same transaction, so recruitment's "≥ 3 days or ≥ 24 class hours" rule (step 11) counts it.
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { isDate } from '../recruitment/domain/dates.ts';
import { trainingErrors } from './training-errors.ts';
import type { TrainingLevel } from './training-tables.ts';

export interface ClassInput {
  orgId: number;
  title: string;
  level: TrainingLevel;
  provider?: string | undefined;
  partySchool?: boolean | undefined;
  startsOn: string;
  endsOn: string;
}

export async function verifyClass(db: Kysely<DB>, actor: Actor, id: number) {
  const c = await scoped
    .trainingClasses(db, actor)
    .selectAll('training_class')
    .select(['class_org.path as org_path', 'class_org.name as org_name'])
    .where('training_class.id', '=', id)
    .executeTakeFirst();
  if (!c) throw errors.outOfScope('training_class', id);
  return c;
}

export async function createClass(db: Kysely<DB>, write: Write, actor: Actor, input: ClassInput) {
  const org = await verifyOrg(db, actor, input.orgId);
  for (const f of ['startsOn', 'endsOn'] as const)
    if (!isDate(input[f])) throw trainingErrors.badDate(f, input[f]);
  if (input.endsOn < input.startsOn) throw trainingErrors.badPeriod(input.startsOn, input.endsOn);
  return write(async (trx, audit) => {
    const row = await trx
      .insertInto('training_class')
      .values({
        org_id: org.id,
        county_code: org.county_code,
        title: input.title.trim(),
        level: input.level,
        provider: input.provider?.trim() ?? '',
        party_school: input.partySchool ?? false,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'training.class',
      targetType: 'training_class',
      targetId: row.id,
      after: input,
      countyCode: org.county_code,
    });
    return row.id;
  });
}

export async function listClasses(
  db: Kysely<DB>,
  actor: Actor,
  q: { orgId?: number | undefined; year?: number | undefined },
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
  if (q.orgId) {
    const org = await verifyOrg(db, actor, q.orgId);
    query = query.where('class_org.path', 'like', `${org.path}%`);
  }
  if (q.year)
    query = query
      .where('training_class.starts_on', '>=', `${q.year}-01-01`)
      .where('training_class.starts_on', '<=', `${q.year}-12-31`);
  const rows = await query
    .orderBy('training_class.starts_on', 'desc')
    .orderBy('training_class.id', 'desc')
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      level: r.level,
      provider: r.provider,
      partySchool: r.party_school,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      org: { id: r.org_id, name: r.org_name },
      enrolled: Number(r.enrolled ?? 0),
    })),
  };
}

export async function classDetail(db: Kysely<DB>, actor: Actor, id: number) {
  const c = await verifyClass(db, actor, id);
  const [sessions, people, attendance] = await Promise.all([
    db
      .selectFrom('training_session')
      .selectAll()
      .where('class_id', '=', id)
      .orderBy('held_on')
      .orderBy('id')
      .execute(),
    db
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
      .where('e.class_id', '=', id)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('training_attendance as a')
      .innerJoin('training_session as s', 's.id', 'a.session_id')
      .select(['a.session_id', 'a.enrollment_id', 'a.hours', 's.held_on'])
      .where('s.class_id', '=', id)
      .execute(),
  ]);
  const per = new Map<number, { hours: number; days: Set<string>; sessions: number[] }>();
  for (const a of attendance) {
    const p = per.get(a.enrollment_id) ?? { hours: 0, days: new Set<string>(), sessions: [] };
    p.hours += Number(a.hours);
    if (Number(a.hours) > 0) p.days.add(a.held_on);
    p.sessions.push(a.session_id);
    per.set(a.enrollment_id, p);
  }
  return {
    id: c.id,
    title: c.title,
    level: c.level,
    provider: c.provider,
    partySchool: c.party_school,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    org: { id: c.org_id, name: c.org_name },
    sessions: sessions.map((s) => ({ id: s.id, heldOn: s.held_on, topic: s.topic, hours: Number(s.hours) })),
    enrollments: people.map((p) => {
      const a = per.get(p.id);
      return {
        id: p.id,
        kind: p.member_id !== null ? ('member' as const) : ('applicant' as const),
        personId: p.member_id ?? p.applicant_id,
        name: p.member_name ?? p.applicant_name ?? '',
        hours: Math.round((a?.hours ?? 0) * 10) / 10,
        days: a?.days.size ?? 0,
        sessionIds: a?.sessions ?? [],
      };
    }),
  };
}

export async function addSession(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  classId: number,
  input: { heldOn: string; topic: string; hours: number },
) {
  const c = await verifyClass(db, actor, classId);
  if (!isDate(input.heldOn)) throw trainingErrors.badDate('heldOn', input.heldOn);
  if (input.heldOn < c.starts_on || input.heldOn > c.ends_on)
    throw trainingErrors.sessionOutside(input.heldOn, c.starts_on, c.ends_on);
  return write(async (trx, audit) => {
    const row = await trx
      .insertInto('training_session')
      .values({ class_id: c.id, held_on: input.heldOn, topic: input.topic.trim(), hours: input.hours })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'training.session',
      targetType: 'training_class',
      targetId: c.id,
      after: { sessionId: row.id, ...input },
      countyCode: c.county_code,
    });
    return row.id;
  });
}

/** Enrolls members and applicants of the class org's subtree (and of the actor's scope); enrolling twice is a no-op. */
export async function enroll(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  classId: number,
  input: { memberIds?: number[] | undefined; applicantIds?: number[] | undefined },
) {
  const c = await verifyClass(db, actor, classId);
  const memberIds = [...new Set(input.memberIds ?? [])];
  const applicantIds = [...new Set(input.applicantIds ?? [])];
  const members = memberIds.length
    ? await scoped
        .members(db, actor)
        .select(['member.id', 'member.county_code'])
        .where('member.id', 'in', memberIds)
        .where('member_org.path', 'like', `${c.org_path}%`)
        .execute()
    : [];
  const missingM = memberIds.filter((id) => !members.some((m) => m.id === id));
  if (missingM.length) throw trainingErrors.notInScope('member', missingM);
  const applicants = applicantIds.length
    ? await scoped
        .applicants(db, actor)
        .select(['applicant.id', 'applicant.county_code'])
        .where('applicant.id', 'in', applicantIds)
        .where('recruitment_org.path', 'like', `${c.org_path}%`)
        .execute()
    : [];
  const missingA = applicantIds.filter((id) => !applicants.some((a) => a.id === id));
  if (missingA.length) throw trainingErrors.notInScope('applicant', missingA);
  await write(async (trx, audit) => {
    const rows = [
      ...members.map((m) => ({
        class_id: c.id,
        member_id: m.id,
        applicant_id: null,
        county_code: m.county_code,
      })),
      ...[...new Map(applicants.map((a) => [a.id, a])).values()].map((a) => ({
        class_id: c.id,
        member_id: null,
        applicant_id: a.id,
        county_code: a.county_code,
      })),
    ];
    if (rows.length)
      await trx
        .insertInto('training_enrollment')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    await audit({
      action: 'training.enroll',
      targetType: 'training_class',
      targetId: c.id,
      after: { memberIds, applicantIds },
      countyCode: c.county_code,
    });
  });
  return classDetail(db, actor, c.id);
}

/** Attendance at a session: hours per enrollment (default the session's hours, never above them). */
export async function recordAttendance(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  classId: number,
  sessionId: number,
  input: { attendance: { enrollmentId: number; hours?: number | undefined }[] },
) {
  const c = await verifyClass(db, actor, classId);
  const s = await db
    .selectFrom('training_session')
    .selectAll()
    .where('id', '=', sessionId)
    .where('class_id', '=', c.id)
    .executeTakeFirst();
  if (!s) throw errors.outOfScope('training_session', sessionId);
  const max = Number(s.hours);
  const ids = [...new Set(input.attendance.map((a) => a.enrollmentId))];
  const enrolled = ids.length
    ? await db
        .selectFrom('training_enrollment')
        .selectAll()
        .where('class_id', '=', c.id)
        .where('id', 'in', ids)
        .execute()
    : [];
  const missing = ids.filter((id) => !enrolled.some((e) => e.id === id));
  if (missing.length) throw trainingErrors.notEnrolled(missing);
  for (const a of input.attendance)
    if ((a.hours ?? max) > max) throw trainingErrors.hoursAboveSession(a.hours ?? max, max);
  const done = ids.length
    ? await db
        .selectFrom('training_attendance')
        .select('enrollment_id')
        .where('session_id', '=', s.id)
        .where('enrollment_id', 'in', ids)
        .execute()
    : [];
  if (done.length) throw trainingErrors.alreadyRecorded(done.map((d) => d.enrollment_id));
  const byId = new Map(enrolled.map((e) => [e.id, e]));
  await write(async (trx, audit) => {
    for (const a of input.attendance) {
      const e = byId.get(a.enrollmentId);
      if (!e) continue;
      const hours = a.hours ?? max;
      let recruitmentTrainingId: number | null = null;
      if (e.applicant_id !== null && hours > 0) {
        const r = await trx
          .insertInto('recruitment_training')
          .values({
            applicant_id: e.applicant_id,
            county_code: e.county_code,
            title: `${c.title}：${s.topic}`,
            provider: c.provider,
            starts_on: s.held_on,
            ends_on: s.held_on,
            hours,
            recorded_by: actor.accountId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        recruitmentTrainingId = r.id;
      }
      await trx
        .insertInto('training_attendance')
        .values({
          session_id: s.id,
          enrollment_id: e.id,
          hours,
          recruitment_training_id: recruitmentTrainingId,
          recorded_by: actor.accountId,
        })
        .execute();
    }
    await audit({
      action: 'training.attendance',
      targetType: 'training_class',
      targetId: c.id,
      after: { sessionId: s.id, attendance: input.attendance },
      countyCode: c.county_code,
    });
  });
  return classDetail(db, actor, c.id);
}
