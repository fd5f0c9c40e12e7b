// Pure rules of a patrol (巡查): the client's times, the day and week in China Standard Time, the
// distance walked along the points, and the errors a client sees.
import { AppError, conflict, unprocessable } from '../platform/errors/errors.ts';
import { haversineM } from '../platform/geo/distance.ts';
import { shanghaiDate, shanghaiDayStart, shanghaiWeekStart } from '../platform/time/calendar.ts';

/** China Standard Time (UTC+8, no daylight saving): the day and week a patrol belongs to. */
const DAY_MS = 24 * 3600_000;
/** A phone's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** A check-in kept offline longer than this is refused (the phone's clock is probably wrong). */
export const MAX_AGE_DAYS = 30;

export const PATROL_DEFAULTS = {
  /** A grid with no check-in for this many days is "not patrolled" on the coverage page. */
  staleDays: 7,
};
export type PatrolSettings = typeof PATROL_DEFAULTS;

export interface RoutePoint {
  lng: number;
  lat: number;
  at: Date;
}

/** Meters walked: the great-circle legs between the points in time order. */
export function routeDistanceM(points: readonly RoutePoint[]): number {
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  let total = 0;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as RoutePoint;
    const b = sorted[i] as RoutePoint;
    total += haversineM(a.lng, a.lat, b.lng, b.lat);
  }
  return Math.round(total);
}

/** The calendar day ('YYYY-MM-DD') of an instant in China Standard Time. */
export function cstDate(at: Date): string {
  return shanghaiDate(at);
}

/** [start, end) of a CST calendar day as instants. */
export function cstDayBounds(date: string): { from: Date; to: Date } {
  const from = shanghaiDayStart(date);
  if (Number.isNaN(from.getTime())) throw patrolErrors.badDate(date);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** Monday 00:00 CST of the week of `now`. */
export function cstWeekStart(now: Date): Date {
  return shanghaiWeekStart(now);
}

/** A time sent by the phone: not in the future (beyond the clock skew) and not older than 30 days. */
export function checkClientTime(at: Date, now: Date, field: string): Date {
  if (Number.isNaN(at.getTime())) throw patrolErrors.badTime(field);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw patrolErrors.timeInFuture(field, at);
  if (at.getTime() < now.getTime() - MAX_AGE_DAYS * DAY_MS) throw patrolErrors.timeTooOld(field, at);
  return at;
}

export const patrolErrors = {
  badTime: (field: string) =>
    unprocessable('TIME_INVALID', `时间「${field}」格式不正确。`, `The time '${field}' is not valid.`, {
      field,
    }),
  badDate: (date: string) =>
    unprocessable(
      'DATE_INVALID',
      `日期「${date}」格式不正确（YYYY-MM-DD）。`,
      `'${date}' is not a date (YYYY-MM-DD).`,
      {
        field: 'date',
      },
    ),
  timeInFuture: (field: string, at: Date) =>
    unprocessable(
      'TIME_IN_FUTURE',
      `时间 ${at.toISOString()} 晚于当前时间，请检查手机时钟。`,
      `The time ${at.toISOString()} is in the future: check the phone's clock.`,
      { field, at: at.toISOString() },
    ),
  timeTooOld: (field: string, at: Date) =>
    unprocessable(
      'TIME_TOO_OLD',
      `时间 ${at.toISOString()} 早于 ${MAX_AGE_DAYS} 天前，无法补录。`,
      `The time ${at.toISOString()} is more than ${MAX_AGE_DAYS} days ago and cannot be recorded.`,
      { field, at: at.toISOString(), maxAgeDays: MAX_AGE_DAYS },
    ),
  endBeforeStart: (startedAt: Date, endedAt: Date) =>
    unprocessable(
      'PATROL_END_BEFORE_START',
      '巡查结束时间早于开始时间。',
      'The patrol cannot end before it started.',
      { startedAt: startedAt.toISOString(), endedAt: endedAt.toISOString() },
    ),
  alreadyOpen: (patrolId: number) =>
    conflict(
      'PATROL_ALREADY_OPEN',
      '您已有一次进行中的巡查，请先结束它再开始新的巡查。',
      'You have a patrol in progress: end it before starting another.',
      { patrolId },
    ),
  noOpenPatrol: () => conflict('NO_OPEN_PATROL', '当前没有进行中的巡查。', 'There is no patrol in progress.'),
  idempotencyConflict: (key: string) =>
    new AppError(
      409,
      'IDEMPOTENCY_CONFLICT',
      `请求编号 ${key} 已用于内容不同的打卡，请使用新的请求编号。`,
      `Request ${key} was already used for a different check-in: use a new id.`,
      { key },
    ),
};
