// SQL of meetings (组织生活); meeting.service.ts holds the rules (domain/meeting-rules.ts the quorum).
// Members and meetings are read through the access layer (scoped.*); a meeting's sign-in is read by the id
// of a meeting found in scope first.
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import type { MeetingKind } from './domain/meeting-rules.ts';

/** Of the given member ids, those in scope under the path. */
export function membersUnder(db: Kysely<DB>, actor: Actor, ids: number[], path: string) {
  return scoped
    .members(db, actor)
    .select('member.id')
    .where('member.id', 'in', ids)
    .where('member_org.path', 'like', `${path}%`)
    .execute();
}

/** The full members (正式党员) in scope under the path. */
export async function fullMembersUnder(db: Kysely<DB>, actor: Actor, path: string): Promise<number> {
  const row = await scoped
    .members(db, actor)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_org.path', 'like', `${path}%`)
    .where('member.status', '=', 'full')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertMeeting(trx: Transaction<DB>, row: Insertable<DB['meeting']>): Promise<number> {
  const m = await trx.insertInto('meeting').values(row).returning('id').executeTakeFirstOrThrow();
  return m.id;
}

export async function insertAttendance(
  trx: Transaction<DB>,
  rows: Insertable<DB['meeting_attendance']>[],
): Promise<void> {
  await trx.insertInto('meeting_attendance').values(rows).execute();
}

export interface MeetingFilter {
  /** under this org path */
  path: string;
  kind?: MeetingKind | undefined;
  /** held on or after / on or before (YYYY-MM-DD, checked by the service) */
  from?: string | undefined;
  to?: string | undefined;
}

/** One page of the meetings in scope under the path, newest first, and their number. */
export async function meetingPage(
  db: Kysely<DB>,
  actor: Actor,
  f: MeetingFilter,
  limit: number,
  offset: number,
) {
  let base = scoped.meetings(db, actor).where('meeting_org.path', 'like', `${f.path}%`);
  if (f.kind) base = base.where('meeting.kind', '=', f.kind);
  if (f.from) base = base.where('meeting.held_on', '>=', f.from);
  if (f.to) base = base.where('meeting.held_on', '<=', f.to);
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
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** A meeting in scope, with its org's name. */
export function meetingInScope(db: Kysely<DB>, actor: Actor, id: number) {
  return scoped
    .meetings(db, actor)
    .selectAll('meeting')
    .select('meeting_org.name as org_name')
    .where('meeting.id', '=', id)
    .executeTakeFirst();
}

/** A meeting's sign-in (names only: no personal data), the present first. */
export function signInOf(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('meeting_attendance')
    .innerJoin('member', 'member.id', 'meeting_attendance.member_id')
    .select([
      'member.id as memberId',
      'member.name',
      'member.status as memberStatus',
      'meeting_attendance.status',
      'meeting_attendance.reason',
    ])
    .where('meeting_attendance.meeting_id', '=', meetingId)
    .orderBy(sql`meeting_attendance.status = 'present'`, 'desc')
    .orderBy('member.name')
    .execute();
}

/** The members in scope under the path (2,000 at most), by org and name. */
export function attendeesUnder(db: Kysely<DB>, actor: Actor, path: string) {
  return scoped
    .members(db, actor)
    .select(['member.id', 'member.name', 'member.status', 'member_org.name as orgName'])
    .where('member_org.path', 'like', `${path}%`)
    .orderBy('member_org.path')
    .orderBy('member.name')
    .limit(2000)
    .execute();
}
