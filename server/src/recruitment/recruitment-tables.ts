// Kysely types of server/migrations/0006_recruitment.sql (and 0057's stage counts), merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DueKind, PublicityKind, RecruitmentStatus } from './domain/recruitment-machine.ts';
import type { Stage } from './domain/steps.ts';

/** A timestamp column with a default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
type DefaultJson<T> = ColumnType<T, string | undefined, string>;

export interface ApplicantTable {
  id: Generated<number>;
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
  county_code: string | null;
  created_at: DefaultTimestamp;
}

export interface RecruitmentTable {
  id: Generated<number>;
  applicant_id: number;
  org_id: number;
  county_code: string | null;
  status: ColumnType<RecruitmentStatus, RecruitmentStatus | undefined, RecruitmentStatus>;
  stage: Stage;
  last_step: number;
  applied_on: DateText;
  last_step_on: DateText;
  talk_late: Generated<boolean>;
  probation_ends_on: DateText | null;
  extension_months: number | null;
  due_on: DateText | null;
  due_kind: DueKind | null;
  member_id: number | null;
  closed_on: DateText | null;
  closed_reason: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type TimelineEvent = 'step' | 'training' | 'objection' | 'objection_resolved' | 'extension' | 'closed';

export interface RecruitmentStepTable {
  id: Generated<number>;
  recruitment_id: number;
  county_code: string | null;
  event: ColumnType<TimelineEvent, TimelineEvent | undefined, TimelineEvent>;
  step: number | null;
  occurred_on: DateText;
  note: Generated<string>;
  details: Json<Record<string, unknown>> | null;
  attachments: DefaultJson<string[]>;
  late: Generated<boolean>;
  recorded_by: number | null;
  recorded_at: DefaultTimestamp;
}

export interface RecruitmentPersonTable {
  id: Generated<number>;
  recruitment_id: number;
  role: 'mentor' | 'sponsor';
  member_id: number;
  assigned_on: DateText;
}

export interface RecruitmentPublicityTable {
  recruitment_id: number;
  kind: PublicityKind;
  starts_on: DateText;
  ends_on: DateText;
}

export interface RecruitmentObjectionTable {
  id: Generated<number>;
  recruitment_id: number;
  kind: PublicityKind;
  raised_on: DateText;
  content: string;
  resolved_on: DateText | null;
  resolution: string | null;
  recorded_by: number | null;
  resolved_by: number | null;
  created_at: DefaultTimestamp;
}

export interface RecruitmentVoteTable {
  recruitment_id: number;
  kind: PublicityKind;
  meeting_on: DateText;
  members_due: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  written_yes: number;
  written_no: number;
  passed: boolean;
}

export interface RecruitmentTrainingTable {
  id: Generated<number>;
  applicant_id: number;
  county_code: string | null;
  title: string;
  provider: Generated<string>;
  starts_on: DateText;
  ends_on: DateText;
  hours: number;
  recorded_by: number | null;
  created_at: DefaultTimestamp;
}

/** Active applications of one org at one stage (0057), kept by a trigger on recruitment. */
export interface RecruitmentStageStatTable {
  org_id: number;
  stage: Stage;
  active: number;
}

export interface RecruitmentDB {
  applicant: ApplicantTable;
  recruitment: RecruitmentTable;
  recruitment_step: RecruitmentStepTable;
  recruitment_person: RecruitmentPersonTable;
  recruitment_publicity: RecruitmentPublicityTable;
  recruitment_objection: RecruitmentObjectionTable;
  recruitment_vote: RecruitmentVoteTable;
  recruitment_training: RecruitmentTrainingTable;
  recruitment_stage_stat: RecruitmentStageStatTable;
}

export type Recruitment = Selectable<RecruitmentTable>;
export type Applicant = Selectable<ApplicantTable>;
