// Kysely types of the dues tables of server/migrations/0011_dues_training.sql, merged into DB in schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { RateTable } from './domain/dues-rules.ts';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text. */
type DateText = ColumnType<string, string, string>;

export interface DuesRateVersionTable {
  id: Generated<number>;
  effective_month: string;
  rates: ColumnType<RateTable, string, string>;
  note: Generated<string>;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface DuesBaseTable {
  member_id: number;
  from_month: string;
  county_code: string | null;
  base_fen: number;
  declared_by: number | null;
  declared_at: DefaultTimestamp;
}

export interface DuesPaymentTable {
  member_id: number;
  month: string;
  org_id: number;
  county_code: string | null;
  due_fen: number;
  paid_fen: number;
  paid_on: DateText;
  recorded_by: number | null;
  recorded_at: DefaultTimestamp;
}

export interface DuesDB {
  dues_rate_version: DuesRateVersionTable;
  dues_base: DuesBaseTable;
  dues_payment: DuesPaymentTable;
}
