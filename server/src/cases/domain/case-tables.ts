// Kysely types of the tables of server/migrations/0002_cases.sql, in the style of platform/db/schema.ts.
// The lead merges CasesDB into DB (interface DB extends CasesDB, or copies the members).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  CaseAction,
  CaseRole,
  CaseState,
  Evaluation,
  RejectReason,
  SummonsState,
} from './case-machine.ts';
import type { CategoryKind } from './catalog.ts';
import type { CaseStep, Light, StepLimits, SupervisionLevel } from './sla.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a default. */
type DefaultJson<T> = ColumnType<T, string | undefined, string>;

export interface DepartmentKindTable {
  code: string;
  name_zh: string;
  short_zh: string;
  name_en: string;
  sort_order: Generated<number>;
}

export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  county_code: string;
  org_id: number | null;
  created_at: DefaultTimestamp;
}

export interface DepartmentAccountTable {
  account_id: number;
  department_id: number;
}

export interface CaseCategoryTable {
  code: string;
  parent_code: string | null;
  kind: CategoryKind;
  name_zh: string;
  name_en: string;
  default_department_kind: string | null;
  urgent: Generated<boolean>;
  limits: Json<StepLimits> | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
}

export interface WorkCalendarDayTable {
  date: DateText;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: DefaultTimestamp;
}

export interface ExternalSystemTable {
  id: Generated<number>;
  code: string;
  name: string;
  api_key_hash: string;
  webhook_url: string | null;
  webhook_secret_enc: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export type CaseChannel =
  | 'grid_worker'
  | 'resident'
  | 'hotline_12345'
  | 'police_110'
  | 'petition'
  | 'external';

export interface CivicCaseTable {
  id: Generated<number>;
  case_no: string;
  channel: CaseChannel;
  external_system: string | null;
  external_id: string | null;
  external_content_hash: string | null;
  client_request_id: string | null;
  category_code: string | null;
  title: string;
  description: Generated<string>;
  address: Generated<string>;
  lng: number | null;
  lat: number | null;
  grid_id: number | null;
  grid_nearest: Generated<boolean>;
  village_org_id: number | null;
  town_org_id: number | null;
  county_code: string;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_masked: string | null;
  reporter_account_id: number | null;
  state: ColumnType<CaseState, CaseState | undefined, CaseState>;
  urgent: Generated<boolean>;
  department_id: number | null;
  step: CaseStep | null;
  step_started_at: Timestamp | null;
  step_deadline: Timestamp | null;
  due_at: Timestamp | null;
  respond_by: Timestamp | null;
  responded_at: Timestamp | null;
  handling_deadline: Timestamp | null;
  handled_at: Timestamp | null;
  light: ColumnType<Light, Light | undefined, Light>;
  supervision: ColumnType<SupervisionLevel, SupervisionLevel | undefined, SupervisionLevel>;
  redispatch_count: Generated<number>;
  rework_count: Generated<number>;
  extension_count: Generated<number>;
  reopen_count: Generated<number>;
  rejection_reason: RejectReason | null;
  duplicate_of: number | null;
  rejection_note: string | null;
  evaluation: Evaluation | null;
  evaluated_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  closed_at: Timestamp | null;
  version: Generated<number>;
  /** 0024: SM4 of the tracking code the reporter follows the case with (platform/access/public-view.ts) */
  tracking_code_enc: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the running step reaches 80 % of its limit (0015; with step_deadline, the light's instants). */
  step_yellow_at: Timestamp | null;
  /** When automatic supervision next rises (null: none due, or no running step). */
  supervise_at: Timestamp | null;
}

export interface CaseStepTable {
  id: Generated<number>;
  case_id: number;
  county_code: string;
  /** A CaseAction, or 'report' for the row that records the intake. */
  action: CaseAction | 'report';
  from_state: CaseState | null;
  to_state: CaseState;
  actor_id: number | null;
  actor_role: CaseRole;
  note: Generated<string>;
  attachments: DefaultJson<number[]>;
  details: Json<Record<string, unknown>> | null;
  at: DefaultTimestamp;
}

export interface CaseSummonsTable {
  id: Generated<number>;
  case_id: number;
  county_code: string;
  department_id: number;
  state: ColumnType<SummonsState, SummonsState | undefined, SummonsState>;
  summoned_at: DefaultTimestamp;
  report_deadline: Timestamp;
  reported_at: Timestamp | null;
  done_at: Timestamp | null;
  note: string | null;
}

export interface CaseAttachmentTable {
  id: Generated<number>;
  /** null until the case (or a transition) that names the upload is written (0003_case_uploads.sql). */
  case_id: number | null;
  county_code: string | null;
  kind: 'photo' | 'document';
  mime: string;
  bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: DefaultTimestamp;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  system_id: number;
  case_id: number;
  county_code: string;
  event: string;
  payload: Json<unknown>;
  attempts: Generated<number>;
  next_attempt_at: DefaultTimestamp;
  delivered_at: Timestamp | null;
  last_error: string | null;
  created_at: DefaultTimestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  account_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  case_id: number | null;
  read_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface PatrolCheckinTable {
  id: Generated<number>;
  account_id: number;
  grid_id: number | null;
  lng: number;
  lat: number;
  at: Timestamp;
  county_code: string;
  client_request_id: string | null;
  created_at: DefaultTimestamp;
}

/** The counts one case contributes to the figures (0015 case_stat_facts). */
export interface CaseStatCounts {
  received: number;
  ch_grid_worker: number;
  ch_resident: number;
  ch_hotline_12345: number;
  ch_police_110: number;
  ch_petition: number;
  ch_external: number;
  open_cases: number;
  rejected: number;
  responded_in_time: number;
  closed: number;
  closed_on_time: number;
  resolved: number;
  handled: number;
  handled_on_time: number;
  reworked: number;
  evaluated: number;
  satisfied: number;
  basically_satisfied: number;
  close_ms: number;
}

/** The statistics roll-up: per city, county, town or department × day or month × category class (0015, 0055). */
export interface CaseStatTable extends CaseStatCounts {
  level: 'city' | 'county' | 'town' | 'department';
  period_kind: 'day' | 'month';
  county_code: string;
  town_org_id: number;
  /** 0 except on the department level's rows (0055) */
  department_id: Generated<number>;
  period: DateText;
  class_code: string;
}

/** What the writes changed and the fold job has not moved into case_stat yet (0015). */
export interface CaseStatDeltaTable extends CaseStatCounts {
  id: Generated<number>;
  day: DateText;
  county_code: string;
  town_org_id: number;
  /** the case's department, 0 for none (0055) */
  department_id: Generated<number>;
  class_code: string;
}

/** Open cases by the hour or local day they turn yellow, red or due to close (0015). */
export interface CaseOpenStatTable {
  level: 'city' | 'county' | 'town' | 'department';
  bucket_kind: 'day' | 'hour';
  county_code: string;
  town_org_id: number;
  department_id: Generated<number>;
  kind: 'yellow' | 'red' | 'due';
  bucket: Timestamp;
  n: number;
}

/** What the writes changed in case_open_stat and the fold job has not moved yet (0015). */
export interface CaseOpenDeltaTable {
  id: Generated<number>;
  county_code: string;
  town_org_id: number;
  department_id: Generated<number>;
  kind: 'yellow' | 'red' | 'due';
  hour: Timestamp;
  n: number;
}

export interface CasesDB {
  department_kind: DepartmentKindTable;
  department: DepartmentTable;
  department_account: DepartmentAccountTable;
  case_category: CaseCategoryTable;
  work_calendar_day: WorkCalendarDayTable;
  external_system: ExternalSystemTable;
  civic_case: CivicCaseTable;
  case_step: CaseStepTable;
  case_summons: CaseSummonsTable;
  case_attachment: CaseAttachmentTable;
  webhook_delivery: WebhookDeliveryTable;
  notification: NotificationTable;
  patrol_checkin: PatrolCheckinTable;
  case_stat: CaseStatTable;
  case_stat_delta: CaseStatDeltaTable;
  case_open_stat: CaseOpenStatTable;
  case_open_delta: CaseOpenDeltaTable;
}

export type CivicCase = Selectable<CivicCaseTable>;
export type NewCivicCase = Insertable<CivicCaseTable>;
export type CaseStepRow = Selectable<CaseStepTable>;
export type NewCaseStep = Insertable<CaseStepTable>;
export type CaseSummonsRow = Selectable<CaseSummonsTable>;
export type Department = Selectable<DepartmentTable>;
export type NewDepartment = Insertable<DepartmentTable>;
export type CaseCategory = Selectable<CaseCategoryTable>;
