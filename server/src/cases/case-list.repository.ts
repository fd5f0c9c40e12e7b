// SQL of the case lists (issue 13). A page is the union of a few branches — the parts of the caller's
// access (its scope; what it reported elsewhere; for a department, what it was summoned to) and, in
// the deadline order, the running steps before the stopped ones — each an ordered walk of one
// index that stops after the page, merged and cut to the page. Keyset cursors make a deep page as
// cheap as the first. Counts stop at TOTAL_CAP; past it the number comes from the statistics roll-up
// where the filter allows (exact) or from the planner (an estimate).
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type CaseAccess, caseAccessParts } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import type { Keyset } from '../platform/http/cursor.ts';
import { FINAL_STATES, OPEN_STATES } from './domain/case-machine.ts';

/** Lists count their matches up to here; beyond it `totalCapped` and `count` (exact or estimated). */
export const TOTAL_CAP = 1_000;

export interface ListFilter {
  states?: readonly string[] | undefined;
  light?: 'green' | 'yellow' | 'red' | undefined;
  channel?: string | undefined;
  categoryCode?: string | undefined;
  q?: string | undefined;
  townId?: number | undefined;
  departmentId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** department staff: their department's own cases; others: what they reported. */
  mine?: { departmentId: number } | { reporterId: number } | undefined;
}

export type ListOrder = 'createdAt:asc' | 'createdAt:desc' | 'deadline:asc' | 'deadline:desc';

export interface ListRequest {
  access: CaseAccess;
  filter: ListFilter;
  order: ListOrder;
  /** Rows to answer; one more is read to know whether a next page exists. */
  limit: number;
  after?: Keyset | undefined;
  /** Offset paging (?page=), kept for API clients; the web pages by cursor. */
  offset?: number;
  now: Date;
}

export interface ListRow {
  id: number;
  case_no: string;
  title: string;
  state: string;
  channel: string;
  category_code: string | null;
  category_name: string | null;
  grid_id: number | null;
  grid_name: string | null;
  town_name: string | null;
  department_name: string | null;
  urgent: boolean;
  created_at: Date;
  step_deadline: Date | null;
  step_yellow_at: Date | null;
  light: 'green' | 'yellow' | 'red';
  supervision: string;
  version: number;
  lng: number | null;
  lat: number | null;
  part: number;
  key_text: string;
}

const OPEN = new Set<string>(OPEN_STATES);
const STOPPED_STATES = FINAL_STATES;

/** The conditions every branch shares: the filters, the light aside. */
function filterConditions(f: ListFilter): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.channel) out.push(sql<SqlBool>`c.channel = ${f.channel}`);
  if (f.categoryCode) {
    out.push(
      f.categoryCode.includes('-')
        ? sql<SqlBool>`c.category_code = ${f.categoryCode}`
        : sql<SqlBool>`c.category_code like ${`${escapeLike(f.categoryCode)}-%`}`,
    );
  }
  const text = f.q?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    out.push(sql<SqlBool>`(c.case_no = ${text} or c.title like ${pattern} or c.address like ${pattern})`);
  }
  if (f.townId) out.push(sql<SqlBool>`c.town_org_id = ${f.townId}`);
  if (f.departmentId) out.push(sql<SqlBool>`c.department_id = ${f.departmentId}`);
  if (f.from) out.push(sql<SqlBool>`c.created_at >= ${f.from}`);
  if (f.to) out.push(sql<SqlBool>`c.created_at < ${f.to}`);
  if (f.mine && 'departmentId' in f.mine) out.push(sql<SqlBool>`c.department_id = ${f.mine.departmentId}`);
  if (f.mine && 'reporterId' in f.mine) out.push(sql<SqlBool>`c.reporter_account_id = ${f.mine.reporterId}`);
  return out;
}

/**
 * The states a branch reads, as its one state condition: the filter's states (or every state) among
 * the open ones, or among the stopped ones. An open case always has a running step and only an open
 * one has: the running steps' partial indexes are defined on the open states, and a state condition
 * alone lets the planner estimate the rows (with `step_deadline is not null` beside it, it would
 * take the two for independent and expect almost none).
 */
function statesIn(
  states: readonly string[] | undefined,
  part: 'open' | 'stopped' | 'any',
): Expression<SqlBool> | null {
  const all = part === 'any' ? null : part === 'open' ? OPEN_STATES : STOPPED_STATES;
  if (!all) return states?.length ? sql<SqlBool>`c.state = any(${[...states]}::text[])` : null;
  // known state names only, written out: a prepared statement's generic plan can then prove the
  // open-state partial indexes apply (a parameter array it cannot)
  const chosen = states?.length ? all.filter((s) => states.includes(s)) : all;
  if (chosen.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`c.state in (${sql.join(chosen.map((s) => sql.lit(s)))})`;
}

/** A running step's light at `now`, through its instants (step-instants.ts). */
function runningLight(light: 'green' | 'yellow' | 'red', now: Date): Expression<SqlBool> {
  if (light === 'red') return sql<SqlBool>`c.step_deadline < ${now}`;
  if (light === 'yellow') return sql<SqlBool>`c.step_deadline >= ${now} and c.step_yellow_at <= ${now}`;
  return sql<SqlBool>`c.step_yellow_at > ${now}`;
}

interface Branch {
  /** 0: running steps by deadline (or every case, in the time order); 1: the stopped ones. */
  part: number;
  key: 'created_at' | 'step_deadline';
  where: Expression<SqlBool>[];
}

function and(conditions: readonly Expression<SqlBool>[]): Expression<SqlBool> {
  return conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * The conditions of the list's states and light: the filter's states, and with a light only open
 * cases (a stopped case has nothing left to be late for).
 */
function stateAndLight(f: ListFilter, now: Date): Expression<SqlBool>[] {
  const states = statesIn(f.states, f.light ? 'open' : 'any');
  return [...(states ? [states] : []), ...(f.light ? [runningLight(f.light, now)] : [])];
}

/** The branches of a list: access parts × (in the deadline order) running and stopped steps. */
function branches(r: ListRequest): Branch[] {
  const parts = caseAccessParts(r.access, 'c');
  const common = filterConditions(r.filter);
  const [by] = r.order.split(':') as ['createdAt' | 'deadline'];
  const { states, light } = r.filter;
  const out: Branch[] = [];
  for (const part of parts) {
    if (by === 'createdAt') {
      out.push({ part: 0, key: 'created_at', where: [part, ...common, ...stateAndLight(r.filter, r.now)] });
      continue;
    }
    // the running steps by deadline, then the stopped ones by report time
    const open = statesIn(states, 'open');
    if (open && (!states?.length || states.some((s) => OPEN.has(s)))) {
      out.push({
        part: 0,
        key: 'step_deadline',
        where: [part, open, ...common, ...(light ? [runningLight(light, r.now)] : [])],
      });
    }
    const stopped = statesIn(states, 'stopped');
    if (!light && stopped && (!states?.length || states.some((s) => !OPEN.has(s)))) {
      out.push({ part: 1, key: 'created_at', where: [part, stopped, ...common] });
    }
  }
  return out;
}

const BRANCH_COLUMNS = sql`c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id,
  c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light,
  c.supervision, c.version, c.lng, c.lat`;

function branchQuery(b: Branch, r: ListRequest, dir: 'asc' | 'desc', limit: number): RawBuilder<unknown> {
  const key = sql.ref(`c.${b.key}`);
  const where = [...b.where];
  if (r.after && r.after.part === b.part) {
    const op = sql.raw(dir === 'asc' ? '>' : '<');
    where.push(sql<SqlBool>`(${key}, c.id) ${op} (${r.after.keys[0]}::timestamptz, ${r.after.id}::bigint)`);
  }
  const d = sql.raw(dir);
  return sql`(select ${BRANCH_COLUMNS}, ${sql.lit(b.part)} as part, ${key} as sort_key,
    ${key}::text as key_text
    from civic_case c where ${and(where)}
    order by ${key} ${d}, c.id ${d} limit ${sql.lit(limit)})`;
}

/** One page (and one row more when there is a next page). */
export async function listPage(db: Kysely<DB>, r: ListRequest): Promise<ListRow[]> {
  const dir = r.order.endsWith(':asc') ? 'asc' : 'desc';
  const offset = r.offset ?? 0;
  const want = r.limit + 1;
  const all = branches(r).filter((b) => !r.after || b.part >= r.after.part);
  if (all.length === 0) return [];
  const d = sql.raw(dir);
  const union = sql.join(
    all.map((b) => branchQuery(b, r, dir, offset + want)),
    sql` union all `,
  );
  // cut to the page first, then name the page's few rows (an index lookup each)
  const result = await sql<ListRow>`
    select p.id, p.case_no, p.title, p.state, p.channel, p.category_code,
      (select cc.name_zh from case_category cc where cc.code = p.category_code) as category_name,
      p.grid_id, (select g.name from grid g where g.id = p.grid_id) as grid_name,
      (select t.name from org t where t.id = p.town_org_id) as town_name,
      (select dep.name from department dep where dep.id = p.department_id) as department_name,
      p.urgent, p.created_at, p.step_deadline, p.step_yellow_at, p.light, p.supervision, p.version,
      p.lng, p.lat, p.part, p.key_text
    from (
      select * from (${union}) as u order by u.part, u.sort_key ${d}, u.id ${d}
      limit ${sql.lit(want)} offset ${offset}
    ) as p
    order by p.part, p.sort_key ${d}, p.id ${d}`.execute(db);
  return result.rows;
}

/**
 * The matches, each access part read at most `cap` + 1 far (null: all of them — only for a bounded
 * set, such as a partial day of a scope). `parts`: every part, the scope alone, or the others alone.
 */
export async function countMatches(
  db: Kysely<DB>,
  access: CaseAccess,
  filter: ListFilter,
  now: Date,
  options: { cap: number | null; parts: 'all' | 'scope' | 'others' } = { cap: TOTAL_CAP, parts: 'all' },
): Promise<number> {
  const common = [...filterConditions(filter), ...stateAndLight(filter, now)];
  const all = caseAccessParts(access, 'c');
  const chosen = options.parts === 'all' ? all : options.parts === 'scope' ? all.slice(0, 1) : all.slice(1);
  if (chosen.length === 0) return 0;
  const limit = options.cap === null ? sql`` : sql`limit ${sql.lit(options.cap + 1)}`;
  // in an index's order, so the count walks it and stops at the cap: open cases by deadline (their
  // small partial indexes), anything else newest first (the scope's (…, created_at) index)
  const onlyOpen = !!filter.light || (!!filter.states?.length && filter.states.every((s) => OPEN.has(s)));
  const order = onlyOpen ? sql`c.step_deadline` : sql`c.created_at desc`;
  const parts = chosen.map(
    (part) => sql`(select 1 from civic_case c where ${and([part, ...common])} order by ${order} ${limit})`,
  );
  const row = await sql<{
    n: number;
  }>`select count(*)::int as n from (${sql.join(parts, sql` union all `)}) as x`
    .execute(db)
    .then((r) => r.rows[0]);
  return Number(row?.n ?? 0);
}

/** The planner's estimate of the matches of the caller's scope (a shown "约 N", never a scan). */
export async function estimatedCount(
  db: Kysely<DB>,
  access: CaseAccess,
  filter: ListFilter,
  now: Date,
): Promise<number> {
  const [main] = caseAccessParts(access, 'c');
  const where = and([main ?? sql<SqlBool>`true`, ...filterConditions(filter), ...stateAndLight(filter, now)]);
  const result = await sql<
    Record<string, unknown>
  >`explain (format json) select 1 from civic_case c where ${where}`.execute(db);
  const cell = Object.values(result.rows[0] ?? {})[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan?: { 'Plan Rows'?: number } }[];
  return Math.round(plan[0]?.Plan?.['Plan Rows'] ?? 0);
}
