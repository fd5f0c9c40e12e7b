import { describe, expect, test } from 'vitest';
import {
  addMonth,
  arrears,
  DEFAULT_RATES,
  duesByMonth,
  monthlyDueFen,
  type RateVersion,
  rateTableProblem,
  sixMonthWarning,
  versionFor,
} from './dues-rules.ts';

describe('monthly amount per bracket (RULES §4)', () => {
  test.each([
    [300_000, 1_500], // 3,000 yuan × 0.5 % = 15 yuan
    [300_001, 3_000], // just above: 1 %
    [500_000, 5_000],
    [800_000, 12_000], // 1.5 %
    [1_000_000, 15_000],
    [1_234_567, 24_691], // 2 %, 24,691.34 fen → 24,691
    [123_457, 617], // 617.285 → 617
    [123_500, 618], // 617.5 → 618 (half up)
    [0, 0],
  ])('in service, base %i fen → %i fen', (base, due) => {
    expect(monthlyDueFen(DEFAULT_RATES, 'in_service', base)).toBe(due);
  });
  test('retirees 0.5 % up to 5,000 yuan, 1 % above; fixed amounts for the others', () => {
    expect(monthlyDueFen(DEFAULT_RATES, 'retired', 500_000)).toBe(2_500);
    expect(monthlyDueFen(DEFAULT_RATES, 'retired', 600_000)).toBe(6_000);
    expect(monthlyDueFen(DEFAULT_RATES, 'student', 999_999)).toBe(20);
    expect(monthlyDueFen(DEFAULT_RATES, 'farmer', 0)).toBe(20);
    expect(() => monthlyDueFen(DEFAULT_RATES, 'in_service', -1)).toThrow();
    expect(() => monthlyDueFen(DEFAULT_RATES, 'in_service', 1.5)).toThrow();
  });
  test('a table with brackets out of order or an open bracket in the middle is refused', () => {
    expect(rateTableProblem(DEFAULT_RATES)).toBeNull();
    const bad = {
      ...DEFAULT_RATES,
      inService: [
        { upToFen: null, bp: 50 },
        { upToFen: 100, bp: 10 },
      ],
    };
    expect(rateTableProblem(bad)).toMatch(/inService/);
    expect(rateTableProblem({ ...DEFAULT_RATES, retired: [] })).toMatch(/retired/);
  });
});

describe('versions, arrears, warnings', () => {
  const v2: RateTable2 = { ...DEFAULT_RATES, inService: [{ upToFen: null, bp: 100 }] };
  type RateTable2 = typeof DEFAULT_RATES;
  const versions: RateVersion[] = [
    { effectiveMonth: '2026-07', rates: v2 },
    { effectiveMonth: '2008-04', rates: DEFAULT_RATES },
  ];
  test('the version in force on a month applies from its month', () => {
    expect(versionFor(versions, '2026-06')?.effectiveMonth).toBe('2008-04');
    expect(versionFor(versions, '2026-07')?.effectiveMonth).toBe('2026-07');
    expect(versionFor(versions, '2008-03')).toBeNull();
    const due = duesByMonth(
      versions,
      'in_service',
      [{ fromMonth: '2026-05', baseFen: 800_000 }],
      '2026-04',
      '2026-08',
    );
    expect([...due.values()]).toEqual([null, 12_000, 12_000, 8_000, 8_000]);
  });
  test('arrears are the months paid less than due', () => {
    const due = new Map<string, number | null>([
      ['2026-01', null],
      ['2026-02', 1_000],
      ['2026-03', 1_000],
      ['2026-04', 1_000],
    ]);
    const paid = new Map([
      ['2026-02', 1_000],
      ['2026-03', 400],
    ]);
    expect(arrears(due, paid)).toEqual({ months: ['2026-03', '2026-04'], fen: 1_600 });
  });
  test('six months without dues or organizational life', () => {
    const base = {
      month: '2026-11',
      joinedOn: '2010-01-01',
      paidMonths: new Set<string>(),
      lastPresentOn: null,
    };
    expect(sixMonthWarning(base)).toEqual({
      window: { from: '2026-05', to: '2026-10' },
      dues: true,
      orgLife: true,
    });
    const paid = sixMonthWarning({ ...base, paidMonths: new Set(['2026-05']), lastPresentOn: '2026-05-20' });
    expect(paid).toMatchObject({ dues: false, orgLife: false });
    expect(sixMonthWarning({ ...base, lastPresentOn: '2026-04-30' }).orgLife).toBe(true);
    expect(sixMonthWarning({ ...base, joinedOn: '2026-06-01' })).toMatchObject({
      dues: false,
      orgLife: false,
    });
    expect(addMonth('2026-01', -1)).toBe('2025-12');
    expect(addMonth('2025-12', 1)).toBe('2026-01');
  });
});
