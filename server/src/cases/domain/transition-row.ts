// What a transition writes: the machine's decision (case-machine.ts) mapped onto the case row's columns
// and the step's details, at an instant. Pure: the service reads what it needs first (the requested
// extension, the category's limits, the calendar and thresholds) and stores what this returns.
import type { WorkCalendar } from './calendar.ts';
import type { TransitionOk } from './case-machine.ts';
import type { CivicCase } from './case-tables.ts';
import {
  deadlineFor,
  type LimitUnit,
  type StepLimits,
  type SupervisionLevel,
  type SupervisionThresholds,
  type TimeLimit,
} from './sla.ts';
import { lightAt, stepInstants } from './step-instants.ts';

const RESPONDING_ACTIONS = ['file', 'reject', 'dispatch', 'whistle', 'resolve_on_spot'];

export interface TransitionRowContext {
  now: Date;
  /** The step limits of the case's category after the change ('normal' preset without one). */
  limits: StepLimits;
  calendar: WorkCalendar;
  thresholds: SupervisionThresholds;
  /** The urgency of the category the case is filed under, when the transition sets one. */
  categoryUrgent: boolean | null;
  /** The extension the department asked for (its last request), when the machine grants one. */
  requestedExtension: TimeLimit | null;
  /** The extension asked for by this very transition (request_extension). */
  extensionAsked: TimeLimit | null;
  /** The department of the acting account (department staff), else null. */
  departmentOfActor: number | null;
}

export interface TransitionRow {
  /** The columns of civic_case to set (besides the version, which the repository raises). */
  set: Record<string, unknown>;
  /** The step's details (case_step.details) and the audit's after. */
  details: Record<string, unknown>;
}

/** The stored instants of a running step: when it turns yellow and when automatic supervision next rises. */
export function stepClock(
  step: { started: Date; deadline: Date; unit: LimitUnit } | null,
  supervision: SupervisionLevel,
  calendar: WorkCalendar,
  thresholds: SupervisionThresholds,
): { step_yellow_at: Date | null; supervise_at: Date | null } {
  if (!step) return { step_yellow_at: null, supervise_at: null };
  const i = stepInstants(step.started, step.deadline, step.unit, supervision, calendar, thresholds);
  return { step_yellow_at: i.yellowAt, supervise_at: i.superviseAt };
}

export function transitionRow(c: CivicCase, r: TransitionOk, ctx: TransitionRowContext): TransitionRow {
  const { now, limits, calendar, thresholds } = ctx;
  const set: Record<string, unknown> = {
    state: r.next,
    redispatch_count: r.counters.redispatch_count,
    rework_count: r.counters.rework_count,
    extension_count: r.counters.extension_count,
    reopen_count: r.counters.reopen_count,
    updated_at: now,
  };
  const details: Record<string, unknown> = {};
  if (r.changes.categoryCode !== undefined) {
    set.category_code = r.changes.categoryCode;
    if (ctx.categoryUrgent !== null) set.urgent = c.urgent || ctx.categoryUrgent;
    details.categoryCode = r.changes.categoryCode;
  }
  if (r.changes.departmentId !== undefined) {
    set.department_id = r.changes.departmentId;
    details.departmentId = r.changes.departmentId;
  }
  if (r.changes.rejection) {
    set.rejection_reason = r.changes.rejection.reason;
    set.duplicate_of = r.changes.rejection.duplicateOf;
    set.rejection_note = r.changes.rejection.note;
    details.rejection = r.changes.rejection;
  }
  if (r.changes.evaluation !== undefined) {
    set.evaluation = r.changes.evaluation;
    set.evaluated_at = r.changes.evaluation === null ? null : now;
    details.evaluation = r.changes.evaluation;
  }
  if (r.changes.supervision !== undefined) {
    set.supervision = r.changes.supervision;
    details.supervision = r.changes.supervision;
  }
  if (r.action === 'request_extension' && ctx.extensionAsked) details.extension = ctx.extensionAsked;
  if (r.action === 'return' && ctx.departmentOfActor) details.returnedBy = ctx.departmentOfActor;
  if (r.changes.summonsAdded) details.summoned = r.changes.summonsAdded;
  if (RESPONDING_ACTIONS.includes(r.action) && !c.responded_at) set.responded_at = now;
  if (r.action === 'feedback' && !c.handled_at) set.handled_at = now;
  if (r.next === 'closed') set.closed_at = now;
  if (r.action === 'reopen') set.closed_at = null;

  // the step clock and its instants: the light is read from them, the escalation job wakes at
  // supervise_at; `light` keeps the light of this moment (the one shown once the step has stopped)
  const supervision = r.changes.supervision ?? c.supervision;
  const lightNow = (started: Date | null, deadline: Date | null, yellowAt: Date | null) =>
    started && deadline ? lightAt(now, { deadline, yellowAt: yellowAt ?? deadline }) : c.light;
  if (r.clock === 'restart' && r.step) {
    const deadline = deadlineFor(now, limits[r.step], calendar);
    const instants = stepClock(
      { started: now, deadline, unit: limits[r.step].unit },
      supervision,
      calendar,
      thresholds,
    );
    Object.assign(set, {
      step: r.step,
      step_started_at: now,
      step_deadline: deadline,
      light: 'green',
      ...instants,
    });
    if (r.step === 'handling' && !c.handled_at) set.handling_deadline = deadline;
    details.stepDeadline = deadline.toISOString();
  } else if (r.clock === 'extend') {
    const granted = r.changes.extensionGranted ?? ctx.requestedExtension;
    if (granted && c.step) {
      const deadline = deadlineFor(c.step_deadline ?? now, granted, calendar);
      const started = c.step_started_at ?? now;
      const instants = stepClock(
        { started, deadline, unit: limits[c.step].unit },
        supervision,
        calendar,
        thresholds,
      );
      Object.assign(set, {
        step_deadline: deadline,
        ...instants,
        light: lightNow(started, deadline, instants.step_yellow_at),
      });
      if (!c.handled_at) set.handling_deadline = deadline;
      details.extension = granted;
      details.stepDeadline = deadline.toISOString();
    }
  } else if (r.clock === 'stop') {
    Object.assign(set, {
      step: null,
      step_started_at: null,
      step_deadline: null,
      step_yellow_at: null,
      supervise_at: null,
      light: lightNow(c.step_started_at, c.step_deadline, c.step_yellow_at),
    });
  } else if (c.step && c.step_started_at && c.step_deadline) {
    // the same step runs on: a manual supervision moves the next automatic one, and a new category
    // may measure the step in another unit (its deadline stays)
    if (r.changes.supervision !== undefined || r.changes.categoryCode !== undefined) {
      const unit = limits[c.step].unit;
      Object.assign(
        set,
        stepClock(
          { started: c.step_started_at, deadline: c.step_deadline, unit },
          supervision,
          calendar,
          thresholds,
        ),
      );
    }
    const yellowAt = (set.step_yellow_at as Date | undefined) ?? c.step_yellow_at;
    set.light = lightNow(c.step_started_at, c.step_deadline, yellowAt);
  }
  return { set, details };
}
