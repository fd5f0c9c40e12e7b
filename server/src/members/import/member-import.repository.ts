// SQL of the member register import (member-import.service.ts holds the rules): the orgs a row may name,
// the people already in the register, and the import's writes — members in bulk, their first membership
// period, the subtree totals.
import { type Kysely, sql, type Transaction } from 'kysely';
import { type BulkColumn, bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DB, NewMember } from '../../platform/db/schema.ts';

const MEMBER_INSERT: BulkColumn<NewMember>[] = [
  { name: 'org_id', type: 'int8' },
  { name: 'name', type: 'text' },
  { name: 'pinyin_initials', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'ethnicity', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'id_number_enc', type: 'text' },
  { name: 'id_number_hash', type: 'text' },
  { name: 'id_number_masked', type: 'text' },
  { name: 'phone_enc', type: 'text' },
  { name: 'phone_masked', type: 'text' },
  { name: 'education', type: 'text' },
  { name: 'occupation', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'joined_on', type: 'date' },
  { name: 'converted_on', type: 'date' },
  { name: 'county_code', type: 'text' },
];

/** The orgs at or under a path that the service has verified in the actor's scope, by code. */
export function orgsUnder(db: Kysely<DB>, verifiedPath: string) {
  return db
    .selectFrom('org')
    .select(['id', 'code', 'name', 'path', 'county_code'])
    .where('path', 'like', `${verifiedPath}%`)
    .execute();
}

/** The new members (one statement per batch); their ids in the order of `members`. */
export async function insertMembers(trx: Transaction<DB>, members: readonly NewMember[]): Promise<number[]> {
  const inserted = await bulkInsert(trx, 'member', MEMBER_INSERT, members, { returning: ['id'] });
  return inserted.map((r) => Number(r.id));
}

/** Each new member's first membership period, in one statement. */
export async function openMembershipPeriods(trx: Transaction<DB>, memberIds: number[]): Promise<void> {
  await sql`insert into membership_history (member_id, county_code, org_id, started_on, reason)
      select id, county_code, org_id, joined_on, 'register' from member where id = any(${memberIds}::bigint[])`.execute(
    trx,
  );
}

/** Subtree totals: the org and every ancestor gain `n` members (organizations/org-totals.ts keeps the same numbers). */
export async function addMembersToSubtree(trx: Transaction<DB>, orgId: number, n: number): Promise<void> {
  await sql`update org set member_count = member_count + ${n}
        where (select path from org o where o.id = ${orgId}) like org.path || '%'`.execute(trx);
}
