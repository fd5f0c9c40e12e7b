// Reads of cases: the scoped list, the case page, the public follow-up by case number, statistics of a
// scope and their Excel export, the catalog and notifications. (The dispatcher's suggestions are in
// classifier/suggest.service.ts.)
import ExcelJS from 'exceljs';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { publicActionName, publicSteps, verifyTracking } from '../platform/access/public-view.ts';
import { inGrids, scoped, subtreePattern, verifyCase, verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { caseRole } from './case-common.ts';
import { caseReference } from './case-reference.ts';
import { actorDepartmentId } from './case-transition.service.ts';
import { allowedActions, type CaseAction, type CaseState, OPEN_STATES } from './domain/case-machine.ts';
import { ACTION_NAMES, STATE_NAMES } from './domain/case-names.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';
import type { CaseChannel } from './domain/case-tables.ts';
import { computeMetrics, type MetricCounts } from './domain/metrics.ts';

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
}

/** Lists count their matches up to here; beyond it the answer is "more than TOTAL_CAP". */
export const TOTAL_CAP = 10_000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function rowQuery(db: Kysely<DB>, actor: Actor) {
  return scoped
    .cases(db, actor)
    .leftJoin('grid', 'grid.id', 'civic_case.grid_id')
    .leftJoin('org as town', 'town.id', 'civic_case.town_org_id')
    .leftJoin('department', 'department.id', 'civic_case.department_id')
    .leftJoin('case_category', 'case_category.code', 'civic_case.category_code');
}

const ROW_COLUMNS = [
  'civic_case.id',
  'civic_case.case_no',
  'civic_case.title',
  'civic_case.state',
  'civic_case.channel',
  'civic_case.category_code',
  'case_category.name_zh as category_name',
  'grid.name as grid_name',
  'town.name as town_name',
  'department.name as department_name',
  'civic_case.urgent',
  'civic_case.created_at',
  'civic_case.step_deadline',
  'civic_case.light',
  'civic_case.supervision',
  'civic_case.version',
] as const;

type RowShape = {
  id: number;
  case_no: string;
  title: string;
  state: CaseState;
  channel: CaseChannel;
  category_code: string | null;
  category_name: string | null;
  grid_name: string | null;
  town_name: string | null;
  department_name: string | null;
  urgent: boolean;
  created_at: Date;
  step_deadline: Date | null;
  light: string;
  supervision: string;
  version: number;
};

function toRow(r: RowShape) {
  return {
    id: r.id,
    caseNo: r.case_no,
    title: r.title,
    state: r.state,
    stateName: STATE_NAMES[r.state].zh,
    channel: r.channel,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    gridName: r.grid_name,
    townName: r.town_name,
    departmentName: r.department_name,
    urgent: r.urgent,
    createdAt: r.created_at,
    stepDeadline: r.step_deadline,
    light: r.light,
    supervision: r.supervision,
    version: r.version,
  };
}

export async function listCases(db: Kysely<DB>, actor: Actor, f: CaseFilter, page: number, pageSize: number) {
  let q = rowQuery(db, actor);
  const states = f.state?.split(',').filter(Boolean);
  if (states?.length) q = q.where('civic_case.state', 'in', states as CaseState[]);
  if (f.light) q = q.where('civic_case.light', '=', f.light as 'green');
  if (f.channel) q = q.where('civic_case.channel', '=', f.channel as CaseChannel);
  if (f.categoryCode) {
    q = f.categoryCode.includes('-')
      ? q.where('civic_case.category_code', '=', f.categoryCode)
      : q.where('civic_case.category_code', 'like', `${escapeLike(f.categoryCode)}-%`);
  }
  if (f.q?.trim()) {
    const text = f.q.trim();
    q = q.where((eb) =>
      eb.or([
        eb('civic_case.case_no', '=', text),
        eb('civic_case.title', 'like', `%${escapeLike(text)}%`),
        eb('civic_case.address', 'like', `%${escapeLike(text)}%`),
      ]),
    );
  }
  if (f.townId) q = q.where('civic_case.town_org_id', '=', f.townId);
  if (f.departmentId) q = q.where('civic_case.department_id', '=', f.departmentId);
  if (f.from) q = q.where('civic_case.created_at', '>=', new Date(f.from));
  if (f.to) q = q.where('civic_case.created_at', '<', new Date(f.to));
  if (f.mine) {
    const dept = await actorDepartmentId(db, actor);
    q = dept
      ? q.where('civic_case.department_id', '=', dept)
      : q.where('civic_case.reporter_account_id', '=', actor.accountId);
  }
  // An exact count of a city's millions of cases costs seconds and tells a reader nothing more than
  // "over 10,000"; the count stops there and the answer says so (totalCapped).
  const counted = await db
    .selectFrom(
      q
        .select(sql`1`.as('one'))
        .limit(TOTAL_CAP + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const totalCapped = Number(counted.n) > TOTAL_CAP;
  const order = f.order ?? (f.sort === 'deadline' ? 'asc' : 'desc');
  const sorted =
    f.sort === 'deadline'
      ? q.orderBy(sql`civic_case.step_deadline ${sql.raw(order)} nulls last`)
      : q.orderBy('civic_case.created_at', order);
  const rows = await sorted
    .select(ROW_COLUMNS)
    .orderBy('civic_case.id', order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: rows.map((r) => toRow(r as RowShape)),
    total: totalCapped ? TOTAL_CAP : Number(counted.n),
    totalCapped,
    page,
    pageSize,
  };
}

export async function caseDetail(db: Kysely<DB>, actor: Actor, id: number) {
  const c = await verifyCase(db, actor, id);
  const row = await rowQuery(db, actor)
    .leftJoin('org as village', 'village.id', 'civic_case.village_org_id')
    .select(ROW_COLUMNS)
    .select(['grid.code as grid_code', 'village.name as village_name'])
    .where('civic_case.id', '=', id)
    .executeTakeFirstOrThrow();
  const [steps, summons, photos, ref] = await Promise.all([
    db
      .selectFrom('case_step')
      .leftJoin('account', 'account.id', 'case_step.actor_id')
      .select([
        'case_step.action',
        'case_step.from_state',
        'case_step.to_state',
        'case_step.actor_role',
        'case_step.note',
        'case_step.attachments',
        'case_step.details',
        'case_step.at',
        'account.display_name',
      ])
      .where('case_step.case_id', '=', id)
      .orderBy('case_step.at')
      .orderBy('case_step.id')
      .execute(),
    db
      .selectFrom('case_summons')
      .innerJoin('department', 'department.id', 'case_summons.department_id')
      .select([
        'case_summons.department_id',
        'department.name',
        'case_summons.state',
        'case_summons.report_deadline',
        'case_summons.reported_at',
        'case_summons.done_at',
        'case_summons.note',
      ])
      .where('case_summons.case_id', '=', id)
      .orderBy('case_summons.id')
      .execute(),
    db.selectFrom('case_attachment').select('id').where('case_id', '=', id).orderBy('id').execute(),
    caseReference(db),
  ]);
  const role = caseRole(actor);
  const cat = c.category_code ? ref.categories.get(c.category_code) : null;
  const routed = cat?.departmentKind
    ? ref.departmentByKind.get(`${c.county_code}:${cat.departmentKind}`)
    : null;
  const now = Date.now();
  return {
    ...toRow(row as RowShape),
    description: c.description,
    address: c.address,
    lng: c.lng,
    lat: c.lat,
    gridNearest: c.grid_nearest,
    reporter: { nameMasked: maskName(c.reporter_name), phoneMasked: c.reporter_phone_masked },
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
    allowedActions: allowedActions(c.state, role),
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

function maskName(name: string | null): string | null {
  if (!name) return null;
  return name.length <= 1 ? '*' : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 3))}`;
}

/**
 * Public follow-up: the case number AND its tracking code (platform/access/public-view.ts, the one
 * public rule): state, category and the timeline of actions; no personal data, no notes.
 */
export async function trackCase(db: Kysely<DB>, caseNo: string, code: string) {
  const c = await verifyTracking(db, caseNo, code);
  const steps = await publicSteps(db, [c.id]).orderBy('case_step.at').orderBy('case_step.id').execute();
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

export async function categories(db: Kysely<DB>) {
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

export async function caseStats(
  db: Kysely<DB>,
  actor: Actor,
  input: { scopeOrgId?: number | undefined; from?: string | undefined; to?: string | undefined },
) {
  let scopeName: string | null = null;
  let q = scoped.cases(db, actor);
  if (input.scopeOrgId !== undefined) {
    const org = await verifyOrg(db, actor, input.scopeOrgId);
    scopeName = org.name;
    const pattern = subtreePattern({ ...actor, scopePath: org.path });
    const grids = db
      .selectFrom('grid as stat_grid')
      .innerJoin('org as stat_org', 'stat_org.id', 'stat_grid.org_id')
      .select('stat_grid.id')
      .where('stat_org.path', 'like', pattern);
    q = q.where(inGrids(org.path, grids));
  }
  if (input.from) q = q.where('civic_case.created_at', '>=', new Date(input.from));
  if (input.to) q = q.where('civic_case.created_at', '<', new Date(input.to));
  const now = new Date();
  const nr = sql`civic_case.state <> 'rejected'`;
  const closed = sql`${nr} and civic_case.closed_at is not null and civic_case.closed_at <= ${now}`;
  const handled = sql`${nr} and civic_case.handled_at is not null and civic_case.handled_at <= ${now}`;
  const n = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})::int`;
  // One pass over the scope's cases: the totals, and the counts by channel, by class and by light of the
  // open cases, as grouping sets of the same scan (four scans before).
  // literals, not parameters: the GROUP BY expression must be the very same text as the selected one
  const openLight = sql`case when civic_case.state in (${sql.join(
    OPEN_STATES.map((st) => sql.lit(st)),
  )}) then civic_case.light end`;
  const cls = sql`split_part(civic_case.category_code, '-', 1)`;
  const grouped = await q
    .select([
      sql<number>`grouping(civic_case.channel)`.as('gChannel'),
      sql<number>`grouping(${cls})`.as('gClass'),
      sql<number>`grouping(${openLight})`.as('gLight'),
      'civic_case.channel',
      sql<string | null>`${cls}`.as('classCode'),
      sql<string | null>`${openLight}`.as('openLight'),
      sql<number>`count(*)::int`.as('received'),
      n(
        sql`civic_case.responded_at is not null and civic_case.responded_at <= ${now} and (civic_case.respond_by is null or civic_case.responded_at <= civic_case.respond_by)`,
      ).as('respondedInTime'),
      n(
        sql`${nr} and ((civic_case.closed_at is not null and civic_case.closed_at <= ${now}) or civic_case.due_at <= ${now})`,
      ).as('dueToClose'),
      n(closed).as('closed'),
      n(sql`${closed} and (civic_case.due_at is null or civic_case.closed_at <= civic_case.due_at)`).as(
        'closedOnTime',
      ),
      n(sql`${closed} and civic_case.evaluation is distinct from 'dissatisfied'`).as('resolved'),
      n(handled).as('handled'),
      n(
        sql`${handled} and (civic_case.handling_deadline is null or civic_case.handled_at <= civic_case.handling_deadline)`,
      ).as('handledOnTime'),
      n(sql`${handled} and civic_case.rework_count > 0`).as('reworked'),
      n(sql`${nr} and civic_case.evaluation is not null`).as('evaluated'),
      n(sql`${nr} and civic_case.evaluation = 'satisfied'`).as('satisfied'),
      n(sql`${nr} and civic_case.evaluation = 'basically_satisfied'`).as('basicallySatisfied'),
      sql<number>`coalesce(sum(extract(epoch from civic_case.closed_at - civic_case.created_at) * 1000) filter (where ${closed}), 0)::float8`.as(
        'closeMsTotal',
      ),
    ])
    .groupBy(sql`grouping sets ((), (civic_case.channel), (${cls}), (${openLight}))`)
    .execute();
  const counts = grouped.find((r) => r.gChannel && r.gClass && r.gLight);
  if (!counts) throw new Error('statistics: the grand total row is missing');
  const byChannelRows = grouped
    .filter((r) => !r.gChannel)
    .map((r) => ({ channel: r.channel, n: r.received }));
  const byClassRows = grouped
    .filter((r) => !r.gClass && r.classCode)
    .map((r) => ({ code: r.classCode as string, n: r.received }));
  const byLightRows = grouped
    .filter((r) => !r.gLight && r.openLight)
    .map((r) => ({ light: r.openLight as string, n: r.received }));
  const settings = await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS);
  const mc: MetricCounts = Object.fromEntries(
    Object.entries(counts).map(([k, v]) => [k, Number(v)]),
  ) as unknown as MetricCounts;
  const m = computeMetrics(mc, {
    weights: settings.hotlineWeights,
    basicCountsAsSatisfied: settings.basicCountsAsSatisfied,
  });
  const ref = await caseReference(db);
  return {
    scope: { orgId: input.scopeOrgId ?? actor.scopeOrgId, name: scopeName },
    total: mc.received,
    byChannel: Object.fromEntries(byChannelRows.map((r) => [r.channel, r.n])),
    byCategory: byClassRows
      .map((r) => ({ code: r.code, name: ref.categories.get(r.code)?.name ?? r.code, n: r.n }))
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
      green: byLightRows.find((r) => r.light === 'green')?.n ?? 0,
      yellow: byLightRows.find((r) => r.light === 'yellow')?.n ?? 0,
      red: byLightRows.find((r) => r.light === 'red')?.n ?? 0,
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

export async function notifications(db: Kysely<DB>, actor: Actor) {
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'case_id', 'created_at', 'read_at'])
    .where('account_id', '=', actor.accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
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
