// Kysely types of server/migrations/0008_meetings.sql, merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { AttendanceStatus, MeetingKind } from './domain/meeting-rules.ts';

/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
type DefaultJson<T> = ColumnType<T, string | undefined, string>;

export interface MeetingTable {
  id: Generated<number>;
  org_id: number;
  county_code: string | null;
  kind: MeetingKind;
  held_on: DateText;
  topic: string;
  place: Generated<string>;
  host: Generated<string>;
  minutes: Generated<string>;
  photos: DefaultJson<string[]>;
  expected: Generated<number>;
  present: Generated<number>;
  quorum_met: Generated<boolean>;
  counts: Generated<boolean>;
  recorded_by: number | null;
  created_at: DefaultTimestamp;
}

export interface MeetingAttendanceTable {
  meeting_id: number;
  member_id: number;
  county_code: string | null;
  status: AttendanceStatus;
  reason: Generated<string>;
}

export interface MonthlyChecklistTable {
  id: Generated<number>;
  issuer_org_id: number;
  county_code: string | null;
  /** 'YYYY-MM' */
  month: string;
  title: string;
  note: Generated<string>;
  status: ColumnType<'draft' | 'published', 'draft' | 'published' | undefined, 'draft' | 'published'>;
  target_count: Generated<number>;
  published_at: Timestamp | null;
  published_by: number | null;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface ChecklistItemTable {
  id: Generated<number>;
  checklist_id: number;
  seq: number;
  title: string;
  description: Generated<string>;
  kinds: DefaultJson<MeetingKind[]>;
  due_on: DateText;
}

export interface ChecklistTaskTable {
  id: Generated<number>;
  checklist_id: number;
  item_id: number;
  org_id: number;
  org_path: string;
  county_code: string | null;
  done_on: DateText | null;
  meeting_id: number | null;
  done_by: number | null;
  done_at: Timestamp | null;
  reminded_at: Timestamp | null;
}

export interface MeetingsDB {
  meeting: MeetingTable;
  meeting_attendance: MeetingAttendanceTable;
  monthly_checklist: MonthlyChecklistTable;
  checklist_item: ChecklistItemTable;
  checklist_task: ChecklistTaskTable;
}
