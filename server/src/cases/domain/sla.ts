// Time limits of case steps, their deadlines, the overdue light and automatic supervision (督办).
import type { WorkCalendar } from './calendar.ts';

/** 工作时 | 紧急工作时 (every hour counts) | 工作日. */
export type LimitUnit = 'working_hour' | 'urgent_hour' | 'workday';
export const LIMIT_UNITS: readonly LimitUnit[] = ['working_hour', 'urgent_hour', 'workday'];

export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

/** The three timed steps of a case. */
export type CaseStep = 'dispatch' | 'handling' | 'verification';
export const CASE_STEPS: readonly CaseStep[] = ['dispatch', 'handling', 'verification'];
export type StepLimits = Record<CaseStep, TimeLimit>;

export type Light = 'green' | 'yellow' | 'red';
export type SupervisionLevel = 'none' | 'ordinary' | 'yellow' | 'red';
export const SUPERVISION_LEVELS: readonly SupervisionLevel[] = ['none', 'ordinary', 'yellow', 'red'];

/** Fractions of the step's limit at which supervision starts automatically (settings may change them). */
export interface SupervisionThresholds {
  ordinary: number;
  yellow: number;
  red: number;
}
export const DEFAULT_SUPERVISION_THRESHOLDS: SupervisionThresholds = { ordinary: 0.8, yellow: 1.0, red: 1.5 };

export function validateLimit(limit: TimeLimit): void {
  if (!LIMIT_UNITS.includes(limit.unit)) throw new RangeError(`unknown time limit unit '${limit.unit}'`);
  if (!(limit.amount > 0) || !Number.isFinite(limit.amount)) throw new RangeError('a time limit must be > 0');
  if (limit.unit === 'workday' && !Number.isInteger(limit.amount)) {
    throw new RangeError('a limit in workdays must be a whole number');
  }
}

/** The deadline of a step that started at `start`. */
export function deadlineFor(start: Date, limit: TimeLimit, calendar: WorkCalendar): Date {
  validateLimit(limit);
  switch (limit.unit) {
    case 'working_hour':
      return calendar.addWorkingHours(start, limit.amount);
    case 'urgent_hour':
      return calendar.addCalendarHours(start, limit.amount);
    case 'workday':
      return calendar.addWorkdays(start, limit.amount);
  }
}

/** Time between two instants as the unit counts it: working ms, or every ms for urgent limits. */
export function measuredMs(unit: LimitUnit, a: Date, b: Date, calendar: WorkCalendar): number {
  return unit === 'urgent_hour' ? b.getTime() - a.getTime() : calendar.workingMsBetween(a, b);
}

/**
 * The part of the step's limit used by `now`: measured time from start to now over measured time
 * from start to the deadline (working time for 工作时 and 工作日, all time for 紧急工作时).
 */
export function elapsedFraction(
  start: Date,
  deadline: Date,
  unit: LimitUnit,
  now: Date,
  calendar: WorkCalendar,
): number {
  const total = measuredMs(unit, start, deadline, calendar);
  const used = Math.max(0, measuredMs(unit, start, now, calendar));
  if (total <= 0) return now.getTime() > deadline.getTime() ? Number.POSITIVE_INFINITY : 1;
  return used / total;
}

/** Green below 80 % of the limit, yellow from 80 % to 100 % inclusive, red above 100 % (RULES.md §7). */
export function light(fraction: number): Light {
  if (fraction < 0.8) return 'green';
  if (fraction <= 1) return 'yellow';
  return 'red';
}

/** The highest level whose threshold the fraction has reached (≥). */
export function supervisionLevel(
  fraction: number,
  thresholds: SupervisionThresholds = DEFAULT_SUPERVISION_THRESHOLDS,
): SupervisionLevel {
  if (!(thresholds.ordinary <= thresholds.yellow && thresholds.yellow <= thresholds.red)) {
    throw new RangeError('supervision thresholds must rise: ordinary ≤ yellow ≤ red');
  }
  if (fraction >= thresholds.red) return 'red';
  if (fraction >= thresholds.yellow) return 'yellow';
  if (fraction >= thresholds.ordinary) return 'ordinary';
  return 'none';
}

/** Supervision only rises: a manual card is kept when the automatic level is lower. */
export function maxSupervision(a: SupervisionLevel, b: SupervisionLevel): SupervisionLevel {
  return SUPERVISION_LEVELS.indexOf(a) >= SUPERVISION_LEVELS.indexOf(b) ? a : b;
}

export interface StepStatus {
  deadline: Date;
  fraction: number;
  /** Past the deadline instant: red even at night when no working time has passed since. */
  overdue: boolean;
  light: Light;
  /** Automatic level only; combine with a manual one through maxSupervision. */
  supervision: SupervisionLevel;
  /** Measured ms from now to the deadline: negative past it (0 when overdue outside working hours). */
  remainingMs: number;
}

/** Where a running step stands at `now`. */
export function stepStatus(
  start: Date,
  limit: TimeLimit,
  now: Date,
  calendar: WorkCalendar,
  thresholds: SupervisionThresholds = DEFAULT_SUPERVISION_THRESHOLDS,
  deadline: Date = deadlineFor(start, limit, calendar),
): StepStatus {
  const fraction = elapsedFraction(start, deadline, limit.unit, now, calendar);
  const overdue = now.getTime() > deadline.getTime();
  return {
    deadline,
    fraction,
    overdue,
    light: overdue ? 'red' : light(fraction),
    supervision: supervisionLevel(fraction, thresholds),
    remainingMs: measuredMs(limit.unit, now, deadline, calendar),
  };
}
