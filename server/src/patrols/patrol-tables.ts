// Kysely types of this capability's tables (server/migrations/0007_patrols.sql), merged into DB in
// platform/db/schema.ts. The check-ins themselves are `patrol_checkin` (0002, typed in cases/domain).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PatrolTable {
  id: Generated<number>;
  account_id: number;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  distance_m: number | null;
  duration_s: number | null;
  checkin_count: number | null;
  note: Generated<string>;
  county_code: string;
  client_request_id: string | null;
  created_at: Generated<Date>;
  closed_at: Timestamp | null;
}

export interface PatrolsDB {
  patrol: PatrolTable;
}

export type PatrolRow = Selectable<PatrolTable>;
