// The arithmetic of 分级分档, pure and exact: a figure becomes a 0–100 score, the weighted scores a
// total, the totals ranks (ties share a rank), and ranks grades — by forced distribution (quotas by
// the largest remainder; secretaries tied at a boundary all get the better grade) or by score
// thresholds. Scores are kept to 2 decimals, so equal totals are equal exactly.
import type { GradeDef, Scoring } from './assessment-settings.ts';

/** Rounds half away from zero to 2 decimals (87.345 → 87.35), free of binary drift. */
export function round2(x: number): number {
  const r = Math.round(Math.abs(x) * 100 + 1e-9) / 100;
  return x < 0 ? -r : r;
}

/** The 0–100 score of a figure (null: no data, so no score). */
export function scoreOf(scoring: Scoring, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (scoring.kind === 'steps') {
    let score = scoring.below;
    for (const s of scoring.steps) if (value >= s.min) score = s.score;
    return round2(score);
  }
  const { zero, full } = scoring;
  const t = (value - zero) / (full - zero);
  return round2(Math.min(1, Math.max(0, t)) * 100);
}

export interface WeightedScore {
  weight: number;
  score: number | null;
}

/**
 * The total of 100: Σ weight × score / Σ weight over the indicators that have a score. An indicator
 * without data (null) does not count, and its weight is shared in proportion by the others; with no
 * data at all the total is 0. `weightUsed` is the weight that counted.
 */
export function totalOf(items: readonly WeightedScore[]): { total: number; weightUsed: number } {
  let sum = 0;
  let used = 0;
  for (const i of items) {
    if (i.score === null) continue;
    sum += i.weight * i.score;
    used += i.weight;
  }
  return { total: used === 0 ? 0 : round2(sum / used), weightUsed: round2(used) };
}

/** The points an indicator adds to the total: weight × score / weight used (2 decimals). */
export function contributionOf(weight: number, score: number | null, weightUsed: number): number | null {
  if (score === null || weightUsed === 0) return null;
  return round2((weight * score) / weightUsed);
}

export interface Ranked<T> {
  item: T;
  /** 1 + the number of strictly higher scores (1, 2, 2, 4 …). */
  rank: number;
}

/** Competition ranking by score, highest first; equal scores share the rank. Stable by input order. */
export function rankByScore<T>(items: readonly T[], score: (t: T) => number): Ranked<T>[] {
  const sorted = items.map((item, i) => ({ item, i, s: score(item) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const out: Ranked<T>[] = [];
  sorted.forEach((e, k) => {
    const prev = sorted[k - 1];
    const rank = prev && prev.s === e.s ? (out[k - 1] as Ranked<T>).rank : k + 1;
    out.push({ item: e.item, rank });
  });
  return out;
}

/**
 * How many of `n` each grade takes under the shares (e.g. 3:5:2): each grade its whole part of
 * n × share / Σ shares, the places left over to the largest fractions (an equal fraction: the better
 * grade first). The quotas add up to n.
 */
export function quotas(n: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((t, s) => t + s, 0);
  if (n <= 0 || sum <= 0) return shares.map(() => 0);
  // integer arithmetic: exact = n × share / sum, compared through remainders of n × share mod sum
  const base = shares.map((s) => Math.floor((n * s) / sum));
  let left = n - base.reduce((t, q) => t + q, 0);
  const order = shares
    .map((s, g) => ({ g, rem: (n * s) % sum }))
    .filter((x) => (shares[x.g] ?? 0) > 0)
    .sort((a, b) => b.rem - a.rem || a.g - b.g);
  for (const { g } of order) {
    if (left === 0) break;
    base[g] = (base[g] as number) + 1;
    left--;
  }
  return base;
}

export interface Graded<T> {
  item: T;
  rank: number;
  /** Index into the grades, 0 = best. */
  grade: number;
}

/**
 * Forced distribution of one group: rank by score, then a secretary of rank r takes the best grade g
 * whose cumulative quota reaches r. Tied secretaries share the smallest rank, so a tie across a
 * boundary all get the better grade (and the grade below shrinks by as many).
 */
export function forcedGrades<T>(
  items: readonly T[],
  score: (t: T) => number,
  shares: readonly number[],
): Graded<T>[] {
  const q = quotas(items.length, shares);
  const cumulative: number[] = [];
  q.reduce((t, x, g) => {
    cumulative[g] = t + x;
    return t + x;
  }, 0);
  return rankByScore(items, score).map(({ item, rank }) => {
    let grade = cumulative.findIndex((c) => rank <= c);
    if (grade < 0) grade = shares.length - 1;
    return { item, rank, grade };
  });
}

/** Threshold grading: the first grade whose minimum the score reaches; the last grade otherwise. */
export function thresholdGrade(score: number, grades: readonly Pick<GradeDef, 'minScore'>[]): number {
  for (let g = 0; g < grades.length - 1; g++) {
    const min = grades[g]?.minScore;
    if (min !== null && min !== undefined && score >= min) return g;
  }
  return grades.length - 1;
}

/**
 * The score lines of a graded group: for each grade but the last, the lowest total that received it
 * (null when nobody did). An appeal's corrected total is graded against them.
 */
export function gradeLines(
  graded: readonly { total: number; grade: number }[],
  gradeCount: number,
): (number | null)[] {
  const lines: (number | null)[] = [];
  for (let g = 0; g < gradeCount - 1; g++) {
    const totals = graded.filter((x) => x.grade === g).map((x) => x.total);
    lines.push(totals.length ? Math.min(...totals) : null);
  }
  return lines;
}

/** The grade a total reaches against score lines (the first line it meets; the last grade otherwise). */
export function gradeByLines(total: number, lines: readonly (number | null)[]): number {
  for (let g = 0; g < lines.length; g++) {
    const line = lines[g];
    if (line !== null && line !== undefined && total >= line) return g;
  }
  return lines.length;
}

/** The allowance a grade brings over the following year (fen): the annual bonus and 12 monthly amounts. */
export function yearlyAllowanceFen(grade: Pick<GradeDef, 'annualBonusFen' | 'monthlyFen'>): number {
  return grade.annualBonusFen + 12 * grade.monthlyFen;
}
