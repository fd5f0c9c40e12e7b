// 组织关系转接 as a pure state machine: the scope from the two orgs' division codes, the introduction
// letter (介绍信) with its number and validity, and the rules at each transition.
//   issued ──confirm (receiving org, letter valid)──▶ received ──return_receipt──▶ receipt_returned
//     │ ├─withdraw (sending org)──▶ withdrawn
//     │ └─refuse (receiving org, reason)──▶ refused
//     └─(validity passes while issued)──▶ expired (read as such; withdraw still allowed)
import { addDays, addMonths, isDate } from '../../recruitment/domain/dates.ts';
import { MEMBER_HOLDING_KINDS, type TransferSettings, type Violation, violations } from './transfer-rules.ts';

export type TransferScope = 'city' | 'province' | 'national';
export const TRANSFER_SCOPES: readonly TransferScope[] = ['city', 'province', 'national'];
export type TransferState = 'issued' | 'received' | 'receipt_returned' | 'withdrawn' | 'refused';
export const TRANSFER_STATES: readonly TransferState[] = [
  'issued',
  'received',
  'receipt_returned',
  'withdrawn',
  'refused',
];
/** What a reader sees: an issued letter past its validity reads as expired. */
export type TransferView = TransferState | 'expired';
export type TransferAction = 'confirm' | 'return_receipt' | 'withdraw' | 'refuse';
export const TRANSFER_ACTIONS: readonly TransferAction[] = [
  'confirm',
  'return_receipt',
  'withdraw',
  'refuse',
];

export type Decision<T> = { ok: true; effects: T } | { ok: false; violation: Violation };
const ok = <T>(effects: T): Decision<T> => ({ ok: true, effects });
const no = <T>(violation: Violation): Decision<T> => ({ ok: false, violation });

/**
 * The scope from the 行政区划 codes of the two orgs: the same city (first 4 digits: 4407 is
 * Jiangmen) is the city's own system, the same province (first 2 digits) the province, else national.
 */
export function transferScope(fromDivision: string, toDivision: string): TransferScope {
  if (fromDivision.slice(0, 4) === toDivision.slice(0, 4)) return 'city';
  if (fromDivision.slice(0, 2) === toDivision.slice(0, 2)) return 'province';
  return 'national';
}

export function validityMonths(scope: TransferScope, settings: TransferSettings): number {
  return scope === 'national' ? settings.letterValidityMonthsNational : settings.letterValidityMonths;
}

/** 介绍信编号: the sending org's code, the year and a 4-digit sequence of that org's letters that year. */
export function letterNumber(fromOrgCode: string, issuedOn: string, seq: number): string {
  return `${fromOrgCode}-${issuedOn.slice(0, 4)}-${String(seq).padStart(4, '0')}`;
}

export interface IssueInput {
  member: { orgId: number; transferInProgress: string | null; mobileOpen: boolean };
  from: { id: number; code: string; divisionCode: string };
  to: { id: number; name: string; kind: string; divisionCode: string };
  issuedOn: string;
  today: string;
  seq: number;
}

export interface IssueEffects {
  scope: TransferScope;
  letterNo: string;
  validUntil: string;
}

export function issue(input: IssueInput, settings: TransferSettings): Decision<IssueEffects> {
  const { member, from, to, issuedOn, today } = input;
  if (!isDate(issuedOn)) return no(violations.badDate('issuedOn', issuedOn));
  if (issuedOn > today) return no(violations.futureDate('开具日期', issuedOn, today));
  if (member.transferInProgress) return no(violations.inProgress(member.transferInProgress));
  if (member.mobileOpen) return no(violations.mobileActive());
  if (to.id === member.orgId) return no(violations.sameOrg());
  if (!(MEMBER_HOLDING_KINDS as readonly string[]).includes(to.kind))
    return no(violations.receivingNotBranch(to.name, to.kind));
  const scope = transferScope(from.divisionCode, to.divisionCode);
  // valid through the same date N months later (clamped to the month's end: 01-31 + 3 → 04-30)
  const validUntil = addMonths(issuedOn, validityMonths(scope, settings));
  return ok({ scope, letterNo: letterNumber(from.code, issuedOn, input.seq), validUntil });
}

export interface TransferFacts {
  state: TransferState;
  letterNo: string;
  validUntil: string;
  fromOrgId: number;
  toOrgId: number;
  memberOrgId: number;
}

/** Which side the actor acts for: the org holding the letter's sending or receiving end in its scope. */
export interface Sides {
  sending: boolean;
  receiving: boolean;
}

export function view(t: Pick<TransferFacts, 'state' | 'validUntil'>, today: string): TransferView {
  return t.state === 'issued' && today > t.validUntil ? 'expired' : t.state;
}

/** Received but the receipt not yet back after the configured days. */
export function receiptOverdue(
  state: TransferState,
  receivedOn: string | null,
  today: string,
  settings: TransferSettings,
): boolean {
  return (
    state === 'received' && receivedOn !== null && today > addDays(receivedOn, settings.receiptWithinDays)
  );
}

export interface TransitionEffects {
  state: TransferState;
  /** confirm: the member moves from → to. */
  moveMember: boolean;
}

export function transition(
  t: TransferFacts,
  action: TransferAction,
  sides: Sides,
  today: string,
  reason: string | undefined,
): Decision<TransitionEffects> {
  const current = view(t, today);
  switch (action) {
    case 'confirm':
      if (!sides.receiving) return no(violations.notReceivingOrg(action));
      if (current === 'expired') return no(violations.letterExpired(t.letterNo, t.validUntil, today));
      if (t.state !== 'issued') return no(violations.wrongState(action, current));
      if (t.memberOrgId !== t.fromOrgId) return no(violations.memberMoved());
      return ok({ state: 'received', moveMember: true });
    case 'refuse':
      if (!sides.receiving) return no(violations.notReceivingOrg(action));
      if (t.state !== 'issued') return no(violations.wrongState(action, current));
      if (!reason?.trim()) return no(violations.reasonRequired(action));
      return ok({ state: 'refused', moveMember: false });
    case 'return_receipt':
      if (!sides.receiving) return no(violations.notReceivingOrg(action));
      if (t.state !== 'received') return no(violations.wrongState(action, current));
      return ok({ state: 'receipt_returned', moveMember: false });
    case 'withdraw':
      if (!sides.sending) return no(violations.notSendingOrg(action));
      if (t.state !== 'issued') return no(violations.wrongState(action, current));
      return ok({ state: 'withdrawn', moveMember: false });
  }
}
