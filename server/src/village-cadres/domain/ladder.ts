// The career ladder of community workers and full-time grid workers (岗位等级序列, e.g. 三岗十八级),
// pure: the overall level of a post and grade, and whether a worker may move up one grade today.
import { addYears } from '../../recruitment/domain/dates.ts';
import type { CadreSettings, LadderTier } from './cadre-settings.ts';

/** Level 1 … N across the ladder: the lowest tier's first grade is 1 (三岗一级), the top tier's last is N. */
export function overallLevel(tiers: readonly LadderTier[], tier: number, grade: number): number {
  const below = tiers.filter((t) => t.tier > tier).reduce((s, t) => s + t.grades, 0);
  return below + grade;
}

export interface WorkerFacts {
  tier: number;
  grade: number;
  gradeSince: string;
  /** training hours recorded since gradeSince */
  hoursSince: number;
  /** the latest yearly assessment result, if any */
  lastAssessment: string | null;
}

export interface PromotionCheck {
  eligible: boolean;
  next: { tier: number; grade: number } | null;
  /** from this day the years in grade are enough */
  yearsMetOn: string;
  reasons: { code: string; zh: string; en: string }[];
}

/** Whether the worker may move up one grade within the post today, and if not, why. */
export function promotionCheck(
  w: WorkerFacts,
  ladder: CadreSettings['ladder'],
  today: string,
): PromotionCheck {
  const tier = ladder.tiers.find((t) => t.tier === w.tier);
  const reasons: PromotionCheck['reasons'] = [];
  const yearsMetOn = addYears(w.gradeSince, ladder.yearsPerGrade);
  if (!tier)
    return {
      eligible: false,
      next: null,
      yearsMetOn,
      reasons: [{ code: 'LADDER_TIER_UNKNOWN', zh: `没有第 ${w.tier} 岗。`, en: `No post tier ${w.tier}.` }],
    };
  if (w.grade >= tier.grades)
    reasons.push({
      code: 'LADDER_TOP_OF_POST',
      zh: `已是${tier.zh}最高等级（${tier.grades} 级）：晋升上一岗须经选任或聘任。`,
      en: `Already at the top grade of ${tier.en}: moving up a post needs an appointment.`,
    });
  if (today < yearsMetOn)
    reasons.push({
      code: 'LADDER_YEARS_IN_GRADE',
      zh: `本等级任职满 ${ladder.yearsPerGrade} 年方可晋级：${w.gradeSince} 起，${yearsMetOn} 满。`,
      en: `${ladder.yearsPerGrade} years in the grade are needed: since ${w.gradeSince}, met on ${yearsMetOn}.`,
    });
  if (w.hoursSince < ladder.trainingHoursPerGrade)
    reasons.push({
      code: 'LADDER_TRAINING_HOURS',
      zh: `晋级须参加培训不少于 ${ladder.trainingHoursPerGrade} 学时，现有 ${w.hoursSince} 学时。`,
      en: `${ladder.trainingHoursPerGrade} training hours are needed; ${w.hoursSince} recorded.`,
    });
  if (!w.lastAssessment || !ladder.assessmentsThatQualify.includes(w.lastAssessment))
    reasons.push({
      code: 'LADDER_ASSESSMENT',
      zh: '最近一次年度考核须为称职及以上。',
      en: 'The latest yearly assessment must be competent or better.',
    });
  return {
    eligible: reasons.length === 0,
    next: w.grade < tier.grades ? { tier: w.tier, grade: w.grade + 1 } : null,
    yearsMetOn,
    reasons,
  };
}
