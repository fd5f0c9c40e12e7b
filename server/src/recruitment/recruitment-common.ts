// What the recruitment services share: errors of this capability, the settings, turning a refusal of
// the machine into an AppError.

import type { Db } from '../platform/db/handle.ts';
import { AppError, badRequest, conflict, unprocessable } from '../platform/errors/errors.ts';
import { readSetting } from '../platform/settings/settings.ts';
import type { Decision } from './domain/recruitment-machine.ts';
import {
  RECRUITMENT_SETTINGS_DEFAULTS,
  RECRUITMENT_SETTINGS_KEY,
  type RecruitmentSettings,
} from './domain/rules.ts';

export const readRecruitmentSettings = (db: Db): Promise<RecruitmentSettings> =>
  readSetting(db, RECRUITMENT_SETTINGS_KEY, RECRUITMENT_SETTINGS_DEFAULTS);

/** The effects of an allowed decision, or the rule's refusal as an error (422 with the rule's code). */
export function allowed<T>(d: Decision<T>): T {
  if (d.ok) return d.effects;
  const v = d.violation;
  throw new AppError(v.status, v.code, v.zh, v.en, v.details);
}

const ID_REASONS = {
  length: { zh: '须为 18 位', en: 'must have 18 characters' },
  format: { zh: '前 17 位须为数字，最后一位为数字或 X', en: 'must be 17 digits and a digit or X' },
  birth_date: { zh: '其中的出生日期不是真实日期', en: 'holds a birth date that does not exist' },
  checksum: { zh: '校验位不正确，请核对是否录错', en: 'has a wrong check character: check for a typo' },
} as const;

export const recruitmentErrors = {
  idNumber: (reason: keyof typeof ID_REASONS) =>
    badRequest(
      'RECRUIT_ID_NUMBER_INVALID',
      `身份证号码无效：${ID_REASONS[reason].zh}。`,
      `Invalid ID number: it ${ID_REASONS[reason].en}.`,
      { field: 'idNumber', reason },
    ),
  phone: () =>
    badRequest(
      'RECRUIT_PHONE_INVALID',
      '手机号码须为以 1 开头的 11 位数字。',
      'A mobile number has 11 digits starting with 1.',
      {
        field: 'phone',
      },
    ),
  duplicate: () =>
    conflict(
      'RECRUIT_DUPLICATE_PERSON',
      '此人已有一份正在进行或已完成的入党申请，不能重复登记。请在发展党员列表中查找此人。',
      'This person already has an application in progress or completed: find them in the pipeline.',
    ),
  alreadyMember: () =>
    conflict(
      'RECRUIT_ALREADY_MEMBER',
      '此人已是党员（党员名册中已有此身份证号码），不能登记入党申请。',
      'This person is already a party member (the ID number is in the member register).',
    ),
  notBranch: (name: string) =>
    unprocessable(
      'RECRUIT_ORG_NOT_BRANCH',
      `发展党员由党支部进行：${name} 不是党支部（须召开支部党员大会的组织）。请选择申请人所在的党支部。`,
      `Recruitment is done by a branch: ${name} is not a party branch. Choose the applicant's branch.`,
    ),
  version: (given: number, current: number) =>
    conflict(
      'RECRUIT_VERSION_CONFLICT',
      '该发展记录已被他人更新，请刷新后重试。',
      'Someone else updated this recruitment meanwhile: reload and try again.',
      { given, current },
    ),
  objectionNotFound: (id: number) =>
    unprocessable(
      'RECRUIT_OBJECTION_NOT_FOUND',
      '找不到这条反映意见，或它已处理。',
      `No open objection ${id}.`,
      { id },
    ),
};

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
