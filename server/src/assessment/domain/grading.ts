// One village's scores from its figures (its category's indicator set), and the grading of a county's
// villages: rank within the distribution group (the category, or the whole county), grade by forced
// distribution or thresholds, allowance by grade, and the score lines an appeal is graded against.
// Pure.
import type { AssessmentSettings, IndicatorDef } from './assessment-settings.ts';
import {
  contributionOf,
  forcedGrades,
  gradeLines,
  rankByScore,
  scoreOf,
  thresholdGrade,
  totalOf,
  yearlyAllowanceFen,
} from './scoring.ts';

export interface FigureIn {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string;
}

export interface IndicatorRow extends FigureIn {
  indicator: string;
  seq: number;
  weight: number;
  score: number | null;
  contribution: number | null;
}

/** A manual indicator's score as the town entered it (null: not entered yet). */
export interface ManualIn {
  score: number | null;
  note: string;
}

export function indicatorDef(settings: AssessmentSettings, code: string): IndicatorDef {
  const def = settings.indicators.find((i) => i.code === code);
  if (!def) throw new Error(`assessment: unknown indicator ${code}`);
  return def;
}

/**
 * The indicator rows and total of one village: a computed indicator scores its figure by the
 * indicator's scoring; a manual one takes the town's score; no figure, no score (its weight is shared).
 */
export function scoreVillage(
  settings: AssessmentSettings,
  category: string,
  figureOf: (indicator: string) => FigureIn | null,
  manualOf: (indicator: string) => ManualIn | null,
): { rows: IndicatorRow[]; total: number; weightUsed: number } {
  const set = settings.sets[category] ?? [];
  const rows: IndicatorRow[] = set.map((w, seq) => {
    const def = indicatorDef(settings, w.indicator);
    if (def.source === 'manual') {
      const m = manualOf(w.indicator);
      const score = m?.score ?? null;
      return {
        indicator: w.indicator,
        seq,
        weight: w.weight,
        value: score,
        numerator: null,
        denominator: null,
        note: m?.note || (score === null ? '镇（街）尚未评分，暂不计分' : ''),
        score,
        contribution: null,
      };
    }
    const f = figureOf(w.indicator) ?? { value: null, numerator: null, denominator: null, note: '无数据' };
    return {
      indicator: w.indicator,
      seq,
      weight: w.weight,
      ...f,
      score: scoreOf(def.scoring, f.value),
      contribution: null,
    };
  });
  const { total, weightUsed } = totalOf(rows);
  for (const r of rows) r.contribution = contributionOf(r.weight, r.score, weightUsed);
  return { rows, total, weightUsed };
}

export interface ToGrade {
  id: number;
  category: string;
  total: number;
}

export interface GradeResult {
  id: number;
  rank: number;
  groupSize: number;
  /** index into settings.grades */
  grade: number;
  allowanceFen: number;
}

export const groupKeyOf = (settings: AssessmentSettings, category: string) =>
  settings.distributionGroup === 'county' ? 'county' : category;

/** Ranks, grades and allowances of a county's villages, and each group's score lines. */
export function gradeCounty(
  items: readonly ToGrade[],
  settings: AssessmentSettings,
): { results: Map<number, GradeResult>; lines: Record<string, (number | null)[]> } {
  const groups = new Map<string, ToGrade[]>();
  for (const i of items) {
    const key = groupKeyOf(settings, i.category);
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  }
  const results = new Map<number, GradeResult>();
  const lines: Record<string, (number | null)[]> = {};
  const shares = settings.grades.map((g) => g.share);
  for (const [key, list] of groups) {
    const graded =
      settings.method === 'forced'
        ? forcedGrades(list, (x) => x.total, shares)
        : rankByScore(list, (x) => x.total).map((r) => ({
            ...r,
            grade: thresholdGrade(r.item.total, settings.grades),
          }));
    for (const g of graded) {
      const def = settings.grades[g.grade];
      results.set(g.item.id, {
        id: g.item.id,
        rank: g.rank,
        groupSize: list.length,
        grade: g.grade,
        allowanceFen: def ? yearlyAllowanceFen(def) : 0,
      });
    }
    lines[key] =
      settings.method === 'forced'
        ? gradeLines(
            graded.map((g) => ({ total: g.item.total, grade: g.grade })),
            settings.grades.length,
          )
        : settings.grades.slice(0, -1).map((g) => g.minScore);
  }
  return { results, lines };
}
