// SQL of one member: the profile with its membership history, transfer letters and recruitment, and
// the writes of the single-member add and edit. A member id is placed in the scope by scoped.members
// (or verifyMember) before any of its child rows are read.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import type { Permission } from '../platform/access/permissions.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB, NewMember } from '../platform/db/schema.ts';

const MEMBER_FIELDS = [
  'member.id',
  'member.name',
  'member.gender',
  'member.ethnicity',
  'member.birth_date',
  'member.id_number_masked',
  'member.phone_masked',
  'member.education',
  'member.occupation',
  'member.status',
  'member.joined_on',
  'member.converted_on',
  'member.county_code',
  'member.org_id',
  'member_org.name as org_name',
  'member_org.code as org_code',
  'member_org.path as org_path',
] as const;

/** One member inside the actor's scope (masked fields only), or undefined. */
export function findMember(db: Kysely<DB>, actor: Actor, id: number, permission: Permission = 'member:read') {
  return scoped
    .members(db, actor, permission)
    .select(MEMBER_FIELDS)
    .where('member.id', '=', id)
    .executeTakeFirst();
}
export type MemberRecord = NonNullable<Awaited<ReturnType<typeof findMember>>>;

/** The same inside a write, locked until the transaction ends (recruitment may convert the member meanwhile). */
export function lockMember(trx: Transaction<DB>, actor: Actor, id: number) {
  return scoped
    .members(trx, actor, 'member:manage')
    .select(MEMBER_FIELDS)
    .select(['member.id_number_enc', 'member.phone_enc'])
    .where('member.id', '=', id)
    .forUpdate('member')
    .executeTakeFirst();
}

/** Periods of membership in orgs, oldest first (written by transfers and by the add). */
export function membershipHistory(db: Kysely<DB>, verifiedMemberId: number) {
  return db
    .selectFrom('membership_history')
    .innerJoin('org', 'org.id', 'membership_history.org_id')
    .select([
      'membership_history.org_id',
      'org.name as org_name',
      'membership_history.started_on',
      'membership_history.ended_on',
      'membership_history.reason',
      'membership_history.transfer_id',
    ])
    .where('membership_history.member_id', '=', verifiedMemberId)
    .orderBy('membership_history.id')
    .execute();
}

/** The member's introduction letters, newest first. */
export function transfersOf(db: Kysely<DB>, verifiedMemberId: number) {
  return db
    .selectFrom('transfer')
    .innerJoin('org as from_org', 'from_org.id', 'transfer.from_org_id')
    .innerJoin('org as to_org', 'to_org.id', 'transfer.to_org_id')
    .select([
      'transfer.id',
      'transfer.letter_no',
      'transfer.state',
      'transfer.scope',
      'transfer.issued_on',
      'transfer.valid_until',
      'transfer.received_on',
      'transfer.closed_on',
      'from_org.name as from_org_name',
      'to_org.name as to_org_name',
    ])
    .where('transfer.member_id', '=', verifiedMemberId)
    .orderBy('transfer.id', 'desc')
    .execute();
}

/** The recruitment (发展党员) that brought the member into the register, if any. */
export function recruitmentOf(db: Kysely<DB>, verifiedMemberId: number) {
  return db
    .selectFrom('recruitment')
    .innerJoin('org', 'org.id', 'recruitment.org_id')
    .select([
      'recruitment.id',
      'recruitment.applied_on',
      'recruitment.stage',
      'recruitment.status',
      'recruitment.probation_ends_on',
      'org.name as org_name',
    ])
    .where('recruitment.member_id', '=', verifiedMemberId)
    .orderBy('recruitment.id', 'desc')
    .executeTakeFirst();
}

export async function insertMember(trx: Transaction<DB>, values: NewMember): Promise<number> {
  const row = await trx.insertInto('member').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Opens the first membership period (reason 'register') of a member just added to the register. */
export async function openMembership(
  trx: Transaction<DB>,
  m: { id: number; orgId: number; countyCode: string | null; startedOn: string },
) {
  await trx
    .insertInto('membership_history')
    .values({
      member_id: m.id,
      county_code: m.countyCode,
      org_id: m.orgId,
      started_on: m.startedOn,
      ended_on: null,
      reason: 'register',
    })
    .execute();
}

/** Subtree totals: the org of the path and every ancestor (organizations/org-totals.ts keeps the same numbers). */
export async function addToMemberCounts(trx: Transaction<DB>, verifiedPath: string, delta: number) {
  const ids = verifiedPath.split('/').filter(Boolean).map(Number);
  await trx
    .updateTable('org')
    .set({ member_count: sql`member_count + ${delta}` })
    .where('id', 'in', ids)
    .execute();
}

export type MemberChanges = Partial<
  Pick<
    NewMember,
    | 'name'
    | 'pinyin_initials'
    | 'ethnicity'
    | 'education'
    | 'occupation'
    | 'phone_enc'
    | 'phone_masked'
    | 'converted_on'
  >
>;

export async function updateMember(trx: Transaction<DB>, id: number, changes: MemberChanges) {
  await trx.updateTable('member').set(changes).where('id', '=', id).execute();
}
