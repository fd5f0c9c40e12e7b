// Official public holidays and make-up workdays (调休上班) for 2025 and 2026, from the notices of the
// General Office of the State Council of 2024-11-12 and 2025-11-04 (RULES.md §7). Later years are entered
// by an administrator into work_calendar_day; these rows seed that table.
import type { CalendarOverride } from './calendar.ts';

interface HolidayNotice {
  name: string;
  /** Inclusive range of days off, 'YYYY-MM-DD'. */
  off: [string, string];
  /** Weekend days worked instead. */
  workdays: string[];
}

const NOTICES: readonly HolidayNotice[] = [
  { name: '元旦', off: ['2025-01-01', '2025-01-01'], workdays: [] },
  { name: '春节', off: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', off: ['2025-04-04', '2025-04-06'], workdays: [] },
  { name: '劳动节', off: ['2025-05-01', '2025-05-05'], workdays: ['2025-04-27'] },
  { name: '端午节', off: ['2025-05-31', '2025-06-02'], workdays: [] },
  { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] },
  { name: '元旦', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
  { name: '春节', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', off: ['2026-04-04', '2026-04-06'], workdays: [] },
  { name: '劳动节', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
  { name: '端午节', off: ['2026-06-19', '2026-06-21'], workdays: [] },
  { name: '中秋节', off: ['2026-09-25', '2026-09-27'], workdays: [] },
  { name: '国庆节', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
];

const DAY_MS = 86_400_000;

function daysInclusive(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** One row per day: every day off and every make-up workday of 2025 and 2026, in date order. */
export const CALENDAR_DEFAULTS: readonly CalendarOverride[] = NOTICES.flatMap((n) => [
  ...daysInclusive(n.off[0], n.off[1]).map((date) => ({ date, kind: 'holiday' as const, name: n.name })),
  ...n.workdays.map((date) => ({ date, kind: 'workday' as const, name: `${n.name}调休上班` })),
]).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
