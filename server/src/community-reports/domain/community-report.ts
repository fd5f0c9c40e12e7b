// 双报到双服务 (community reports, service hours, the community's annual assessment): pure rules.
// Settings and refusals are shared with transfers (transfers/domain/transfer-rules.ts).
import { isDate } from '../../platform/time/calendar.ts';
import type { Decision } from '../../transfers/domain/transfer-machine.ts';
import { type TransferSettings, type Violation, violations } from '../../transfers/domain/transfer-rules.ts';

const ok = <T>(effects: T): Decision<T> => ({ ok: true, effects });
const no = <T>(violation: Violation): Decision<T> => ({ ok: false, violation });

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
