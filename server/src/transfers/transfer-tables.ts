// Kysely types of server/migrations/0009_transfers.sql, merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { CommunityReportsDB } from '../community-reports/community-report-tables.ts';
import type { MobileMembersDB } from '../mobile-members/mobile-member-tables.ts';
import type { TransferScope, TransferState } from './domain/transfer-machine.ts';

/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;

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

/** 0009's tables: transfers' own, and those of 流动党员 and 双报到 (their folders' *-tables.ts). */
export interface TransfersDB extends MobileMembersDB, CommunityReportsDB {
  transfer: TransferTable;
  membership_history: MembershipHistoryTable;
}
