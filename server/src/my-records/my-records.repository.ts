// "My records" SQL: everything keyed by the signed-in account's own member row (member_account), never
// by an id from the request: the member, the memberships, meetings, dues and training classes.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** The member row linked to a signed-in account (member_account), with its org. */
export function memberOfAccount(db: Kysely<DB>, accountId: number) {
  return db
    .selectFrom('member_account')
    .innerJoin('member', 'member.id', 'member_account.member_id')
    .innerJoin('org', 'org.id', 'member.org_id')
    .where('member_account.account_id', '=', accountId)
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
}

/** The member's memberships, oldest first. */
export function membershipOf(db: Kysely<DB>, memberId: number) {
  return db
    .selectFrom('membership_history')
    .innerJoin('org', 'org.id', 'membership_history.org_id')
    .where('membership_history.member_id', '=', memberId)
    .select([
      'membership_history.id',
      'org.name as org_name',
      'membership_history.started_on',
      'membership_history.ended_on',
      'membership_history.reason',
    ])
    .orderBy('membership_history.id')
    .execute();
}

/** The last 100 meetings the member was expected at, latest first, with the member's attendance. */
export function meetingsAttended(db: Kysely<DB>, memberId: number) {
  return db
    .selectFrom('meeting_attendance')
    .innerJoin('meeting', 'meeting.id', 'meeting_attendance.meeting_id')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .where('meeting_attendance.member_id', '=', memberId)
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
}

/** The member's last 12 months of dues. */
export function duesPaid(db: Kysely<DB>, memberId: number) {
  return db
    .selectFrom('dues_payment')
    .where('member_id', '=', memberId)
    .select(['month', 'due_fen', 'paid_fen', 'paid_on'])
    .orderBy('month', 'desc')
    .limit(12)
    .execute();
}

/** The classes the member enrolled in, with the hours attended. */
export function trainingOf(db: Kysely<DB>, memberId: number) {
  return db
    .selectFrom('training_enrollment as e')
    .innerJoin('training_class as c', 'c.id', 'e.class_id')
    .leftJoin('training_attendance as a', 'a.enrollment_id', 'e.id')
    .where('e.member_id', '=', memberId)
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
}
