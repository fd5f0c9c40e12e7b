// 村集体经济 (collective economy), pure: the sources of a village collective's income (which count as
// operating income), the income thresholds Jiangmen counts villages by (RULES.md §11: 100,000 /
// 500,000 / 1,000,000 yuan, configurable), a year's accounts (operating, total, net, retained,
// distributed) and the growth over the year before. Amounts in fen.

export const ECONOMY_SETTINGS_KEY = 'collective_economy';

export interface IncomeSourceDef {
  code: string;
  name: { zh: string; en: string };
  /** Counts as 经营性收入 (operating income); subsidies and the like do not. */
  operating: boolean;
}

export interface EconomySettings {
  sources: IncomeSourceDef[];
  /** Yearly operating income thresholds, fen, rising. */
  thresholdsFen: number[];
}

export const ECONOMY_SETTINGS_DEFAULTS: EconomySettings = {
  sources: [
    { code: 'land_lease', name: { zh: '土地租赁', en: 'Land leases' }, operating: true },
    {
      code: 'property_lease',
      name: { zh: '物业资产出租', en: 'Property and asset leases' },
      operating: true,
    },
    {
      code: 'village_company',
      name: { zh: '强村公司分红', en: 'Village company dividends' },
      operating: true,
    },
    { code: 'workshop', name: { zh: '富民工坊收益', en: 'Workshop income' }, operating: true },
    { code: 'services', name: { zh: '经营服务收入', en: 'Operating services' }, operating: true },
    { code: 'investment', name: { zh: '投资收益', en: 'Investment returns' }, operating: true },
    { code: 'subsidy', name: { zh: '上级补助', en: 'Subsidies' }, operating: false },
    { code: 'other', name: { zh: '其他收入', en: 'Other income' }, operating: false },
  ],
  thresholdsFen: [10_000_000, 50_000_000, 100_000_000],
};

export interface YearAccount {
  /** source code → fen */
  incomes: Record<string, number>;
  expensesFen: number;
  distributedFen: number;
}

export interface AccountFigures {
  operatingFen: number;
  totalFen: number;
  netFen: number;
  distributedFen: number;
  retainedFen: number;
}

export function accountFigures(a: YearAccount, s: EconomySettings): AccountFigures {
  const operating = new Set(s.sources.filter((x) => x.operating).map((x) => x.code));
  let operatingFen = 0;
  let totalFen = 0;
  for (const [code, fen] of Object.entries(a.incomes)) {
    totalFen += fen;
    if (operating.has(code)) operatingFen += fen;
  }
  const netFen = totalFen - a.expensesFen;
  return {
    operatingFen,
    totalFen,
    netFen,
    distributedFen: a.distributedFen,
    retainedFen: netFen - a.distributedFen,
  };
}

/** Growth of the operating income over the year before (null when there is no year before or it was 0). */
export function growthOf(currentFen: number, previousFen: number | null): number | null {
  if (previousFen === null || previousFen <= 0) return null;
  return (currentFen - previousFen) / previousFen;
}

/** How many of the thresholds an operating income reaches (0 … thresholds.length). */
export function bandOf(operatingFen: number, thresholdsFen: readonly number[]): number {
  return thresholdsFen.filter((t) => operatingFen >= t).length;
}

/** "100万元" / "10万元": a threshold in the words a report uses. */
export function thresholdLabel(fen: number): string {
  const yuan = fen / 100;
  return yuan >= 10_000 && yuan % 10_000 === 0 ? `${yuan / 10_000}万元` : `${yuan.toLocaleString('zh-CN')}元`;
}

/** Yuan as typed in a form or a sheet ("1,234.5", 1234.5) → fen; null when it is not an amount. */
export function yuanToFen(text: string | number): number | null {
  const s = typeof text === 'number' ? String(text) : text.replace(/[,，\s]/g, '');
  if (s === '') return 0;
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
