// The instants of a running step: when it turns yellow (80 % of its limit used), when it turns red (the
// deadline passed) and when automatic supervision (督办) next rises. They are computed once, with the
// working calendar, when the step starts or its deadline moves, and stored on the case
// (step_yellow_at, step_deadline, supervise_at): a read derives the light from them at the moment of
// reading (`lightAt`), a list filters and counts by light through them, and the escalation job wakes
// only for the cases whose supervision is due. Each agrees with `stepStatus` at every whole
// millisecond (step-instants.test.ts).
import type { WorkCalendar } from './calendar.ts';
import {
  DEFAULT_SUPERVISION_THRESHOLDS,
  type Light,
  type LimitUnit,
  measuredMs,
  SUPERVISION_LEVELS,
  type SupervisionLevel,
  type SupervisionThresholds,
} from './sla.ts';

/** The share of the limit at which the light turns yellow (RULES.md §7). */
export const YELLOW_FRACTION = 0.8;

/**
 * The first whole-millisecond instant at which the step has used `fraction` of its limit, measured as
 * `elapsedFraction` measures it (working time for 工作时 and 工作日, all time for 紧急工作时).
 */
export function instantOfFraction(
  start: Date,
  deadline: Date,
  unit: LimitUnit,
  fraction: number,
  calendar: WorkCalendar,
): Date {
  const total = measuredMs(unit, start, deadline, calendar);
  // a limit with no measured time is used up at once, and past its deadline without end
  if (total <= 0) return new Date(fraction <= 1 ? start.getTime() : deadline.getTime() + 1);
  // the smallest whole number u of measured ms with u / total ≥ fraction, in the same float arithmetic
  let used = Math.max(0, Math.ceil(fraction * total));
  while (used > 0 && (used - 1) / total >= fraction) used--;
  while (used / total < fraction) used++;
  return unit === 'urgent_hour' ? new Date(start.getTime() + used) : calendar.addWorkingMs(start, used);
}

/** The light of a running step at `now` from its stored instants: red past the deadline, yellow from 80 %. */
export function lightAt(now: Date, instants: { yellowAt: Date; deadline: Date }): Light {
  const t = now.getTime();
  if (t > instants.deadline.getTime()) return 'red';
  return t >= instants.yellowAt.getTime() ? 'yellow' : 'green';
}

/**
 * The next automatic supervision above `current` and the instant it is due, or null when `current` is
 * already the highest. Thresholds are fractions of the limit (settings; default 0.8 / 1.0 / 1.5).
 */
export function nextSupervision(
  start: Date,
  deadline: Date,
  unit: LimitUnit,
  current: SupervisionLevel,
  calendar: WorkCalendar,
  thresholds: SupervisionThresholds = DEFAULT_SUPERVISION_THRESHOLDS,
): { level: Exclude<SupervisionLevel, 'none'>; at: Date } | null {
  const above = SUPERVISION_LEVELS.slice(SUPERVISION_LEVELS.indexOf(current) + 1) as Exclude<
    SupervisionLevel,
    'none'
  >[];
  const level = above[0];
  if (!level) return null;
  return { level, at: instantOfFraction(start, deadline, unit, thresholds[level], calendar) };
}

export interface StepInstants {
  /** When the light turns yellow (80 %). */
  yellowAt: Date;
  /** When automatic supervision next rises (null: already a red card). */
  superviseAt: Date | null;
}

/** The stored instants of a step that runs from `start` to `deadline` under `supervision`. */
export function stepInstants(
  start: Date,
  deadline: Date,
  unit: LimitUnit,
  supervision: SupervisionLevel,
  calendar: WorkCalendar,
  thresholds: SupervisionThresholds = DEFAULT_SUPERVISION_THRESHOLDS,
): StepInstants {
  return {
    yellowAt: instantOfFraction(start, deadline, unit, YELLOW_FRACTION, calendar),
    superviseAt: nextSupervision(start, deadline, unit, supervision, calendar, thresholds)?.at ?? null,
  };
}
