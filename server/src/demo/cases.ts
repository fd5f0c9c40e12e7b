// 12 months of demo cases, deterministic from the seed: a realistic channel mix (grid workers 55 %,
// residents 15 %, 12345 20 %, 110 5 %, 信访 5 %) and category mix, every state represented, and every
// step driven through the case machine (domain/case-machine.ts), so the timeline is one the API could
// have produced. Bulk multi-row inserts, no per-row audit (the seed writes one audit row).
import { sql, type Transaction } from 'kysely';
import { type BulkCase, writeCases } from '../cases/case-bulk-writer.ts';
import { WorkCalendar } from '../cases/domain/calendar.ts';
import { CALENDAR_DEFAULTS } from '../cases/domain/calendar-defaults.ts';
import {
  type CaseAction,
  type CaseRole,
  type CaseSnapshot,
  type Evaluation,
  OPEN_STATES,
  type TransitionInput,
  transition,
  ZERO_COUNTERS,
} from '../cases/domain/case-machine.ts';
import { caseNumber } from '../cases/domain/case-no.ts';
import type { CaseChannel, NewCaseStep, NewCivicCase } from '../cases/domain/case-tables.ts';
import { CATEGORY_CLASSES, type Subcategory } from '../cases/domain/catalog.ts';
import { deadlineFor, stepStatus } from '../cases/domain/sla.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { DB } from '../platform/db/schema.ts';
import { maskPhone } from '../platform/masking/masking.ts';
import { caseText } from './case-texts.ts';
import { buildIndexes, dropSecondaryIndexes, noCasesYet } from './cases.repository.ts';
import { mobilePhone, personName } from './names.ts';
import type { Scale } from './plan.ts';
import { createRng, type Rng } from './random.ts';

/**
 * Cases per scale: 12 months of Jiangmen. 'demo' (npm start) holds ~300,000 cases (≈ 2 M steps;
 * measured on PGlite: ~2,000 cases/s on the busy 2-core machine, see BENCHMARKS.md); DEMO_CASES
 * overrides it (the browser tests use fewer). 'city' is for benchmarks on PostgreSQL.
 */
export const DEMO_CASES: Record<Scale, number> = { test: 500, demo: 300_000, city: 5_000_000 };

const CHANNELS: CaseChannel[] = ['grid_worker', 'resident', 'hotline_12345', 'police_110', 'petition'];
const CHANNEL_WEIGHTS = [55, 15, 20, 5, 5];
/** Class weights: events and social governance dominate grid work. */
const CLASS_WEIGHT: Record<string, number> = { component: 3, event: 4, social: 5 };

const TITLE_PLACES = [
  '路口',
  '小区门口',
  '市场旁',
  '学校附近',
  '公园',
  '巷内',
  '河边',
  '公交站',
  '村委会旁',
  '工业区',
  '菜市场门口',
  '幼儿园对面',
  '祠堂前',
  '桥头',
  '停车场',
  '楼下',
];
/** Streets of each county that reporters name (with a landmark after them now and then). */
const STREETS: Record<string, readonly string[]> = {
  '440703': [
    '港口一路',
    '建设三路',
    '胜利路',
    '白沙大道',
    '跃进路',
    '蓬江路',
    '堤东路',
    '华园中路',
    '篁庄大道',
    '丰乐路',
    '环市一路',
    '农林横路',
  ],
  '440704': ['江海一路', '五邑路', '东华一路', '龙湾路', '发展大道', '迎宾大道', '金瓯路'],
  '440705': ['新会大道', '冈州大道', '会城中心路', '江会路', '今古洲大道'],
  '440781': ['台城环市路', '台西路', '舜德路', '桥湖路'],
  '440783': ['长沙西郊路', '幕沙路', '开平大道', '祥龙路'],
  '440784': ['沙坪大道', '鹤山大道', '新华路'],
  '440785': ['锦江大道', '新平路', '恩城大道'],
};
const STREET_TAILS = ['', '', '路口', '与辅道交界', '公交站旁', '人行道', '近加油站', '中段'];

function placeOf(rng: Rng, county: string): string {
  const streets = STREETS[county];
  return streets && rng.chance(0.35)
    ? `${rng.pick(streets)}${rng.pick(STREET_TAILS)}`
    : rng.pick(TITLE_PLACES);
}

/**
 * From this many cases the seed may drop the case tables' secondary indexes and build them after. Off
 * unless QJ_SEED_REBUILD_INDEXES=1: measured under heavy load on 2026-12-07, a 100,000-case city seed
 * was slower with it (cases 838 s against 195 s), cause not found — to be timed on a quiet machine.
 */
const BUILD_INDEXES_AFTER = process.env.QJ_SEED_REBUILD_INDEXES === '1' ? 50_000 : Number.POSITIVE_INFINITY;

export interface CaseSeedSummary {
  cases: number;
  steps: number;
  summons: number;
  byState: Record<string, number>;
}

export interface GridRow {
  id: number;
  org_id: number;
  village_org_id: number;
  town_id: number | null;
  county_code: string;
  center_lng: number;
  center_lat: number;
  name: string;
}

export async function seedCases(
  tx: Transaction<DB>,
  options: {
    seed: number;
    scale: Scale;
    now?: Date;
    count?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<CaseSeedSummary> {
  const rng = createRng(options.seed, `cases:${options.scale}`);
  const now = options.now ?? new Date();
  const total = options.count ?? DEMO_CASES[options.scale];
  const calendar = new WorkCalendar(CALENDAR_DEFAULTS);

  const grids = (await tx
    .selectFrom('grid')
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .select([
      'grid.id',
      'grid.org_id',
      'grid.village_org_id',
      'village.parent_id as town_id',
      'grid.county_code',
      'grid.center_lng',
      'grid.center_lat',
      'grid.name',
    ])
    .orderBy('grid.id')
    .execute()) as GridRow[];
  if (grids.length === 0 || total === 0) return { cases: 0, steps: 0, summons: 0, byState: {} };
  const accounts = await tx
    .selectFrom('account')
    .leftJoin('department_account', 'department_account.account_id', 'account.id')
    .select([
      'account.id',
      'account.role',
      'account.scope_org_id',
      'account.username',
      'department_account.department_id',
    ])
    .where('account.role', 'in', ['grid_worker', 'org_admin', 'secretary', 'department_staff', 'resident'])
    .execute();
  const byOrg = new Map<number, number>();
  const deptAccount = new Map<number, number>();
  const residentOf = new Map<string, number>();
  for (const a of accounts) {
    if (a.department_id) deptAccount.set(a.department_id, a.id);
    else if (a.role === 'resident') residentOf.set(a.username.replace('resident-', ''), a.id);
    else if (!byOrg.has(a.scope_org_id)) byOrg.set(a.scope_org_id, a.id);
  }
  const departments = await tx.selectFrom('department').select(['id', 'kind', 'county_code']).execute();
  const deptByKind = new Map(departments.map((d) => [`${d.county_code}:${d.kind}`, d.id]));
  const deptsOfCounty = new Map<string, number[]>();
  for (const d of departments)
    deptsOfCounty.set(d.county_code, [...(deptsOfCounty.get(d.county_code) ?? []), d.id]);

  const subs: Subcategory[] = [];
  const subWeights: number[] = [];
  for (const c of CATEGORY_CLASSES)
    for (const s of c.subcategories) {
      subs.push(s);
      subWeights.push((CLASS_WEIGHT[c.kind] ?? 1) / c.subcategories.length);
    }

  // creation times over the last 365 days, a little more recent than old, in daytime mostly
  const created: number[] = [];
  for (let i = 0; i < total; i++) {
    const ageDays = 365 * rng.next() ** 1.15;
    const t = now.getTime() - ageDays * 86_400_000;
    const day = Math.floor((t + 8 * 3_600_000) / 86_400_000);
    const hour = rng.chance(0.85) ? rng.float(8, 20) : rng.float(0, 24);
    created.push(Math.min(now.getTime() - 60_000, day * 86_400_000 - 8 * 3_600_000 + hour * 3_600_000));
  }
  created.sort((a, b) => a - b);

  // a large load into empty tables: the secondary indexes are built once at the end (one sort each)
  // instead of row by row; primary and unique keys stay
  const rebuild =
    total >= BUILD_INDEXES_AFTER && (await noCasesYet(tx)) ? await dropSecondaryIndexes(tx) : null;

  // generated and written in chunks, so the city scale (5 M cases) never sits in memory at once
  const CHUNK = 10_000;
  const byState: Record<string, number> = {};
  let steps = 0;
  let summons = 0;
  for (let start = 0; start < total; start += CHUNK) {
    const chunk: BulkCase[] = [];
    for (let i = start; i < Math.min(total, start + CHUNK); i++) {
      const sim = simulateCase(rng, {
        createdAt: new Date(created[i] as number),
        now,
        calendar,
        grid: rng.pick(grids),
        sub: rng.weighted(subs, subWeights),
        channel: rng.weighted(CHANNELS, CHANNEL_WEIGHTS),
        byOrg,
        deptAccount,
        residentOf,
        deptByKind,
        deptsOfCounty,
        residentShare: Math.min(1, 84 / Math.max(1, total * 0.15)),
        seq: i + 1,
      });
      chunk.push(sim);
      byState[sim.row.state as string] = (byState[sim.row.state as string] ?? 0) + 1;
    }
    const written = await writeCases(tx, chunk);
    steps += written.steps;
    summons += written.summons;
    options.onProgress?.(Math.min(total, start + CHUNK), total);
  }
  if (rebuild) await buildIndexes(tx, rebuild);
  await sql`select setval('civic_case_no_seq', ${total})`.execute(tx);
  return { cases: total, steps, summons, byState };
}

export interface SimContext {
  createdAt: Date;
  now: Date;
  calendar: WorkCalendar;
  grid: GridRow;
  sub: Subcategory;
  channel: CaseChannel;
  byOrg: Map<number, number>;
  deptAccount: Map<number, number>;
  residentOf: Map<string, number>;
  deptByKind: Map<string, number>;
  deptsOfCounty: Map<string, number[]>;
  /** the share of resident reports made by the county's demo resident account (a dozen a year) */
  residentShare: number;
  seq: number;
}

/**
 * A case's pace. Most cases are handled well within each step's limit (a share of it); about one in
 * thirty runs late on one step. Together with the reopened cases this gives the on-time share a
 * 12345 centre reports (按期结案率 ≈ 95 %, measured in cases.test.ts).
 */
const LATE_SHARE = 0.06;
/** Of the late ones, those that stay stuck for weeks (at most 30 days an action). */
const STUCK_SHARE = 0.12;

/** One path of actions; the simulation stops at the first action that would happen after `now`. */
function planActions(rng: Rng, channel: CaseChannel): CaseAction[] {
  const tail: CaseAction[] = ['feedback', 'verify_pass', 'evaluate'];
  const r = rng.next();
  if (r < 0.05) return ['reject'];
  if (channel === 'grid_worker' && r < 0.2) return ['resolve_on_spot', 'evaluate'];
  if (r < 0.26) return ['file', 'dispatch', 'return', 'dispatch', 'accept', ...tail];
  if (r < 0.31) return ['file', 'dispatch', 'accept', 'feedback', 'verify_fail', ...tail];
  if (r < 0.35) return ['file', 'dispatch', 'accept', 'request_extension', 'approve_extension', ...tail];
  if (r < 0.38) return ['file', 'escalate', 'dispatch', 'accept', ...tail];
  if (r < 0.42) return ['file', 'whistle', ...tail];
  if (r < 0.435) return ['file', 'dispatch', 'accept', ...tail, 'reopen', 'dispatch', 'accept', ...tail];
  return ['file', 'dispatch', 'accept', ...tail];
}

export function simulateCase(rng: Rng, x: SimContext) {
  const { grid, sub, channel, calendar } = x;
  const county = grid.county_code;
  const town = x.byOrg.get(grid.town_id ?? -1) ?? x.byOrg.get(grid.village_org_id) ?? null;
  const gridWorker = x.byOrg.get(grid.org_id) ?? null;
  const routed = x.deptByKind.get(`${county}:${sub.default_department_kind}`) ?? null;
  const reporterAccount =
    channel === 'grid_worker'
      ? gridWorker
      : channel === 'resident' && rng.chance(x.residentShare)
        ? (x.residentOf.get(county) ?? null)
        : null;
  const external = channel === 'hotline_12345' || channel === 'police_110' || channel === 'petition';
  // a resident without a demo account reported through the app with a name and a phone number
  const named = external || (channel === 'resident' && reporterAccount === null);
  const phone = named ? mobilePhone(rng) : null;

  let t = x.createdAt.getTime();
  let snap: CaseSnapshot = {
    state: 'reported',
    counters: { ...ZERO_COUNTERS },
    departmentId: null,
    reporterAccountId: reporterAccount,
    evaluation: null,
    supervision: 'none',
    summons: [],
  };
  const steps: Omit<NewCaseStep, 'case_id'>[] = [
    {
      county_code: county,
      action: 'report',
      from_state: null,
      to_state: 'reported',
      actor_id: reporterAccount,
      actor_role: channel === 'grid_worker' ? 'grid_worker' : channel === 'resident' ? 'resident' : 'system',
      note: '',
      details: JSON.stringify({ channel, routedDepartmentId: routed }),
      at: new Date(t),
    },
  ];
  const limits = sub.limits;
  let stepStart = new Date(t);
  let stepLimit = limits.dispatch;
  let stepDeadline = deadlineFor(stepStart, stepLimit, calendar);
  const respondBy = stepDeadline;
  const due = deadlineFor(
    deadlineFor(stepDeadline, limits.handling, calendar),
    limits.verification,
    calendar,
  );
  let step: 'dispatch' | 'handling' | 'verification' | null = 'dispatch';
  let respondedAt: Date | null = null;
  let handledAt: Date | null = null;
  let handlingDeadline: Date | null = null;
  let closedAt: Date | null = null;
  let evaluatedAt: Date | null = null;
  let rejection: { reason: string; note: string } | null = null;
  let summons: SimSummons[] = [];

  const plan = planActions(rng, channel);
  // a longer path (a return, a rework, an extension) moves faster at each step to stay within the limit
  const pace = plan.length > 6 ? 0.35 : 0.6;
  const lateAt = rng.chance(LATE_SHARE) ? rng.int(0, plan.length - 1) : -1;
  // a few hard cases (违建, cross-department disputes) sit for weeks at one step: the red ones of a city
  const stuck = lateAt > 0 && rng.chance(STUCK_SHARE);
  for (const [k, action] of plan.entries()) {
    // time until this action: a share of the running step's limit; late once in a while
    const span = Math.max(60_000, stepDeadline.getTime() - stepStart.getTime());
    const share =
      k === lateAt
        ? stuck
          ? rng.float(4, 15)
          : rng.float(1.05, 1.8)
        : rng.chance(0.12)
          ? rng.float(pace, 0.97)
          : rng.float(0.04, pace);
    const at = Math.max(t + 60_000, Math.min(stepStart.getTime() + span * share, t + 30 * 86_400_000));
    if (at > x.now.getTime()) break;
    // feedback on a 吹哨 case (no department owns it) comes from the town that summoned
    const role: CaseRole =
      action === 'feedback' && snap.departmentId === null
        ? 'org_admin'
        : actorRoleOf(action, reporterAccount !== null);
    const actorId =
      role === 'org_admin'
        ? town
        : role === 'grid_worker'
          ? gridWorker
          : role === 'department_staff'
            ? (x.deptAccount.get(snap.departmentId ?? -1) ?? null)
            : role === 'resident'
              ? reporterAccount
              : null;
    const others = (x.deptsOfCounty.get(county) ?? []).filter((d) => d !== routed);
    const input: TransitionInput = {
      actor: { role, id: actorId, departmentId: snap.departmentId },
      note: noteOf(action),
      attachments: action === 'feedback' || action === 'resolve_on_spot' ? ['demo-photo'] : null,
      categoryCode: sub.code,
      rejectReason: rng.chance(0.6) ? 'invalid' : 'not_our_responsibility',
      departmentId:
        snap.counters.redispatch_count === 0 && snap.state === 'returned'
          ? (rng.pick(others) ?? routed)
          : routed,
      departmentIds:
        action === 'whistle'
          ? pickDistinct(rng, [routed ?? 0, ...others].filter(Boolean), rng.int(2, 3))
          : null,
      extension: { amount: 2, unit: 'workday' },
      // the reporter of a reopened case was dissatisfied the first time
      evaluation:
        plan.includes('reopen') && snap.counters.reopen_count === 0 ? 'dissatisfied' : evaluationOf(rng),
    };
    if (action === 'dispatch' && snap.state === 'returned') input.departmentId = routed;
    const r = transition(snap, action, input);
    if (!r.ok) break;
    t = at;
    const now = new Date(at);
    if (action === 'whistle' && r.changes.summonsAdded) {
      const deadline = deadlineFor(
        now,
        sub.urgent ? { amount: 1, unit: 'urgent_hour' } : { amount: 2, unit: 'working_hour' },
        calendar,
      );
      summons = r.changes.summonsAdded.map((d) => simulateSummons(rng, d, now, deadline, x.now));
      // feedback waits for every department to be done
      const doneAll = summons.every((s) => s.state === 'done');
      const lastDone = Math.max(...summons.map((s) => s.done_at?.getTime() ?? 0));
      if (doneAll) t = Math.max(t, lastDone);
      snap = { ...snap, summons: summons.map((s) => ({ departmentId: s.department_id, state: s.state })) };
    }
    if (['file', 'reject', 'dispatch', 'whistle', 'resolve_on_spot'].includes(action) && !respondedAt)
      respondedAt = now;
    if (action === 'feedback' && !handledAt) handledAt = now;
    if (r.next === 'closed') closedAt = now;
    if (action === 'reopen') closedAt = null;
    if (action === 'evaluate') evaluatedAt = now;
    if (r.changes.rejection)
      rejection = { reason: r.changes.rejection.reason, note: r.changes.rejection.note };
    if (r.clock === 'restart' && r.step) {
      step = r.step;
      stepStart = now;
      stepLimit = limits[r.step];
      stepDeadline = deadlineFor(now, stepLimit, calendar);
      if (r.step === 'handling' && !handledAt) handlingDeadline = stepDeadline;
    } else if (r.clock === 'extend') {
      stepDeadline = deadlineFor(stepDeadline, { amount: 2, unit: 'workday' }, calendar);
      if (!handledAt) handlingDeadline = stepDeadline;
    } else if (r.clock === 'stop') step = null;
    steps.push({
      county_code: county,
      action,
      from_state: r.from,
      to_state: r.next,
      actor_id: actorId,
      actor_role: role,
      note: input.note ?? '',
      attachments: '[]',
      details: r.changes.departmentId ? JSON.stringify({ departmentId: r.changes.departmentId }) : null,
      at: now,
    });
    snap = {
      ...snap,
      state: r.next,
      counters: r.counters,
      departmentId: r.changes.departmentId !== undefined ? r.changes.departmentId : snap.departmentId,
      evaluation: r.changes.evaluation !== undefined ? r.changes.evaluation : snap.evaluation,
      supervision: r.changes.supervision ?? snap.supervision,
    };
    if (action === 'whistle' && !summons.every((s) => s.state === 'done')) break;
  }

  const open = (OPEN_STATES as readonly string[]).includes(snap.state);
  let light: 'green' | 'yellow' | 'red' = 'green';
  let supervision = snap.supervision;
  if (open && step) {
    const st = stepStatus(stepStart, stepLimit, x.now, calendar, undefined, stepDeadline);
    light = st.light;
    supervision = st.supervision;
  }
  const row: NewCivicCase = {
    case_no: caseNumber(x.createdAt, x.seq),
    channel,
    external_system: external ? channel : null,
    external_id: external ? `demo-${x.seq}` : null,
    external_content_hash: null,
    client_request_id: null,
    category_code: sub.code,
    ...caseText(rng, sub, grid.name, placeOf(rng, county)),
    address: `${grid.name}${placeOf(rng, county)}`,
    lng: grid.center_lng + rng.float(-0.0008, 0.0008),
    lat: grid.center_lat + rng.float(-0.0008, 0.0008),
    grid_id: grid.id,
    grid_nearest: false,
    village_org_id: grid.village_org_id,
    town_org_id: grid.town_id,
    county_code: county,
    reporter_name: named ? personName(rng, rng.chance(0.5) ? 'female' : 'male') : null,
    reporter_phone_enc: phone ? encryptPii(phone) : null,
    reporter_phone_masked: phone ? maskPhone(phone) : null,
    reporter_account_id: reporterAccount,
    state: snap.state,
    urgent: sub.urgent,
    department_id: snap.departmentId,
    step: open ? step : null,
    step_started_at: open && step ? stepStart : null,
    step_deadline: open && step ? stepDeadline : null,
    due_at: due,
    respond_by: respondBy,
    responded_at: respondedAt,
    handling_deadline: handlingDeadline,
    handled_at: handledAt,
    light,
    supervision,
    redispatch_count: snap.counters.redispatch_count,
    rework_count: snap.counters.rework_count,
    extension_count: snap.counters.extension_count,
    reopen_count: snap.counters.reopen_count,
    rejection_reason: (rejection?.reason as NewCivicCase['rejection_reason']) ?? null,
    rejection_note: rejection?.note ?? null,
    evaluation: snap.evaluation,
    evaluated_at: snap.evaluation ? evaluatedAt : null,
    created_at: x.createdAt,
    updated_at: new Date(t),
    closed_at: closedAt,
    version: steps.length,
  };
  return { row, steps, summons };
}

type SimSummons = {
  department_id: number;
  summoned_at: Date;
  report_deadline: Date;
  state: 'summoned' | 'reported' | 'done';
  reported_at: Date | null;
  done_at: Date | null;
  note: string | null;
};

function simulateSummons(rng: Rng, departmentId: number, at: Date, deadline: Date, now: Date): SimSummons {
  const span = deadline.getTime() - at.getTime();
  const reported = at.getTime() + span * (rng.chance(0.04) ? rng.float(1.05, 2) : rng.float(0.1, 0.8));
  const done = reported + rng.float(2, 30) * 3_600_000;
  return {
    department_id: departmentId,
    summoned_at: at,
    report_deadline: deadline,
    state: done <= now.getTime() ? 'done' : reported <= now.getTime() ? 'reported' : 'summoned',
    reported_at: reported <= now.getTime() ? new Date(reported) : null,
    done_at: done <= now.getTime() ? new Date(done) : null,
    note: done <= now.getTime() ? '已到场处置本部门职责部分' : null,
  };
}

function actorRoleOf(action: CaseAction, reporterHasAccount: boolean): CaseRole {
  switch (action) {
    case 'accept':
    case 'return':
    case 'request_extension':
    case 'feedback':
      return 'department_staff';
    case 'verify_pass':
    case 'verify_fail':
    case 'resolve_on_spot':
      return 'grid_worker';
    case 'evaluate':
    case 'reopen':
      return reporterHasAccount ? 'resident' : 'system';
    default:
      return 'org_admin';
  }
}

function noteOf(action: CaseAction): string {
  const notes: Partial<Record<CaseAction, string>> = {
    reject: '经核实不属于受理范围',
    resolve_on_spot: '网格员现场已处理完毕',
    return: '不属于本部门职责，请重新派遣',
    request_extension: '需协调施工队，申请延期',
    escalate: '涉及多部门，报请上级协调',
    whistle: '基层吹哨，请相关部门到场',
    feedback: '已处置完毕，附现场照片',
    verify_fail: '现场核查仍未解决',
    reopen: '问题仍未解决，申请重新办理',
    deny_extension: '理由不充分',
  };
  return notes[action] ?? '';
}

function evaluationOf(rng: Rng): Evaluation {
  const r = rng.next();
  return r < 0.8 ? 'satisfied' : r < 0.94 ? 'basically_satisfied' : 'dissatisfied';
}

function pickDistinct(rng: Rng, items: number[], n: number): number[] {
  return rng.shuffle([...new Set(items)]).slice(0, Math.min(n, items.length));
}
