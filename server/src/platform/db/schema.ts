// The database's types: the one source the query builder checks every query against.
// Keep in step with server/migrations/*.sql (server/src/platform/db/schema.test.ts compares them).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AccountApproval, AdminDB } from '../../admin/admin-tables.ts';
import type { AssessmentDB } from '../../assessment/assessment-tables.ts';
import type { ClassifierDB } from '../../cases/classifier/classifier-tables.ts';
import type { CasesDB } from '../../cases/domain/case-tables.ts';
import type { CollectiveEconomyDB } from '../../collective-economy/economy-tables.ts';
import type { ContestsDB } from '../../contests/contest-tables.ts';
import type { DeliberationDB } from '../../deliberation/deliberation-tables.ts';
import type { DuesDB } from '../../dues/dues-tables.ts';
import type { MeetingsDB } from '../../meetings/meeting-tables.ts';
import type { MembersDB } from '../../members/member-tables.ts';
import type { NotificationsDB } from '../../notifications/notification-tables.ts';
import type { OrgChecksDB } from '../../org-checks/org-check-tables.ts';
import type { PatrolsDB } from '../../patrols/patrol-tables.ts';
import type { PowerListDB } from '../../power-list/power-list-tables.ts';
import type { RecruitmentDB } from '../../recruitment/recruitment-tables.ts';
import type { TrainingDB } from '../../training/training-tables.ts';
import type { TransfersDB } from '../../transfers/transfer-tables.ts';
import type { VillageCadresDB } from '../../village-cadres/cadre-tables.ts';
import type { VillagePublicationDB } from '../../village-publication/publication-tables.ts';
import type { WeakOrgsDB } from '../../weak-orgs/weak-org-tables.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface SettingTable {
  key: string;
  value: Json<unknown>;
  description_zh: Generated<string>;
  updated_at: DefaultTimestamp;
}

export type DivisionLevel = 'city' | 'county' | 'town' | 'village';
export interface DivisionTable {
  code: string;
  name: string;
  level: DivisionLevel;
  parent_code: string | null;
  kind: string;
}

export type OrgKind =
  | 'committee'
  | 'working_committee'
  | 'general_branch'
  | 'branch'
  | 'joint_branch'
  | 'temporary_branch'
  | 'group';
export type OrgLevel = 'city' | 'county' | 'town' | 'village' | 'grid' | 'unit';
export type OrgCategory =
  | 'territorial'
  | 'agency'
  | 'state_enterprise'
  | 'school'
  | 'hospital'
  | 'new_org'
  | 'industry_committee'
  | 'chain_committee';

export interface OrgTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  depth: number;
  code: string;
  name: string;
  short_name: string;
  kind: OrgKind;
  level: OrgLevel;
  category: OrgCategory;
  division_code: string | null;
  county_code: string | null;
  unit_name: string | null;
  uscc: string | null;
  pinyin_initials: Generated<string>;
  sort_order: Generated<number>;
  founded_on: DateText | null;
  member_count: Generated<number>;
  grid_count: Generated<number>;
  household_count: Generated<number>;
  created_at: DefaultTimestamp;
}

export type Ring = [number, number][];
export interface GridTable {
  id: Generated<number>;
  code: string;
  name: string;
  org_id: number;
  village_org_id: number;
  division_code: string;
  county_code: string;
  household_count: number;
  resident_count: number;
  boundary: Json<Ring[]>;
  center_lng: number;
  center_lat: number;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

export interface GridWorkerTable {
  id: Generated<number>;
  grid_id: number;
  name: string;
  phone_enc: string;
  phone_masked: string;
  kind: 'full_time' | 'part_time';
  county_code: string;
}

export interface MemberTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  pinyin_initials: Generated<string>;
  gender: 'male' | 'female';
  ethnicity: string;
  birth_date: DateText;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_enc: string;
  phone_masked: string;
  education: string;
  occupation: string;
  status: 'probationary' | 'full';
  joined_on: DateText;
  converted_on: DateText | null;
  county_code: string | null;
  created_at: DefaultTimestamp;
}

export type Role =
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin'
  | 'org_admin'
  | 'secretary'
  | 'grid_worker'
  | 'department_staff'
  | 'member'
  | 'resident';

export interface AccountTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  scope_org_id: number;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  password_changed_at: DefaultTimestamp;
  disabled: Generated<boolean>;
  created_at: DefaultTimestamp;
  /** 0023: a new account waits for the security administrator's approval */
  approval: Generated<AccountApproval>;
}

export interface SessionTable {
  token_hash: string;
  account_id: number;
  csrf_token: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  client_ip: Generated<string>;
}

export interface AuditLogTable {
  id: number;
  at: Timestamp;
  actor_id: number | null;
  actor_username: string;
  role: string;
  scope_org_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  client_ip: string;
  county_code: string | null;
  /** The chain the record belongs to: its county, or 'city' (0010_audit_lanes.sql). */
  lane: string;
  /** Position in the lane: 1, 2, 3 … without gaps. */
  lane_seq: number;
  prev_hash: string;
  hash: string;
}

/** The tip of each lane's chain; appending locks it. */
export interface AuditHeadTable {
  lane: string;
  last_seq: number;
  last_hash: string;
}

/** The state a timed job keeps between runs (0015), e.g. what the escalation job computed with. */
export interface JobStateTable {
  name: string;
  value: ColumnType<unknown, string, string>;
  updated_at: DefaultTimestamp;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: DefaultTimestamp;
}

/** Every table: the foundation's below, each capability's from its own *-tables.ts. */
export interface DB
  extends AdminDB,
    CasesDB,
    ClassifierDB,
    NotificationsDB,
    PatrolsDB,
    RecruitmentDB,
    MeetingsDB,
    TransfersDB,
    DuesDB,
    TrainingDB,
    OrgChecksDB,
    DeliberationDB,
    VillagePublicationDB,
    PowerListDB,
    VillageCadresDB,
    AssessmentDB,
    ContestsDB,
    WeakOrgsDB,
    CollectiveEconomyDB,
    MembersDB {
  setting: SettingTable;
  division: DivisionTable;
  org: OrgTable;
  grid: GridTable;
  grid_worker: GridWorkerTable;
  member: MemberTable;
  account: AccountTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  schema_migration: SchemaMigrationTable;
  job_state: JobStateTable;
}

export type Org = Selectable<OrgTable>;
export type NewOrg = Insertable<OrgTable>;
export type Grid = Selectable<GridTable>;
export type NewGrid = Insertable<GridTable>;
export type NewGridWorker = Insertable<GridWorkerTable>;
export type NewMember = Insertable<MemberTable>;
export type NewDivision = Insertable<DivisionTable>;
export type Account = Selectable<AccountTable>;
