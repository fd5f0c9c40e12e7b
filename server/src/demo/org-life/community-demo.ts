// Demo 双报到双服务 for the current and the previous year, deterministic from the seed and anchored on
// today: in-service members of the city's 机关, 国企, schools and hospitals report to a community of
// the county where they live (the county of their ID number, or the unit's county), units pair with a
// community near them, services with hours through the year, and last year's assessments by the
// communities. Bulk inserts (two statements per table); called once by the demo seed.
import type { Kysely, Transaction } from 'kysely';
import type { Assessment } from '../../community-reports/community-report-tables.ts';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays, daysBetween, shanghaiToday } from '../../recruitment/domain/dates.ts';
import { createRng, type Rng } from '../random.ts';

/** 桥南社区, the community of the README's walkthrough: its reporters are the demo's first sight. */
export const DEMO_COMMUNITY = '440704001015';
const UNIT_CATEGORIES = ['agency', 'state_enterprise', 'school', 'hospital'] as const;
type UnitCategory = (typeof UNIT_CATEGORIES)[number];
/** Where the city's own units (no county) stand: the central districts. */
const CITY_UNIT_COUNTIES: [string, number][] = [
  ['440703', 55],
  ['440704', 30],
  ['440705', 15],
];

const SERVICES = [
  '社区环境卫生清洁',
  '垃圾分类宣传引导',
  '独居老人探访慰问',
  '四点半课堂作业辅导',
  '反诈防骗宣传',
  '文明交通劝导',
  '党群服务中心志愿值班',
  '创文巡查与楼道清理',
  '防汛防台值守',
  '政策宣讲进楼栋',
  '社区矛盾纠纷调解',
  '长者饭堂帮厨',
];
const UNIT_SERVICES: Record<UnitCategory, string[]> = {
  agency: ['法律政策咨询进社区', '结对共建：主题党日联学', '资助社区困难家庭', '协助社区网格排查'],
  state_enterprise: ['安全生产宣传进社区', '结对共建：主题党日联学', '社区公共设施维修', '节日慰问困难群众'],
  school: ['科普讲座与四点半课堂', '结对共建：主题党日联学', '青少年暑期托管', '家庭教育讲座'],
  hospital: ['义诊与健康讲座', '结对共建：主题党日联学', '长者慢病随访', '急救知识培训'],
};
const MEMBER_SERVICES: Record<UnitCategory, string> = {
  agency: '政策法规解读',
  state_enterprise: '水电燃气安全检查',
  school: '青少年课业辅导',
  hospital: '健康咨询义诊',
};
const HOURS = [1, 1.5, 2, 2, 2, 2.5, 3, 3, 4];
const UNIT_HOURS = [2, 3, 3, 4, 4, 6, 8];

interface ReportRow {
  community_org_id: number;
  county_code: string | null;
  reporter_kind: 'member' | 'unit';
  member_id: number | null;
  unit_org_id: number | null;
  year: number;
  reported_on: string;
  assessment: Assessment | null;
  assessed_on: string | null;
}
interface ServiceRow {
  report: number;
  county_code: string | null;
  served_on: string;
  hours: number;
  content: string;
}

/** Picks communities of a county by their households (bigger communities see more reporters). */
function communityPicker(
  rows: { id: number; code: string; county_code: string | null; household_count: number }[],
) {
  const byCounty = new Map<string, { ids: number[]; weights: number[] }>();
  for (const c of rows) {
    const county = c.county_code ?? '';
    const list = byCounty.get(county) ?? { ids: [], weights: [] };
    list.ids.push(c.id);
    list.weights.push(Math.max(1, c.household_count) * (c.code === DEMO_COMMUNITY ? 4 : 1));
    byCounty.set(county, list);
  }
  return {
    has: (county: string) => byCounty.has(county),
    pick(rng: Rng, county: string): number | null {
      const list = byCounty.get(county);
      return list ? rng.weighted(list.ids, list.weights) : null;
    },
  };
}

const minDate = (a: string, b: string) => (a <= b ? a : b);
const day = (rng: Rng, from: string, to: string) =>
  to <= from ? from : addDays(from, rng.int(0, daysBetween(from, to)));

/** The day of a report: the campaign of the first months, a few later (new staff). */
function reportDay(rng: Rng, year: number, last: string): string | null {
  const start = `${year}-01-03`;
  if (last < start) return null;
  const campaignEnd = minDate(`${year}-04-30`, last);
  if (rng.chance(0.85) || last <= `${year}-05-01`) return day(rng, start, campaignEnd);
  return day(rng, `${year}-05-01`, minDate(`${year}-10-31`, last));
}

function grade(rng: Rng, hours: number, target: number): Assessment {
  const base = hours >= target * 1.5 ? 0 : hours >= target * 0.75 ? 1 : hours >= 2 ? 2 : 3;
  const shifted = Math.min(3, Math.max(0, base + (rng.chance(0.1) ? (rng.chance(0.5) ? -1 : 1) : 0)));
  return (['excellent', 'good', 'fair', 'poor'] as const)[shifted] as Assessment;
}

export interface CommunityReportsSeed {
  seed: number;
  today?: string;
  /** hours a member is expected to give in a year (the setting's default) */
  targetHours?: number;
}

export async function seedCommunityReports(tx: Transaction<DB> | Kysely<DB>, options: CommunityReportsSeed) {
  const today = options.today ?? shanghaiToday();
  const target = options.targetHours ?? 12;
  const rng = createRng(options.seed, 'community-reports');
  const year = Number(today.slice(0, 4));
  const communities = await tx
    .selectFrom('org')
    .innerJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.code', 'org.county_code', 'org.household_count'])
    .where('org.level', '=', 'village')
    .where('division.kind', '=', 'community')
    .orderBy('org.id')
    .execute();
  if (communities.length === 0) return { reports: 0, services: 0 };
  const picker = communityPicker(communities);
  const cityCounties = CITY_UNIT_COUNTIES.filter(([c]) => picker.has(c));
  const unitCounty = (county: string | null) =>
    county && picker.has(county)
      ? county
      : rng.weighted(
          cityCounties.map((c) => c[0]),
          cityCounties.map((c) => c[1]),
        );
  const units = await tx
    .selectFrom('org')
    .select(['id', 'category', 'county_code'])
    .where('level', '=', 'unit')
    .where('category', 'in', UNIT_CATEGORIES)
    .where('kind', 'in', ['branch', 'general_branch', 'joint_branch'])
    .orderBy('id')
    .execute();
  const members = await tx
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.id_number_masked', 'org.category', 'org.county_code'])
    .where('org.level', '=', 'unit')
    .where('org.category', 'in', UNIT_CATEGORIES)
    .where('member.occupation', '=', 'in_service')
    .orderBy('member.id')
    .execute();

  const reports: ReportRow[] = [];
  const services: ServiceRow[] = [];
  /** Adds a report and `count` services through its year; answers the hours given. */
  const serve = (r: ReportRow, count: number, hours: number[], content: () => string) => {
    const last = r.year < year ? `${r.year}-12-31` : today;
    const index = reports.length;
    reports.push(r);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const h = rng.pick(hours);
      total += h;
      services.push({
        report: index,
        county_code: r.county_code,
        served_on: day(rng, r.reported_on, last),
        hours: h,
        content: content(),
      });
    }
    return total;
  };
  const assessFor = (r: ReportRow, hours: number) => {
    if (r.year >= year || !rng.chance(0.97)) return;
    r.assessment = grade(rng, hours, r.reporter_kind === 'member' ? target : target * 2);
    r.assessed_on = day(rng, `${r.year}-12-10`, minDate(addDays(`${r.year}-12-31`, 15), today));
  };
  const fractionOf = (y: number, from: string) => {
    const end = y < year ? `${y}-12-31` : today;
    return Math.max(0, daysBetween(from, end)) / 365;
  };

  for (const m of members) {
    const category = m.category as UnitCategory;
    const idCounty = m.id_number_masked.slice(0, 6);
    const county =
      m.county_code && picker.has(m.county_code)
        ? m.county_code
        : picker.has(idCounty)
          ? idCounty
          : unitCounty(null);
    const home = picker.pick(rng, county);
    const engagement = rng.next();
    for (const y of [year - 1, year]) {
      if (home === null || !rng.chance(y < year ? 0.8 : 0.75)) continue;
      const last = y < year ? `${y}-12-31` : today;
      const reportedOn = reportDay(rng, y, last);
      if (!reportedOn) continue;
      const r: ReportRow = {
        community_org_id: home,
        county_code: county,
        reporter_kind: 'member',
        member_id: m.id,
        unit_org_id: null,
        year: y,
        reported_on: reportedOn,
        assessment: null,
        assessed_on: null,
      };
      const perYear = engagement < 0.12 ? 0 : engagement < 0.45 ? rng.int(1, 4) : rng.int(3, 9);
      const count = Math.round(perYear * Math.min(1, fractionOf(y, reportedOn) * 1.2));
      const hours = serve(r, count, HOURS, () =>
        rng.chance(0.2) ? MEMBER_SERVICES[category] : rng.pick(SERVICES),
      );
      assessFor(r, hours);
    }
  }
  for (const u of units) {
    const category = u.category as UnitCategory;
    const county = unitCounty(u.county_code);
    const paired = picker.pick(rng, county);
    for (const y of [year - 1, year]) {
      if (paired === null || !rng.chance(0.95)) continue;
      const reportedOn = reportDay(rng, y, y < year ? `${y}-12-31` : today);
      if (!reportedOn) continue;
      const r: ReportRow = {
        community_org_id: paired,
        county_code: county,
        reporter_kind: 'unit',
        member_id: null,
        unit_org_id: u.id,
        year: y,
        reported_on: reportedOn,
        assessment: null,
        assessed_on: null,
      };
      const count = Math.round(rng.int(4, 12) * Math.min(1, fractionOf(y, reportedOn) * 1.2));
      const hours = serve(r, count, UNIT_HOURS, () => rng.pick(UNIT_SERVICES[category]));
      assessFor(r, hours);
    }
  }

  const ids = await bulkInsert<ReportRow & { note: string }, 'id'>(
    tx,
    'community_report',
    [
      { name: 'community_org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'reporter_kind', type: 'text' },
      { name: 'member_id', type: 'int8' },
      { name: 'unit_org_id', type: 'int8' },
      { name: 'year', type: 'int4' },
      { name: 'reported_on', type: 'date' },
      { name: 'note', type: 'text' },
      { name: 'assessment', type: 'text' },
      { name: 'assessed_on', type: 'date' },
    ],
    reports.map((r) => ({ ...r, note: '演示数据 / demo' })),
    { returning: ['id'] },
  );
  const reportIds = ids.map((r) => Number(r.id));
  await bulkInsert(
    tx,
    'community_service',
    [
      { name: 'report_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'served_on', type: 'date' },
      { name: 'hours', type: 'float8' },
      { name: 'content', type: 'text' },
    ],
    services.map((s) => ({ ...s, report_id: reportIds[s.report] as number })),
  );
  return { reports: reports.length, services: services.length };
}
