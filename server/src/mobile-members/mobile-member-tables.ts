// Kysely types of 流动党员's tables (server/migrations/0009_transfers.sql), merged into DB through
// transfers/transfer-tables.ts.
import type { ColumnType, Generated } from 'kysely';
import type { MobileState } from './domain/mobile-member.ts';

/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;

export interface MobileMemberTable {
  id: Generated<number>;
  member_id: number;
  county_code: string | null;
  home_org_id: number;
  inflow_org_id: number | null;
  destination: string;
  destination_division_code: string | null;
  since: DateText;
  expected_months: number;
  fixed_place: Generated<boolean>;
  contact_phone_enc: string;
  contact_phone_masked: string;
  certificate_no: string | null;
  state: ColumnType<MobileState, MobileState | undefined, MobileState>;
  inflow_confirmed_on: DateText | null;
  ended_on: DateText | null;
  note: Generated<string>;
  created_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MobileMemberActivityTable {
  id: Generated<number>;
  mobile_member_id: number;
  county_code: string | null;
  org_id: number;
  held_on: DateText;
  kind: string;
  topic: string;
  recorded_by: number | null;
  created_at: DefaultTimestamp;
}

export interface MobileMembersDB {
  mobile_member: MobileMemberTable;
  mobile_member_activity: MobileMemberActivityTable;
}
