// Kysely types of server/migrations/0040_assessment.sql, merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { AssessmentSettings } from './domain/assessment-settings.ts';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type RoundState = 'draft' | 'approved' | 'published';
export type RoundBasis = 'computed' | 'ledger';
export type AppealState = 'open' | 'upheld' | 'rejected';

export interface VillageCategoryTable {
  org_id: number;
  county_code: string | null;
  category: string;
  set_by: number | null;
  set_at: DefaultTimestamp;
}

export interface AssessmentRoundTable {
  id: Generated<number>;
  county_org_id: number;
  county_code: string;
  year: number;
  state: ColumnType<RoundState, RoundState | undefined, RoundState>;
  basis: ColumnType<RoundBasis, RoundBasis | undefined, RoundBasis>;
  settings: Json<AssessmentSettings>;
  grade_lines: ColumnType<Record<string, (number | null)[]>, string | undefined, string>;
  computed_at: Timestamp;
  computed_by: number | null;
  approved_at: Timestamp | null;
  approved_by: number | null;
  published_at: Timestamp | null;
  published_by: number | null;
  appeal_until: DateText | null;
  version: Generated<number>;
}

export interface AssessmentTable {
  id: Generated<number>;
  round_id: number;
  org_id: number;
  town_org_id: number;
  county_code: string;
  year: number;
  category: string;
  secretary_member_id: number | null;
  secretary_name: string | null;
  total: number;
  weight_used: number;
  rank: number;
  group_size: number;
  grade: string;
  allowance_fen: number;
  town_reviewed_at: Timestamp | null;
  town_reviewed_by: number | null;
  town_comment: Generated<string>;
}

export interface AssessmentIndicatorTable {
  assessment_id: number;
  indicator: string;
  seq: number;
  county_code: string;
  weight: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  score: number | null;
  contribution: number | null;
  note: Generated<string>;
  evidence: Generated<string>;
  entered_by: number | null;
  entered_at: Timestamp | null;
}

export interface AssessmentAppealTable {
  id: Generated<number>;
  assessment_id: number;
  county_code: string;
  indicator: string | null;
  reason: string;
  filed_by: number | null;
  filed_at: DefaultTimestamp;
  state: ColumnType<AppealState, AppealState | undefined, AppealState>;
  decision: Generated<string>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  total_before: number;
  grade_before: string;
  total_after: number | null;
  grade_after: string | null;
}

export interface AssessmentDB {
  village_category: VillageCategoryTable;
  assessment_round: AssessmentRoundTable;
  assessment: AssessmentTable;
  assessment_indicator: AssessmentIndicatorTable;
  assessment_appeal: AssessmentAppealTable;
}
