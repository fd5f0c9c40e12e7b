// Kysely types of 村务公开 and the village's files (server/migrations/0030_village.sql), merged into DB
// in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;

export type PublicationKind = 'general' | 'finance' | 'major' | 'resolution' | 'result';

export interface VillageAttachmentTable {
  id: Generated<number>;
  org_id: number;
  county_code: string | null;
  mime: string;
  bytes: number;
  sha256: string;
  file_name: Generated<string>;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface PublicationItemTable {
  id: Generated<number>;
  org_id: number;
  county_code: string;
  kind: PublicationKind;
  period: string;
  title: string;
  due_on: DateText;
  published_on: DateText | null;
  published_at: NullableTimestamp;
  content: Generated<string>;
  place: Generated<string>;
  photo_attachment_id: number | null;
  photo_taken_at: NullableTimestamp;
  amount_fen: number | null;
  deliberation_id: number | null;
  published_by: number | null;
  alerted_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface PublicationQuestionTable {
  id: Generated<number>;
  item_id: number;
  org_id: number;
  county_code: string;
  asker_name: Generated<string>;
  phone_enc: string | null;
  phone_masked: string | null;
  question: string;
  asked_at: Timestamp;
  reply_due_on: DateText;
  reply: string | null;
  replied_at: NullableTimestamp;
  replied_by: number | null;
  client_ip: Generated<string>;
}

export interface VillagePublicationDB {
  village_attachment: VillageAttachmentTable;
  publication_item: PublicationItemTable;
  publication_question: PublicationQuestionTable;
}
