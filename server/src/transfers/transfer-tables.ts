// Kysely types of server/migrations/0009_transfers.sql, merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { MobileState } from './domain/mobile-community.ts';
import type { TransferScope, TransferState } from './domain/transfer-machine.ts';

/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
/** numeric: text or number depending on the engine's parser, written as a number. */
type Numeric = ColumnType<string | number, number, number>;

export interface TransferTable {
  id: Generated<number>;
  member_id: number;
  county_code: string | null;
  from_org_id: number;
  to_org_id: number;
  scope: TransferScope;
  letter_no: string;
  letter_seq: number;
  issued_on: DateText;
  valid_until: DateText;
  state: ColumnType<TransferState, TransferState | undefined, TransferState>;
  reason: Generated<string>;
  note: Generated<string>;
  received_on: DateText | null;
  receipt_returned_on: DateText | null;
  closed_on: DateText | null;
  closed_reason: string | null;
  issued_by: number | null;
  received_by: number | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type MembershipReason = 'register' | 'transfer_in' | 'transfer_out';
export interface MembershipHistoryTable {
  id: Generated<number>;
  member_id: number;
  county_code: string | null;
  org_id: number;
  started_on: DateText | null;
  ended_on: DateText | null;
  reason: MembershipReason;
  transfer_id: number | null;
  created_at: DefaultTimestamp;
}

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

export type Assessment = 'excellent' | 'good' | 'fair' | 'poor';
export interface CommunityReportTable {
  id: Generated<number>;
  community_org_id: number;
  county_code: string | null;
  reporter_kind: 'member' | 'unit';
  member_id: number | null;
  unit_org_id: number | null;
  year: number;
  reported_on: DateText;
  note: Generated<string>;
  assessment: Assessment | null;
  assessed_on: DateText | null;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface CommunityServiceTable {
  id: Generated<number>;
  report_id: number;
  county_code: string | null;
  served_on: DateText;
  hours: Numeric;
  content: string;
  recorded_by: number | null;
  created_at: DefaultTimestamp;
}

export interface TransfersDB {
  transfer: TransferTable;
  membership_history: MembershipHistoryTable;
  mobile_member: MobileMemberTable;
  mobile_member_activity: MobileMemberActivityTable;
  community_report: CommunityReportTable;
  community_service: CommunityServiceTable;
}
