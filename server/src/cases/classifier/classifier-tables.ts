// Kysely types of this capability's tables (server/migrations/0005_case_classifier.sql), merged into DB
// in platform/db/schema.ts.
import type { ColumnType, Selectable } from 'kysely';
import type { ClassifierModel } from './naive-bayes.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CaseClassifierTable {
  version: number;
  trained_at: Timestamp;
  trained_by: string;
  sample_count: number;
  holdout_count: number;
  accuracy: number | null;
  top3_accuracy: number | null;
  department_accuracy: number | null;
  training_ms: number;
  model: ColumnType<ClassifierModel, string, string>;
}

export interface ClassifierDB {
  case_classifier: CaseClassifierTable;
}

export type CaseClassifierRow = Selectable<CaseClassifierTable>;
