import { describe, expect, test } from 'vitest';
import {
  financeCadence,
  itemState,
  periodOf,
  periodsBetween,
  periodTitle,
  quarterOf,
  PUBLICATION_DEFAULTS as S,
} from './calendar.ts';

describe('the 村务公开 calendar', () => {
  test('a quarter is due by the 20th of the month after it', () => {
    expect(quarterOf('2026-08-15')).toBe('2026-Q3');
    expect(periodOf('2026-Q3', S)).toEqual({
      period: '2026-Q3',
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
      dueOn: '2026-10-20',
    });
    expect(periodOf('2026-Q4', S).dueOn).toBe('2027-01-20');
  });
  test('a month is due by the 20th of the next', () => {
    expect(periodOf('2026-12', S)).toEqual({
      period: '2026-12',
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      dueOn: '2027-01-20',
    });
  });
  test('periods that began in a span', () => {
    expect(periodsBetween('quarterly', '2025-12-06', '2026-12-06', S).map((p) => p.period)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(periodsBetween('monthly', '2026-10-31', '2026-12-06', S).map((p) => p.period)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });
  test('finances monthly where transactions are frequent', () => {
    expect(financeCadence(1500, S)).toBe('monthly');
    expect(financeCadence(1499, S)).toBe('quarterly');
  });
  test('titles', () => {
    expect(periodTitle('general', '2026-Q3')).toBe('2026年第三季度村务公开');
    expect(periodTitle('finance', '2026-09')).toBe('2026年9月财务公开');
  });
  test('states', () => {
    expect(itemState({ dueOn: '2026-10-20', publishedOn: '2026-10-18' }, '2026-12-01')).toBe('on_time');
    expect(itemState({ dueOn: '2026-10-20', publishedOn: '2026-10-21' }, '2026-12-01')).toBe('late');
    expect(itemState({ dueOn: '2026-10-20', publishedOn: null }, '2026-10-21')).toBe('overdue');
    expect(itemState({ dueOn: '2026-10-20', publishedOn: null }, '2026-10-20')).toBe('due');
    expect(itemState({ dueOn: '2026-10-20', publishedOn: null }, '2026-10-01')).toBe('upcoming');
  });
});
