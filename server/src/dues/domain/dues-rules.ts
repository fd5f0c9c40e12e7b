// 党费 (RULES §4, in force since 2008-04-01): the rate table, versioned by the month it takes effect,
// each member's monthly amount from the declared base, arrears, and the six-month warning. Pure: all
// amounts are integers in fen, rates in basis points (1 bp = 0.01 %), never floating point.
// Rounding: amount = base × bp / 10000, rounded half up to the fen (the only division).

export type DuesCategory = 'in_service' | 'retired' | 'farmer' | 'student' | 'unemployed' | 'low_income';

/** A bracket: a base up to `upToFen` (inclusive; null = no limit) pays `bp` basis points of the base. */
export interface Bracket {
  upToFen: number | null;
  bp: number;
}

export interface RateTable {
  /** 在岗职工 (and other earners: gig workers, the self-employed) */
  inService: Bracket[];
  /** 离退休人员 */
  retired: Bracket[];
  /** fixed monthly amounts in fen: farmers 0.2–1 yuan, students, the unemployed, 低保 0.2 yuan */
  fixedFen: { farmer: number; student: number; unemployed: number; low_income: number };
}

export interface RateVersion {
  /** YYYY-MM: the first month the version applies to */
  effectiveMonth: string;
  rates: RateTable;
}

/** RULES §4 as of 2008-04. */
export const DEFAULT_RATES: RateTable = {
  inService: [
    { upToFen: 300_000, bp: 50 },
    { upToFen: 500_000, bp: 100 },
    { upToFen: 1_000_000, bp: 150 },
    { upToFen: null, bp: 200 },
  ],
  retired: [
    { upToFen: 500_000, bp: 50 },
    { upToFen: null, bp: 100 },
  ],
  fixedFen: { farmer: 20, student: 20, unemployed: 20, low_income: 20 },
};
export const DEFAULT_EFFECTIVE_MONTH = '2008-04';

/** Occupation codes of the member register → dues category. */
export function categoryOf(occupation: string): DuesCategory {
  switch (occupation) {
    case 'retired':
      return 'retired';
    case 'farmer':
      return 'farmer';
    case 'student':
      return 'student';
    case 'unemployed':
      return 'unemployed';
    case 'low_income':
      return 'low_income';
    default:
      return 'in_service';
  }
}

export const isMonth = (m: string) => /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(m);

export function addMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included (empty when from > to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonth(m, 1)) out.push(m);
  return out;
}

/** What is wrong with a rate table, or null: brackets ascending, last one open, bp 0–10000, fixed 0–100000. */
export function rateTableProblem(t: RateTable): string | null {
  for (const [name, brackets] of [
    ['inService', t.inService],
    ['retired', t.retired],
  ] as const) {
    if (brackets.length === 0) return `${name}: no bracket`;
    let prev = -1;
    for (const [i, b] of brackets.entries()) {
      if (!Number.isInteger(b.bp) || b.bp < 0 || b.bp > 10_000) return `${name}[${i}].bp`;
      const last = i === brackets.length - 1;
      if (last !== (b.upToFen === null)) return `${name}[${i}].upToFen`;
      if (b.upToFen !== null) {
        if (!Number.isInteger(b.upToFen) || b.upToFen <= prev) return `${name}[${i}].upToFen`;
        prev = b.upToFen;
      }
    }
  }
  for (const [k, v] of Object.entries(t.fixedFen))
    if (!Number.isInteger(v) || v < 0 || v > 100_000) return `fixedFen.${k}`;
  return null;
}

/** The version in force in `month` (versions in any order), or null before the first. */
export function versionFor<V extends RateVersion>(versions: readonly V[], month: string): V | null {
  let best: V | null = null;
  for (const v of versions)
    if (v.effectiveMonth <= month && (!best || v.effectiveMonth > best.effectiveMonth)) best = v;
  return best;
}

/** The rate in bp of a base, or null for the categories that pay a fixed amount. */
export function bracketBp(brackets: readonly Bracket[], baseFen: number): number {
  for (const b of brackets) if (b.upToFen === null || baseFen <= b.upToFen) return b.bp;
  return (brackets[brackets.length - 1] as Bracket).bp;
}

/** A month's dues in fen: rate × base rounded half up to the fen, or the category's fixed amount. */
export function monthlyDueFen(rates: RateTable, category: DuesCategory, baseFen: number): number {
  if (!Number.isInteger(baseFen) || baseFen < 0) throw new RangeError(`bad base ${baseFen}`);
  switch (category) {
    case 'in_service':
      return Math.floor((baseFen * bracketBp(rates.inService, baseFen) + 5_000) / 10_000);
    case 'retired':
      return Math.floor((baseFen * bracketBp(rates.retired, baseFen) + 5_000) / 10_000);
    default:
      return rates.fixedFen[category];
  }
}

export interface BaseDeclaration {
  /** first month the declared base applies to */
  fromMonth: string;
  baseFen: number;
}

/**
 * A member's due per month from `from` to `to`: the base declared last on or before the month, the
 * rate version in force in that month. Months before the first declaration owe nothing (null) —
 * except for the fixed-amount categories, which need no base.
 */
export function duesByMonth(
  versions: readonly RateVersion[],
  category: DuesCategory,
  bases: readonly BaseDeclaration[],
  from: string,
  to: string,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const fixed = category !== 'in_service' && category !== 'retired';
  for (const month of monthsBetween(from, to)) {
    const v = versionFor(versions, month);
    let base: BaseDeclaration | null = null;
    for (const b of bases) if (b.fromMonth <= month && (!base || b.fromMonth > base.fromMonth)) base = b;
    if (!v || (!base && !fixed)) out.set(month, null);
    else out.set(month, monthlyDueFen(v.rates, category, base?.baseFen ?? 0));
  }
  return out;
}

/** Months owed and their total: a month is unpaid when less than its due was paid. */
export function arrears(due: ReadonlyMap<string, number | null>, paid: ReadonlyMap<string, number>) {
  const months: string[] = [];
  let fen = 0;
  for (const [month, d] of due) {
    if (d === null || d === 0) continue;
    const p = paid.get(month) ?? 0;
    if (p < d) {
      months.push(month);
      fen += d - p;
    }
  }
  return { months, fen };
}

export const WARNING_MONTHS = 6;

/**
 * 连续6个月不交纳党费 / 不参加组织生活 (RULES §3): as of `month`, the window is the six completed
 * months before it. A member who joined after the window opened is not warned.
 */
export function sixMonthWarning(input: {
  month: string;
  joinedOn: string;
  paidMonths: ReadonlySet<string>;
  /** latest day the member was present at a counted meeting, or null */
  lastPresentOn: string | null;
}): { window: { from: string; to: string }; dues: boolean; orgLife: boolean } {
  const from = addMonth(input.month, -WARNING_MONTHS);
  const to = addMonth(input.month, -1);
  const window = { from, to };
  if (input.joinedOn.slice(0, 7) >= from) return { window, dues: false, orgLife: false };
  const dues = !monthsBetween(from, to).some((m) => input.paidMonths.has(m));
  const orgLife = input.lastPresentOn === null || input.lastPresentOn.slice(0, 7) < from;
  return { window, dues, orgLife };
}
