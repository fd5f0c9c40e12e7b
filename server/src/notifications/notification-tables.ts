// Kysely types of this capability's tables (server/migrations/0004_notifications.sql), merged into DB in
// platform/db/schema.ts. notification and webhook_delivery (0002) are typed in cases/domain/case-tables.ts.
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type SmsState = 'pending' | 'sent' | 'failed';

export interface SmsMessageTable {
  id: Generated<number>;
  template: string;
  params: Json<Record<string, string>>;
  phone_enc: string;
  phone_masked: string;
  account_id: number | null;
  case_id: number | null;
  county_code: string | null;
  event: string;
  state: Generated<SmsState>;
  attempts: Generated<number>;
  next_attempt_at: DefaultTimestamp;
  provider_message_id: string | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface SmsContactTable {
  account_id: number;
  phone_enc: string;
  phone_masked: string;
  enabled: Generated<boolean>;
  updated_at: DefaultTimestamp;
}

export interface NotificationsDB {
  sms_message: SmsMessageTable;
  sms_contact: SmsContactTable;
}

export type SmsMessageRow = Selectable<SmsMessageTable>;
