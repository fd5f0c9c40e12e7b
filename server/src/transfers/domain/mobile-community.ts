// 流动党员 (outflow / inflow, 双向管理) and 双报到双服务 (community reports, service hours, the
// community's annual assessment): pure rules.
//   mobile: outflow (home org registers) ──confirm_inflow (inflow org)──▶ inflow_confirmed ──end──▶ ended
import { isDate } from '../../recruitment/domain/dates.ts';
import type { Decision } from './transfer-machine.ts';
import { type TransferSettings, violations } from './transfer-rules.ts';

const ok = <T>(effects: T): Decision<T> => ({ ok: true, effects });
const no = <T>(violation: import('./transfer-rules.ts').Violation): Decision<T> => ({ ok: false, violation });

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

export interface ReportInput {
  community: { name: string; isCommunity: boolean };
  reporter:
    | { kind: 'member'; occupation: string }
    | { kind: 'unit'; name: string; level: string; category: string };
  reportedOn: string;
  today: string;
  alreadyThisYear: boolean;
}

export function reportToCommunity(input: ReportInput): Decision<{ year: number }> {
  if (!isDate(input.reportedOn)) return no(violations.badDate('reportedOn', input.reportedOn));
  if (input.reportedOn > input.today)
    return no(violations.futureDate('报到日期', input.reportedOn, input.today));
  if (!input.community.isCommunity) return no(violations.reportNotCommunity(input.community.name));
  const r = input.reporter;
  if (r.kind === 'member' && r.occupation !== 'in_service')
    return no(violations.reportNotInService(r.occupation));
  if (r.kind === 'unit' && (r.category === 'territorial' || r.level !== 'unit'))
    return no(violations.reportUnitNotUnit(r.name));
  const year = Number(input.reportedOn.slice(0, 4));
  if (input.alreadyThisYear) return no(violations.reportDuplicate(year));
  return ok({ year });
}

export function recordService(on: string, hours: number, reportedOn: string, today: string): Decision<true> {
  if (!isDate(on)) return no(violations.badDate('servedOn', on));
  if (on > today) return no(violations.futureDate('服务日期', on, today));
  if (!(hours >= 0.5 && hours <= 24)) return no(violations.hoursOutOfRange(hours));
  if (on < reportedOn) return no(violations.serviceBeforeReport(on, reportedOn));
  return ok(true);
}

export interface ReporterYear {
  kind: 'member' | 'unit';
  hours: number;
}

export interface AnnualAssessment {
  year: number;
  members: number;
  units: number;
  totalHours: number;
  /** members who gave at least the expected hours (setting annualServiceHours) */
  membersMeetingTarget: number;
  /** reporters (members and units) with no service at all that year */
  inactive: number;
  targetHours: number;
  /** share of reporting members meeting the target, 0–1 (0 when none reported) */
  rate: number;
}

/** The community's annual assessment figures of its reporters (双报到 考核). */
export function annualAssessment(
  year: number,
  reporters: ReporterYear[],
  settings: TransferSettings,
): AnnualAssessment {
  const members = reporters.filter((r) => r.kind === 'member');
  const meeting = members.filter((r) => r.hours >= settings.annualServiceHours).length;
  const total = reporters.reduce((s, r) => s + r.hours, 0);
  return {
    year,
    members: members.length,
    units: reporters.length - members.length,
    totalHours: Math.round(total * 10) / 10,
    membersMeetingTarget: meeting,
    inactive: reporters.filter((r) => r.hours === 0).length,
    targetHours: settings.annualServiceHours,
    rate: members.length === 0 ? 0 : Math.round((meeting / members.length) * 1000) / 1000,
  };
}
