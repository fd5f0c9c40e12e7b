import { describe, expect, test } from 'vitest';
import {
  accountFigures,
  bandOf,
  ECONOMY_SETTINGS_DEFAULTS,
  growthOf,
  thresholdLabel,
  yuanToFen,
} from './economy-rules.ts';

describe('a year’s accounts', () => {
  test('operating excludes subsidies; net, distributed and retained', () => {
    const f = accountFigures(
      {
        incomes: { land_lease: 60_000_000, village_company: 30_000_000, subsidy: 20_000_000 },
        expensesFen: 40_000_000,
        distributedFen: 25_000_000,
      },
      ECONOMY_SETTINGS_DEFAULTS,
    );
    expect(f).toEqual({
      operatingFen: 90_000_000,
      totalFen: 110_000_000,
      netFen: 70_000_000,
      distributedFen: 25_000_000,
      retainedFen: 45_000_000,
    });
  });
  test('growth and bands', () => {
    expect(growthOf(110, 100)).toBeCloseTo(0.1, 10);
    expect(growthOf(110, 0)).toBeNull();
    expect(growthOf(110, null)).toBeNull();
    const t = ECONOMY_SETTINGS_DEFAULTS.thresholdsFen;
    expect(bandOf(9_999_999, t)).toBe(0);
    expect(bandOf(10_000_000, t)).toBe(1);
    expect(bandOf(100_000_000, t)).toBe(3);
    expect(t.map(thresholdLabel)).toEqual(['10万元', '50万元', '100万元']);
  });
  test('yuan to fen without floating point', () => {
    expect(yuanToFen('1,234.5')).toBe(123_450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen(1_000_000)).toBe(100_000_000);
    expect(yuanToFen('')).toBe(0);
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('12.345')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });
});
