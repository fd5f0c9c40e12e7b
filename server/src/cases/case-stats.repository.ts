// SQL of the case statistics (issue 13). The city, a county or a town answers from the roll-ups
// (0015: case_stat by report day and month, case_open_stat by the instant an open case turns yellow,
// red and due to close) plus the deltas the fold job has not moved yet, plus the cases of the current
// hour and of partial days at the ends of the range — a few hundred rows whatever the size of the
// city, exact at every commit. A department answers the same way from its own level (0055: the
// deltas carry the case's department). A smaller or irregular scope (a village, a grid) and the
// cases a caller reported outside its scope are read from the cases themselves, through the same
// definition of what a case contributes (case_stat_facts).
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { OPEN_STATES } from './domain/case-machine.ts';
import type { CaseStatCounts } from './domain/case-tables.ts';
import type { PeriodPlan } from './domain/stat-periods.ts';

export const COUNT_COLUMNS = [
  'received',
  'ch_grid_worker',
  'ch_resident',
  'ch_hotline_12345',
  'ch_police_110',
  'ch_petition',
  'ch_external',
  'open_cases',
  'rejected',
  'responded_in_time',
  'closed',
  'closed_on_time',
  'resolved',
  'handled',
  'handled_on_time',
  'reworked',
  'evaluated',
  'satisfied',
  'basically_satisfied',
  'close_ms',
] as const satisfies readonly (keyof CaseStatCounts)[];

/** Counts of one category class ('' for cases without a category). */
export type ClassCounts = CaseStatCounts & { class_code: string };

/** Of the open cases: turned yellow (or red), red, due to close — at `now`. */
export interface OpenCounts {
  yellowOrRed: number;
  red: number;
  due: number;
}

/** Open: the states the running-step indexes are defined on (0015), as one condition. */
const open = sql<SqlBool>`c.state in (${sql.join(OPEN_STATES.map((s) => sql.lit(s)))})`;

/** A scope the roll-ups hold. */
export type RollupScope =
  | { level: 'city' }
  | { level: 'county'; countyCode: string }
  | { level: 'town'; countyCode: string; townOrgId: number }
  | { level: 'department'; departmentId: number };

const sums = sql.raw(COUNT_COLUMNS.map((c) => `sum(${c})::float8 as ${c}`).join(', '));
const columns = sql.raw(COUNT_COLUMNS.join(', '));

function rollupKey(s: RollupScope): Expression<SqlBool> {
  if (s.level === 'city')
    return sql<SqlBool>`level = 'city' and county_code = '' and town_org_id = 0 and department_id = 0`;
  if (s.level === 'county')
    return sql<SqlBool>`level = 'county' and county_code = ${s.countyCode} and town_org_id = 0 and department_id = 0`;
  if (s.level === 'department')
    return sql<SqlBool>`level = 'department' and county_code = '' and town_org_id = 0 and department_id = ${s.departmentId}`;
  return sql<SqlBool>`level = 'town' and county_code = ${s.countyCode} and town_org_id = ${s.townOrgId} and department_id = 0`;
}

/** The deltas of the scope (their rows carry county and town, never a level). */
function deltaKey(s: RollupScope): Expression<SqlBool> {
  if (s.level === 'city') return sql<SqlBool>`true`;
  if (s.level === 'county') return sql<SqlBool>`county_code = ${s.countyCode}`;
  if (s.level === 'department') return sql<SqlBool>`department_id = ${s.departmentId}`;
  return sql<SqlBool>`county_code = ${s.countyCode} and town_org_id = ${s.townOrgId}`;
}

/** The cases of the scope (alias c), for the parts read live. */
export function rollupCases(s: RollupScope): Expression<SqlBool> {
  if (s.level === 'city') return sql<SqlBool>`true`;
  if (s.level === 'county') return sql<SqlBool>`c.county_code = ${s.countyCode}`;
  if (s.level === 'department') return sql<SqlBool>`c.department_id = ${s.departmentId}`;
  return sql<SqlBool>`c.town_org_id = ${s.townOrgId}`;
}

function range(
  column: string,
  r: { from?: string | undefined; to?: string | undefined },
): Expression<SqlBool> {
  const parts = [
    ...(r.from === undefined ? [] : [sql`${sql.ref(column)} >= ${r.from}::date`]),
    ...(r.to === undefined ? [] : [sql`${sql.ref(column)} < ${r.to}::date`]),
  ];
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` and `)}` : sql<SqlBool>`true`;
}

/** The whole days of the plan from the roll-up and its deltas, by class. */
export async function rollupCounts(
  db: Kysely<DB>,
  scope: RollupScope,
  plan: PeriodPlan,
  classCode?: string,
): Promise<ClassCounts[]> {
  const cls = classCode === undefined ? sql`true` : sql`class_code = ${classCode}`;
  const parts = [];
  if (plan.months) {
    parts.push(sql`select class_code, ${columns} from case_stat where ${rollupKey(scope)}
      and period_kind = 'month' and ${range('period', plan.months)} and ${cls}`);
  }
  for (const d of plan.days) {
    parts.push(sql`select class_code, ${columns} from case_stat where ${rollupKey(scope)}
      and period_kind = 'day' and ${range('period', d)} and ${cls}`);
  }
  if (plan.wholeDays) {
    parts.push(sql`select class_code, ${columns} from case_stat_delta where ${deltaKey(scope)}
      and ${range('day', plan.wholeDays)} and ${cls}`);
  }
  if (parts.length === 0) return [];
  const result = await sql<ClassCounts>`select class_code, ${sums}
    from (${sql.join(parts, sql` union all `)}) as x group by class_code`.execute(db);
  return result.rows;
}

/**
 * Of the scope's open cases (all of them: no report range), how many have turned yellow, red and
 * due to close at `now`: the day rows before today, today's hour rows, the deltas of past hours, and
 * the cases of the current hour.
 */
export async function openCounts(
  db: Kysely<DB>,
  scope: RollupScope,
  now: Date,
  today: Date,
): Promise<OpenCounts> {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const key = rollupKey(scope);
  const cases = rollupCases(scope);
  const result = await sql<{ kind: string; n: number }>`select kind, sum(n)::float8 as n from (
      select kind, n from case_open_stat where ${key} and bucket_kind = 'day' and bucket < ${today}
      union all
      select kind, n from case_open_stat where ${key} and bucket_kind = 'hour'
        and bucket >= ${today} and bucket < ${hour}
      union all
      select kind, n from case_open_delta where ${deltaKey(scope)} and hour < ${hour}
      union all
      select 'red', count(*) from civic_case c where ${open}
        and c.step_deadline >= ${hour} and c.step_deadline < ${now} and ${cases}
      union all
      select 'yellow', count(*) from civic_case c where ${open}
        and c.step_yellow_at >= ${hour} and c.step_yellow_at <= ${now} and ${cases}
      union all
      select 'due', count(*) from civic_case c where ${open}
        and c.due_at >= ${hour} and c.due_at <= ${now} and ${cases}
    ) as x group by kind`.execute(db);
  const n = (kind: string) => Number(result.rows.find((r) => r.kind === kind)?.n ?? 0);
  return { yellowOrRed: n('yellow'), red: n('red'), due: n('due') };
}

/**
 * What the cases matching `where` (alias c) contribute, by class, with their open counts at `now`:
 * the live reading of a small scope, of partial days, or of the open cases of a report range.
 */
export async function liveCounts(
  db: Kysely<DB>,
  where: Expression<SqlBool>,
  now: Date,
): Promise<(ClassCounts & OpenCounts)[]> {
  const result = await sql<ClassCounts & OpenCounts>`select f.class_code, ${sql.raw(
    COUNT_COLUMNS.map((c) => `sum(f.${c})::float8 as ${c}`).join(', '),
  )},
      count(*) filter (where ${open} and c.step_yellow_at <= ${now})::float8 as "yellowOrRed",
      count(*) filter (where ${open} and c.step_deadline < ${now})::float8 as red,
      count(*) filter (where ${open} and c.due_at <= ${now})::float8 as due
    from civic_case c cross join lateral case_stat_facts(c) f
    where ${where}
    group by f.class_code`.execute(db);
  return result.rows;
}

/**
 * The open cases among `where` (alias c) at `now`: yellow (or red), red, due — read from the
 * running-step indexes only (index-only), for a report range the open roll-up cannot split.
 */
export async function liveOpenCounts(
  db: Kysely<DB>,
  where: Expression<SqlBool>,
  now: Date,
): Promise<OpenCounts> {
  const result = await sql<OpenCounts>`select
      count(*) filter (where c.step_yellow_at <= ${now})::float8 as "yellowOrRed",
      count(*) filter (where c.step_deadline < ${now})::float8 as red,
      count(*) filter (where c.due_at <= ${now})::float8 as due
    from civic_case c where ${open} and ${where}`.execute(db);
  const r = result.rows[0];
  return { yellowOrRed: Number(r?.yellowOrRed ?? 0), red: Number(r?.red ?? 0), due: Number(r?.due ?? 0) };
}

/** The conditions of a report range [from, to) on c.created_at; none for an open end. */
function createdIn(from: Date | undefined, to: Date | undefined): Expression<SqlBool>[] {
  return [
    ...(from ? [sql<SqlBool>`c.created_at >= ${from}`] : []),
    ...(to ? [sql<SqlBool>`c.created_at < ${to}`] : []),
  ];
}

const all = (conditions: Expression<SqlBool>[]) =>
  conditions.length ? sql<SqlBool>`${sql.join(conditions, sql` and `)}` : sql<SqlBool>`true`;

/** liveCounts of the cases matching `where` (alias c) reported in [from, to) (an open end: unbounded). */
export function liveCountsCreated(
  db: Kysely<DB>,
  where: Expression<SqlBool>,
  from: Date | undefined,
  to: Date | undefined,
  now: Date,
): Promise<(ClassCounts & OpenCounts)[]> {
  return liveCounts(db, all([where, ...createdIn(from, to)]), now);
}

/** liveOpenCounts of the cases matching `where` (alias c) reported in [from, to) (an open end: unbounded). */
export function liveOpenCountsCreated(
  db: Kysely<DB>,
  where: Expression<SqlBool>,
  from: Date | undefined,
  to: Date | undefined,
  now: Date,
): Promise<OpenCounts> {
  return liveOpenCounts(db, all([where, ...createdIn(from, to)]), now);
}

/** Moves pending deltas into the roll-ups; answers how many were moved. */
export async function foldCaseStats(db: Kysely<DB>, maxRows = 20_000): Promise<number> {
  const result = await sql<{ n: number }>`select case_stat_fold(${maxRows}) as n`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** PGlite has no autovacuum: the fold job vacuums the delta tables now and then. */
export async function vacuumStatDeltas(db: Kysely<DB>): Promise<void> {
  await sql`vacuum case_stat_delta, case_open_delta`.execute(db);
}
