// The working calendar of case time limits: weekends off, public holidays off, make-up workdays (调休上班)
// worked, and working hours (default 08:30–12:00 and 14:00–17:30) in China Standard Time.
// Every instant is a UTC `Date`; local dates and times are computed with a fixed offset (UTC+8, no DST).
//
// Working time is measured by a cumulative function W(t) = working ms from a fixed origin to t, so
// `workingMsBetween` costs O(log overrides) however far apart the instants are.

export type CalendarDayKind = 'holiday' | 'workday';

/** One administrator-entered day: a holiday on a weekday or a make-up workday on a weekend. */
export interface CalendarOverride {
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface WorkingPeriod {
  /** Local time 'HH:MM'. */
  start: string;
  /** Local time 'HH:MM', after start; '24:00' allowed. */
  end: string;
}

export interface CalendarOptions {
  /** Working periods of a workday, in order, not overlapping. Default 08:30–12:00 and 14:00–17:30. */
  periods?: readonly WorkingPeriod[];
  /** Offset of local time from UTC in minutes. Default 480 (China Standard Time). */
  utcOffsetMinutes?: number;
}

export interface DayInfo {
  date: string;
  workday: boolean;
  /** weekday / weekend by the week; holiday / makeup_workday by an override. */
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';
  name: string | null;
}

export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];
export const CST_OFFSET_MINUTES = 480;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Shift of day indices so that the weekday count works on non-negative numbers (a multiple of 7). */
const DAY_SHIFT = 7 * 1_000_000;
/** No search runs further than this many days (ten years). */
const MAX_SEARCH_DAYS = 3660;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

function parseTime(text: string): number {
  const m = TIME_RE.exec(text);
  if (!m) throw new RangeError(`working time '${text}' is not HH:MM`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`working time '${text}' is out of range`);
  return minutes * 60_000;
}

/** Day index (days since 1970-01-01) of a 'YYYY-MM-DD' date. */
function dayOfDate(date: string): number {
  const m = DATE_RE.exec(date);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`'${date}' is not a date YYYY-MM-DD`);
  }
  return t / DAY_MS;
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** Monday-to-Friday days in [origin, day), the origin being a Thursday DAY_SHIFT days before 1970. */
function weekdaysBefore(day: number): number {
  const n = day + DAY_SHIFT;
  if (n < 0) throw new RangeError('date before the calendar origin');
  let count = Math.floor(n / 7) * 5;
  for (let i = 0; i < n % 7; i++) {
    const w = (i + 4) % 7;
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

export class WorkCalendar {
  readonly periods: readonly WorkingPeriod[];
  readonly utcOffsetMinutes: number;
  /** Working ms of one workday. */
  readonly workdayMs: number;
  readonly #offsetMs: number;
  readonly #spans: readonly (readonly [number, number])[];
  readonly #overrides = new Map<number, CalendarOverride>();
  /** Override days that change the week's rule, sorted, with prefix sums of their ±1. */
  readonly #deltaDays: number[] = [];
  readonly #deltaPrefix: number[] = [0];

  /** Later overrides of the same date win: pass defaults first, then the administrator's rows. */
  constructor(overrides: readonly CalendarOverride[] = [], options: CalendarOptions = {}) {
    this.periods = options.periods ?? DEFAULT_WORKING_PERIODS;
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? CST_OFFSET_MINUTES;
    if (!Number.isInteger(this.utcOffsetMinutes) || Math.abs(this.utcOffsetMinutes) > 14 * 60) {
      throw new RangeError('utcOffsetMinutes must be an integer within ±840');
    }
    this.#offsetMs = this.utcOffsetMinutes * 60_000;
    const spans = this.periods.map((p) => [parseTime(p.start), parseTime(p.end)] as const);
    if (spans.length === 0) throw new RangeError('a workday needs at least one working period');
    let previousEnd = 0;
    for (const [s, e] of spans) {
      if (e <= s || s < previousEnd) throw new RangeError('working periods must be ordered and not overlap');
      previousEnd = e;
    }
    this.#spans = spans;
    this.workdayMs = spans.reduce((sum, [s, e]) => sum + (e - s), 0);

    for (const o of overrides) {
      if (o.kind !== 'holiday' && o.kind !== 'workday') throw new RangeError(`unknown day kind '${o.kind}'`);
      this.#overrides.set(dayOfDate(o.date), o);
    }
    const deltas = [...this.#overrides.entries()]
      .map(([day, o]) => [day, this.#delta(day, o.kind)] as const)
      .filter(([, d]) => d !== 0)
      .sort((a, b) => a[0] - b[0]);
    for (const [day, d] of deltas) {
      this.#deltaDays.push(day);
      this.#deltaPrefix.push((this.#deltaPrefix.at(-1) ?? 0) + d);
    }
  }

  #delta(day: number, kind: CalendarDayKind): number {
    if (kind === 'holiday') return isWeekend(day) ? 0 : -1;
    return isWeekend(day) ? 1 : 0;
  }

  #dayIsWorkday(day: number): boolean {
    const o = this.#overrides.get(day);
    return o ? o.kind === 'workday' : !isWeekend(day);
  }

  /** Workdays in [origin, day). */
  #workdaysBefore(day: number): number {
    let lo = 0;
    let hi = this.#deltaDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#deltaDays[mid] as number) < day) lo = mid + 1;
      else hi = mid;
    }
    return weekdaysBefore(day) + (this.#deltaPrefix[lo] as number);
  }

  #workedInDay(msInDay: number): number {
    let sum = 0;
    for (const [s, e] of this.#spans) sum += Math.min(Math.max(msInDay - s, 0), e - s);
    return sum;
  }

  #local(instant: Date): number {
    const t = instant.getTime();
    if (Number.isNaN(t)) throw new RangeError('invalid Date');
    return t + this.#offsetMs;
  }

  /** Working ms from the calendar's origin to the instant. */
  #cumulative(instant: Date): number {
    const local = this.#local(instant);
    const day = Math.floor(local / DAY_MS);
    const within = this.#dayIsWorkday(day) ? this.#workedInDay(local - day * DAY_MS) : 0;
    return this.#workdaysBefore(day) * this.workdayMs + within;
  }

  #dayOf(date: Date | string): number {
    return typeof date === 'string' ? dayOfDate(date) : Math.floor(this.#local(date) / DAY_MS);
  }

  /** Is the local date a workday? A string is a local date 'YYYY-MM-DD'; a Date is taken in local time. */
  isWorkday(date: Date | string): boolean {
    return this.#dayIsWorkday(this.#dayOf(date));
  }

  describeDay(date: Date | string): DayInfo {
    const day = this.#dayOf(date);
    const o = this.#overrides.get(day);
    const weekend = isWeekend(day);
    if (o?.kind === 'holiday' && !weekend)
      return { date: dateOfDay(day), workday: false, kind: 'holiday', name: o.name };
    if (o?.kind === 'workday' && weekend) {
      return { date: dateOfDay(day), workday: true, kind: 'makeup_workday', name: o.name };
    }
    return {
      date: dateOfDay(day),
      workday: !weekend,
      kind: weekend ? 'weekend' : 'weekday',
      name: o?.name ?? null,
    };
  }

  /** Working ms in [a, b); negative when b is before a. */
  workingMsBetween(a: Date, b: Date): number {
    return this.#cumulative(b) - this.#cumulative(a);
  }

  /** 工作时: the instant at which `hours` working hours after start have passed (a period's end, not the next start). */
  addWorkingHours(start: Date, hours: number): Date {
    if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError('hours must be a finite number ≥ 0');
    return this.addWorkingMs(start, Math.round(hours * HOUR_MS));
  }

  /** The first instant at which `ms` (whole) working milliseconds after start have passed. */
  addWorkingMs(start: Date, ms: number): Date {
    if (!Number.isInteger(ms) || ms < 0) throw new RangeError('ms must be a whole number ≥ 0');
    let remaining = ms;
    let local = this.#local(start);
    if (remaining === 0) return new Date(start.getTime());
    let day = Math.floor(local / DAY_MS);
    for (let n = 0; n < MAX_SEARCH_DAYS; n++, day++) {
      if (this.#dayIsWorkday(day)) {
        const base = day * DAY_MS;
        for (const [s, e] of this.#spans) {
          const from = Math.max(local, base + s);
          const avail = base + e - from;
          if (avail <= 0) continue;
          if (remaining <= avail) return new Date(from + remaining - this.#offsetMs);
          remaining -= avail;
        }
      }
      local = (day + 1) * DAY_MS;
    }
    throw new RangeError(`no working time within ${MAX_SEARCH_DAYS} days`);
  }

  /**
   * 工作日: the end of the last working period of the n-th workday after the start's local date (the day
   * of the start is not counted, as in 期限开始的当日不计算在内). days = 0 gives the start itself.
   */
  addWorkdays(start: Date, days: number): Date {
    if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be an integer ≥ 0');
    if (days === 0) return new Date(start.getTime());
    let day = Math.floor(this.#local(start) / DAY_MS);
    for (let counted = 0, n = 0; counted < days; ) {
      day++;
      if (++n > MAX_SEARCH_DAYS) throw new RangeError(`no workday within ${MAX_SEARCH_DAYS} days`);
      if (this.#dayIsWorkday(day)) counted++;
    }
    const lastEnd = (this.#spans.at(-1) as readonly [number, number])[1];
    return new Date(day * DAY_MS + lastEnd - this.#offsetMs);
  }

  /** 紧急工作时: every hour counts, day and night, workday or not. */
  addCalendarHours(start: Date, hours: number): Date {
    if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError('hours must be a finite number ≥ 0');
    return new Date(start.getTime() + Math.round(hours * HOUR_MS));
  }

  /** The local date 'YYYY-MM-DD' of an instant. */
  localDate(instant: Date): string {
    return new Date(this.#local(instant)).toISOString().slice(0, 10);
  }

  /** The local 'YYYY-MM-DD HH:MM' of an instant (seconds shown only when not zero). */
  formatLocal(instant: Date): string {
    const iso = new Date(this.#local(instant)).toISOString();
    const seconds = iso.slice(17, 23);
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00.000' ? '' : `:${iso.slice(17, 19)}`}`;
  }

  /** The instant of a local time 'YYYY-MM-DD HH:MM[:SS]' (or with a 'T'). */
  at(localText: string): Date {
    const m = LOCAL_RE.exec(localText);
    if (!m) throw new RangeError(`'${localText}' is not a local time YYYY-MM-DD HH:MM[:SS]`);
    const day = dayOfDate(`${m[1]}-${m[2]}-${m[3]}`);
    const ms = ((Number(m[4]) * 60 + Number(m[5])) * 60 + Number(m[6] ?? 0)) * 1000;
    return new Date(day * DAY_MS + ms - this.#offsetMs);
  }
}
