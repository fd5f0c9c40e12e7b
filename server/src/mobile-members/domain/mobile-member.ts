// 流动党员 (outflow / inflow, 双向管理): pure rules.
//   mobile: outflow (home org registers) ──confirm_inflow (inflow org)──▶ inflow_confirmed ──end──▶ ended
import { isDate } from '../../platform/time/calendar.ts';
import type { Decision } from '../../transfers/domain/transfer-machine.ts';
import { type TransferSettings, violations } from '../../transfers/domain/transfer-rules.ts';

const ok = <T>(effects: T): Decision<T> => ({ ok: true, effects });
const no = <T>(violation: import('../../transfers/domain/transfer-rules.ts').Violation): Decision<T> => ({
  ok: false,
  violation,
});

export type MobileState = 'outflow' | 'inflow_confirmed' | 'ended';
export const MOBILE_STATES: readonly MobileState[] = ['outflow', 'inflow_confirmed', 'ended'];

export interface OutflowInput {
  memberOrgId: number;
  openRegistration: boolean;
  inflowOrgId: number | null;
  since: string;
  expectedMonths: number;
  fixedPlace: boolean;
  today: string;
}

export function registerOutflow(
  input: OutflowInput,
  settings: TransferSettings,
): Decision<{ state: MobileState }> {
  if (!isDate(input.since)) return no(violations.badDate('since', input.since));
  if (input.since > input.today) return no(violations.futureDate('外出日期', input.since, input.today));
  if (input.openRegistration) return no(violations.mobileAlready());
  if (input.inflowOrgId !== null && input.inflowOrgId === input.memberOrgId)
    return no(violations.mobileInflowSelf());
  if (input.fixedPlace && input.expectedMonths > settings.mobileMaxMonths)
    return no(violations.mobileTooLong(input.expectedMonths, settings.mobileMaxMonths));
  return ok({ state: 'outflow' });
}

export type MobileAction = 'confirm_inflow' | 'end';
export const MOBILE_ACTIONS: readonly MobileAction[] = ['confirm_inflow', 'end'];

export function mobileTransition(
  state: MobileState,
  action: MobileAction,
  sides: { home: boolean; inflow: boolean },
): Decision<{ state: MobileState }> {
  if (action === 'confirm_inflow') {
    if (!sides.inflow) return no(violations.notReceivingOrg('confirm_inflow'));
    if (state !== 'outflow') return no(violations.wrongState(action, state));
    return ok({ state: 'inflow_confirmed' });
  }
  if (!sides.home) return no(violations.notSendingOrg('end'));
  if (state === 'ended') return no(violations.wrongState(action, state));
  return ok({ state: 'ended' });
}

/** The inflow org records the member's organizational life on a day on or after the outflow. */
export function recordActivity(on: string, since: string, today: string): Decision<true> {
  if (!isDate(on)) return no(violations.badDate('on', on));
  if (on > today) return no(violations.futureDate('组织生活日期', on, today));
  if (on < since) return no(violations.activityBeforeOutflow(on, since));
  return ok(true);
}
