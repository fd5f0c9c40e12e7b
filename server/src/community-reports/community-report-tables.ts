// Kysely types of 双报到双服务's tables (server/migrations/0009_transfers.sql), merged into DB through
// transfers/transfer-tables.ts.
import type { ColumnType, Generated } from 'kysely';

/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
/** numeric: text or number depending on the engine's parser, written as a number. */
type Numeric = ColumnType<string | number, number, number>;

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

export interface CommunityReportsDB {
  community_report: CommunityReportTable;
  community_service: CommunityServiceTable;
}
