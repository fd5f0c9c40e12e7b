// Statistics of a scope and report range — from the roll-ups for the city, a county, a town or a
// department plus the live rows of the partial days, from the cases for a smaller scope — and their
// Excel export.
import ExcelJS from 'exceljs';
import type { Actor } from '../platform/access/actor.ts';
import { caseAccessOfSubtree } from '../platform/access/exceptions.ts';
import { type CaseAccess, type CaseScope, caseAccessParts, scoped } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { readSetting } from '../platform/settings/settings.ts';
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
import { CHANNEL_NAMES } from './domain/case-names.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';
import type { CaseChannel, CaseStatCounts } from './domain/case-tables.ts';
import { computeMetrics, type MetricCounts } from './domain/metrics.ts';
import { dayStart, localDay, planPeriods } from './domain/stat-periods.ts';

/** The roll-up level of a scope, or null when the roll-ups do not hold it. */
export function rollupScopeOf(scope: CaseScope): RollupScope | null {
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
  ch.addRows(
    Object.entries(stats.byChannel).map(([k, n]) => ({ k: CHANNEL_NAMES[k as CaseChannel]?.zh ?? k, n })),
  );
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
