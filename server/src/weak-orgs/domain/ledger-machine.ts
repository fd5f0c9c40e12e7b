// The rectification ledger of a listed weak org, as a state machine: listed → (the town sets the plan)
// rectifying → (every problem closed, the town asks) acceptance_requested → (the county, with
// evidence) accepted [销号] or back to rectifying → (回头看 after six months) reviewed, or, when the
// problems came back, rectifying again. Each transition names who may take it.

export const LEDGER_STATES = [
  'listed',
  'rectifying',
  'acceptance_requested',
  'accepted',
  'reviewed',
] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

export const LEDGER_ACTIONS = ['plan', 'request_acceptance', 'accept', 'reject', 'review'] as const;
export type LedgerAction = (typeof LEDGER_ACTIONS)[number];

/** The level that takes an action: the org's town (or above), or its county (or above). */
export type LedgerLevel = 'town' | 'county';

export const STATE_NAMES: Record<LedgerState, { zh: string; en: string }> = {
  listed: { zh: '已列入', en: 'Listed' },
  rectifying: { zh: '整顿中', en: 'Rectifying' },
  acceptance_requested: { zh: '申请销号', en: 'Acceptance requested' },
  accepted: { zh: '已销号', en: 'Accepted' },
  reviewed: { zh: '已回头看', en: 'Reviewed' },
};

export const ACTION_NAMES: Record<LedgerAction, { zh: string; en: string }> = {
  plan: { zh: '制定整顿方案', en: 'Set the plan' },
  request_acceptance: { zh: '申请销号', en: 'Request acceptance' },
  accept: { zh: '验收销号', en: 'Accept' },
  reject: { zh: '验收不通过', en: 'Reject' },
  review: { zh: '回头看', en: 'Review' },
};

const TRANSITIONS: Record<LedgerAction, { from: readonly LedgerState[]; level: LedgerLevel }> = {
  plan: { from: ['listed', 'rectifying'], level: 'town' },
  request_acceptance: { from: ['rectifying'], level: 'town' },
  accept: { from: ['acceptance_requested'], level: 'county' },
  reject: { from: ['acceptance_requested'], level: 'county' },
  review: { from: ['accepted'], level: 'county' },
};

export function levelOf(action: LedgerAction): LedgerLevel {
  return TRANSITIONS[action].level;
}

export function canTake(action: LedgerAction, state: LedgerState): boolean {
  return TRANSITIONS[action].from.includes(state);
}

/** The state after an action (review: 'reviewed' when consolidated, 'rectifying' when problems came back). */
export function nextState(action: LedgerAction, state: LedgerState, relapsed = false): LedgerState {
  if (!canTake(action, state)) throw new Error(`ledger: ${action} is not allowed in ${state}`);
  switch (action) {
    case 'plan':
    case 'reject':
      return 'rectifying';
    case 'request_acceptance':
      return 'acceptance_requested';
    case 'accept':
      return 'accepted';
    case 'review':
      return relapsed ? 'rectifying' : 'reviewed';
  }
}

export function allowedActions(state: LedgerState): LedgerAction[] {
  return LEDGER_ACTIONS.filter((a) => canTake(a, state));
}
