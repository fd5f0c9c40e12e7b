// Meetings (组织生活): record one with its sign-in, list a branch's meetings, read one. The sign-in
// holds only members of the branch (its subtree), the date is never in the future, the quorum is
// computed from the sign-in (domain/meeting-rules.ts). One transaction with its audit row; a refusal
// writes nothing.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { isDate, shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  type AttendanceStatus,
  MEETING_KIND_NAMES,
  type MeetingKind,
  quorumOf,
} from './domain/meeting-rules.ts';
import { isOrgLifeOrg, meetingErrors, readMeetingSettings } from './meeting-common.ts';

export interface AttendanceInput {
  memberId: number;
  status: AttendanceStatus;
  reason?: string | undefined;
}

export interface MeetingInput {
  orgId: number;
  kind: MeetingKind;
  heldOn: string;
  topic: string;
  place?: string | undefined;
  host?: string | undefined;
  minutes?: string | undefined;
  photos?: string[] | undefined;
  attendance: AttendanceInput[];
}

export async function recordMeeting(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  input: MeetingInput,
  today = shanghaiToday(),
): Promise<number> {
  const org = await verifyOrg(db, actor, input.orgId);
  if (!isOrgLifeOrg(org)) throw meetingErrors.notBranch(org.name);
  if (!isDate(input.heldOn)) throw meetingErrors.badDate('heldOn', input.heldOn);
  if (input.heldOn > today) throw meetingErrors.future(input.heldOn, today);
  if (input.attendance.length === 0) throw meetingErrors.noAttendance();
  const seen = new Set<number>();
  for (const a of input.attendance) {
    if (seen.has(a.memberId)) throw meetingErrors.duplicateAttendee(a.memberId);
    seen.add(a.memberId);
    if (a.status === 'absent' && !a.reason?.trim()) throw meetingErrors.absentReason(a.memberId);
  }
  const ids = [...seen];
  const inBranch = await scoped
    .members(db, actor)
    .select('member.id')
    .where('member.id', 'in', ids)
    .where('member_org.path', 'like', `${org.path}%`)
    .execute();
  const found = new Set(inBranch.map((m) => m.id));
  const outside = ids.filter((id) => !found.has(id));
  if (outside.length) throw meetingErrors.attendeeOutside(outside, org.name);
  const full = await scoped
    .members(db, actor)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_org.path', 'like', `${org.path}%`)
    .where('member.status', '=', 'full')
    .executeTakeFirstOrThrow();
  const settings = await readMeetingSettings(db);
  const quorum = quorumOf(
    input.kind,
    input.attendance.map((a) => a.status),
    settings,
    Number(full.n),
  );
  const counts = !quorum.required || quorum.met;
  return write(async (trx, audit) => {
    const m = await trx
      .insertInto('meeting')
      .values({
        org_id: org.id,
        county_code: org.county_code,
        kind: input.kind,
        held_on: input.heldOn,
        topic: input.topic.trim(),
        place: input.place?.trim() ?? '',
        host: input.host?.trim() ?? '',
        minutes: input.minutes ?? '',
        photos: JSON.stringify(input.photos ?? []),
        expected: quorum.expected,
        present: quorum.present,
        quorum_met: quorum.met,
        counts,
        recorded_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('meeting_attendance')
      .values(
        input.attendance.map((a) => ({
          meeting_id: m.id,
          member_id: a.memberId,
          county_code: org.county_code,
          status: a.status,
          reason: a.reason?.trim() ?? '',
        })),
      )
      .execute();
    await audit({
      action: 'meeting.record',
      targetType: 'meeting',
      targetId: m.id,
      after: {
        orgId: org.id,
        kind: input.kind,
        heldOn: input.heldOn,
        topic: input.topic.trim(),
        expected: quorum.expected,
        present: quorum.present,
        quorumMet: quorum.met,
        counts,
      },
      countyCode: org.county_code,
    });
    return m.id;
  });
}

export interface MeetingListQuery {
  orgId?: number | undefined;
  kind?: MeetingKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** Meetings of an org and the orgs under it, newest first. */
export async function listMeetings(db: Kysely<DB>, actor: Actor, q: MeetingListQuery) {
  const org = await verifyOrg(db, actor, q.orgId ?? actor.scopeOrgId);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  let base = scoped.meetings(db, actor).where('meeting_org.path', 'like', `${org.path}%`);
  if (q.kind) base = base.where('meeting.kind', '=', q.kind);
  if (q.from && isDate(q.from)) base = base.where('meeting.held_on', '>=', q.from);
  if (q.to && isDate(q.to)) base = base.where('meeting.held_on', '<=', q.to);
  const [rows, total] = await Promise.all([
    base
      .select([
        'meeting.id',
        'meeting.org_id as orgId',
        'meeting_org.name as orgName',
        'meeting.kind',
        'meeting.held_on as heldOn',
        'meeting.topic',
        'meeting.place',
        'meeting.expected',
        'meeting.present',
        'meeting.quorum_met as quorumMet',
        'meeting.counts',
      ])
      .orderBy('meeting.held_on', 'desc')
      .orderBy('meeting.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    org: { id: org.id, name: org.name },
    items: rows.map((r) => ({ ...r, kindName: MEETING_KIND_NAMES[r.kind] })),
    total: Number(total.n),
    page,
    pageSize,
  };
}

/** One meeting with its sign-in (names only: no personal data). */
export async function meetingDetail(db: Kysely<DB>, actor: Actor, unverifiedId: number) {
  const m = await scoped
    .meetings(db, actor)
    .selectAll('meeting')
    .select('meeting_org.name as org_name')
    .where('meeting.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!m) throw errors.outOfScope('meeting', unverifiedId);
  const attendance = await db
    .selectFrom('meeting_attendance')
    .innerJoin('member', 'member.id', 'meeting_attendance.member_id')
    .select([
      'member.id as memberId',
      'member.name',
      'member.status as memberStatus',
      'meeting_attendance.status',
      'meeting_attendance.reason',
    ])
    .where('meeting_attendance.meeting_id', '=', m.id)
    .orderBy(sql`meeting_attendance.status = 'present'`, 'desc')
    .orderBy('member.name')
    .execute();
  return {
    id: m.id,
    orgId: m.org_id,
    orgName: m.org_name,
    kind: m.kind,
    kindName: MEETING_KIND_NAMES[m.kind],
    heldOn: m.held_on,
    topic: m.topic,
    place: m.place,
    host: m.host,
    minutes: m.minutes,
    photos: m.photos,
    expected: m.expected,
    present: m.present,
    quorumMet: m.quorum_met,
    counts: m.counts,
    attendance,
  };
}

/** The members a meeting of this org may sign in: those of the org and the orgs under it. */
export async function attendees(db: Kysely<DB>, actor: Actor, unverifiedOrgId: number) {
  const org = await verifyOrg(db, actor, unverifiedOrgId);
  const items = await scoped
    .members(db, actor)
    .select(['member.id', 'member.name', 'member.status', 'member_org.name as orgName'])
    .where('member_org.path', 'like', `${org.path}%`)
    .orderBy('member_org.path')
    .orderBy('member.name')
    .limit(2000)
    .execute();
  return { org: { id: org.id, name: org.name, holdsOrgLife: isOrgLifeOrg(org) }, items };
}
