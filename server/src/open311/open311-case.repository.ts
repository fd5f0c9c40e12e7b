// The SQL of Open311's service requests, which are cases: the public reads (always from the one public rule,
// platform/access/public-view.ts: public channels only, the public columns and steps), the Open311 fields
// without a column of their own (kept in the report step's details) and a new case's deadlines.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CaseState } from '../cases/domain/case-machine.ts';
import { publicCases, publicSteps } from '../platform/access/public-view.ts';
import type { DB } from '../platform/db/schema.ts';

type Trx = Transaction<DB>;

/** Public cases with what a service request shows: category, department, the village, town and county names. */
function requestQuery(db: Kysely<DB>) {
  return publicCases(db)
    .leftJoin('case_category', 'case_category.code', 'civic_case.category_code')
    .leftJoin('department', 'department.id', 'civic_case.department_id')
    .leftJoin('org as village', 'village.id', 'civic_case.village_org_id')
    .leftJoin('org as town', 'town.id', 'civic_case.town_org_id')
    .leftJoin('division as village_division', 'village_division.code', 'village.division_code')
    .leftJoin('division as town_division', 'town_division.code', 'town.division_code')
    .leftJoin('division as county_division', 'county_division.code', 'civic_case.county_code')
    .select([
      'civic_case.id',
      'civic_case.case_no',
      'civic_case.state',
      'civic_case.channel',
      'civic_case.category_code',
      'case_category.name_zh as service_name',
      'civic_case.description',
      'civic_case.address',
      'civic_case.lng',
      'civic_case.lat',
      'civic_case.reporter_name',
      'civic_case.rejection_reason',
      'department.name as department_name',
      'village_division.name as village_name',
      'town_division.name as town_name',
      'county_division.name as county_name',
      'civic_case.created_at',
      'civic_case.updated_at',
      'civic_case.closed_at',
      'civic_case.due_at',
    ]);
}

export type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>[number];

/** The filters of a list: given case numbers (overriding every other filter), or a window with filters. */
export type RequestFilter =
  | { caseNos: string[] }
  | {
      /** created at or after */
      from: Date;
      /** created at or before */
      to: Date;
      /** any of these categories; none given: every category */
      categoryCodes: string[];
      /** any of these states; null: every state */
      states: CaseState[] | null;
    };

/** Public cases matching the filter, newest first, at most `limit`. */
export function requestRows(db: Kysely<DB>, filter: RequestFilter, limit: number): Promise<RequestRow[]> {
  let query = requestQuery(db);
  if ('caseNos' in filter) {
    query = query.where('civic_case.case_no', 'in', filter.caseNos);
  } else {
    query = query
      .where('civic_case.created_at', '>=', filter.from)
      .where('civic_case.created_at', '<=', filter.to);
    if (filter.categoryCodes.length > 0)
      query = query.where('civic_case.category_code', 'in', filter.categoryCodes);
    if (filter.states) query = query.where('civic_case.state', 'in', filter.states);
  }
  return query
    .orderBy('civic_case.created_at', 'desc')
    .orderBy('civic_case.id', 'desc')
    .limit(limit)
    .execute();
}

/** One public case by its number (the service_request_id). */
export function requestByCaseNo(db: Kysely<DB>, caseNo: string): Promise<RequestRow | undefined> {
  return requestQuery(db).where('civic_case.case_no', '=', caseNo).executeTakeFirst();
}

/** The latest public step of each of these public cases. */
export function latestPublicSteps(db: Kysely<DB>, caseIds: readonly number[]) {
  return publicSteps(db, caseIds)
    .distinctOn('case_step.case_id')
    .orderBy('case_step.case_id')
    .orderBy('case_step.at', 'desc')
    .orderBy('case_step.id', 'desc')
    .execute();
}

/** The details of the report steps of these cases (of the external channel: the Open311 fields kept there). */
export function reportDetails(db: Kysely<DB>, caseIds: readonly number[]) {
  return db
    .selectFrom('case_step')
    .select(['case_id', 'details'])
    .where('case_id', 'in', [...caseIds, -1])
    .where('action', '=', 'report')
    .execute();
}

/** The number of a public case, if there is one with this number (a token is the case number). */
export function publicCaseNo(db: Kysely<DB>, caseNo: string) {
  return publicCases(db)
    .select('civic_case.case_no')
    .where('civic_case.case_no', '=', caseNo)
    .executeTakeFirst();
}

/** Merges fields into the details of a case's report step, in the intake's transaction. */
export async function mergeReportDetails(trx: Trx, caseId: number, details: Record<string, unknown>) {
  await trx
    .updateTable('case_step')
    .set({
      details: sql`coalesce(details, '{}'::jsonb) || ${JSON.stringify(details)}::jsonb`,
    })
    .where('case_id', '=', caseId)
    .where('action', '=', 'report')
    .execute();
}

/** When a case is to be dispatched and resolved. */
export function caseDeadlines(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('civic_case')
    .select(['respond_by', 'due_at'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}
