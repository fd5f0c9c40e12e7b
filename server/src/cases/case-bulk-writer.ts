// Writes whole cases (the case, its timeline, its summons) in bulk: the demo seed and the import of
// case history. One COPY per table and batch (platform/db/copy-in.ts; the statement triggers of the
// roll-ups see the rows as they see an insert's); the ids of the new cases are read back by their
// numbers, since an identity column takes no value from COPY. The caller owns the transaction, so a
// batch is all or nothing.
import type { Kysely } from 'kysely';
import type { BulkColumn } from '../platform/db/bulk-insert.ts';
import { copyRows } from '../platform/db/copy-in.ts';
import type { DB } from '../platform/db/schema.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { caseIdsByNumber } from './case-bulk.repository.ts';
import { clockColumns, limitsOf } from './case-common.ts';
import { type CaseReference, caseReference } from './case-reference.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';
import type { NewCaseStep, NewCivicCase } from './domain/case-tables.ts';
import type { SupervisionThresholds } from './domain/sla.ts';

export interface BulkSummons {
  department_id: number;
  summoned_at: Date;
  report_deadline: Date;
  state: 'summoned' | 'reported' | 'done';
  reported_at: Date | null;
  done_at: Date | null;
  note: string | null;
}

/** One case as the writer takes it: its row, its steps and summons without the case id. */
export interface BulkCase {
  row: NewCivicCase;
  steps: Omit<NewCaseStep, 'case_id'>[];
  summons: BulkSummons[];
}

const CASE_COLUMNS: BulkColumn<NewCivicCase>[] = [
  { name: 'case_no', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'external_system', type: 'text' },
  { name: 'external_id', type: 'text' },
  { name: 'external_content_hash', type: 'text' },
  { name: 'client_request_id', type: 'text' },
  { name: 'category_code', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'address', type: 'text' },
  { name: 'lng', type: 'float8' },
  { name: 'lat', type: 'float8' },
  { name: 'grid_id', type: 'int8' },
  { name: 'grid_nearest', type: 'bool' },
  { name: 'village_org_id', type: 'int8' },
  { name: 'town_org_id', type: 'int8' },
  { name: 'county_code', type: 'text' },
  { name: 'reporter_name', type: 'text' },
  { name: 'reporter_phone_enc', type: 'text' },
  { name: 'reporter_phone_masked', type: 'text' },
  { name: 'reporter_account_id', type: 'int8' },
  { name: 'state', type: 'text' },
  { name: 'urgent', type: 'bool' },
  { name: 'department_id', type: 'int8' },
  { name: 'step', type: 'text' },
  { name: 'step_started_at', type: 'timestamptz' },
  { name: 'step_deadline', type: 'timestamptz' },
  { name: 'due_at', type: 'timestamptz' },
  { name: 'respond_by', type: 'timestamptz' },
  { name: 'responded_at', type: 'timestamptz' },
  { name: 'handling_deadline', type: 'timestamptz' },
  { name: 'handled_at', type: 'timestamptz' },
  { name: 'light', type: 'text' },
  { name: 'supervision', type: 'text' },
  { name: 'redispatch_count', type: 'int4' },
  { name: 'rework_count', type: 'int4' },
  { name: 'extension_count', type: 'int4' },
  { name: 'reopen_count', type: 'int4' },
  { name: 'rejection_reason', type: 'text' },
  { name: 'duplicate_of', type: 'int8' },
  { name: 'rejection_note', type: 'text' },
  { name: 'evaluation', type: 'text' },
  { name: 'evaluated_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'closed_at', type: 'timestamptz' },
  { name: 'version', type: 'int4' },
  { name: 'step_yellow_at', type: 'timestamptz' },
  { name: 'supervise_at', type: 'timestamptz' },
];

const STEP_COLUMNS: BulkColumn<NewCaseStep>[] = [
  { name: 'case_id', type: 'int8' },
  { name: 'county_code', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'from_state', type: 'text' },
  { name: 'to_state', type: 'text' },
  { name: 'actor_id', type: 'int8' },
  { name: 'actor_role', type: 'text' },
  { name: 'note', type: 'text' },
  { name: 'attachments', type: 'jsonb' },
  { name: 'details', type: 'jsonb' },
  { name: 'at', type: 'timestamptz' },
];

type SummonsRow = BulkSummons & { case_id: number; county_code: string };
const SUMMONS_COLUMNS: BulkColumn<SummonsRow>[] = [
  { name: 'case_id', type: 'int8' },
  { name: 'county_code', type: 'text' },
  { name: 'department_id', type: 'int8' },
  { name: 'state', type: 'text' },
  { name: 'summoned_at', type: 'timestamptz' },
  { name: 'report_deadline', type: 'timestamptz' },
  { name: 'reported_at', type: 'timestamptz' },
  { name: 'done_at', type: 'timestamptz' },
  { name: 'note', type: 'text' },
];

/** Fills the defaults the table would give, so every row has every column. */
function complete(row: NewCivicCase): NewCivicCase {
  const now = new Date();
  return {
    description: '',
    address: '',
    grid_nearest: false,
    urgent: false,
    light: 'green',
    supervision: 'none',
    redispatch_count: 0,
    rework_count: 0,
    extension_count: 0,
    reopen_count: 0,
    created_at: now,
    updated_at: now,
    version: 1,
    ...row,
  };
}

/** The stored instants of a running step (0015), computed as the transitions compute them. */
function withInstants(
  row: NewCivicCase,
  ref: CaseReference,
  thresholds: SupervisionThresholds,
): NewCivicCase {
  if (row.step_yellow_at !== undefined || !row.step || !row.step_started_at || !row.step_deadline) return row;
  const unit = limitsOf(ref, row.category_code ?? null)[row.step].unit;
  return {
    ...row,
    ...clockColumns(
      { started: new Date(row.step_started_at), deadline: new Date(row.step_deadline), unit },
      row.supervision ?? 'none',
      ref,
      thresholds,
    ),
  };
}

/** Inserts the cases with their steps and summons; answers the ids in the order of `cases`. */
export async function writeCases(
  db: Kysely<DB>,
  cases: readonly BulkCase[],
  batchSize = 50_000,
): Promise<{ ids: number[]; steps: number; summons: number }> {
  const ids: number[] = [];
  let steps = 0;
  let summons = 0;
  const ref = await caseReference(db);
  const { supervisionThresholds } = await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS);
  for (let start = 0; start < cases.length; start += batchSize) {
    const batch = cases.slice(start, start + batchSize);
    await copyRows(
      db,
      'civic_case',
      CASE_COLUMNS,
      batch.map((c) => withInstants(complete(c.row), ref, supervisionThresholds)),
    );
    const idOf = await caseIdsByNumber(
      db,
      batch.map((c) => c.row.case_no),
    );
    const stepRows: NewCaseStep[] = [];
    const summonsRows: SummonsRow[] = [];
    for (const c of batch) {
      const id = idOf.get(c.row.case_no) as number;
      ids.push(id);
      for (const s of c.steps)
        stepRows.push({ note: '', attachments: '[]', details: null, ...s, case_id: id });
      for (const m of c.summons) summonsRows.push({ ...m, case_id: id, county_code: c.row.county_code });
    }
    await copyRows(db, 'case_step', STEP_COLUMNS, stepRows);
    if (summonsRows.length) await copyRows(db, 'case_summons', SUMMONS_COLUMNS, summonsRows);
    steps += stepRows.length;
    summons += summonsRows.length;
  }
  return { ids, steps, summons };
}
