// Kysely types of the deliberation tables (server/migrations/0030_village.sql), merged into DB in
// platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type DeliberationStatus = 'open' | 'completed' | 'rejected' | 'withdrawn';
export type Validity = 'pending' | 'valid' | 'invalid';

/** A rule a matter broke, as the engine states it (deliberation/domain/rules.ts). */
export interface StoredBreach {
  code: string;
  step: string | null;
  message_zh: string;
  message_en: string;
  facts: Record<string, unknown>;
}

/** Who attended, by roster: party members, cadres (two committees, supervision), representatives. */
export interface Attendees {
  members?: number[];
  cadres?: number[];
  representatives?: number[];
}

export interface DeliberationTable {
  id: Generated<number>;
  org_id: number;
  county_code: string;
  grid_id: number | null;
  template: string;
  title: string;
  category: string;
  amount_fen: number | null;
  description: Generated<string>;
  retrospective: Generated<boolean>;
  status: Generated<DeliberationStatus>;
  validity: Generated<Validity>;
  breaches: Json<StoredBreach[]>;
  next_step: string | null;
  next_due_on: DateText | null;
  proposed_on: DateText;
  resolved_on: DateText | null;
  completed_on: DateText | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeliberationStepTable {
  id: Generated<number>;
  deliberation_id: number;
  county_code: string;
  seq: number;
  step: string;
  merged_with: string | null;
  body: string;
  held_on: DateText;
  notice_on: DateText | null;
  place: Generated<string>;
  due_count: number | null;
  present_count: number | null;
  households_due: number | null;
  households_present: number | null;
  attendees: Json<Attendees>;
  yes_count: number | null;
  no_count: number | null;
  abstain_count: number | null;
  quorum_met: boolean | null;
  passed: boolean | null;
  minutes: Generated<string>;
  content: Generated<string>;
  publicity_starts_on: DateText | null;
  publicity_ends_on: DateText | null;
  implemented_on: DateText | null;
  attachments: Json<number[]>;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface DeliberationDB {
  deliberation: DeliberationTable;
  deliberation_step: DeliberationStepTable;
}
