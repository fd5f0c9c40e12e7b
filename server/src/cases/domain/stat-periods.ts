// How a range of report instants [from, to) splits over the statistics roll-up (issue 13): whole
// months read the month rows, the whole days around them the day rows, and the parts of a day at
// either end (a range that does not start or end at a local midnight) the cases themselves. Days are
// local days in China Standard Time (UTC+8, no daylight saving), as the roll-up keys them.
import { addDays, shanghaiDate, shanghaiDayStart } from '../../platform/time/calendar.ts';

/** 'YYYY-MM-DD' of the local day of an instant. */
export const localDay = shanghaiDate;

/** The instant a local day starts. */
export const dayStart = shanghaiDayStart;

function firstOfNextMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export interface PeriodPlan {
  /** Month rows with period in [from, to) ('YYYY-MM-01'; undefined: unbounded). */
  months: { from?: string; to?: string } | null;
  /** Day rows in each range [from, to). */
  days: { from: string; to: string }[];
  /** The whole days the roll-up covers, [from, to) (undefined: unbounded): the deltas to add. */
  wholeDays: { from?: string; to?: string } | null;
  /** Report instants read from the cases themselves, each [from, to). */
  live: { from: Date; to: Date }[];
}

/** The split of [from, to) (either end open). */
export function planPeriods(from?: Date, to?: Date): PeriodPlan {
  // the first whole day, and the day after the last whole one
  let first: string | undefined;
  const live: { from: Date; to: Date }[] = [];
  if (from) {
    const d = localDay(from);
    first = dayStart(d).getTime() === from.getTime() ? d : addDays(d, 1);
  }
  let end: string | undefined;
  if (to) end = localDay(to);
  if (first !== undefined && end !== undefined && first >= end) {
    // no whole day inside: the range is read from the cases
    return {
      months: null,
      days: [],
      wholeDays: null,
      live: from && to && from < to ? [{ from, to }] : [],
    };
  }
  if (from && first !== undefined && dayStart(first).getTime() > from.getTime())
    live.push({ from, to: dayStart(first) });
  if (to && end !== undefined && dayStart(end).getTime() < to.getTime())
    live.push({ from: dayStart(end), to });

  // whole months inside [first, end)
  const monthFrom = first === undefined ? undefined : first.endsWith('-01') ? first : firstOfNextMonth(first);
  const monthTo = end === undefined ? undefined : `${end.slice(0, 7)}-01`;
  const days: { from: string; to: string }[] = [];
  if (monthFrom !== undefined && monthTo !== undefined && monthFrom >= monthTo) {
    // no whole month: every day from the day rows
    if (first !== undefined && end !== undefined) days.push({ from: first, to: end });
    return { months: null, days, wholeDays: { from: first, to: end }, live };
  }
  if (first !== undefined && monthFrom !== undefined && first < monthFrom)
    days.push({ from: first, to: monthFrom });
  if (end !== undefined && monthTo !== undefined && monthTo < end) days.push({ from: monthTo, to: end });
  return {
    months: {
      ...(monthFrom === undefined ? {} : { from: monthFrom }),
      ...(monthTo === undefined ? {} : { to: monthTo }),
    },
    days,
    wholeDays: {
      ...(first === undefined ? {} : { from: first }),
      ...(end === undefined ? {} : { to: end }),
    },
    live,
  };
}
