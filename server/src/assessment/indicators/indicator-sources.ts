// Where each indicator's figure comes from: one source per kind of record, each computing the figures
// of every village of a base org for a year at once, with the numerator, the denominator and a
// sentence naming what was counted. A source is 'ready' when the records exist in Qiangji; 'declared'
// when its capability is still to come — a declared source gives no figure (the indicator's weight goes
// to the others) and says why. 村务公开 and decision validity come from issue 14's read functions
// (village-cadres/village-indicators.ts).
import { caseCountsByVillage, type VillageCaseCounts } from '../../cases/case-village.repository.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from '../../cases/domain/case-settings.ts';
import {
  ECONOMY_SETTINGS_DEFAULTS,
  ECONOMY_SETTINGS_KEY,
  growthOf,
} from '../../collective-economy/domain/economy-rules.ts';
import { promiseRate } from '../../contests/domain/contest-scoring.ts';
import { readMeetingSettings } from '../../meetings/meeting-common.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/handle.ts';
import { readSetting } from '../../platform/settings/settings.ts';
import { decisionValidity, publicationCompliance } from '../../village-cadres/village-indicators.ts';
import type { IndicatorSource } from '../domain/assessment-settings.ts';
import { addTallies, type OrgLifeTally, orgLifeOfBranch } from '../domain/org-life-figures.ts';
import type { VillageRef } from '../village.repository.ts';
import {
  candidatesByVillage,
  contestFollowupsByVillage,
  duesByVillage,
  operatingIncomeByVillage,
  orgLifeInputs,
  trainingByVillage,
} from './figures.repository.ts';

export interface Figure {
  /** the figure the score is computed from (a share 0–1, a count, hours, a growth, yuan); null: no data */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** what was counted, in Chinese */
  note: string;
}

export interface AssessmentPeriod {
  year: number;
  /** 'YYYY-01-01' */
  from: string;
  /** the year's last day, or today while the year runs */
  to: string;
}

export interface SourceContext {
  db: Db;
  actor: Actor;
  basePath: string;
  period: AssessmentPeriod;
  villages: readonly VillageRef[];
  /** memoizes a query shared by several sources during one computation */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export interface SourceDef {
  status: 'ready' | 'declared';
  /** the capability the figures come from, as the user reads it */
  origin: string;
  compute(ctx: SourceContext): Promise<Map<number, Figure>>;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const share = (num: number, den: number, what: (n: number, d: number) => string): Figure =>
  den > 0
    ? { value: num / den, numerator: num, denominator: den, note: `${what(num, den)}，${pct(num / den)}` }
    : { value: null, numerator: num, denominator: den, note: `${what(num, den)}，无数据` };
const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

async function orgLifeTallies(ctx: SourceContext): Promise<Map<number, OrgLifeTally>> {
  return ctx.once('org_life', async () => {
    const settings = await readMeetingSettings(ctx.db);
    const inputs = await orgLifeInputs(ctx.db, ctx.actor, ctx.basePath, ctx.period.from, ctx.period.to);
    const byVillage = new Map<number, OrgLifeTally[]>();
    for (const b of inputs.branches) {
      const t = orgLifeOfBranch(inputs.meetingsOf(b.id), b, settings, ctx.period.from, ctx.period.to);
      const list = byVillage.get(b.villageId) ?? [];
      list.push(t);
      byVillage.set(b.villageId, list);
    }
    return new Map([...byVillage].map(([id, list]) => [id, addTallies(list)]));
  });
}

const caseCounts = (ctx: SourceContext) =>
  ctx.once('cases', async () => {
    const to = new Date(`${ctx.period.to}T00:00:00+08:00`);
    to.setUTCDate(to.getUTCDate() + 1);
    return caseCountsByVillage(ctx.db, ctx.actor, {
      basePath: ctx.basePath,
      from: new Date(`${ctx.period.from}T00:00:00+08:00`),
      to,
    });
  });

const incomes = (ctx: SourceContext) =>
  ctx.once('income', async () => {
    const s = await readSetting(ctx.db, ECONOMY_SETTINGS_KEY, ECONOMY_SETTINGS_DEFAULTS);
    const operating = s.sources.filter((x) => x.operating).map((x) => x.code);
    return operatingIncomeByVillage(
      ctx.db,
      ctx.actor,
      ctx.basePath,
      [ctx.period.year - 1, ctx.period.year],
      operating,
    );
  });

const perVillage = (ctx: SourceContext, figure: (v: VillageRef) => Figure) =>
  new Map(ctx.villages.map((v) => [v.id, figure(v)]));

const fromCases = (pick: (c: VillageCaseCounts, basicCounts: boolean) => Figure): SourceDef => ({
  status: 'ready',
  origin: '网格治理（事件闭环）',
  async compute(ctx) {
    const [counts, settings] = await Promise.all([
      caseCounts(ctx),
      readSetting(ctx.db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS),
    ]);
    const zero: VillageCaseCounts = {
      received: 0,
      respondedInTime: 0,
      dueToClose: 0,
      closedOnTime: 0,
      evaluated: 0,
      satisfied: 0,
      basicallySatisfied: 0,
      petitions: 0,
    };
    return perVillage(ctx, (v) => pick(counts.get(v.id) ?? zero, settings.basicCountsAsSatisfied));
  },
});

export const SOURCES: Record<IndicatorSource, SourceDef> = {
  org_life: {
    status: 'ready',
    origin: '组织生活（三会一课）',
    async compute(ctx) {
      const tallies = await orgLifeTallies(ctx);
      return perVillage(ctx, (v) => {
        const t = tallies.get(v.id) ?? { due: 0, held: 0, kinds: [] };
        return share(t.held, t.due, (n, d) => `应开会议 ${d} 次，按期召开 ${n} 次`);
      });
    },
  },
  recruitment: {
    status: 'ready',
    origin: '发展党员',
    async compute(ctx) {
      const n = await candidatesByVillage(ctx.db, ctx.actor, ctx.basePath, ctx.period.from, ctx.period.to);
      return perVillage(ctx, (v) => {
        const c = n.get(v.id) ?? 0;
        return { value: c, numerator: c, denominator: null, note: `全年确定发展对象 ${c} 名` };
      });
    },
  },
  dues: {
    status: 'ready',
    origin: '党费收缴',
    async compute(ctx) {
      const fromMonth = monthOfDate(ctx.period.from);
      const toMonth = monthOfDate(ctx.period.to);
      const d = await duesByVillage(ctx.db, ctx.actor, ctx.basePath, fromMonth, toMonth);
      return perVillage(ctx, (v) => {
        const r = d.get(v.id) ?? { due: 0, paid: 0 };
        return share(r.paid, r.due, (n, dd) => `${fromMonth} 至 ${toMonth} 应交 ${dd} 人次，已交 ${n} 人次`);
      });
    },
  },
  training: {
    status: 'ready',
    origin: '党员培训',
    async compute(ctx) {
      const t = await trainingByVillage(ctx.db, ctx.actor, ctx.basePath, ctx.period.from, ctx.period.to);
      return perVillage(ctx, (v) => {
        const r = t.get(v.id) ?? { hours: 0, members: 0 };
        if (r.members === 0)
          return { value: null, numerator: r.hours, denominator: 0, note: '没有党员，无数据' };
        const avg = r.hours / r.members;
        return {
          value: avg,
          numerator: r.hours,
          denominator: r.members,
          note: `党员 ${r.members} 名共参加培训 ${Math.round(r.hours * 10) / 10} 学时，人均 ${Math.round(avg * 10) / 10} 学时`,
        };
      });
    },
  },
  case_response: fromCases((c) =>
    share(c.respondedInTime, c.received, (n, d) => `受理事件 ${d} 件，按时响应 ${n} 件`),
  ),
  case_on_time: fromCases((c) =>
    share(c.closedOnTime, c.dueToClose, (n, d) => `应结案 ${d} 件，按期结案 ${n} 件`),
  ),
  case_satisfaction: fromCases((c, basic) =>
    share(
      c.satisfied + (basic ? c.basicallySatisfied : 0),
      c.evaluated,
      (n, d) => `已评价 ${d} 件，满意${basic ? '和基本满意' : ''} ${n} 件`,
    ),
  ),
  income_growth: {
    status: 'ready',
    origin: '村集体经济',
    async compute(ctx) {
      const inc = await incomes(ctx);
      const y = ctx.period.year;
      return perVillage(ctx, (v) => {
        const cur = inc.get(v.id)?.get(y) ?? null;
        const prev = inc.get(v.id)?.get(y - 1) ?? null;
        if (cur === null)
          return { value: null, numerator: null, denominator: prev, note: `${y} 年集体收入未填报，无数据` };
        const g = growthOf(cur, prev);
        if (g === null)
          return {
            value: null,
            numerator: cur,
            denominator: prev,
            note: `${y - 1} 年经营性收入未填报或为 0，无法计算增长`,
          };
        return {
          value: g,
          numerator: cur,
          denominator: prev,
          note: `经营性收入 ${yuan(cur)}，上年 ${yuan(prev ?? 0)}，增长 ${pct(g)}`,
        };
      });
    },
  },
  income_level: {
    status: 'ready',
    origin: '村集体经济',
    async compute(ctx) {
      const inc = await incomes(ctx);
      const y = ctx.period.year;
      return perVillage(ctx, (v) => {
        const cur = inc.get(v.id)?.get(y) ?? null;
        return cur === null
          ? { value: null, numerator: null, denominator: null, note: `${y} 年集体收入未填报，无数据` }
          : { value: cur / 100, numerator: cur, denominator: null, note: `${y} 年经营性收入 ${yuan(cur)}` };
      });
    },
  },
  contest_promise: {
    status: 'ready',
    origin: '擂台赛',
    async compute(ctx) {
      const f = await contestFollowupsByVillage(ctx.db, ctx.actor, ctx.basePath, ctx.period.year - 1);
      return perVillage(ctx, (v) => {
        const list = f.get(v.id);
        if (!list?.length)
          return {
            value: null,
            numerator: null,
            denominator: null,
            note: `${ctx.period.year - 1} 年未参加擂台赛，不计分`,
          };
        const r = promiseRate(list);
        if (r.rate === null)
          return {
            value: null,
            numerator: 0,
            denominator: 0,
            note: `承诺目标 ${list.length} 项尚未跟进认定，不计分`,
          };
        return {
          value: r.rate,
          numerator: r.kept,
          denominator: r.judged,
          note: `承诺目标 ${list.length} 项，已认定 ${r.judged} 项，兑现 ${r.kept} 项（部分兑现计半项），${pct(r.rate)}`,
        };
      });
    },
  },
  village_publication: {
    status: 'ready',
    origin: '村务公开',
    async compute(ctx) {
      const c = await publicationCompliance(ctx.db, ctx.actor, {
        basePath: ctx.basePath,
        year: ctx.period.year,
        today: ctx.period.to,
      });
      return perVillage(ctx, (v) => {
        const r = c.get(v.id) ?? { due: 0, onTime: 0, late: 0, overdue: 0 };
        return share(
          r.onTime,
          r.due,
          (n, d) => `应公开 ${d} 项，按时公开 ${n} 项，逾期后公开 ${r.late} 项，逾期未公开 ${r.overdue} 项`,
        );
      });
    },
  },
  decision_validity: {
    status: 'ready',
    origin: '“四议两公开”村级决策',
    async compute(ctx) {
      const c = await decisionValidity(ctx.db, ctx.actor, { basePath: ctx.basePath, year: ctx.period.year });
      return perVillage(ctx, (v) => {
        const r = c.get(v.id) ?? { matters: 0, valid: 0, invalid: 0, pending: 0 };
        return share(
          r.valid,
          r.valid + r.invalid,
          (n, d) =>
            `全年提议事项 ${r.matters} 项，已办结 ${d} 项，程序合法有效 ${n} 项（办理中 ${r.pending} 项不计）`,
        );
      });
    },
  },
  manual: {
    status: 'ready',
    origin: '镇（街）评分',
    async compute() {
      return new Map();
    },
  },
};

/** The sentence shown for a declared source's indicator. */
export const declaredNote = (origin: string) =>
  `「${origin}」功能上线后按记录计入；本年度暂不计分，权重由其他指标按比例分担`;

/** A context whose `once` shares each query among the sources of one computation. */
export function sourceContext(base: Omit<SourceContext, 'once'>): SourceContext {
  const cache = new Map<string, Promise<unknown>>();
  return {
    ...base,
    once<T>(key: string, load: () => Promise<T>) {
      let hit = cache.get(key) as Promise<T> | undefined;
      if (!hit) {
        hit = load();
        cache.set(key, hit);
      }
      return hit;
    },
  };
}
