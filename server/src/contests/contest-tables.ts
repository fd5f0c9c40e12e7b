// Kysely types of server/migrations/0041_contests.sql, merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { ContestSettings, GoalFollowup } from './domain/contest-scoring.ts';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type ContestState = 'open' | 'finished';

export interface ContestTable {
  id: Generated<number>;
  organizer_org_id: number;
  county_code: string;
  year: number;
  title: string;
  theme: Generated<string>;
  held_on: DateText;
  state: ColumnType<ContestState, ContestState | undefined, ContestState>;
  settings: Json<ContestSettings>;
  created_by: number | null;
  created_at: DefaultTimestamp;
  finished_by: number | null;
  finished_at: Timestamp | null;
}

export interface ContestEntryTable {
  id: Generated<number>;
  contest_id: number;
  org_id: number;
  county_code: string;
  secretary_name: string | null;
  topic: string;
  evidence: Generated<string>;
  votes: Generated<number>;
  judge_score: number | null;
  audience_score: number | null;
  final_score: number | null;
  rank: number | null;
  award: string | null;
  submitted_by: number | null;
  submitted_at: DefaultTimestamp;
}

export interface ContestGoalTable {
  id: Generated<number>;
  entry_id: number;
  county_code: string;
  seq: number;
  goal: string;
  followup: ColumnType<GoalFollowup, GoalFollowup | undefined, GoalFollowup>;
  followup_note: Generated<string>;
  followed_by: number | null;
  followed_at: Timestamp | null;
}

export interface ContestScoreTable {
  entry_id: number;
  judge: string;
  county_code: string;
  score: number;
  recorded_by: number | null;
  recorded_at: DefaultTimestamp;
}

export interface ContestsDB {
  contest: ContestTable;
  contest_entry: ContestEntryTable;
  contest_goal: ContestGoalTable;
  contest_score: ContestScoreTable;
}
