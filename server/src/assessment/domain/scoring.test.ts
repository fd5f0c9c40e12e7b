import { describe, expect, test } from 'vitest';
import {
  ASSESSMENT_SETTINGS_DEFAULTS,
  type AssessmentSettings,
  DEFAULT_GRADES,
  type Scoring,
  settingsProblems,
} from './assessment-settings.ts';
import {
  contributionOf,
  forcedGrades,
  gradeByLines,
  gradeLines,
  quotas,
  rankByScore,
  round2,
  scoreOf,
  thresholdGrade,
  totalOf,
  yearlyAllowanceFen,
} from './scoring.ts';

describe('a figure becomes a score', () => {
  test('linear: 0 at or below zero, 100 at or above full, in proportion between', () => {
    const s = { kind: 'linear', zero: 0.6, full: 1 } as const;
    expect(scoreOf(s, 0.5)).toBe(0);
    expect(scoreOf(s, 0.6)).toBe(0);
    expect(scoreOf(s, 0.8)).toBe(50);
    expect(scoreOf(s, 0.9)).toBe(75);
    expect(scoreOf(s, 1)).toBe(100);
    expect(scoreOf(s, 1.2)).toBe(100);
    expect(scoreOf(s, 0.7333)).toBe(33.33);
    expect(scoreOf(s, null)).toBeNull();
  });
  test('linear growth from −10% to +15%', () => {
    const s = { kind: 'linear', zero: -0.1, full: 0.15 } as const;
    expect(scoreOf(s, -0.2)).toBe(0);
    expect(scoreOf(s, 0)).toBe(40);
    expect(scoreOf(s, 0.05)).toBe(60);
    expect(scoreOf(s, 0.15)).toBe(100);
  });
  test('steps: the highest step reached', () => {
    const s: Scoring = {
      kind: 'steps',
      below: 20,
      steps: [
        { min: 100_000, score: 50 },
        { min: 500_000, score: 75 },
        { min: 1_000_000, score: 100 },
      ],
    };
    expect(scoreOf(s, 0)).toBe(20);
    expect(scoreOf(s, 99_999.99)).toBe(20);
    expect(scoreOf(s, 100_000)).toBe(50);
    expect(scoreOf(s, 999_999)).toBe(75);
    expect(scoreOf(s, 6_000_000)).toBe(100);
  });
  test('rounding is half away from zero at 2 decimals', () => {
    expect(round2(87.345)).toBe(87.35);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-2.675)).toBe(-2.68);
    expect(round2(33.333333)).toBe(33.33);
  });
});

describe('weighted total', () => {
  test('Σ weight × score / Σ weight', () => {
    expect(
      totalOf([
        { weight: 60, score: 80 },
        { weight: 40, score: 100 },
      ]),
    ).toEqual({ total: 88, weightUsed: 100 });
  });
  test('an indicator without data shares its weight with the others in proportion', () => {
    const r = totalOf([
      { weight: 50, score: 90 },
      { weight: 30, score: 60 },
      { weight: 20, score: null },
    ]);
    // (50×90 + 30×60) / 80 = 6300 / 80 = 78.75
    expect(r).toEqual({ total: 78.75, weightUsed: 80 });
    expect(contributionOf(50, 90, r.weightUsed)).toBe(56.25);
    expect(contributionOf(30, 60, r.weightUsed)).toBe(22.5);
    expect(contributionOf(20, null, r.weightUsed)).toBeNull();
  });
  test('no data at all gives 0', () => {
    expect(totalOf([{ weight: 100, score: null }])).toEqual({ total: 0, weightUsed: 0 });
  });
});

describe('ranks', () => {
  test('competition ranking: equal scores share the rank and the next rank skips', () => {
    const r = rankByScore(
      [
        { id: 'a', s: 80 },
        { id: 'b', s: 95 },
        { id: 'c', s: 80 },
        { id: 'd', s: 70 },
      ],
      (x) => x.s,
    );
    expect(r.map((x) => [x.item.id, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});

describe('forced distribution', () => {
  test('quotas by the largest remainder add up to n', () => {
    expect(quotas(10, [3, 5, 2])).toEqual([3, 5, 2]);
    expect(quotas(7, [3, 5, 2])).toEqual([2, 4, 1]); // 2.1, 3.5, 1.4
    expect(quotas(1, [3, 5, 2])).toEqual([0, 1, 0]);
    expect(quotas(2, [3, 5, 2])).toEqual([1, 1, 0]); // 0.6, 1.0, 0.4
    expect(quotas(3, [3, 5, 2])).toEqual([1, 1, 1]); // 0.9, 1.5, 0.6: the leftover two go to .9 and .6
    expect(quotas(4, [3, 5, 2])).toEqual([1, 2, 1]); // 1.2, 2.0, 0.8
    expect(quotas(5, [1, 1, 1])).toEqual([2, 2, 1]); // equal fractions: the better grade first
    expect(quotas(63, [3, 5, 2])).toEqual([19, 31, 13]); // 18.9, 31.5, 12.6: the two left to .9 and .6
    expect(quotas(0, [3, 5, 2])).toEqual([0, 0, 0]);
    expect(quotas(5, [0, 1, 0])).toEqual([0, 5, 0]);
  });

  const scores = (list: number[]) => list.map((s, i) => ({ id: i + 1, s }));
  const grades = (list: number[]) =>
    forcedGrades(scores(list), (x) => x.s, [3, 5, 2])
      .sort((a, b) => a.item.id - b.item.id)
      .map((g) => g.grade);

  test('10 secretaries in 3:5:2', () => {
    expect(grades([91, 90, 89, 88, 87, 86, 85, 84, 83, 82])).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 2, 2]);
  });

  test('a tie across the first boundary: both get the better grade, the middle grade shrinks', () => {
    // ranks 1 2 3 3 5 …: the 3rd and 4th tie at 89 → both grade 1; the cumulative line of grade 2 stays at 8
    expect(grades([91, 90, 89, 89, 87, 86, 85, 84, 83, 82])).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
  });

  test('a tie across the second boundary: both stay in grade 2', () => {
    expect(grades([91, 90, 89, 88, 87, 86, 85, 84, 84, 82])).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 2]);
  });

  test('everyone tied: everyone the best grade', () => {
    expect(grades([80, 80, 80, 80])).toEqual([0, 0, 0, 0]);
  });

  test('ranks come with the grades', () => {
    const r = forcedGrades(scores([70, 90, 80]), (x) => x.s, [3, 5, 2]);
    expect(r.map((g) => [g.item.s, g.rank, g.grade])).toEqual([
      [90, 1, 0],
      [80, 2, 1],
      [70, 3, 2],
    ]);
  });
});

describe('thresholds, score lines and allowance', () => {
  test('the first grade whose minimum the score reaches', () => {
    expect(thresholdGrade(85, DEFAULT_GRADES)).toBe(0);
    expect(thresholdGrade(84.99, DEFAULT_GRADES)).toBe(1);
    expect(thresholdGrade(70, DEFAULT_GRADES)).toBe(1);
    expect(thresholdGrade(69.99, DEFAULT_GRADES)).toBe(2);
  });

  test('an appeal’s corrected total is graded against the group’s score lines', () => {
    const graded = [
      { total: 91, grade: 0 },
      { total: 88.5, grade: 0 },
      { total: 80, grade: 1 },
      { total: 75.25, grade: 1 },
      { total: 60, grade: 2 },
    ];
    const lines = gradeLines(graded, 3);
    expect(lines).toEqual([88.5, 75.25]);
    expect(gradeByLines(88.5, lines)).toBe(0);
    expect(gradeByLines(88.49, lines)).toBe(1);
    expect(gradeByLines(75.25, lines)).toBe(1);
    expect(gradeByLines(70, lines)).toBe(2);
    expect(gradeByLines(95, [null, 70])).toBe(1); // nobody in grade 1: its line is open to none
  });

  test('allowance over the year: bonus plus 12 months', () => {
    expect(yearlyAllowanceFen(DEFAULT_GRADES[0] as (typeof DEFAULT_GRADES)[0])).toBe(220_000);
    expect(yearlyAllowanceFen(DEFAULT_GRADES[2] as (typeof DEFAULT_GRADES)[0])).toBe(-60_000);
  });
});

describe('settings', () => {
  test('the defaults are valid', () => {
    expect(settingsProblems(ASSESSMENT_SETTINGS_DEFAULTS)).toEqual([]);
  });
  test('weights not adding to 100, unknown indicators and rising thresholds are named', () => {
    const s: AssessmentSettings = structuredClone(ASSESSMENT_SETTINGS_DEFAULTS);
    (s.sets.farming ?? [])[0] = { indicator: 'org_life', weight: 20 };
    s.sets.community?.push({ indicator: 'nonexistent', weight: 1 });
    s.method = 'threshold';
    (s.grades[1] as (typeof s.grades)[1]).minScore = 90;
    const fields = settingsProblems(s).map((p) => p.field);
    expect(fields).toContain('sets.farming');
    expect(fields).toContain('sets.community');
    expect(fields).toContain('grades.second.minScore');
    expect(settingsProblems(s).find((p) => p.field === 'sets.farming')?.zh).toBe(
      '村类别「纯农村」的权重合计为 105，须为 100',
    );
  });
});
