// 培训 / 党校 (issue 5 item 6): classes held by an org, sessions with class hours, enrollment of members
// and of applicants, attendance with hours. An applicant's attendance also writes a recruitment_training
// row in the same transaction, so recruitment's "≥ 3 days or ≥ 24 class hours" rule (step 11) counts it.
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { isDate } from '../recruitment/domain/dates.ts';
import * as repo from './training.repository.ts';
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

export async function verifyClass(db: Db, actor: Actor, id: number) {
  const c = await repo.classInScope(db, actor, id);
  if (!c) throw errors.outOfScope('training_class', id);
  return c;
}

export async function createClass(db: Db, write: Write, actor: Actor, input: ClassInput) {
  const org = await verifyOrg(db, actor, input.orgId);
  for (const f of ['startsOn', 'endsOn'] as const)
    if (!isDate(input[f])) throw trainingErrors.badDate(f, input[f]);
  if (input.endsOn < input.startsOn) throw trainingErrors.badPeriod(input.startsOn, input.endsOn);
  return write(async (trx, audit) => {
    const id = await repo.insertClass(trx, {
      org_id: org.id,
      county_code: org.county_code,
      title: input.title.trim(),
      level: input.level,
      provider: input.provider?.trim() ?? '',
      party_school: input.partySchool ?? false,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      created_by: actor.accountId,
    });
    await audit({
      action: 'training.class',
      targetType: 'training_class',
      targetId: id,
      after: input,
      countyCode: org.county_code,
    });
    return id;
  });
}

export async function listClasses(
  db: Db,
  actor: Actor,
  q: { orgId?: number | undefined; year?: number | undefined },
) {
  const orgPath = q.orgId ? (await verifyOrg(db, actor, q.orgId)).path : undefined;
  const rows = await repo.classList(db, actor, { orgPath, year: q.year });
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

export async function classDetail(db: Db, actor: Actor, id: number) {
  const c = await verifyClass(db, actor, id);
  const [sessions, people, attendance] = await Promise.all([
    repo.sessionsOf(db, id),
    repo.enrolledPeople(db, id),
    repo.attendanceOf(db, id),
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
  db: Db,
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
    const sessionId = await repo.insertSession(trx, {
      class_id: c.id,
      held_on: input.heldOn,
      topic: input.topic.trim(),
      hours: input.hours,
    });
    await audit({
      action: 'training.session',
      targetType: 'training_class',
      targetId: c.id,
      after: { sessionId, ...input },
      countyCode: c.county_code,
    });
    return sessionId;
  });
}

/** Enrolls members and applicants of the class org's subtree (and of the actor's scope); enrolling twice is a no-op. */
export async function enroll(
  db: Db,
  write: Write,
  actor: Actor,
  classId: number,
  input: { memberIds?: number[] | undefined; applicantIds?: number[] | undefined },
) {
  const c = await verifyClass(db, actor, classId);
  const memberIds = [...new Set(input.memberIds ?? [])];
  const applicantIds = [...new Set(input.applicantIds ?? [])];
  const members = memberIds.length ? await repo.membersUnder(db, actor, memberIds, c.org_path) : [];
  const missingM = memberIds.filter((id) => !members.some((m) => m.id === id));
  if (missingM.length) throw trainingErrors.notInScope('member', missingM);
  const applicants = applicantIds.length
    ? await repo.applicantsUnder(db, actor, applicantIds, c.org_path)
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
    await repo.insertEnrollments(trx, rows);
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
  db: Db,
  write: Write,
  actor: Actor,
  classId: number,
  sessionId: number,
  input: { attendance: { enrollmentId: number; hours?: number | undefined }[] },
) {
  const c = await verifyClass(db, actor, classId);
  const s = await repo.sessionOfClass(db, c.id, sessionId);
  if (!s) throw errors.outOfScope('training_session', sessionId);
  const max = Number(s.hours);
  const ids = [...new Set(input.attendance.map((a) => a.enrollmentId))];
  const enrolled = ids.length ? await repo.enrollmentsOfClass(db, c.id, ids) : [];
  const missing = ids.filter((id) => !enrolled.some((e) => e.id === id));
  if (missing.length) throw trainingErrors.notEnrolled(missing);
  for (const a of input.attendance)
    if ((a.hours ?? max) > max) throw trainingErrors.hoursAboveSession(a.hours ?? max, max);
  const done = ids.length ? await repo.attendanceRecorded(db, s.id, ids) : [];
  if (done.length) throw trainingErrors.alreadyRecorded(done.map((d) => d.enrollment_id));
  const byId = new Map(enrolled.map((e) => [e.id, e]));
  await write(async (trx, audit) => {
    for (const a of input.attendance) {
      const e = byId.get(a.enrollmentId);
      if (!e) continue;
      const hours = a.hours ?? max;
      let recruitmentTrainingId: number | null = null;
      if (e.applicant_id !== null && hours > 0) {
        recruitmentTrainingId = await repo.insertRecruitmentTraining(trx, {
          applicant_id: e.applicant_id,
          county_code: e.county_code,
          title: `${c.title}：${s.topic}`,
          provider: c.provider,
          starts_on: s.held_on,
          ends_on: s.held_on,
          hours,
          recorded_by: actor.accountId,
        });
      }
      await repo.insertAttendance(trx, {
        session_id: s.id,
        enrollment_id: e.id,
        hours,
        recruitment_training_id: recruitmentTrainingId,
        recorded_by: actor.accountId,
      });
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
