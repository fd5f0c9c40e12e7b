// 擂台赛 (contest) results, pure: each entry's judges' score (the mean, without the highest and the
// lowest once there are enough judges), its audience score (votes against the most votes, of 100),
// the weighted final score, the rank (ties share it) and the award by the configured counts.
import { rankByScore, round2 } from '../../assessment/domain/scoring.ts';

export const CONTEST_SETTINGS_KEY = 'contest';

export interface AwardDef {
  code: string;
  name: { zh: string; en: string };
  /** How many entries take this award (ties at the boundary all take it). */
  count: number;
}

export interface ContestSettings {
  judgeWeight: number;
  audienceWeight: number;
  /** From this many judges on, the highest and the lowest score are dropped (去掉一个最高分和一个最低分). */
  trimFrom: number;
  awards: AwardDef[];
}

export const CONTEST_SETTINGS_DEFAULTS: ContestSettings = {
  judgeWeight: 80,
  audienceWeight: 20,
  trimFrom: 5,
  awards: [
    { code: 'first', name: { zh: '一等奖', en: 'First prize' }, count: 1 },
    { code: 'second', name: { zh: '二等奖', en: 'Second prize' }, count: 2 },
    { code: 'third', name: { zh: '三等奖', en: 'Third prize' }, count: 3 },
  ],
};

/** The judges' score: the mean, trimmed of one highest and one lowest from `trimFrom` judges on. */
export function judgeScore(scores: readonly number[], trimFrom: number): number | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  const kept = sorted.length >= trimFrom ? sorted.slice(1, -1) : sorted;
  return round2(kept.reduce((t, s) => t + s, 0) / kept.length);
}

export interface EntryTally {
  id: number;
  judgeScores: readonly number[];
  votes: number;
}

export interface EntryResult {
  id: number;
  judgeScore: number | null;
  audienceScore: number | null;
  finalScore: number;
  rank: number;
  /** Index into the awards, or null. */
  award: number | null;
}

/**
 * Results of a contest. The audience score is votes / most votes × 100 (none when nobody voted, and
 * then the judges' weight alone counts); the final score weighs the two.
 */
export function contestResults(entries: readonly EntryTally[], s: ContestSettings): EntryResult[] {
  const most = Math.max(0, ...entries.map((e) => e.votes));
  const scored = entries.map((e) => {
    const judge = judgeScore(e.judgeScores, s.trimFrom);
    const audience = most > 0 ? round2((e.votes / most) * 100) : null;
    let sum = 0;
    let weight = 0;
    if (judge !== null) {
      sum += s.judgeWeight * judge;
      weight += s.judgeWeight;
    }
    if (audience !== null) {
      sum += s.audienceWeight * audience;
      weight += s.audienceWeight;
    }
    return { id: e.id, judge, audience, final: weight === 0 ? 0 : round2(sum / weight) };
  });
  const cumulative: number[] = [];
  s.awards.reduce((t, a, k) => {
    cumulative[k] = t + a.count;
    return t + a.count;
  }, 0);
  return rankByScore(scored, (x) => x.final).map(({ item, rank }) => {
    const k = cumulative.findIndex((c) => rank <= c);
    return {
      id: item.id,
      judgeScore: item.judge,
      audienceScore: item.audience,
      finalScore: item.final,
      rank,
      award: k < 0 ? null : k,
    };
  });
}

/** How far an entry's promises were kept: met 1, partly met ½, not met 0; pending goals do not count. */
export type GoalFollowup = 'pending' | 'met' | 'partly_met' | 'not_met';
export const FOLLOWUP_VALUE: Record<Exclude<GoalFollowup, 'pending'>, number> = {
  met: 1,
  partly_met: 0.5,
  not_met: 0,
};

export function promiseRate(followups: readonly GoalFollowup[]): {
  kept: number;
  judged: number;
  rate: number | null;
} {
  let kept = 0;
  let judged = 0;
  for (const f of followups) {
    if (f === 'pending') continue;
    kept += FOLLOWUP_VALUE[f];
    judged++;
  }
  return { kept, judged, rate: judged === 0 ? null : kept / judged };
}
