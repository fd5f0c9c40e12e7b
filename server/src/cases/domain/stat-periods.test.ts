import { describe, expect, test } from 'vitest';
import { dayStart, localDay, planPeriods } from './stat-periods.ts';

const at = (local: string) => new Date(`${local}+08:00`);

describe('local days in China Standard Time', () => {
  test('an instant before 08:00 UTC belongs to the next local day', () => {
    expect(localDay(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(dayStart('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });
});

describe('planPeriods', () => {
  test('no range: every month row', () => {
    expect(planPeriods()).toEqual({ months: {}, days: [], wholeDays: {}, live: [] });
  });

  test('whole days from midnight to midnight: months inside, days around them', () => {
    expect(planPeriods(at('2026-01-15T00:00:00'), at('2026-04-03T00:00:00'))).toEqual({
      months: { from: '2026-02-01', to: '2026-04-01' },
      days: [
        { from: '2026-01-15', to: '2026-02-01' },
        { from: '2026-04-01', to: '2026-04-03' },
      ],
      wholeDays: { from: '2026-01-15', to: '2026-04-03' },
      live: [],
    });
  });

  test('ends inside a day are read from the cases', () => {
    const from = at('2026-01-15T09:30:00');
    const to = at('2026-01-20T18:00:00');
    expect(planPeriods(from, to)).toEqual({
      months: null,
      days: [{ from: '2026-01-16', to: '2026-01-20' }],
      wholeDays: { from: '2026-01-16', to: '2026-01-20' },
      live: [
        { from, to: at('2026-01-16T00:00:00') },
        { from: at('2026-01-20T00:00:00'), to },
      ],
    });
  });

  test('within one day: only the cases', () => {
    const from = at('2026-01-15T09:30:00');
    const to = at('2026-01-15T18:00:00');
    expect(planPeriods(from, to)).toEqual({ months: null, days: [], wholeDays: null, live: [{ from, to }] });
    expect(planPeriods(to, from).live).toEqual([]);
  });

  test('open ends', () => {
    expect(planPeriods(at('2026-01-15T00:00:00'))).toEqual({
      months: { from: '2026-02-01' },
      days: [{ from: '2026-01-15', to: '2026-02-01' }],
      wholeDays: { from: '2026-01-15' },
      live: [],
    });
    expect(planPeriods(undefined, at('2026-01-15T00:00:00'))).toEqual({
      months: { to: '2026-01-01' },
      days: [{ from: '2026-01-01', to: '2026-01-15' }],
      wholeDays: { to: '2026-01-15' },
      live: [],
    });
  });
});
