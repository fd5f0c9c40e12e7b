// Kysely types of the village's people (server/migrations/0030_village.sql): registered villagers,
// cadres and their posts, representatives, community workers on the career ladder, reserve cadres,
// and 换届 (rounds, elections, candidates, 联审 verdicts). Merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' text (type parser set in engine.ts). */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
type Gender = 'male' | 'female';

export type Committee = 'party' | 'villagers' | 'supervision';
export type CadrePostKind =
  | 'party_secretary'
  | 'party_deputy_secretary'
  | 'party_committee_member'
  | 'director'
  | 'deputy_director'
  | 'villagers_committee_member'
  | 'supervision_chair'
  | 'supervision_member';
export type GroupRole = 'representative' | 'group_leader' | 'group_party_leader';
export type ElectionStatus = 'planned' | 'held' | 'postponed';
export type ReviewStatus = 'pending' | 'cleared' | 'disqualified';

export interface VillageRegisterTable {
  id: Generated<number>;
  org_id: number;
  grid_id: number | null;
  county_code: string;
  adults: number;
  households: number;
  as_of: DateText;
}

export interface VillageCadreTable {
  id: Generated<number>;
  org_id: number;
  county_code: string;
  name: string;
  gender: Gender;
  birth_date: DateText | null;
  education: Generated<string>;
  member_id: number | null;
  party_member: Generated<boolean>;
  created_at: Timestamp;
}

export interface CadrePostTable {
  id: Generated<number>;
  cadre_id: number;
  org_id: number;
  county_code: string;
  committee: Committee;
  post: CadrePostKind;
  term_start: DateText;
  term_end: DateText;
  ended_on: DateText | null;
  end_reason: string | null;
  election_id: number | null;
}

export interface VillageRepresentativeTable {
  id: Generated<number>;
  org_id: number;
  grid_id: number | null;
  county_code: string;
  name: string;
  gender: Gender;
  group_role: Generated<GroupRole>;
  term_start: DateText;
  term_end: DateText;
  ended_on: DateText | null;
}

export interface ElectionRoundTable {
  id: Generated<number>;
  county_code: string;
  org_id: number;
  year: number;
  title: string;
  starts_on: DateText;
  ends_on: DateText;
  created_by: number | null;
  created_at: Timestamp;
}

export interface VillageElectionTable {
  id: Generated<number>;
  round_id: number;
  org_id: number;
  county_code: string;
  planned_on: DateText;
  held_on: DateText | null;
  status: Generated<ElectionStatus>;
  delay_approved_until: DateText | null;
  note: Generated<string>;
}

export interface ElectionCandidateTable {
  id: Generated<number>;
  election_id: number;
  org_id: number;
  county_code: string;
  name: string;
  gender: Gender;
  birth_date: DateText;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  education: Generated<string>;
  member_id: number | null;
  party_member: Generated<boolean>;
  posts: Json<CadrePostKind[]>;
  review_status: Generated<ReviewStatus>;
  elected_post: CadrePostKind | null;
  cadre_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface CandidateReviewTable {
  id: Generated<number>;
  candidate_id: number;
  county_code: string;
  department: string;
  verdict: 'pass' | 'fail';
  negative_item: string | null;
  reason: Generated<string>;
  reviewed_on: DateText;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface CommunityWorkerTable {
  id: Generated<number>;
  org_id: number;
  county_code: string;
  grid_worker_id: number | null;
  name: string;
  gender: Gender;
  birth_date: DateText | null;
  education: Generated<string>;
  tier: number;
  grade: number;
  grade_since: DateText;
  started_on: DateText;
  status: Generated<'active' | 'left'>;
  left_on: DateText | null;
}

export interface CommunityWorkerEventTable {
  id: Generated<number>;
  worker_id: number;
  county_code: string;
  kind: 'hire' | 'promotion' | 'training' | 'assessment';
  on_date: DateText;
  from_tier: number | null;
  from_grade: number | null;
  to_tier: number | null;
  to_grade: number | null;
  /** numeric: read as text by the driver */
  hours: ColumnType<string | number | null, number | null | undefined, number | null>;
  result: string | null;
  note: Generated<string>;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface ReserveCadreTable {
  id: Generated<number>;
  org_id: number;
  county_code: string;
  name: string;
  gender: Gender;
  birth_date: DateText | null;
  education: Generated<string>;
  member_id: number | null;
  party_member: Generated<boolean>;
  since: DateText;
  mentor_name: Generated<string>;
  status: Generated<'active' | 'appointed' | 'left'>;
  ended_on: DateText | null;
  note: Generated<string>;
}

export interface ReserveActivityTable {
  id: Generated<number>;
  reserve_id: number;
  county_code: string;
  kind: 'training' | 'mentoring' | 'practice';
  on_date: DateText;
  title: string;
  /** numeric: read as text by the driver */
  hours: ColumnType<string | number, number | undefined, number>;
  mentor_name: Generated<string>;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface VillageCadresDB {
  village_register: VillageRegisterTable;
  village_cadre: VillageCadreTable;
  cadre_post: CadrePostTable;
  village_representative: VillageRepresentativeTable;
  election_round: ElectionRoundTable;
  village_election: VillageElectionTable;
  election_candidate: ElectionCandidateTable;
  candidate_review: CandidateReviewTable;
  community_worker: CommunityWorkerTable;
  community_worker_event: CommunityWorkerEventTable;
  reserve_cadre: ReserveCadreTable;
  reserve_activity: ReserveActivityTable;
}
