// Reads of cases: the scoped list, the case page, the public follow-up by case number, statistics of a
// scope and their Excel export, the catalog and notifications. (The dispatcher's suggestions are in
// classifier/suggest.service.ts.) The lists' SQL is in case-list.repository.ts, the statistics' in
// case-stats.repository.ts, the rest in case-read.repository.ts.
import ExcelJS from 'exceljs';
import type { Actor } from '../platform/access/actor.ts';
import { caseAccessOfSubtree } from '../platform/access/exceptions.ts';
import { casesInAccessOrThrow } from '../platform/access/in-scope.ts';
import { publicActionName, verifyTracking } from '../platform/access/public-view.ts';
import {
  type CaseAccess,
  type CaseScope,
  caseAccessParts,
  scoped,
  verifyCase,
} from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError } from '../platform/errors/errors.ts';
import { decodeCursor, encodeCursor } from '../platform/http/cursor.ts';
import { maskName } from '../platform/masking/masking.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { caseRole } from './case-common.ts';
import { caseOnceOfDepartment } from './case-history.repository.ts';
import {
  countMatches,
  estimatedCount,
  type ListFilter,
  type ListOrder,
  listPage,
  TOTAL_CAP,
} from './case-list.repository.ts';
import {
  casePhotoIds,
  caseRow,
  caseSteps,
  caseSummons,
  notificationsOf,
  publicTimeline,
} from './case-read.repository.ts';
import { caseReference } from './case-reference.ts';
import {
  type ClassCounts,
  liveCountsCreated,
  liveOpenCountsCreated,
  type OpenCounts,
  openCounts,
  type RollupScope,
  rollupCases,
  rollupCounts,
} from './case-stats.repository.ts';
import { actorDepartmentId, snapshotOf } from './case-transition.service.ts';
import { actionsFor, type CaseAction, type CaseState } from './domain/case-machine.ts';
import { ACTION_NAMES, STATE_NAMES } from './domain/case-names.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';
import type { CaseChannel, CaseStatCounts } from './domain/case-tables.ts';
import { computeMetrics, type MetricCounts } from './domain/metrics.ts';
import type { Light } from './domain/sla.ts';
import { dayStart, localDay, planPeriods } from './domain/stat-periods.ts';
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

type RowShape = {
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

function toRow(r: RowShape, now: Date) {
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
export async function caseDetail(db: Db, actor: Actor, id: number) {
  const c = await verifyCase(db, actor, id);
  const row = await caseRow(db, actor, id);
  const [steps, summons, photos, ref] = await Promise.all([
    caseSteps(db, id),
    caseSummons(db, id),
    casePhotoIds(db, id),
    caseReference(db),
  ]);
  const access = await scoped.caseAccess(db, actor);
  await casesInAccessOrThrow(db, actor, access, [c], () =>
    summons.some((s) => s.department_id === access.summonedDepartment),
  );
  const role = caseRole(actor);
  const cat = c.category_code ? ref.categories.get(c.category_code) : null;
  const routed = cat?.departmentKind
    ? ref.departmentByKind.get(`${c.county_code}:${cat.departmentKind}`)
    : null;
  const at = new Date();
  const now = at.getTime();
  return {
    ...toRow(row as RowShape, at),
    description: c.description,
    address: c.address,
    lng: c.lng,
    lat: c.lat,
    gridNearest: c.grid_nearest,
    reporter: {
      nameMasked: c.reporter_name ? maskName(c.reporter_name) : null,
      phoneMasked: c.reporter_phone_masked,
    },
    grid: c.grid_id ? { id: c.grid_id, code: row.grid_code, name: row.grid_name } : null,
    village: c.village_org_id ? { id: c.village_org_id, name: row.village_name } : null,
    routedDepartment: routed ? { id: routed.id, name: routed.name } : null,
    departmentId: c.department_id,
    dueAt: c.due_at,
    closedAt: c.closed_at,
    rejection: c.rejection_reason
      ? { reason: c.rejection_reason, duplicateOf: c.duplicate_of, note: c.rejection_note }
      : null,
    counters: {
      redispatch: c.redispatch_count,
      rework: c.rework_count,
      extension: c.extension_count,
      reopen: c.reopen_count,
    },
    evaluation: c.evaluation,
    // what this viewer may do: its role, and for a department its own cases only (the machine's guards)
    allowedActions: actionsFor(
      snapshotOf(c, summons),
      { role, id: actor.accountId, departmentId: await actorDepartmentId(db, actor) },
      { maxReopens: (await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS)).maxReopens },
    ),
    summons: summons.map((s) => ({
      departmentId: s.department_id,
      departmentName: s.name,
      state: s.state,
      reportDeadline: s.report_deadline,
      reportedAt: s.reported_at,
      doneAt: s.done_at,
      note: s.note,
      late:
        s.reported_at === null
          ? now > s.report_deadline.getTime()
          : s.reported_at.getTime() > s.report_deadline.getTime(),
    })),
    steps: steps.map((s) => ({
      action: s.action,
      actionName: s.action === 'report' ? '上报' : ACTION_NAMES[s.action as CaseAction].zh,
      fromState: s.from_state,
      toState: s.to_state,
      actorName: s.display_name ?? (s.actor_role === 'system' ? '系统' : null),
      actorRole: s.actor_role,
      note: s.note,
      attachments: s.attachments,
      details: s.details,
      at: s.at,
    })),
    photos: photos.map((p) => p.id),
  };
}

/**
 * The case after the viewer acted on it: its page, or — for a department whose action (a return) took
 * the case away from it — its number and new state with `left: true`, never a 404 for a change applied.
 */
export async function caseDetailAfterAction(db: Db, actor: Actor, id: number) {
  try {
    return await caseDetail(db, actor, id);
  } catch (error) {
    const department =
      error instanceof AppError && error.status === 404 ? await actorDepartmentId(db, actor) : null;
    const left = department ? await caseOnceOfDepartment(db, id, department) : null;
    if (!left) throw error;
    return { ...left, stateName: STATE_NAMES[left.state].zh, left: true as const };
  }
}

/**
 * Public follow-up: the case number AND its tracking code (platform/access/public-view.ts, the one
 * public rule): state, category and the timeline of actions; no personal data, no notes.
 */
export async function trackCase(db: Db, caseNo: string, code: string) {
  const c = await verifyTracking(db, caseNo, code);
  const steps = await publicTimeline(db, c.id);
  return {
    caseNo: c.case_no,
    state: c.state,
    stateName: STATE_NAMES[c.state].zh,
    category: c.category,
    createdAt: c.created_at,
    closedAt: c.closed_at,
    steps: steps.map((s) => ({
      action: s.action,
      actionName: s.action === 'report' ? '上报' : publicActionName(s.action).zh,
      at: s.at,
    })),
  };
}

export async function categories(db: Db) {
  const ref = await caseReference(db);
  const all = [...ref.categories.values()].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    classes: all
      .filter((c) => c.parentCode === null)
      .map((c) => ({
        code: c.code,
        name: c.name,
        kind: c.kind,
        subcategories: all
          .filter((s) => s.parentCode === c.code)
          .map((s) => ({ code: s.code, name: s.name, urgent: s.urgent, departmentKind: s.departmentKind })),
      })),
  };
}

// —— statistics

/** The roll-up level of a scope, or null when the roll-ups do not hold it. */
function rollupScopeOf(scope: CaseScope): RollupScope | null {
  if (scope.kind === 'all') return { level: 'city' };
  if (scope.kind === 'county') return { level: 'county', countyCode: scope.countyCode };
  if (scope.kind === 'town') return { level: 'town', countyCode: scope.countyCode, townOrgId: scope.orgId };
  if (scope.kind === 'department' && scope.departmentId !== null)
    return { level: 'department', departmentId: scope.departmentId };
  return null;
}

const CHANNELS = ['grid_worker', 'resident', 'hotline_12345', 'police_110', 'petition', 'external'] as const;

/**
 * The counts of a scope and report range: from the roll-ups for the city, a county or a town, from
 * the cases for a smaller scope; plus, when no scope org is chosen, what the caller reported outside
 * its own scope (as the list shows it).
 */
async function scopeCounts(
  db: Db,
  access: CaseAccess,
  withOthers: boolean,
  from: Date | undefined,
  to: Date | undefined,
  now: Date,
): Promise<{ classes: ClassCounts[]; open: OpenCounts }> {
  const classes: ClassCounts[] = [];
  const open: OpenCounts = { yellowOrRed: 0, red: 0, due: 0 };
  const addOpen = (o: OpenCounts) => {
    open.yellowOrRed += Number(o.yellowOrRed);
    open.red += Number(o.red);
    open.due += Number(o.due);
  };
  const [main, ...others] = caseAccessParts(access, 'c');
  const rollup = rollupScopeOf(access.scope);
  if (rollup) {
    const plan = planPeriods(from, to);
    classes.push(...(await rollupCounts(db, rollup, plan)));
    for (const span of plan.live) {
      const rows = await liveCountsCreated(db, rollupCases(rollup), span.from, span.to, now);
      classes.push(...rows);
    }
    if (!from && !to) addOpen(await openCounts(db, rollup, now, dayStart(localDay(now))));
    else addOpen(await liveOpenCountsCreated(db, rollupCases(rollup), from, to, now));
  } else if (main) {
    for (const r of await liveCountsCreated(db, main, from, to, now)) {
      classes.push(r);
      addOpen(r);
    }
  }
  if (withOthers) {
    for (const part of others) {
      for (const r of await liveCountsCreated(db, part, from, to, now)) {
        classes.push(r);
        addOpen(r);
      }
    }
  }
  return { classes, open };
}

export async function caseStats(
  db: Db,
  actor: Actor,
  input: { scopeOrgId?: number | undefined; from?: string | undefined; to?: string | undefined },
) {
  const now = new Date();
  let scopeName: string | null = null;
  let access = await scoped.caseAccess(db, actor);
  if (input.scopeOrgId !== undefined) {
    // an org inside the caller's subtree: its grids' cases (the caller's own reports elsewhere are not its)
    const of = await caseAccessOfSubtree(db, actor, input.scopeOrgId);
    scopeName = of.org.name;
    access = of.access;
  }
  const from = input.from ? new Date(input.from) : undefined;
  const to = input.to ? new Date(input.to) : undefined;
  const { classes, open } = await scopeCounts(db, access, input.scopeOrgId === undefined, from, to, now);

  const sum = (column: keyof CaseStatCounts, rows: readonly ClassCounts[] = classes) =>
    rows.reduce((n, r) => n + Number(r[column] ?? 0), 0);
  const closed = sum('closed');
  const mc: MetricCounts = {
    received: sum('received'),
    respondedInTime: sum('responded_in_time'),
    dueToClose: closed + open.due,
    closed,
    closedOnTime: sum('closed_on_time'),
    resolved: sum('resolved'),
    handled: sum('handled'),
    handledOnTime: sum('handled_on_time'),
    reworked: sum('reworked'),
    evaluated: sum('evaluated'),
    satisfied: sum('satisfied'),
    basicallySatisfied: sum('basically_satisfied'),
    closeMsTotal: sum('close_ms'),
  };
  const byClass = new Map<string, ClassCounts[]>();
  for (const r of classes) byClass.set(r.class_code, [...(byClass.get(r.class_code) ?? []), r]);
  const settings = await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS);
  const m = computeMetrics(mc, {
    weights: settings.hotlineWeights,
    basicCountsAsSatisfied: settings.basicCountsAsSatisfied,
  });
  const ref = await caseReference(db);
  const openCases = sum('open_cases');
  return {
    scope: { orgId: input.scopeOrgId ?? actor.scopeOrgId, name: scopeName },
    total: mc.received,
    byChannel: Object.fromEntries(
      CHANNELS.map((ch) => [ch, sum(`ch_${ch}`)] as const).filter(([, n]) => n > 0),
    ),
    byCategory: [...byClass.entries()]
      .filter(([code]) => code !== '')
      .map(([code, rows]) => ({
        code,
        name: ref.categories.get(code)?.name ?? code,
        n: sum('received', rows),
      }))
      .filter((c) => c.n > 0)
      .sort((a, b) => b.n - a.n),
    rates: {
      responseRate: m.responseRate,
      onTimeHandlingRate: m.onTimeHandlingRate,
      closeRate: m.closeRate,
      onTimeCloseRate: m.onTimeCloseRate,
      reworkRate: m.reworkRate,
      satisfactionRate: m.satisfactionRate,
      resolutionRate: m.resolutionRate,
    },
    hotlineScore: m.hotlineScore,
    avgHandlingHours: m.averageCloseMs === null ? null : Math.round((m.averageCloseMs / 3_600_000) * 10) / 10,
    byLight: {
      green: openCases - open.yellowOrRed,
      yellow: open.yellowOrRed - open.red,
      red: open.red,
    },
    counts: mc,
  };
}

const CHANNEL_NAMES: Record<string, string> = {
  grid_worker: '网格员上报',
  resident: '群众上报',
  hotline_12345: '12345热线',
  police_110: '110',
  petition: '信访',
  external: '其他系统',
};

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export async function caseStatsWorkbook(stats: Awaited<ReturnType<typeof caseStats>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '强基 Qiangji';
  const s = wb.addWorksheet('指标 Rates');
  s.columns = [
    { header: '指标', key: 'k', width: 24 },
    { header: '数值', key: 'v', width: 16 },
  ];
  s.addRows([
    { k: '统计范围', v: stats.scope.name ?? '本账号管辖范围' },
    { k: '案件总数', v: stats.total },
    { k: '响应率', v: pct(stats.rates.responseRate) },
    { k: '按期处置率', v: pct(stats.rates.onTimeHandlingRate) },
    { k: '结案率', v: pct(stats.rates.closeRate) },
    { k: '按期结案率', v: pct(stats.rates.onTimeCloseRate) },
    { k: '返工率', v: pct(stats.rates.reworkRate) },
    { k: '满意率', v: pct(stats.rates.satisfactionRate) },
    { k: '平均办结时长（小时）', v: stats.avgHandlingHours ?? '—' },
    { k: '在办绿灯', v: stats.byLight.green },
    { k: '在办黄灯', v: stats.byLight.yellow },
    { k: '在办红灯', v: stats.byLight.red },
  ]);
  const ch = wb.addWorksheet('渠道 Channels');
  ch.columns = [
    { header: '渠道', key: 'k', width: 20 },
    { header: '案件数', key: 'n', width: 12 },
  ];
  ch.addRows(Object.entries(stats.byChannel).map(([k, n]) => ({ k: CHANNEL_NAMES[k] ?? k, n })));
  const cat = wb.addWorksheet('类别 Categories');
  cat.columns = [
    { header: '代码', key: 'code', width: 10 },
    { header: '大类', key: 'name', width: 20 },
    { header: '案件数', key: 'n', width: 12 },
  ];
  cat.addRows(stats.byCategory);
  for (const ws of [s, ch, cat]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function notifications(db: Db, actor: Actor) {
  const rows = await notificationsOf(db, actor.accountId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      caseId: r.case_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}
