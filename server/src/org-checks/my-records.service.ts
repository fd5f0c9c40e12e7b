// "My records" (issue 5 item 8): a member's own membership, history and organizational life. The
// scope here is the link member_account (0012): the signed-in account's own member row and nothing
// else: membership, history, meetings signed in to, dues paid and training. Reading it is a read of
// personal data, so it is audited.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import type { DB } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors/errors.ts';
import type { AuditFields } from '../platform/http/route.ts';

export async function myRecords(
  db: Kysely<DB>,
  actor: Actor,
  audit: (fields: AuditFields) => Promise<number>,
) {
  const me = await db
    .selectFrom('member_account')
    .innerJoin('member', 'member.id', 'member_account.member_id')
    .innerJoin('org', 'org.id', 'member.org_id')
    .where('member_account.account_id', '=', actor.accountId)
    .select([
      'member.id',
      'member.name',
      'member.gender',
      'member.birth_date',
      'member.id_number_masked',
      'member.phone_masked',
      'member.education',
      'member.occupation',
      'member.status',
      'member.joined_on',
      'member.converted_on',
      'member.county_code',
      'org.id as org_id',
      'org.name as org_name',
      'org.code as org_code',
    ])
    .executeTakeFirst();
  if (!me)
    throw notFound(
      'MY_RECORDS_NO_MEMBER',
      '当前账号没有关联党员档案（只有党员本人的账号可查看“我的档案”）。',
      'This account is not linked to a member record ("my records" is for a member’s own account).',
    );
  const history = await db
    .selectFrom('membership_history')
    .innerJoin('org', 'org.id', 'membership_history.org_id')
    .where('membership_history.member_id', '=', me.id)
    .select([
      'membership_history.id',
      'org.name as org_name',
      'membership_history.started_on',
      'membership_history.ended_on',
      'membership_history.reason',
    ])
    .orderBy('membership_history.id')
    .execute();
  const meetings = await db
    .selectFrom('meeting_attendance')
    .innerJoin('meeting', 'meeting.id', 'meeting_attendance.meeting_id')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .where('meeting_attendance.member_id', '=', me.id)
    .select([
      'meeting.id',
      'meeting.kind',
      'meeting.held_on',
      'meeting.topic',
      'org.short_name as org_name',
      'meeting_attendance.status',
      'meeting_attendance.reason',
    ])
    .orderBy('meeting.held_on', 'desc')
    .limit(100)
    .execute();
  const dues = await db
    .selectFrom('dues_payment')
    .where('member_id', '=', me.id)
    .select(['month', 'due_fen', 'paid_fen', 'paid_on'])
    .orderBy('month', 'desc')
    .limit(12)
    .execute();
  const training = await db
    .selectFrom('training_enrollment as e')
    .innerJoin('training_class as c', 'c.id', 'e.class_id')
    .leftJoin('training_attendance as a', 'a.enrollment_id', 'e.id')
    .where('e.member_id', '=', me.id)
    .select([
      'c.id',
      'c.title',
      'c.level',
      'c.party_school',
      'c.starts_on',
      'c.ends_on',
      sql<string>`coalesce(sum(a.hours), 0)`.as('hours'),
    ])
    .groupBy(['c.id', 'c.title', 'c.level', 'c.party_school', 'c.starts_on', 'c.ends_on'])
    .orderBy('c.starts_on', 'desc')
    .limit(50)
    .execute();
  await audit({
    action: 'member.records.read',
    targetType: 'member',
    targetId: me.id,
    countyCode: me.county_code,
  });
  return {
    member: {
      id: Number(me.id),
      name: me.name,
      gender: me.gender,
      birthDate: me.birth_date,
      idNumberMasked: me.id_number_masked,
      phoneMasked: me.phone_masked,
      education: me.education,
      occupation: me.occupation,
      status: me.status,
      joinedOn: me.joined_on,
      convertedOn: me.converted_on,
      org: { id: Number(me.org_id), name: me.org_name, code: me.org_code },
    },
    history: history.map((h) => ({
      id: Number(h.id),
      orgName: h.org_name,
      startedOn: h.started_on,
      endedOn: h.ended_on,
      reason: h.reason,
    })),
    meetings: {
      attended: meetings.filter((m) => m.status === 'present').length,
      items: meetings.map((m) => ({
        id: Number(m.id),
        kind: m.kind,
        heldOn: m.held_on,
        topic: m.topic,
        orgName: m.org_name,
        status: m.status,
        reason: m.reason,
      })),
    },
    /** the last 12 months paid (server/src/dues tables), amounts in fen */
    dues: dues.map((d) => ({ month: d.month, dueFen: d.due_fen, paidFen: d.paid_fen, paidOn: d.paid_on })),
    /** classes enrolled in with the hours attended (server/src/training tables) */
    training: training.map((c) => ({
      id: Number(c.id),
      title: c.title,
      level: c.level,
      partySchool: c.party_school,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      hours: Number(c.hours),
    })),
  };
}
