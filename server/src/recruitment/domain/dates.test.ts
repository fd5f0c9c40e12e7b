import { describe, expect, test } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, isDate, monthOf, shanghaiToday } from './dates.ts';

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
