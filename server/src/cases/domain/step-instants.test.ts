import { describe, expect, test } from 'vitest';
import { WorkCalendar } from './calendar.ts';
import { CALENDAR_DEFAULTS } from './calendar-defaults.ts';
import { deadlineFor, type LimitUnit, stepStatus, supervisionLevel, type TimeLimit } from './sla.ts';
import { instantOfFraction, lightAt, nextSupervision, stepInstants } from './step-instants.ts';

const cal = new WorkCalendar(CALENDAR_DEFAULTS);
const at = (text: string) => cal.at(text);
const show = (d: Date) => cal.formatLocal(d);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe('instantOfFraction', () => {
  test('working hours skip nights, weekends and the National Day holiday', () => {
    // 8 working hours from 2025-09-30 16:00: 1.5 h that day, then the holiday to 10-08, then 10-09
    const start = at('2025-09-30 16:00');
    const deadline = deadlineFor(start, { amount: 8, unit: 'working_hour' }, cal);
    expect(show(deadline)).toBe('2025-10-09 17:00');
    // 80 % = 6.4 h: 1.5 h on 09-30, 7 h on 10-09 would be too much: 4.9 h into 10-09 = 15:24
    expect(show(instantOfFraction(start, deadline, 'working_hour', 0.8, cal))).toBe('2025-10-09 15:24');
    expect(show(instantOfFraction(start, deadline, 'working_hour', 1, cal))).toBe('2025-10-09 17:00');
  });

  test('urgent hours count every hour', () => {
    const start = at('2025-10-01 00:00');
    const deadline = deadlineFor(start, { amount: 0.5, unit: 'urgent_hour' }, cal);
    expect(show(instantOfFraction(start, deadline, 'urgent_hour', 0.8, cal))).toBe('2025-10-01 00:24');
    expect(show(instantOfFraction(start, deadline, 'urgent_hour', 1.5, cal))).toBe('2025-10-01 00:45');
  });

  test('beyond the deadline, working time still counts only in working hours', () => {
    const start = at('2025-09-29 09:00');
    const deadline = deadlineFor(start, { amount: 1, unit: 'workday' }, cal);
    expect(show(deadline)).toBe('2025-09-30 17:30');
    // 150 % of 13.5 working hours (from 09:00 on 09-29) is 20.25 h: 6.75 h past the deadline, after the holiday
    expect(show(instantOfFraction(start, deadline, 'workday', 1.5, cal))).toBe('2025-10-09 17:15');
  });
});

/** A small deterministic generator (the same sequence on every run). */
function* numbers(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield x / 2_147_483_648;
  }
}

describe('the stored instants agree with stepStatus at every millisecond around them', () => {
  const random = numbers(13);
  const next = () => random.next().value as number;
  const units: LimitUnit[] = ['working_hour', 'urgent_hour', 'workday'];
  const base = at('2025-01-01 00:00').getTime();
  const cases = Array.from({ length: 400 }, () => {
    const unit = units[Math.floor(next() * 3)] as LimitUnit;
    const amount =
      unit === 'workday' ? 1 + Math.floor(next() * 10) : [0.5, 1, 2, 4, 8, 24][Math.floor(next() * 6)];
    const start = new Date(base + Math.floor(next() * 700 * 86_400_000));
    return { start, limit: { amount, unit } as TimeLimit };
  });

  test.each(cases.map((c, i) => [i, c] as const))('step %i', (_, { start, limit }) => {
    const deadline = deadlineFor(start, limit, cal);
    const { yellowAt } = stepInstants(start, deadline, limit.unit, 'none', cal);
    for (const instant of [yellowAt, deadline]) {
      for (const delta of [-1, 0, 1]) {
        const now = ms(instant, delta);
        expect(lightAt(now, { yellowAt, deadline }), `${show(now)}`).toBe(
          stepStatus(start, limit, now, cal, undefined, deadline).light,
        );
      }
    }
    // automatic supervision rises exactly at each announced instant
    let level = 'none' as Parameters<typeof nextSupervision>[3];
    for (;;) {
      const due = nextSupervision(start, deadline, limit.unit, level, cal);
      if (!due) break;
      const before = stepStatus(start, limit, ms(due.at, -1), cal, undefined, deadline).fraction;
      const after = stepStatus(start, limit, due.at, cal, undefined, deadline).fraction;
      expect(supervisionLevel(before)).toBe(level);
      expect(supervisionLevel(after)).toBe(due.level);
      level = due.level;
    }
    expect(level).toBe('red');
  });
});

describe('stepInstants', () => {
  test('a red card has nothing more to raise', () => {
    const start = at('2025-09-29 09:00');
    const deadline = deadlineFor(start, { amount: 2, unit: 'working_hour' }, cal);
    expect(stepInstants(start, deadline, 'working_hour', 'red', cal).superviseAt).toBeNull();
    expect(show(stepInstants(start, deadline, 'working_hour', 'none', cal).superviseAt as Date)).toBe(
      '2025-09-29 10:36',
    );
  });
});
