import { describe, expect, test } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  isDate,
  monthOf,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiDayStart,
  shanghaiToday,
  shanghaiWeekStart,
} from './calendar.ts';

describe('recruitment dates', () => {
  test('month arithmetic clamps to the last day of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
  test('years from 29 February land on 28 February', () => {
    expect(addYears('2008-02-29', 18)).toBe('2026-02-28');
    expect(addYears('2024-03-01', 1)).toBe('2025-03-01');
  });
  test('days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2026-01-01', '2026-01-07')).toBe(6);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
  test('validation and months', () => {
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2024-2-1')).toBe(false);
    expect(monthOf('2024-02-10')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  });
  test('today is the date in Shanghai', () => {
    expect(shanghaiToday(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(shanghaiToday(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
  });
});

describe('instants in Asia/Shanghai', () => {
  test('the date of an instant, and the instant a date starts', () => {
    expect(shanghaiDate(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(shanghaiDate(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31');
    expect(shanghaiDayStart('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(Number.isNaN(shanghaiDayStart('not a date').getTime())).toBe(true);
  });
  test('the week starts on Monday 00:00', () => {
    // Sunday 2026-12-06 23:00 in Shanghai → Monday 2026-11-30
    expect(shanghaiWeekStart(new Date('2026-12-06T15:00:00Z')).toISOString()).toBe(
      '2026-11-29T16:00:00.000Z',
    );
    // Monday 2026-12-07 00:30 in Shanghai → that Monday
    expect(shanghaiWeekStart(new Date('2026-12-06T16:30:00Z')).toISOString()).toBe(
      '2026-12-06T16:00:00.000Z',
    );
  });
  test('wall-clock time with its offset', () => {
    expect(shanghaiDateTime(new Date('2026-11-24T08:05:09Z'))).toBe('2026-11-24T16:05:09+08:00');
  });
});
