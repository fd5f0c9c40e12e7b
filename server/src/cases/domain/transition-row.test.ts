import { describe, expect, test } from 'vitest';
import { WorkCalendar } from './calendar.ts';
import { CALENDAR_DEFAULTS } from './calendar-defaults.ts';
import { type CaseSnapshot, type TransitionInput, transition, ZERO_COUNTERS } from './case-machine.ts';
import type { CivicCase } from './case-tables.ts';
import { DEFAULT_SUPERVISION_THRESHOLDS, deadlineFor, type StepLimits } from './sla.ts';
import { type TransitionRowContext, transitionRow } from './transition-row.ts';

const cal = new WorkCalendar(CALENDAR_DEFAULTS);
const LIMITS: StepLimits = {
  dispatch: { amount: 2, unit: 'working_hour' },
  handling: { amount: 3, unit: 'workday' },
  verification: { amount: 1, unit: 'workday' },
};
const now = cal.at('2025-10-09 10:00');

function context(over: Partial<TransitionRowContext> = {}): TransitionRowContext {
  return {
    now,
    limits: LIMITS,
    calendar: cal,
    thresholds: DEFAULT_SUPERVISION_THRESHOLDS,
    categoryUrgent: null,
    requestedExtension: null,
    extensionAsked: null,
    departmentOfActor: null,
    ...over,
  };
}

function caseRow(over: Partial<CivicCase>): CivicCase {
  return {
    state: 'reported',
    urgent: false,
    department_id: null,
    reporter_account_id: 7,
    evaluation: null,
    supervision: 'none',
    responded_at: null,
    handled_at: null,
    step: 'dispatch',
    step_started_at: cal.at('2025-10-09 09:00'),
    step_deadline: cal.at('2025-10-09 11:00'),
    step_yellow_at: cal.at('2025-10-09 10:36'),
    light: 'green',
    ...ZERO_COUNTERS,
    ...over,
  } as CivicCase;
}

function decide(c: CivicCase, action: string, input: Partial<TransitionInput>) {
  const snapshot: CaseSnapshot = {
    state: c.state,
    counters: ZERO_COUNTERS,
    departmentId: c.department_id,
    reporterAccountId: c.reporter_account_id,
    evaluation: c.evaluation,
    supervision: c.supervision,
    summons: [],
  };
  const r = transition(snapshot, action, {
    actor: { role: 'org_admin', id: 1, departmentId: null },
    note: null,
    attachments: null,
    categoryCode: null,
    rejectReason: null,
    duplicateOf: null,
    departmentId: null,
    departmentIds: null,
    extension: null,
    evaluation: null,
    supervision: null,
    departmentNames: {},
    ...input,
  });
  if (!r.ok) throw new Error(`${r.code}: ${r.message_en}`);
  return r;
}

describe('transitionRow: the machine decision as the case row', () => {
  test('dispatch: new department, responded now, the handling step starts with its instants', () => {
    const c = caseRow({ state: 'filed', category_code: 'road' });
    const r = decide(c, 'dispatch', { departmentId: 12 });
    const { set, details } = transitionRow(c, r, context());
    const deadline = deadlineFor(now, LIMITS.handling, cal);
    expect(set).toMatchObject({
      state: 'dispatched',
      department_id: 12,
      responded_at: now,
      updated_at: now,
      step: 'handling',
      step_started_at: now,
      step_deadline: deadline,
      handling_deadline: deadline,
      light: 'green',
    });
    expect(set.step_yellow_at).toBeInstanceOf(Date);
    expect(details).toEqual({ departmentId: 12, stepDeadline: deadline.toISOString() });
  });

  test('reject stops the step and keeps the light of the moment; closed_at only when the case closes', () => {
    const c = caseRow({ state: 'reported' });
    const r = decide(c, 'reject', { rejectReason: 'invalid', note: '重复' });
    const { set, details } = transitionRow(c, r, context());
    expect(set).toMatchObject({
      state: 'rejected',
      step: null,
      step_deadline: null,
      supervise_at: null,
      rejection_reason: 'invalid',
      light: 'green',
    });
    expect(set).not.toHaveProperty('closed_at');
    expect(details.rejection).toEqual({ reason: 'invalid', duplicateOf: null, note: '重复' });
  });

  test('a filed category sets urgency only upward', () => {
    const c = caseRow({ state: 'reported', urgent: true });
    const r = decide(c, 'file', { categoryCode: 'road' });
    expect(transitionRow(c, r, context({ categoryUrgent: false })).set.urgent).toBe(true);
    const calm = caseRow({ state: 'reported', urgent: false });
    expect(transitionRow(calm, r, context({ categoryUrgent: true })).set.urgent).toBe(true);
    expect(transitionRow(calm, r, context({ categoryUrgent: null })).set).not.toHaveProperty('urgent');
  });
});
