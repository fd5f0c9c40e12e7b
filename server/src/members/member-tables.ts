// Kysely types of the members capability's own tables (0016), merged into DB (platform/db/schema.ts).
import type { ColumnType } from 'kysely';

/** Members and full members of each org (not of its subtree), kept by triggers on member (0016). */
export interface OrgMemberStatTable {
  org_id: number;
  members: ColumnType<number, number | undefined, number>;
  full_members: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MembersDB {
  org_member_stat: OrgMemberStatTable;
}
