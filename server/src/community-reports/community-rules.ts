// 双报到双服务: the rules the community pages add to domain/community-report.ts — when the annual
// assessment opens, that a service counts in its report's year, how a community identifies a member
// of another unit (the ID number), and the refusals, each with a stable code in Chinese and English.
import { AppError } from '../platform/errors/errors.ts';
import { validateIdNumber } from '../platform/text/id-number.ts';
import type { Assessment } from './community-report-tables.ts';

export const ASSESSMENTS: readonly Assessment[] = ['excellent', 'good', 'fair', 'poor'];
export const ASSESSMENT_ZH: Record<Assessment, string> = {
  excellent: '优秀',
  good: '良好',
  fair: '一般',
  poor: '较差',
};

/** The community assesses a year's reporters at the end of that year: from 1 December on. */
export const ASSESSMENT_OPENS = '12-01';

export function assessmentOpen(year: number, today: string): boolean {
  return today >= `${year}-${ASSESSMENT_OPENS}`;
}

export const communityErrors = {
  assessmentNotOpen: (year: number) =>
    new AppError(
      422,
      'COMMUNITY_ASSESSMENT_NOT_OPEN',
      `${year} 年度考核自 ${year}-${ASSESSMENT_OPENS} 起进行，年终再评定。`,
      `The ${year} assessment opens on ${year}-${ASSESSMENT_OPENS}: assess at the end of the year.`,
      { year, opensOn: `${year}-${ASSESSMENT_OPENS}` },
    ),
  serviceOtherYear: (servedOn: string, year: number) =>
    new AppError(
      422,
      'COMMUNITY_SERVICE_OTHER_YEAR',
      `服务日期 ${servedOn} 不在报到年度 ${year} 年内，请在该年度的报到中记录。`,
      `The service date ${servedOn} is outside the report's year ${year}: record it on that year's report.`,
      { servedOn, year },
    ),
  idNumberInvalid: (reason: string) =>
    new AppError(
      400,
      'COMMUNITY_ID_NUMBER_INVALID',
      '身份证号格式不正确，请核对 18 位公民身份号码。',
      'The ID number is not a valid 18-character citizen ID number.',
      { field: 'idNumber', reason },
    ),
  communitySideOnly: () =>
    new AppError(
      403,
      'COMMUNITY_REPORT_COMMUNITY_ONLY',
      '按身份证号登记其他单位的党员，只能由所报到社区（或其上级）办理。',
      'Only the community reported to (or a higher org) registers a member of another unit by ID number.',
    ),
  memberNotFound: () =>
    new AppError(
      404,
      'MEMBER_NOT_FOUND',
      '全市党员库中没有该身份证号的党员，请核对，或由其所在党组织先完成组织关系转接。',
      'No member of the city has this ID number: check it, or ask the member’s organization.',
    ),
};

/** A normalized, valid 18-character ID number, or the refusal. */
export function checkedIdNumber(input: string): string {
  const s = input.trim().toUpperCase();
  const r = validateIdNumber(s);
  if (!r.ok) throw communityErrors.idNumberInvalid(r.reason);
  return s;
}

/** A service is recorded on the report of its own year. */
export function checkServiceYear(servedOn: string, year: number): void {
  if (Number(servedOn.slice(0, 4)) !== year) throw communityErrors.serviceOtherYear(servedOn, year);
}
