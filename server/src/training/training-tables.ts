// Kysely types of the training tables of server/migrations/0011_dues_training.sql, merged into DB in schema.ts.
import type { ColumnType, Generated } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text. */
type DateText = ColumnType<string, string, string>;
/** numeric(5,1): read as text by the drivers, written as a number. */
type Hours = ColumnType<string, number, number>;

export type TrainingLevel = 'city_key' | 'county_general' | 'grassroots';

export interface TrainingClassTable {
  id: Generated<number>;
  org_id: number;
  county_code: string | null;
  title: string;
  level: TrainingLevel;
  provider: Generated<string>;
  party_school: Generated<boolean>;
  starts_on: DateText;
  ends_on: DateText;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface TrainingSessionTable {
  id: Generated<number>;
  class_id: number;
  held_on: DateText;
  topic: string;
  hours: Hours;
}

export interface TrainingEnrollmentTable {
  id: Generated<number>;
  class_id: number;
  member_id: number | null;
  applicant_id: number | null;
  county_code: string | null;
  enrolled_at: DefaultTimestamp;
}

export interface TrainingAttendanceTable {
  session_id: number;
  enrollment_id: number;
  hours: Hours;
  recruitment_training_id: number | null;
  recorded_by: number | null;
}

export interface TrainingTargetTable {
  org_id: number;
  year: number;
  target: number;
}

export interface TrainingDB {
  training_class: TrainingClassTable;
  training_session: TrainingSessionTable;
  training_enrollment: TrainingEnrollmentTable;
  training_attendance: TrainingAttendanceTable;
  training_target: TrainingTargetTable;
}
