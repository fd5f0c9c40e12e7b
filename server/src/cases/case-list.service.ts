// The scoped list of cases: an ordered index walk that stops after the page (case-list.repository.ts),
// keyset paging by cursor, and the count of the matches — from the roll-up where it holds the filter,
// exact up to a cap, else the planner's estimate.
import type { Actor } from '../platform/access/actor.ts';
import { type CaseAccess, scoped } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { decodeCursor, encodeCursor } from '../platform/http/cursor.ts';
import {
  countMatches,
  estimatedCount,
  type ListFilter,
  type ListOrder,
  listPage,
  TOTAL_CAP,
} from './case-list.repository.ts';
import { rollupCounts } from './case-stats.repository.ts';
import { rollupScopeOf } from './case-stats.service.ts';
import { actorDepartmentId } from './case-transition.service.ts';
import type { CaseState } from './domain/case-machine.ts';
import { STATE_NAMES } from './domain/case-names.ts';
import type { CaseChannel, CaseStatCounts } from './domain/case-tables.ts';
import type { Light } from './domain/sla.ts';
import { planPeriods } from './domain/stat-periods.ts';
import { lightAt } from './domain/step-instants.ts';

export interface CaseFilter {
  state?: string | undefined;
  light?: string | undefined;
  channel?: string | undefined;
  categoryCode?: string | undefined;
  q?: string | undefined;
  townId?: number | undefined;
  departmentId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  mine?: boolean | undefined;
  sort?: 'createdAt' | 'deadline' | undefined;
  order?: 'asc' | 'desc' | undefined;
  cursor?: string | undefined;
}

export { TOTAL_CAP };

export type RowShape = {
  id: number;
  case_no: string;
  title: string;
  state: string;
  channel: string;
  category_code: string | null;
  category_name: string | null;
  grid_name: string | null;
  town_name: string | null;
  department_name: string | null;
  urgent: boolean;
  created_at: Date;
  step_deadline: Date | null;
  step_yellow_at: Date | null;
  light: Light;
  supervision: string;
  version: number;
  lng: number | null;
  lat: number | null;
};

/** The light now: derived from a running step's instants, the stored one once the step stopped. */
function lightOf(r: Pick<RowShape, 'step_deadline' | 'step_yellow_at' | 'light'>, now: Date): Light {
  if (!r.step_deadline) return r.light;
  return lightAt(now, { deadline: r.step_deadline, yellowAt: r.step_yellow_at ?? r.step_deadline });
}

export function toRow(r: RowShape, now: Date) {
  return {
    id: r.id,
    caseNo: r.case_no,
    title: r.title,
    state: r.state as CaseState,
    stateName: STATE_NAMES[r.state as CaseState].zh,
    channel: r.channel as CaseChannel,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    gridName: r.grid_name,
    townName: r.town_name,
    departmentName: r.department_name,
    urgent: r.urgent,
    createdAt: r.created_at,
    stepDeadline: r.step_deadline,
    light: lightOf(r, now),
    supervision: r.supervision,
    version: r.version,
    lng: r.lng,
    lat: r.lat,
  };
}

const LIGHTS = ['green', 'yellow', 'red'] as const;

export async function listCases(db: Db, actor: Actor, f: CaseFilter, page: number, pageSize: number) {
  const now = new Date();
  const access = await scoped.caseAccess(db, actor);
  const filter: ListFilter = {
    states: f.state?.split(',').filter(Boolean),
    light: LIGHTS.find((l) => l === f.light),
    channel: f.channel,
    categoryCode: f.categoryCode,
    q: f.q,
    townId: f.townId,
    departmentId: f.departmentId,
    from: f.from ? new Date(f.from) : undefined,
    to: f.to ? new Date(f.to) : undefined,
  };
  if (f.mine) {
    const dept = await actorDepartmentId(db, actor);
    filter.mine = dept ? { departmentId: dept } : { reporterId: actor.accountId };
  }
  const sort = f.sort === 'deadline' ? 'deadline' : 'createdAt';
  const order = `${sort}:${f.order ?? (sort === 'deadline' ? 'asc' : 'desc')}` as ListOrder;
  const after = f.cursor ? decodeCursor(f.cursor, order, ['timestamp']) : undefined;
  const rows = await listPage(db, {
    access,
    filter,
    order,
    limit: pageSize,
    after,
    offset: after ? 0 : (page - 1) * pageSize,
    now,
  });
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor({ order, part: last.part, keys: [last.key_text], id: last.id })
      : null;
  // a page reached by cursor carries no count: the first page told it
  const counted = after ? null : await countCases(db, access, filter, now);
  return {
    items: items.map((r) => toRow(r as RowShape, now)),
    ...(counted ?? {}),
    page: after ? null : page,
    pageSize,
    nextCursor,
  };
}

/**
 * The matches of a list: exact up to TOTAL_CAP (`total`, `totalCapped` as before), and `count`, the
 * number of matches — exact below the cap and wherever the roll-up holds the filter (scope, channel,
 * class, report range), else the planner's estimate (`countExact` false, shown as "约").
 */
async function countCases(db: Db, access: CaseAccess, filter: ListFilter, now: Date) {
  const rolled = await rollupListCount(db, access, filter, now);
  const n = rolled ?? (await countMatches(db, access, filter, now));
  if (n <= TOTAL_CAP) return { total: n, totalCapped: false, count: n, countExact: true };
  const exact = rolled !== null;
  return {
    total: TOTAL_CAP,
    totalCapped: true,
    count: exact ? n : Math.max(TOTAL_CAP + 1, await estimatedCount(db, access, filter, now)),
    countExact: exact,
  };
}

/** The count from the roll-up, when the filter is one it holds; null otherwise. */
async function rollupListCount(db: Db, access: CaseAccess, filter: ListFilter, now: Date) {
  const scope = rollupScopeOf(access.scope);
  const onlyRolled =
    !filter.states?.length &&
    !filter.light &&
    !filter.q?.trim() &&
    !filter.townId &&
    !filter.departmentId &&
    !filter.mine &&
    !filter.categoryCode?.includes('-');
  if (!scope || !onlyRolled) return null;
  const plan = planPeriods(filter.from, filter.to);
  const column = filter.channel ? (`ch_${filter.channel}` as keyof CaseStatCounts) : 'received';
  const rows = await rollupCounts(db, scope, plan, filter.categoryCode);
  let n = rows.reduce((sum, r) => sum + Number(r[column] ?? 0), 0);
  // the partial days at the ends of the range (bounded: a day of the scope at most)
  for (const span of plan.live) {
    const part = { ...filter, from: span.from, to: span.to };
    n += await countMatches(db, access, part, now, { cap: null, parts: 'scope' });
  }
  // and what the caller reported outside its scope
  return n + (await countMatches(db, access, filter, now, { cap: TOTAL_CAP, parts: 'others' }));
}
