// Meetings (组织生活): record one with its sign-in, list a branch's meetings, read one. The sign-in
// holds only members of the branch (its subtree), the date is never in the future, the quorum is
// computed from the sign-in (domain/meeting-rules.ts). One transaction with its audit row; a refusal
// writes nothing.
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { isDate, shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  type AttendanceStatus,
  MEETING_KIND_NAMES,
  type MeetingKind,
  quorumOf,
} from './domain/meeting-rules.ts';
import * as repo from './meeting.repository.ts';
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
  db: Db,
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
  const inBranch = await repo.membersUnder(db, actor, ids, org.path);
  const found = new Set(inBranch.map((m) => m.id));
  const outside = ids.filter((id) => !found.has(id));
  if (outside.length) throw meetingErrors.attendeeOutside(outside, org.name);
  const full = await repo.fullMembersUnder(db, actor, org.path);
  const settings = await readMeetingSettings(db);
  const quorum = quorumOf(
    input.kind,
    input.attendance.map((a) => a.status),
    settings,
    full,
  );
  const counts = !quorum.required || quorum.met;
  return write(async (trx, audit) => {
    const meetingId = await repo.insertMeeting(trx, {
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
    });
    await repo.insertAttendance(
      trx,
      input.attendance.map((a) => ({
        meeting_id: meetingId,
        member_id: a.memberId,
        county_code: org.county_code,
        status: a.status,
        reason: a.reason?.trim() ?? '',
      })),
    );
    await audit({
      action: 'meeting.record',
      targetType: 'meeting',
      targetId: meetingId,
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
    return meetingId;
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
export async function listMeetings(db: Db, actor: Actor, q: MeetingListQuery) {
  const org = await verifyOrg(db, actor, q.orgId ?? actor.scopeOrgId);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { rows, total } = await repo.meetingPage(
    db,
    actor,
    {
      path: org.path,
      kind: q.kind,
      from: q.from && isDate(q.from) ? q.from : undefined,
      to: q.to && isDate(q.to) ? q.to : undefined,
    },
    pageSize,
    (page - 1) * pageSize,
  );
  return {
    org: { id: org.id, name: org.name },
    items: rows.map((r) => ({ ...r, kindName: MEETING_KIND_NAMES[r.kind] })),
    total,
    page,
    pageSize,
  };
}

/** One meeting with its sign-in (names only: no personal data). */
export async function meetingDetail(db: Db, actor: Actor, unverifiedId: number) {
  const m = await repo.meetingInScope(db, actor, unverifiedId);
  if (!m) throw errors.outOfScope('meeting', unverifiedId);
  const attendance = await repo.signInOf(db, m.id);
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
export async function attendees(db: Db, actor: Actor, unverifiedOrgId: number) {
  const org = await verifyOrg(db, actor, unverifiedOrgId);
  const items = await repo.attendeesUnder(db, actor, org.path);
  return { org: { id: org.id, name: org.name, holdsOrgLife: isOrgLifeOrg(org) }, items };
}
