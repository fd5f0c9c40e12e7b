// 村集体经济 incomes: each village's year by source with operating, total, net, distributed and retained
// income and the growth over the year before; the villages counted by income threshold (10万 / 50万 /
// 100万元, configurable) per county or town of the scope; one village-year entered by its town, its
// county or the city (audited, with the figures before).
import { villagesUnder } from '../assessment/village.repository.ts';
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { forbidden, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  accountFigures,
  bandOf,
  ECONOMY_SETTINGS_DEFAULTS,
  ECONOMY_SETTINGS_KEY,
  type EconomySettings,
  growthOf,
  thresholdLabel,
} from './domain/economy-rules.ts';
import {
  accounts,
  incomeLines,
  orgNames,
  saveYears,
  storedYears,
  type VillageYearRow,
} from './income.repository.ts';

export const readEconomySettings = (db: Db) =>
  readSetting(db, ECONOMY_SETTINGS_KEY, ECONOMY_SETTINGS_DEFAULTS);

export function settingsView(s: EconomySettings) {
  return {
    sources: s.sources,
    thresholds: s.thresholdsFen.map((fen) => ({ fen, label: thresholdLabel(fen) })),
  };
}

export interface IncomeQuery {
  year: number;
  orgId?: number | undefined;
  townId?: number | undefined;
  /** operating income reaches at least this many thresholds */
  band?: number | undefined;
  q?: string | undefined;
  sort?: 'operating' | 'growth' | 'code' | undefined;
  page: number;
  pageSize: number;
}

const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

/** Every village's year under a scope, with figures (the list, the Excel export and the counts share it). */
export async function villageYears(db: Db, actor: Actor, scopeOrgId: number, year: number) {
  requirePermission(actor, 'assessment:read');
  const scope = await verifyOrg(db, actor, scopeOrgId);
  const [villages, lines, accs, settings] = await Promise.all([
    villagesUnder(db, actor, scope.path),
    incomeLines(db, actor, scope.path, [year - 1, year]),
    accounts(db, actor, scope.path, [year]),
    readEconomySettings(db),
  ]);
  const linesOf = new Map<string, Record<string, number>>();
  for (const l of lines) {
    const key = `${l.org_id}:${l.year}`;
    const m = linesOf.get(key) ?? {};
    m[l.source] = Number(l.amount_fen);
    linesOf.set(key, m);
  }
  const accOf = new Map(accs.map((a) => [Number(a.org_id), a]));
  const rows = villages.map((v) => {
    const incomes = linesOf.get(`${v.id}:${year}`) ?? null;
    const prev = linesOf.get(`${v.id}:${year - 1}`) ?? null;
    const acc = accOf.get(v.id);
    const f = incomes
      ? accountFigures(
          {
            incomes,
            expensesFen: Number(acc?.expenses_fen ?? 0),
            distributedFen: Number(acc?.distributed_fen ?? 0),
          },
          settings,
        )
      : null;
    const prevOperating = prev
      ? accountFigures({ incomes: prev, expensesFen: 0, distributedFen: 0 }, settings).operatingFen
      : null;
    return {
      village: v,
      reported: incomes !== null,
      incomes: incomes ?? {},
      figures: f,
      previousOperatingFen: prevOperating,
      growth: f ? growthOf(f.operatingFen, prevOperating) : null,
      band: f ? bandOf(f.operatingFen, settings.thresholdsFen) : 0,
      note: acc?.note ?? '',
    };
  });
  return { scope, settings, rows };
}

export async function incomeBoard(db: Db, actor: Actor, query: IncomeQuery) {
  const { scope, settings, rows } = await villageYears(
    db,
    actor,
    query.orgId ?? actor.scopeOrgId,
    query.year,
  );
  const text = query.q?.trim();
  const listed = rows
    .filter((r) => !query.townId || r.village.townId === query.townId)
    .filter((r) => query.band === undefined || r.band >= query.band)
    .filter((r) => !text || r.village.name.includes(text) || r.village.code.startsWith(text))
    .sort((a, b) =>
      query.sort === 'code'
        ? a.village.code.localeCompare(b.village.code)
        : query.sort === 'growth'
          ? (b.growth ?? -9) - (a.growth ?? -9)
          : (b.figures?.operatingFen ?? -1) - (a.figures?.operatingFen ?? -1),
    );
  // villages (村, not 社区) counted by threshold, per child of the scope
  const counted = rows.filter((r) => r.village.divisionKind === 'village');
  const depth = idsOf(scope.path).length;
  const childOf = (path: string) => idsOf(path)[depth];
  const children = new Map<
    number,
    { villages: number; reported: number; bands: number[]; operatingFen: number }
  >();
  const totals = {
    villages: 0,
    reported: 0,
    bands: settings.thresholdsFen.map(() => 0),
    operatingFen: 0,
    totalFen: 0,
    netFen: 0,
    distributedFen: 0,
    retainedFen: 0,
  };
  for (const r of counted) {
    totals.villages++;
    const id = childOf(r.village.path);
    const c =
      id === undefined
        ? null
        : (children.get(id) ?? {
            villages: 0,
            reported: 0,
            bands: settings.thresholdsFen.map(() => 0),
            operatingFen: 0,
          });
    if (c) c.villages++;
    if (r.figures) {
      totals.reported++;
      totals.operatingFen += r.figures.operatingFen;
      totals.totalFen += r.figures.totalFen;
      totals.netFen += r.figures.netFen;
      totals.distributedFen += r.figures.distributedFen;
      totals.retainedFen += r.figures.retainedFen;
      for (let k = 0; k < r.band; k++) totals.bands[k] = (totals.bands[k] ?? 0) + 1;
      if (c) {
        c.reported++;
        c.operatingFen += r.figures.operatingFen;
        for (let k = 0; k < r.band; k++) c.bands[k] = (c.bands[k] ?? 0) + 1;
      }
    }
    if (c && id !== undefined) children.set(id, c);
  }
  const names = await orgNames(db, actor, [...children.keys()]);
  return {
    year: query.year,
    scope: { id: scope.id, name: scope.name, level: scope.level },
    ...settingsView(settings),
    totals,
    children:
      depth < 4
        ? names.map((o) => ({
            org: { id: Number(o.id), name: o.name, level: o.level },
            ...(children.get(Number(o.id)) as {
              villages: number;
              reported: number;
              bands: number[];
              operatingFen: number;
            }),
          }))
        : [],
    total: listed.length,
    page: query.page,
    pageSize: query.pageSize,
    items: listed.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((r) => ({
      org: {
        id: r.village.id,
        code: r.village.code,
        name: r.village.name,
        townId: r.village.townId,
        divisionKind: r.village.divisionKind,
      },
      reported: r.reported,
      incomes: r.incomes,
      ...(r.figures ?? { operatingFen: 0, totalFen: 0, netFen: 0, distributedFen: 0, retainedFen: 0 }),
      expensesFen: r.figures ? r.figures.totalFen - r.figures.netFen : 0,
      previousOperatingFen: r.previousOperatingFen,
      growth: r.growth,
      band: r.band,
      note: r.note,
    })),
  };
}

export interface IncomeInput {
  orgId: number;
  year: number;
  incomes: Record<string, number>;
  expensesFen: number;
  distributedFen: number;
  note?: string | undefined;
}

const economyError = {
  level: () =>
    forbidden(
      'ECONOMY_ENTRY_LEVEL',
      '村集体收入由镇（街）、县或市填报和导入。',
      'Collective incomes are entered by the town, the county or the city.',
    ),
  source: (code: string) =>
    unprocessable(
      'ECONOMY_SOURCE_UNKNOWN',
      `收入来源 ${code} 不在设置中。`,
      `Unknown income source ${code}.`,
      {
        field: `incomes.${code}`,
      },
    ),
  year: (year: number, current: number) =>
    unprocessable(
      'ECONOMY_YEAR_FUTURE',
      `${year} 年还没有到，只能填报 ${current} 年及以前。`,
      `${year} is in the future.`,
      {
        field: 'year',
      },
    ),
  notVillage: (name: string) =>
    unprocessable(
      'ECONOMY_NOT_VILLAGE',
      `${name} 不是村（社区）党组织。`,
      `${name} is not a village or community.`,
      {
        field: 'orgId',
      },
    ),
  distribution: (distributed: number, net: number) =>
    unprocessable(
      'ECONOMY_DISTRIBUTION_OVER_NET',
      `分配给村民的 ${distributed / 100} 元超过了当年净收入 ${net / 100} 元。`,
      `The distribution (${distributed / 100} yuan) exceeds the year’s net income (${net / 100} yuan).`,
      { field: 'distributedFen' },
    ),
};

export { economyError };

/** A village-year's figures checked against the settings: the problem, or null. */
export function incomeProblem(
  input: Omit<IncomeInput, 'orgId'>,
  s: EconomySettings,
  today = shanghaiToday(),
) {
  const current = Number(today.slice(0, 4));
  if (input.year > current) return economyError.year(input.year, current);
  const known = new Set(s.sources.map((x) => x.code));
  for (const code of Object.keys(input.incomes)) if (!known.has(code)) return economyError.source(code);
  const f = accountFigures(input, s);
  if (input.distributedFen > Math.max(0, f.netFen))
    return economyError.distribution(input.distributedFen, f.netFen);
  return null;
}

/** One village-year as stored (its lines by source, expenses, distributed, note), for the entry form. */
export async function villageYear(db: Db, actor: Actor, orgId: number, year: number) {
  requirePermission(actor, 'assessment:read');
  const org = await verifyOrg(db, actor, orgId);
  if (org.level !== 'village') throw economyError.notVillage(org.name);
  const [lines, accs] = await Promise.all([
    incomeLines(db, actor, org.path, [year]),
    accounts(db, actor, org.path, [year]),
  ]);
  const mine = lines.filter((l) => Number(l.org_id) === org.id);
  const acc = accs.find((a) => Number(a.org_id) === org.id);
  return {
    org: { id: org.id, name: org.name },
    year,
    reported: mine.length > 0 || acc !== undefined,
    incomes: Object.fromEntries(mine.map((l) => [l.source, Number(l.amount_fen)])),
    expensesFen: Number(acc?.expenses_fen ?? 0),
    distributedFen: Number(acc?.distributed_fen ?? 0),
    note: acc?.note ?? '',
  };
}

export async function saveIncome(db: Db, write: Write, actor: Actor, input: IncomeInput) {
  requirePermission(actor, 'assessment:manage');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (!['town', 'county', 'city'].includes(me.level)) throw economyError.level();
  const org = await verifyOrg(db, actor, input.orgId);
  if (org.level !== 'village') throw economyError.notVillage(org.name);
  const settings = await readEconomySettings(db);
  const problem = incomeProblem(input, settings);
  if (problem) throw problem;
  const row: VillageYearRow = {
    orgId: org.id,
    countyCode: org.county_code ?? org.code.slice(0, 6),
    year: input.year,
    incomes: input.incomes,
    expensesFen: input.expensesFen,
    distributedFen: input.distributedFen,
    note: input.note?.trim() ?? '',
  };
  return write(async (trx, audit) => {
    const [before] = await storedYears(trx, [{ orgId: org.id, year: input.year }]);
    await saveYears(trx, [row], actor.accountId);
    await audit({
      action: 'collective_economy.income',
      targetType: 'org',
      targetId: org.id,
      countyCode: row.countyCode,
      before,
      after: {
        year: row.year,
        incomes: row.incomes,
        expensesFen: row.expensesFen,
        distributedFen: row.distributedFen,
      },
    });
    return { orgId: org.id, year: input.year, ...accountFigures(row, settings) };
  });
}
