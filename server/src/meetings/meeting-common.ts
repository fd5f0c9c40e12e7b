// What the organizational-life services share: which orgs hold organizational life, the settings,
// this capability's errors (each with a stable code and a message in Chinese and English).
import type { Db, ExpressionBuilder } from '../platform/db/handle.ts';
import type { DB } from '../platform/db/schema.ts';
import { badRequest, forbidden, notFound, unprocessable } from '../platform/errors/errors.ts';
import { readSetting } from '../platform/settings/settings.ts';
import {
  MEETING_KIND_NAMES,
  MEETING_SETTINGS_DEFAULTS,
  MEETING_SETTINGS_KEY,
  type MeetingKind,
  type MeetingSettings,
  mergeMeetingSettings,
} from './domain/meeting-rules.ts';

export async function readMeetingSettings(db: Db): Promise<MeetingSettings> {
  const stored = await readSetting<Partial<MeetingSettings>>(db, MEETING_SETTINGS_KEY, {});
  return mergeMeetingSettings(stored);
}
export { MEETING_SETTINGS_DEFAULTS };

/** Kinds of org that are a party branch (党支部) of their own. */
export const BRANCH_KINDS = ['branch', 'joint_branch', 'temporary_branch', 'general_branch'] as const;

/**
 * The orgs that hold organizational life and receive the monthly checklist: every branch (支部, 联合支部,
 * 临时支部, 党总支) and every village / community party org (村、社区党组织, whatever its kind). 党小组
 * (group) meet inside their branch; committees above the village are the issuers.
 */
export function holdsOrgLife(eb: ExpressionBuilder<DB, 'org'>) {
  return eb.or([eb('org.kind', 'in', [...BRANCH_KINDS]), eb('org.level', '=', 'village')]);
}
export const isOrgLifeOrg = (org: { kind: string; level: string }) =>
  (BRANCH_KINDS as readonly string[]).includes(org.kind) || org.level === 'village';

const kindName = (k: MeetingKind) => MEETING_KIND_NAMES[k];

export const meetingErrors = {
  notBranch: (name: string) =>
    unprocessable(
      'MEETING_ORG_NOT_BRANCH',
      `${name} 不是党支部或村（社区）党组织，不能登记组织生活。请选择召开会议的党支部。`,
      `${name} is not a party branch or village party org: choose the branch that held the meeting.`,
    ),
  badDate: (field: string, value: string) =>
    badRequest(
      'MEETING_DATE_INVALID',
      `日期 ${value} 无效，请按 YYYY-MM-DD 填写。`,
      `The date ${value} is not valid: use YYYY-MM-DD.`,
      { field, value },
    ),
  future: (heldOn: string, today: string) =>
    unprocessable(
      'MEETING_DATE_FUTURE',
      `会议日期 ${heldOn} 晚于今天（${today}）：只能登记已召开的会议。`,
      `The meeting date ${heldOn} is after today (${today}): only meetings already held can be recorded.`,
      { heldOn, today },
    ),
  attendeeOutside: (memberIds: number[], orgName: string) =>
    unprocessable(
      'MEETING_ATTENDEE_NOT_IN_BRANCH',
      `签到名单中有 ${memberIds.length} 人不是 ${orgName} 的党员（编号 ${memberIds.join('、')}），只能为本支部党员签到。`,
      `${memberIds.length} attendee(s) are not members of ${orgName} (ids ${memberIds.join(', ')}): sign in only the branch's members.`,
      { memberIds },
    ),
  duplicateAttendee: (memberId: number) =>
    badRequest(
      'MEETING_ATTENDEE_DUPLICATE',
      `党员 ${memberId} 在签到名单中出现了不止一次。`,
      `Member ${memberId} appears more than once in the sign-in.`,
      { memberId },
    ),
  absentReason: (memberId: number) =>
    badRequest(
      'MEETING_ABSENCE_REASON_REQUIRED',
      `党员 ${memberId} 缺席，须填写缺席原因。`,
      `Member ${memberId} was absent: give the reason.`,
      { memberId },
    ),
  noAttendance: () =>
    badRequest(
      'MEETING_ATTENDANCE_REQUIRED',
      '请为参会党员签到：签到名单不能为空。',
      'Sign in the members who attended: the attendance list is empty.',
    ),
  issuerLevel: () =>
    forbidden(
      'CHECKLIST_ISSUER_LEVEL',
      '每月组织生活清单由市委或县（市、区）委组织部门制定和下发。',
      'The monthly checklist is composed and published by the city or a county.',
    ),
  badMonth: (month: string) =>
    badRequest(
      'CHECKLIST_MONTH_INVALID',
      `月份 ${month} 无效，请按 YYYY-MM 填写。`,
      `The month ${month} is not valid: use YYYY-MM.`,
      {
        month,
      },
    ),
  duplicateChecklist: (month: string) =>
    unprocessable(
      'CHECKLIST_EXISTS',
      `本组织 ${month} 的组织生活清单已存在，请修改已有清单。`,
      `Your org already has a checklist for ${month}: edit that one.`,
      { month },
    ),
  checklistNotFound: (id: number) =>
    notFound(
      'CHECKLIST_NOT_FOUND',
      '在您的管辖范围内找不到该清单，它可能已删除或不归您管辖。',
      `No checklist ${id} within your scope.`,
      {
        id,
      },
    ),
  alreadyPublished: (id: number) =>
    unprocessable(
      'CHECKLIST_ALREADY_PUBLISHED',
      '该清单已下发，不能重复下发或修改。',
      'This checklist was already published: it cannot be published again or changed.',
      { id },
    ),
  taskNotFound: (id: number) =>
    notFound(
      'CHECKLIST_TASK_NOT_FOUND',
      '在您的管辖范围内找不到该清单事项，它可能已删除或不归您管辖。',
      `No checklist task ${id} within your scope.`,
      {
        id,
      },
    ),
  taskDone: (id: number) =>
    unprocessable('CHECKLIST_TASK_DONE', '该事项已标记完成。', 'This item is already marked done.', { id }),
  evidenceOtherOrg: (meetingId: number) =>
    unprocessable(
      'CHECKLIST_EVIDENCE_OTHER_ORG',
      `会议 ${meetingId} 不是本支部召开的，不能作为完成依据。`,
      `Meeting ${meetingId} was not held by this branch: it cannot be the evidence.`,
      { meetingId },
    ),
  evidenceKind: (kinds: MeetingKind[]) =>
    unprocessable(
      'CHECKLIST_EVIDENCE_KIND',
      `该事项须以${kinds.map((k) => kindName(k).zh).join('或')}的会议记录为依据。`,
      `This item needs a meeting of kind ${kinds.map((k) => kindName(k).en).join(' or ')} as evidence.`,
      { kinds },
    ),
  evidenceMonth: (heldOn: string, month: string) =>
    unprocessable(
      'CHECKLIST_EVIDENCE_MONTH',
      `会议于 ${heldOn} 召开，不在清单月份 ${month} 内。`,
      `The meeting was held on ${heldOn}, outside the checklist's month ${month}.`,
      { heldOn, month },
    ),
};
