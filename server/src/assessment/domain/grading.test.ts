import { describe, expect, test } from 'vitest';
import { ASSESSMENT_SETTINGS_DEFAULTS, type AssessmentSettings } from './assessment-settings.ts';
import { gradeCounty, scoreVillage } from './grading.ts';

const settings: AssessmentSettings = {
  ...ASSESSMENT_SETTINGS_DEFAULTS,
  sets: {
    ...ASSESSMENT_SETTINGS_DEFAULTS.sets,
    farming: [
      { indicator: 'org_life', weight: 40 },
      { indicator: 'case_satisfaction', weight: 30 },
      { indicator: 'village_publication', weight: 10 },
      { indicator: 'farmland_protection', weight: 20 },
    ],
  },
};

describe('one village', () => {
  test('computed figures are scored, the manual score taken, a missing figure shares its weight', () => {
    const figures: Record<string, { value: number | null }> = {
      org_life: { value: 0.85 }, // (0.85 − 0.4) / 0.6 = 75
      case_satisfaction: { value: 0.9 }, // (0.9 − 0.6) / 0.4 = 75
      village_publication: { value: null },
    };
    const r = scoreVillage(
      settings,
      'farming',
      (code) => {
        const f = figures[code];
        return f ? { ...f, numerator: null, denominator: null, note: '' } : null;
      },
      (code) => (code === 'farmland_protection' ? { score: 90, note: '复耕 120 亩' } : null),
    );
    // (40×75 + 30×75 + 20×90) / 90 = 7050 / 90 = 78.33
    expect(r.total).toBe(78.33);
    expect(r.weightUsed).toBe(90);
    expect(r.rows.map((x) => [x.indicator, x.score, x.contribution])).toEqual([
      ['org_life', 75, 33.33],
      ['case_satisfaction', 75, 25],
      ['village_publication', null, null],
      ['farmland_protection', 90, 20],
    ]);
    expect(r.rows[3]?.note).toBe('复耕 120 亩');
  });

  test('a manual indicator not yet scored says so and does not count', () => {
    const r = scoreVillage(
      settings,
      'farming',
      () => ({ value: 1, numerator: 1, denominator: 1, note: '' }),
      () => null,
    );
    expect(r.rows[3]?.score).toBeNull();
    expect(r.rows[3]?.note).toBe('镇（街）尚未评分，暂不计分');
    expect(r.total).toBe(100);
  });
});

describe('a county', () => {
  test('forced 3:5:2 inside each category, allowance by grade, lines per category', () => {
    const items = [
      ...[95, 90, 85, 80, 75, 70, 65, 60, 55, 50].map((total, i) => ({
        id: i + 1,
        category: 'farming',
        total,
      })),
      { id: 11, category: 'community', total: 70 },
      { id: 12, category: 'community', total: 60 },
    ];
    const { results, lines } = gradeCounty(items, settings);
    expect([1, 3, 4, 8, 9, 10].map((id) => results.get(id)?.grade)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(results.get(10)).toEqual({ id: 10, rank: 10, groupSize: 10, grade: 2, allowanceFen: -60_000 });
    expect(results.get(1)?.allowanceFen).toBe(220_000);
    // two communities: quotas 1 / 1 / 0
    expect([results.get(11)?.grade, results.get(12)?.grade]).toEqual([0, 1]);
    expect(lines).toEqual({ farming: [85, 60], community: [70, 60] });
  });

  test('thresholds across the county', () => {
    const t: AssessmentSettings = { ...settings, method: 'threshold', distributionGroup: 'county' };
    const { results, lines } = gradeCounty(
      [
        { id: 1, category: 'farming', total: 86 },
        { id: 2, category: 'community', total: 85 },
        { id: 3, category: 'farming', total: 69.99 },
      ],
      t,
    );
    expect([1, 2, 3].map((id) => [results.get(id)?.rank, results.get(id)?.grade])).toEqual([
      [1, 0],
      [2, 0],
      [3, 2],
    ]);
    expect(lines).toEqual({ county: [85, 70] });
  });
});
