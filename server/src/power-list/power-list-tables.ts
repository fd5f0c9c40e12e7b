// Kysely types of 小微权力清单 (server/migrations/0030_village.sql), merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type PowerKind = 'positive' | 'negative';
export type PowerUseStatus = 'open' | 'completed' | 'abandoned';
export type PowerFlag = 'unmatched' | 'negative';

/** One step of a power's procedure: what is done, who acts, what evidence is kept. */
export interface ProcedureStep {
  name: string;
  actor: string;
  evidence: string;
}

export interface PowerItemTable {
  id: Generated<number>;
  county_code: string;
  kind: PowerKind;
  code: string;
  name: string;
  category: string;
  actor: Generated<string>;
  basis: Generated<string>;
  steps: Json<ProcedureStep[]>;
  keywords: Json<string[]>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface PowerUseTable {
  id: Generated<number>;
  org_id: number;
  county_code: string;
  item_id: number | null;
  title: string;
  description: Generated<string>;
  amount_fen: number | null;
  started_on: DateText;
  procedure: Json<ProcedureStep[]>;
  steps_done: Generated<number>;
  status: Generated<PowerUseStatus>;
  completed_on: DateText | null;
  flag: PowerFlag | null;
  flag_detail: Json<Record<string, unknown>> | null;
  flag_reviewed_at: NullableTimestamp;
  flag_review_note: string | null;
  flag_reviewed_by: number | null;
  deliberation_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface PowerUseStepTable {
  id: Generated<number>;
  use_id: number;
  county_code: string;
  step_index: number;
  done_on: DateText;
  actor_name: string;
  evidence: Generated<string>;
  attachments: Json<number[]>;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface PowerListDB {
  power_item: PowerItemTable;
  power_use: PowerUseTable;
  power_use_step: PowerUseStepTable;
}
