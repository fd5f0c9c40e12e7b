// The case lifecycle's vocabulary and its rule table: the states, the actions, who may take each from
// which state, what it requires and changes, whom it notifies (GB/T 30428 steps). case-machine.ts
// applies the table to one case; both are pure.
import type { CaseStep } from './sla.ts';

export const CASE_STATES = [
  'reported',
  'filed',
  'rejected',
  'dispatched',
  'in_handling',
  'returned',
  'extension_requested',
  'escalated',
  'handled',
  'closed',
  'evaluated',
  'reopened',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'file',
  'reject',
  'resolve_on_spot',
  'dispatch',
  'accept',
  'return',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'escalate',
  'whistle',
  'feedback',
  'verify_pass',
  'verify_fail',
  'evaluate',
  'reopen',
  'supervise',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who acts on cases: org_admin of a town or village is the dispatcher; system = timed jobs and external systems. */
export type CaseRole = 'grid_worker' | 'org_admin' | 'department_staff' | 'resident' | 'system';
export type RejectReason = 'invalid' | 'duplicate' | 'not_our_responsibility';
export const REJECT_REASONS: readonly RejectReason[] = ['invalid', 'duplicate', 'not_our_responsibility'];
export type Evaluation = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export const EVALUATIONS: readonly Evaluation[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

export interface CaseCounters {
  /** Dispatches after a department returned the case (wrong dispatch). */
  redispatch_count: number;
  /** Verifications that failed (返工). */
  rework_count: number;
  /** Extensions granted. */
  extension_count: number;
  /** Reopenings after a dissatisfied evaluation. */
  reopen_count: number;
}
export const ZERO_COUNTERS: CaseCounters = {
  redispatch_count: 0,
  rework_count: 0,
  extension_count: 0,
  reopen_count: 0,
};

export type Field =
  | 'note'
  | 'attachments'
  | 'categoryCode'
  | 'rejectReason'
  | 'duplicateOf'
  | 'departmentId'
  | 'departmentIds'
  | 'extension'
  | 'evaluation'
  | 'supervision';

export interface TransitionRule {
  from: readonly CaseState[];
  /** null: the state does not change. */
  to: CaseState | null;
  roles: readonly CaseRole[];
  required: readonly Field[];
  /** Whom to tell (notifications, webhooks). */
  notify: readonly Audience[];
}

export type Audience = 'reporter' | 'dispatcher' | 'department' | 'grid_worker' | 'summoned_departments';

const DISPATCHER: readonly CaseRole[] = ['org_admin'];
const DEPARTMENT: readonly CaseRole[] = ['department_staff'];
/** What only the department the case is dispatched to may do. */
export const DEPARTMENT_ACTIONS: readonly CaseAction[] = [
  'accept',
  'return',
  'request_extension',
  'feedback',
];

/** The whole lifecycle. */
export const TRANSITIONS: Record<CaseAction, TransitionRule> = {
  file: {
    from: ['reported'],
    to: 'filed',
    roles: ['org_admin', 'system'],
    required: ['categoryCode'],
    notify: ['reporter'],
  },
  reject: {
    from: ['reported', 'returned'],
    to: 'rejected',
    roles: DISPATCHER,
    required: ['rejectReason', 'note'],
    notify: ['reporter'],
  },
  resolve_on_spot: {
    from: ['reported', 'filed'],
    to: 'closed',
    roles: ['grid_worker'],
    required: ['note', 'attachments'],
    notify: ['reporter', 'dispatcher'],
  },
  dispatch: {
    from: ['filed', 'returned', 'escalated', 'reopened'],
    to: 'dispatched',
    roles: ['org_admin', 'system'],
    required: ['departmentId'],
    notify: ['department'],
  },
  accept: {
    from: ['dispatched'],
    to: 'in_handling',
    roles: DEPARTMENT,
    required: [],
    notify: ['dispatcher'],
  },
  return: {
    from: ['dispatched', 'in_handling'],
    to: 'returned',
    roles: DEPARTMENT,
    required: ['note'],
    notify: ['dispatcher'],
  },
  request_extension: {
    from: ['in_handling'],
    to: 'extension_requested',
    roles: DEPARTMENT,
    required: ['extension', 'note'],
    notify: ['dispatcher'],
  },
  approve_extension: {
    from: ['extension_requested'],
    to: 'in_handling',
    roles: DISPATCHER,
    required: [],
    notify: ['department'],
  },
  deny_extension: {
    from: ['extension_requested'],
    to: 'in_handling',
    roles: DISPATCHER,
    required: ['note'],
    notify: ['department'],
  },
  escalate: {
    from: ['filed', 'returned', 'reopened', 'dispatched', 'in_handling'],
    to: 'escalated',
    roles: ['org_admin', 'system'],
    required: ['note'],
    notify: ['dispatcher'],
  },
  whistle: {
    from: ['filed', 'returned', 'escalated', 'reopened', 'dispatched', 'in_handling'],
    to: 'in_handling',
    roles: DISPATCHER,
    required: ['departmentIds', 'note'],
    notify: ['summoned_departments'],
  },
  feedback: {
    from: ['in_handling'],
    to: 'handled',
    roles: ['department_staff', 'org_admin'],
    required: ['note', 'attachments'],
    notify: ['grid_worker', 'dispatcher'],
  },
  verify_pass: {
    from: ['handled'],
    to: 'closed',
    roles: ['grid_worker', 'org_admin'],
    required: [],
    notify: ['reporter', 'department'],
  },
  verify_fail: {
    from: ['handled'],
    to: 'in_handling',
    roles: ['grid_worker', 'org_admin'],
    required: ['note'],
    notify: ['department', 'dispatcher'],
  },
  evaluate: {
    from: ['closed'],
    to: 'evaluated',
    roles: ['resident', 'org_admin', 'system'],
    required: ['evaluation'],
    notify: ['dispatcher', 'department'],
  },
  reopen: {
    from: ['evaluated'],
    to: 'reopened',
    roles: ['resident', 'org_admin', 'system'],
    required: ['note'],
    notify: ['dispatcher'],
  },
  supervise: {
    from: [
      'reported',
      'filed',
      'dispatched',
      'in_handling',
      'returned',
      'extension_requested',
      'escalated',
      'handled',
      'reopened',
    ],
    to: null,
    roles: ['org_admin', 'system'],
    required: ['supervision'],
    notify: ['department', 'dispatcher'],
  },
};

export const OPEN_STATES: readonly CaseState[] = TRANSITIONS.supervise.from;
/** No action leads out of these (an evaluated case may still be reopened once when dissatisfied). */
export const FINAL_STATES: readonly CaseState[] = ['rejected', 'closed', 'evaluated'];

/** Which timed step runs in a state (its limit comes from the category); null when none. */
export function stepOfState(state: CaseState): CaseStep | null {
  switch (state) {
    case 'reported':
    case 'filed':
    case 'returned':
    case 'escalated':
    case 'reopened':
      return 'dispatch';
    case 'dispatched':
    case 'in_handling':
    case 'extension_requested':
      return 'handling';
    case 'handled':
      return 'verification';
    default:
      return null;
  }
}
