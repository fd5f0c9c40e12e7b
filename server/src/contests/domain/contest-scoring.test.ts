import { describe, expect, test } from 'vitest';
import { CONTEST_SETTINGS_DEFAULTS, contestResults, judgeScore, promiseRate } from './contest-scoring.ts';

describe('judges', () => {
  test('below 5 judges: the plain mean', () => {
    expect(judgeScore([90, 80, 85], 5)).toBe(85);
    expect(judgeScore([90, 81], 5)).toBe(85.5);
  });
  test('from 5 judges: without one highest and one lowest', () => {
    // drop 99 and 70: (88 + 86 + 85) / 3 = 86.33
    expect(judgeScore([88, 99, 70, 86, 85], 5)).toBe(86.33);
  });
  test('no judge: no score', () => {
    expect(judgeScore([], 5)).toBeNull();
  });
});

describe('results', () => {
  test('80% judges and 20% audience, ranks and awards 1 / 2 / 3', () => {
    const r = contestResults(
      [
        { id: 1, judgeScores: [90, 92, 88], votes: 100 }, // 90 ×.8 + 100 ×.2 = 92
        { id: 2, judgeScores: [95, 95, 95], votes: 50 }, // 76 + 10 = 86
        { id: 3, judgeScores: [85, 85, 85], votes: 80 }, // 68 + 16 = 84
        { id: 4, judgeScores: [80, 80, 80], votes: 60 }, // 64 + 12 = 76
        { id: 5, judgeScores: [70, 70, 70], votes: 10 }, // 56 + 2 = 58
        { id: 6, judgeScores: [75, 75, 75], votes: 30 }, // 60 + 6 = 66
        { id: 7, judgeScores: [60, 60, 60], votes: 0 }, // 48
      ],
      CONTEST_SETTINGS_DEFAULTS,
    );
    expect(r.map((e) => [e.id, e.finalScore, e.rank, e.award])).toEqual([
      [1, 92, 1, 0],
      [2, 86, 2, 1],
      [3, 84, 3, 1],
      [4, 76, 4, 2],
      [6, 66, 5, 2],
      [5, 58, 6, 2],
      [7, 48, 7, null],
    ]);
  });
  test('ties share the rank and the award', () => {
    const r = contestResults(
      [
        { id: 1, judgeScores: [90], votes: 0 },
        { id: 2, judgeScores: [90], votes: 0 },
      ],
      CONTEST_SETTINGS_DEFAULTS,
    );
    // nobody voted: the judges alone count
    expect(r.map((e) => [e.id, e.finalScore, e.audienceScore, e.rank, e.award])).toEqual([
      [1, 90, null, 1, 0],
      [2, 90, null, 1, 0],
    ]);
  });
});

describe('promises kept', () => {
  test('met 1, partly ½, not met 0; pending does not count', () => {
    expect(promiseRate(['met', 'partly_met', 'not_met', 'pending'])).toEqual({
      kept: 1.5,
      judged: 3,
      rate: 0.5,
    });
    expect(promiseRate(['pending']).rate).toBeNull();
  });
});
