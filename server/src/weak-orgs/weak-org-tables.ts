// Kysely types of server/migrations/0042_weak_orgs.sql, merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { LedgerState } from './domain/ledger-machine.ts';
import type { Criterion, Hit } from './domain/weak-org-rules.ts';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

/** Why an org was listed: the criteria met at listing, or the county's own finding. */
export interface WeakOrgReasons {
  hits: Hit[];
  manual: string | null;
  criteria: (Criterion | 'manual')[];
}

export interface WeakOrgTable {
  id: Generated<number>;
  org_id: number;
  town_org_id: number;
  county_code: string;
  year: number;
  reasons: Json<WeakOrgReasons>;
  state: ColumnType<LedgerState, LedgerState | undefined, LedgerState>;
  plan: Generated<string>;
  cadre_name: Generated<string>;
  cadre_post: Generated<string>;
  deadline: DateText | null;
  listed_by: number | null;
  listed_on: DateText;
  acceptance_evidence: Generated<string>;
  accepted_on: DateText | null;
  accepted_by: number | null;
  review_due_on: DateText | null;
  reviewed_on: DateText | null;
  review_result: 'consolidated' | 'relapsed' | null;
  review_note: Generated<string>;
  version: Generated<number>;
}

export interface RectificationProblemTable {
  id: Generated<number>;
  weak_org_id: number;
  county_code: string;
  seq: number;
  problem: string;
  measure: Generated<string>;
  deadline: DateText | null;
  done_on: DateText | null;
  evidence: Generated<string>;
}

export interface RectificationProgressTable {
  id: Generated<number>;
  weak_org_id: number;
  county_code: string;
  action: string;
  on_date: DateText;
  note: Generated<string>;
  recorded_by: number | null;
  recorded_at: DefaultTimestamp;
}

export interface WeakOrgsDB {
  weak_org: WeakOrgTable;
  rectification_problem: RectificationProblemTable;
  rectification_progress: RectificationProgressTable;
}
