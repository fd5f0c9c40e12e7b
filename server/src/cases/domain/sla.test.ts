import { describe, expect, test } from 'vitest';
import { WorkCalendar } from './calendar.ts';
import { CALENDAR_DEFAULTS } from './calendar-defaults.ts';
import {
  deadlineFor,
  elapsedFraction,
  type LimitUnit,
  light,
  maxSupervision,
  stepStatus,
  supervisionLevel,
} from './sla.ts';

const cal = new WorkCalendar(CALENDAR_DEFAULTS);
const at = (text: string) => cal.at(text);
const show = (d: Date) => cal.formatLocal(d);
const H = 3_600_000;

describe('deadlineFor', () => {
  test('each unit', () => {
    const start = at('2025-09-30 16:00');
    expect(show(deadlineFor(start, { amount: 8, unit: 'working_hour' }, cal))).toBe('2025-10-09 17:00');
    expect(show(deadlineFor(start, { amount: 8, unit: 'urgent_hour' }, cal))).toBe('2025-10-01 00:00');
    expect(show(deadlineFor(start, { amount: 2, unit: 'workday' }, cal))).toBe('2025-10-10 17:30');
  });

  test('bad limits are refused', () => {
    const start = at('2025-09-30 16:00');
    expect(() => deadlineFor(start, { amount: 0, unit: 'working_hour' }, cal)).toThrow(RangeError);
    expect(() => deadlineFor(start, { amount: 1.5, unit: 'workday' }, cal)).toThrow(RangeError);
    expect(() => deadlineFor(start, { amount: 1, unit: 'week' as unknown as LimitUnit }, cal)).toThrow(
      RangeError,
    );
  });
});

describe('light: green < 80 %, yellow 80–100 %, red > 100 %', () => {
  test.each([
    [0, 'green'],
    [0.79999, 'green'],
    [0.8, 'yellow'],
    [0.95, 'yellow'],
    [1, 'yellow'],
    [1.00001, 'red'],
    [3, 'red'],
  ] as const)('%s → %s', (fraction, expected) => {
    expect(light(fraction)).toBe(expected);
  });
});

describe('supervisionLevel', () => {
  test.each([
    [0.5, 'none'],
    [0.8, 'ordinary'],
    [0.99, 'ordinary'],
    [1, 'yellow'],
    [1.49, 'yellow'],
    [1.5, 'red'],
    [9, 'red'],
  ] as const)('default thresholds: %s → %s', (fraction, expected) => {
    expect(supervisionLevel(fraction)).toBe(expected);
  });

  test('configurable thresholds', () => {
    const t = { ordinary: 0.5, yellow: 0.9, red: 1.2 };
    expect(supervisionLevel(0.49, t)).toBe('none');
    expect(supervisionLevel(0.5, t)).toBe('ordinary');
    expect(supervisionLevel(0.9, t)).toBe('yellow');
    expect(supervisionLevel(1.2, t)).toBe('red');
    expect(() => supervisionLevel(1, { ordinary: 1, yellow: 0.5, red: 2 })).toThrow(RangeError);
  });

  test('supervision only rises', () => {
    expect(maxSupervision('yellow', 'ordinary')).toBe('yellow');
    expect(maxSupervision('none', 'red')).toBe('red');
    expect(maxSupervision('none', 'none')).toBe('none');
  });
});

describe('elapsedFraction and stepStatus', () => {
  const start = at('2025-09-30 16:00');
  const limit = { amount: 8, unit: 'working_hour' } as const;

  test('working hours: the holiday does not count', () => {
    const deadline = deadlineFor(start, limit, cal);
    expect(elapsedFraction(start, deadline, 'working_hour', at('2025-09-30 17:30'), cal)).toBe(1.5 / 8);
    expect(elapsedFraction(start, deadline, 'working_hour', at('2025-10-05 12:00'), cal)).toBe(1.5 / 8);
    expect(elapsedFraction(start, deadline, 'working_hour', at('2025-10-09 15:24'), cal)).toBe(0.8);
    expect(elapsedFraction(start, deadline, 'working_hour', at('2025-10-09 17:00'), cal)).toBe(1);
    expect(elapsedFraction(start, deadline, 'working_hour', at('2025-10-10 09:30'), cal)).toBe(9.5 / 8);
    expect(elapsedFraction(start, deadline, 'working_hour', at('2025-09-30 15:00'), cal)).toBe(0);
  });

  test('statuses along the way', () => {
    expect(stepStatus(start, limit, at('2025-10-09 10:00'), cal)).toEqual({
      deadline: at('2025-10-09 17:00'),
      fraction: 3 / 8,
      overdue: false,
      light: 'green',
      supervision: 'none',
      remainingMs: 5 * H,
    });
    const s80 = stepStatus(start, limit, at('2025-10-09 15:24'), cal);
    expect([s80.light, s80.supervision, s80.remainingMs]).toEqual(['yellow', 'ordinary', 1.6 * H]);
    const s100 = stepStatus(start, limit, at('2025-10-09 17:00'), cal);
    expect([s100.light, s100.supervision, s100.overdue]).toEqual(['yellow', 'yellow', false]);
    // 17:20: 20 minutes past the deadline, 8h20m of 8h used.
    const late = stepStatus(start, limit, at('2025-10-09 17:20'), cal);
    expect([late.light, late.supervision, late.overdue, late.fraction, late.remainingMs]).toEqual([
      'red',
      'yellow',
      true,
      (8 * 60 + 20) / (8 * 60),
      -20 * 60_000,
    ]);
    // 12 working hours used: red card.
    const card = stepStatus(start, limit, at('2025-10-10 12:00'), cal);
    expect([card.fraction, card.supervision]).toEqual([1.5, 'red']);
  });

  test('a deadline at a period end is red past it, even before the next working minute', () => {
    const s = at('2025-09-30 14:00');
    const l = { amount: 3.5, unit: 'working_hour' } as const;
    const night = stepStatus(s, l, at('2025-09-30 20:00'), cal);
    expect([night.fraction, night.overdue, night.light, night.remainingMs]).toEqual([1, true, 'red', 0]);
  });

  test('urgent hours count nights and holidays; workdays count working time up to the deadline', () => {
    const u = stepStatus(start, { amount: 10, unit: 'urgent_hour' }, at('2025-10-01 00:00'), cal);
    expect([u.fraction, u.light]).toEqual([0.8, 'yellow']);
    // 1 workday from 09-30 16:00 ends 10-09 17:30: 1.5 h + 7 h = 8.5 working hours in all.
    const w = stepStatus(start, { amount: 1, unit: 'workday' }, at('2025-10-09 12:00'), cal);
    expect([show(w.deadline), w.fraction, w.light]).toEqual(['2025-10-09 17:30', 5 / 8.5, 'green']);
  });

  test('an extended deadline is measured against the new deadline', () => {
    const extended = at('2025-10-10 17:00');
    const s = stepStatus(start, limit, at('2025-10-09 17:20'), cal, undefined, extended);
    expect([s.overdue, s.light, s.fraction]).toEqual([false, 'green', (8 * 60 + 20) / (15 * 60)]);
  });
});
