import { describe, expect, test } from 'vitest';
import {
  addCounts,
  type CaseFacts,
  computeMetrics,
  hotlineScore,
  type MetricCounts,
  rate,
  tallyCases,
  ZERO_COUNTS,
} from './metrics.ts';

const H = 3_600_000;

describe('rates', () => {
  test('a zero denominator gives null, not 0 or NaN', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 4)).toBe(0.75);
    expect(() => rate(-1, 4)).toThrow(RangeError);
  });

  test('no cases at all: every figure is null', () => {
    expect(computeMetrics(ZERO_COUNTS)).toEqual({
      closeRate: null,
      onTimeCloseRate: null,
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      onTimeHandlingRate: null,
      reworkRate: null,
      averageCloseMs: null,
      hotlineScore: null,
    });
  });

  test('exact figures from counts', () => {
    const counts: MetricCounts = {
      dueToClose: 200,
      closed: 180,
      closedOnTime: 150,
      resolved: 160,
      received: 250,
      respondedInTime: 225,
      handled: 190,
      handledOnTime: 171,
      reworked: 19,
      evaluated: 100,
      satisfied: 80,
      basicallySatisfied: 15,
      closeMsTotal: 180 * 30 * H,
    };
    expect(computeMetrics(counts)).toEqual({
      closeRate: 0.9,
      onTimeCloseRate: 0.75,
      responseRate: 0.9,
      resolutionRate: 0.8,
      satisfactionRate: 0.95,
      onTimeHandlingRate: 0.9,
      reworkRate: 0.1,
      averageCloseMs: 30 * H,
      hotlineScore: 88.25, // 30 × 0.9 + 35 × 0.8 + 35 × 0.95
    });
    const strict = computeMetrics(counts, {
      basicCountsAsSatisfied: false,
      weights: { response: 20, resolution: 40, satisfaction: 40 },
    });
    expect(strict.satisfactionRate).toBe(0.8);
    expect(strict.hotlineScore).toBe(82); // 20 × 0.9 + 40 × 0.8 + 40 × 0.8
  });
});

describe('hotlineScore', () => {
  test('default weights 30/35/35', () => {
    expect(hotlineScore({ response: 1, resolution: 1, satisfaction: 1 })).toBe(100);
    expect(hotlineScore({ response: 1, resolution: 0, satisfaction: 0 })).toBe(30);
    expect(hotlineScore({ response: 0.5, resolution: 0.5, satisfaction: 0 })).toBe(32.5);
  });

  test('a rate without data leaves the score over the others', () => {
    // (30 × 0.9 + 35 × 0.8) / 65 = 0.846153… → 84.62
    expect(hotlineScore({ response: 0.9, resolution: 0.8, satisfaction: null })).toBe(84.62);
    expect(hotlineScore({ response: null, resolution: null, satisfaction: null })).toBeNull();
    expect(
      hotlineScore(
        { response: 0.5, resolution: 1, satisfaction: 1 },
        { response: 0, resolution: 0, satisfaction: 0 },
      ),
    ).toBeNull();
    expect(() =>
      hotlineScore(
        { response: 1, resolution: 1, satisfaction: 1 },
        { response: -1, resolution: 1, satisfaction: 1 },
      ),
    ).toThrow(RangeError);
  });
});

describe('tallyCases', () => {
  const d = (iso: string) => new Date(`${iso}+08:00`);
  const base: CaseFacts = {
    state: 'closed',
    createdAt: d('2025-10-09T09:00'),
    dueAt: d('2025-10-10T17:30'),
    closedAt: d('2025-10-10T10:00'),
    respondBy: d('2025-10-09T11:00'),
    respondedAt: d('2025-10-09T09:30'),
    handledAt: d('2025-10-10T09:00'),
    handlingDeadline: d('2025-10-10T17:30'),
    evaluation: null,
    reworkCount: 0,
  };
  const cases: CaseFacts[] = [
    // 1 closed on time, satisfied
    { ...base, state: 'evaluated', evaluation: 'satisfied' },
    // 2 closed late after a rework, dissatisfied: not resolved
    {
      ...base,
      state: 'evaluated',
      closedAt: d('2025-10-13T10:00'),
      handledAt: d('2025-10-11T09:00'),
      reworkCount: 1,
      evaluation: 'dissatisfied',
    },
    // 3 open, past its deadline, responded late
    { ...base, state: 'in_handling', closedAt: null, handledAt: null, respondedAt: d('2025-10-09T12:00') },
    // 4 open, not yet due, not responded yet
    {
      ...base,
      state: 'reported',
      dueAt: d('2025-10-20T17:30'),
      closedAt: null,
      handledAt: null,
      respondedAt: null,
    },
    // 5 rejected in time: counts as received and responded only
    { ...base, state: 'rejected', closedAt: null, handledAt: null },
    // 6 closed by the grid worker on the spot, basically satisfied, no handling step
    {
      ...base,
      state: 'evaluated',
      handledAt: null,
      handlingDeadline: null,
      evaluation: 'basically_satisfied',
      closedAt: d('2025-10-09T10:00'),
    },
    // 7 created after asOf: ignored
    { ...base, createdAt: d('2025-11-01T09:00') },
  ];

  test('counts as of 2025-10-15', () => {
    const counts = tallyCases(cases, d('2025-10-15T00:00'));
    expect(counts).toEqual({
      dueToClose: 4, // 1, 2, 3 (due 10-10), 6
      closed: 3,
      closedOnTime: 2,
      resolved: 2,
      received: 6,
      respondedInTime: 4, // 1, 2, 5, 6
      handled: 2,
      handledOnTime: 1,
      reworked: 1,
      evaluated: 3,
      satisfied: 1,
      basicallySatisfied: 1,
      closeMsTotal: 25 * H + (4 * 24 + 1) * H + 1 * H,
    });
    const m = computeMetrics(counts);
    expect(m).toEqual({
      closeRate: 0.75,
      onTimeCloseRate: 0.5,
      responseRate: 4 / 6,
      resolutionRate: 0.5,
      satisfactionRate: 2 / 3,
      onTimeHandlingRate: 0.5,
      reworkRate: 0.5,
      averageCloseMs: 41 * H,
      hotlineScore: 60.83, // (30 × 2/3 + 35 × 0.5 + 35 × 2/3) / 100 = 0.60833…
    });
  });

  test('as of an earlier instant, later events do not count yet', () => {
    const counts = tallyCases(cases, d('2025-10-10T09:30'));
    expect(counts.closed).toBe(1); // only 6
    expect(counts.dueToClose).toBe(1);
    expect(counts.handled).toBe(1); // case 1 fed back at 09:00
  });

  test('counts add up across scopes', () => {
    const a = tallyCases(cases.slice(0, 3), d('2025-10-15T00:00'));
    const b = tallyCases(cases.slice(3), d('2025-10-15T00:00'));
    expect(addCounts(a, b)).toEqual(tallyCases(cases, d('2025-10-15T00:00')));
  });
});
