// Kysely types of server/migrations/0012_org_terms.sql, merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';

/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;

export type CommitteePosition = 'secretary' | 'deputy_secretary' | 'member';

export interface OrgTermTable {
  id: Generated<number>;
  org_id: number;
  county_code: string | null;
  elected_on: DateText;
  term_years: number;
  note: Generated<string>;
  recorded_by_org_id: number | null;
  recorded_by: number | null;
  created_at: DefaultTimestamp;
}

export interface OrgCommitteeMemberTable {
  term_id: number;
  seq: number;
  member_id: number | null;
  name: string;
  position: CommitteePosition;
}

export interface MemberAccountTable {
  account_id: number;
  member_id: number;
}

export interface OrgChecksDB {
  org_term: OrgTermTable;
  org_committee_member: OrgCommitteeMemberTable;
  member_account: MemberAccountTable;
}
