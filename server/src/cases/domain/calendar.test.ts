import { describe, expect, test } from 'vitest';
import { WorkCalendar } from './calendar.ts';
import { CALENDAR_DEFAULTS } from './calendar-defaults.ts';

const cal = new WorkCalendar(CALENDAR_DEFAULTS);
const at = (text: string) => cal.at(text);
const show = (d: Date) => cal.formatLocal(d);
const H = 3_600_000;

describe('default holiday data (RULES.md §7)', () => {
  test('every make-up workday falls on a weekend, every listed day is unique', () => {
    const dates = CALENDAR_DEFAULTS.map((o) => o.date);
    expect(new Set(dates).size).toBe(dates.length);
    const makeUp = CALENDAR_DEFAULTS.filter((o) => o.kind === 'workday').map((o) => o.date);
    expect(makeUp).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    for (const d of makeUp) expect(cal.describeDay(d).kind).toBe('makeup_workday');
  });

  test('days off: 2025 has 28 listed holiday days, 2026 has 33', () => {
    const off = (year: string) =>
      CALENDAR_DEFAULTS.filter((o) => o.kind === 'holiday' && o.date.startsWith(year));
    expect(off('2025')).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(off('2026')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });

  test('both years have 248 workdays (261 weekdays − 13 statutory holidays)', () => {
    expect(cal.workingMsBetween(at('2025-01-01 00:00'), at('2026-01-01 00:00')) / cal.workdayMs).toBe(248);
    expect(cal.workingMsBetween(at('2026-01-01 00:00'), at('2027-01-01 00:00')) / cal.workdayMs).toBe(248);
  });

  test('isWorkday and describeDay', () => {
    expect(cal.isWorkday('2025-09-30')).toBe(true); // Tuesday
    expect(cal.isWorkday('2025-10-01')).toBe(false);
    expect(cal.isWorkday('2025-10-08')).toBe(false); // Wednesday, holiday
    expect(cal.isWorkday('2025-10-09')).toBe(true);
    expect(cal.isWorkday('2025-09-28')).toBe(true); // Sunday, make-up
    expect(cal.isWorkday('2025-10-11')).toBe(true); // Saturday, make-up
    expect(cal.isWorkday('2025-10-12')).toBe(false); // Sunday
    expect(cal.isWorkday('2027-01-01')).toBe(true); // Friday, no data for 2027 yet: a plain weekday
    expect(cal.describeDay('2025-10-08')).toEqual({
      date: '2025-10-08',
      workday: false,
      kind: 'holiday',
      name: '国庆节、中秋节',
    });
    expect(cal.describeDay('2025-10-04')).toEqual({
      date: '2025-10-04',
      workday: false,
      kind: 'weekend',
      name: '国庆节、中秋节',
    });
    expect(cal.describeDay('2025-10-11')).toEqual({
      date: '2025-10-11',
      workday: true,
      kind: 'makeup_workday',
      name: '国庆节、中秋节调休上班',
    });
    expect(cal.describeDay('2025-10-15')).toEqual({
      date: '2025-10-15',
      workday: true,
      kind: 'weekday',
      name: null,
    });
  });

  test('a Date is read in China Standard Time: 2025-09-30 16:30 UTC is 10-01 00:30 CST, a holiday', () => {
    expect(cal.isWorkday(new Date('2025-09-30T15:59:00Z'))).toBe(true);
    expect(cal.isWorkday(new Date('2025-09-30T16:30:00Z'))).toBe(false);
    expect(cal.localDate(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    expect(at('2025-09-30 16:00').toISOString()).toBe('2025-09-30T08:00:00.000Z');
  });
});

describe('addWorkingHours (工作时)', () => {
  test('filed 2025-09-30 16:00 with 8 working hours: 1.5 h that day, the holiday skipped, 3.5 + 3 on 10-09', () => {
    const due = cal.addWorkingHours(at('2025-09-30 16:00'), 8);
    expect(show(due)).toBe('2025-10-09 17:00');
    expect(due.toISOString()).toBe('2025-10-09T09:00:00.000Z');
  });

  test('a Sunday make-up workday counts: Friday 2025-09-26 17:00 + 2 h → Sunday 09-28 10:00', () => {
    expect(show(cal.addWorkingHours(at('2025-09-26 17:00'), 2))).toBe('2025-09-28 10:00');
  });

  test('a Saturday make-up workday counts: Friday 2025-10-10 16:00 + 7 h → Saturday 10-11 16:00', () => {
    expect(show(cal.addWorkingHours(at('2025-10-10 16:00'), 7))).toBe('2025-10-11 16:00');
  });

  test('the lunch break is skipped; a limit ending at a period end stays there', () => {
    expect(show(cal.addWorkingHours(at('2025-09-30 11:00'), 2))).toBe('2025-09-30 15:00');
    expect(show(cal.addWorkingHours(at('2025-09-30 14:00'), 3.5))).toBe('2025-09-30 17:30');
    expect(show(cal.addWorkingHours(at('2025-09-30 12:00'), 3.5))).toBe('2025-09-30 17:30');
    expect(show(cal.addWorkingHours(at('2025-09-30 08:30'), 3.5))).toBe('2025-09-30 12:00');
  });

  test('starting outside working hours starts the clock at the next period', () => {
    expect(show(cal.addWorkingHours(at('2025-09-30 06:00'), 1))).toBe('2025-09-30 09:30');
    expect(show(cal.addWorkingHours(at('2025-09-30 22:00'), 1))).toBe('2025-10-09 09:30');
    expect(show(cal.addWorkingHours(at('2025-10-04 10:00'), 0.5))).toBe('2025-10-09 09:00');
  });

  test('Spring Festival 2026: Friday 02-13 17:00 + 14 h → Saturday 02-14 (make-up) 17:30 + 7 h → 02-24 17:30', () => {
    expect(show(cal.addWorkingHours(at('2026-02-13 17:00'), 7))).toBe('2026-02-14 17:00');
    expect(show(cal.addWorkingHours(at('2026-02-13 17:00'), 7.5))).toBe('2026-02-14 17:30');
    expect(show(cal.addWorkingHours(at('2026-02-13 17:00'), 14.5))).toBe('2026-02-24 17:30');
  });

  test('zero hours is the start itself; negative hours are refused', () => {
    expect(show(cal.addWorkingHours(at('2025-10-04 10:00'), 0))).toBe('2025-10-04 10:00');
    expect(() => cal.addWorkingHours(at('2025-10-04 10:00'), -1)).toThrow(RangeError);
  });
});

describe('addWorkdays (工作日): the end of the n-th workday after the start day', () => {
  test('before the National Day holiday', () => {
    expect(show(cal.addWorkdays(at('2025-09-30 10:00'), 1))).toBe('2025-10-09 17:30');
    expect(show(cal.addWorkdays(at('2025-09-30 10:00'), 2))).toBe('2025-10-10 17:30');
    expect(show(cal.addWorkdays(at('2025-09-30 10:00'), 3))).toBe('2025-10-11 17:30'); // Saturday, make-up
    expect(show(cal.addWorkdays(at('2025-09-30 10:00'), 4))).toBe('2025-10-13 17:30');
  });

  test('filed on a holiday or a weekend evening', () => {
    expect(show(cal.addWorkdays(at('2025-10-03 10:00'), 1))).toBe('2025-10-09 17:30');
    expect(show(cal.addWorkdays(at('2025-09-26 20:00'), 1))).toBe('2025-09-28 17:30'); // Friday night → Sunday make-up
    expect(show(cal.addWorkdays(at('2026-02-13 10:00'), 2))).toBe('2026-02-24 17:30');
  });

  test('the local date decides: 2025-09-30 23:30 CST is still 09-30', () => {
    expect(show(cal.addWorkdays(new Date('2025-09-30T15:30:00Z'), 1))).toBe('2025-10-09 17:30');
  });
});

describe('addCalendarHours (紧急工作时)', () => {
  test('counts every hour, holidays and nights included', () => {
    expect(show(cal.addCalendarHours(at('2025-09-30 16:00'), 24))).toBe('2025-10-01 16:00');
    expect(show(cal.addCalendarHours(at('2025-09-30 22:00'), 2.5))).toBe('2025-10-01 00:30');
  });
});

describe('workingMsBetween', () => {
  test('exact values', () => {
    expect(cal.workingMsBetween(at('2025-09-30 16:00'), at('2025-10-09 17:00'))).toBe(8 * H);
    expect(cal.workingMsBetween(at('2025-09-30 11:00'), at('2025-09-30 15:00'))).toBe(2 * H);
    expect(cal.workingMsBetween(at('2025-10-01 00:00'), at('2025-10-08 23:59'))).toBe(0);
    // Mon 09-22 to Mon 09-29: five weekdays and the Sunday make-up day.
    expect(cal.workingMsBetween(at('2025-09-22 00:00'), at('2025-09-29 00:00'))).toBe(6 * 7 * H);
    expect(cal.workingMsBetween(at('2025-10-09 17:00'), at('2025-09-30 16:00'))).toBe(-8 * H);
  });

  test('agrees with a minute-by-minute walk and inverts addWorkingHours', () => {
    let seed = 20250930;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const base = at('2025-09-20 00:00').getTime();
    for (let i = 0; i < 40; i++) {
      const a = new Date(base + Math.floor(rand() * 30 * 24 * 60) * 60_000);
      const b = new Date(a.getTime() + Math.floor(rand() * 6 * 24 * 60) * 60_000);
      let naive = 0;
      for (let t = a.getTime(); t < b.getTime(); t += 60_000) {
        const local = cal.formatLocal(new Date(t));
        const hm = local.slice(11, 16);
        const working = (hm >= '08:30' && hm < '12:00') || (hm >= '14:00' && hm < '17:30');
        if (working && cal.isWorkday(new Date(t))) naive += 60_000;
      }
      expect(cal.workingMsBetween(a, b)).toBe(naive);
      const hours = Math.floor(rand() * 40) / 2 + 0.5;
      const end = cal.addWorkingHours(a, hours);
      expect(cal.workingMsBetween(a, end)).toBe(hours * H);
      expect(cal.workingMsBetween(a, new Date(end.getTime() - 60_000))).toBeLessThan(hours * H);
    }
  });
});

describe('configuration', () => {
  test('other working hours and an administrator override of a default day', () => {
    const custom = new WorkCalendar(
      [...CALENDAR_DEFAULTS, { date: '2025-10-08', kind: 'workday', name: '本地调整' }],
      { periods: [{ start: '09:00', end: '17:00' }] },
    );
    expect(custom.workdayMs).toBe(8 * H);
    expect(custom.isWorkday('2025-10-08')).toBe(true);
    expect(custom.formatLocal(custom.addWorkingHours(custom.at('2025-09-30 16:00'), 2))).toBe(
      '2025-10-08 10:00',
    );
  });

  test('another offset', () => {
    const utc = new WorkCalendar([], { utcOffsetMinutes: 0 });
    expect(utc.at('2025-09-30 08:30').toISOString()).toBe('2025-09-30T08:30:00.000Z');
  });

  test('bad input is refused', () => {
    expect(() => new WorkCalendar([{ date: '2025-02-30', kind: 'holiday', name: 'x' }])).toThrow(RangeError);
    expect(() => new WorkCalendar([], { periods: [{ start: '14:00', end: '12:00' }] })).toThrow(RangeError);
    expect(
      () =>
        new WorkCalendar([], {
          periods: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        }),
    ).toThrow(RangeError);
    expect(() => cal.at('2025-09-30')).toThrow(RangeError);
  });
});
