// Calendar arithmetic in Asia/Shanghai, once. Dates are 'YYYY-MM-DD' text (as `date` columns come back on
// both engines); China Standard Time is UTC+8 all year (no daylight saving), so a local day is a fixed
// 24 h span of instants. Month and year arithmetic clamps to the month's last day (01-31 + 1 month =
// 02-28/29; 02-29 + 1 year = 02-28), the reading the organization departments use for "within 1 month".
// Use these instead of adding 8 hours by hand.

/** China Standard Time's offset from UTC (Asia/Shanghai has had no daylight saving since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const fmt = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export const addYears = (date: string, years: number) => addMonths(date, years * 12);

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Days from a to b (b − a); 0 for the same day. */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS);
}

/** The date of an instant in Asia/Shanghai: 2026-03-31T16:30Z → '2026-04-01'. */
export function shanghaiDate(at: Date): string {
  const t = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDate(now);
}

/** The instant a date's day starts in Asia/Shanghai ('2026-04-01' → 2026-03-31T16:00Z); Invalid Date for no date. */
export function shanghaiDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/** Monday 00:00 in Asia/Shanghai of the week of an instant. */
export function shanghaiWeekStart(at: Date): Date {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const weekday = (local.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - weekday * DAY_MS;
  return new Date(day - SHANGHAI_OFFSET_MS);
}

/** An instant as Asia/Shanghai wall-clock time with its offset: 2026-11-24T16:05:09+08:00 (RFC 3339, w3). */
export function shanghaiDateTime(at: Date): string {
  return `${new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** First and last day of the month of a date. */
export function monthOf(date: string): { first: string; last: string } {
  const [y, m] = parts(date);
  return { first: fmt(y, m, 1), last: fmt(y, m, daysInMonth(y, m)) };
}

export const maxDate = (a: string, b: string) => (a >= b ? a : b);
