// The rules of one member record, shared by the Excel import (one row at a time: import/member-row.ts)
// and the single-member add and edit (member-write.service.ts): every problem with its field, a stable
// code, and a message in Chinese and English that says what to do.
import { isRealDate, validateIdNumber } from '../platform/text/id-number.ts';
import { validateMobile } from '../platform/text/phone.ts';

/** The fields of a member as the template and the forms have them, in order: [key, Chinese name, required]. */
export const MEMBER_COLUMNS = [
  ['name', '姓名', true],
  ['idNumber', '公民身份号码', true],
  ['ethnicity', '民族', true],
  ['phone', '手机号码', true],
  ['education', '学历', true],
  ['occupation', '人员类别', true],
  ['status', '党员类别', true],
  ['joinedOn', '入党日期', true],
  ['convertedOn', '转正日期', false],
  ['orgCode', '所在党组织编码', false],
] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number][0];

/** 学历: the template's words → the register's codes (as the demo and the member list use them). */
export const EDUCATIONS: Record<string, string> = {
  研究生: 'postgraduate',
  大学本科: 'bachelor',
  大学专科: 'junior_college',
  中专: 'secondary_vocational',
  高中: 'senior_high',
  初中及以下: 'junior_high_or_below',
};
/** 人员类别 (occupation groups) → codes. */
export const OCCUPATIONS: Record<string, string> = {
  在岗职工: 'in_service',
  离退休人员: 'retired',
  农牧渔民: 'farmer',
  学生: 'student',
  失业人员: 'unemployed',
  新就业群体: 'gig_worker',
  个体工商户: 'self_employed',
};
export const STATUSES: Record<string, 'full' | 'probationary'> = {
  正式党员: 'full',
  预备党员: 'probationary',
};

/** A word of the template or its code → the code (forms and the API send codes, the template words). */
function codeOf<T extends string>(table: Record<string, T>, value: string): T | undefined {
  if (Object.hasOwn(table, value)) return table[value];
  return (Object.values(table) as string[]).includes(value) ? (value as T) : undefined;
}
export const educationCode = (value: string) => codeOf(EDUCATIONS, value);
export const occupationCode = (value: string) => codeOf(OCCUPATIONS, value);

export interface CheckedMember {
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  phone: string;
  education: string;
  occupation: string;
  status: 'full' | 'probationary';
  joinedOn: string;
  convertedOn: string | null;
  orgCode: string | null;
}

/** One problem of one field: `message_*` name the field («公民身份号码»: …) and say what to do. */
export interface MemberProblem {
  field: MemberColumn;
  code: string;
  message_zh: string;
  message_en: string;
}

const LABEL = Object.fromEntries(MEMBER_COLUMNS.map(([k, h]) => [k, h])) as Record<MemberColumn, string>;

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + n years on a common year → 1 March
  return t.toISOString().slice(0, 10);
}

/** 2020-07-01, 2020/7/1, 2020.7.1 or 2020年7月1日 → 'YYYY-MM-DD', or null when it is no real day. */
export function normalDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

const ID_WHY: Record<string, [string, string]> = {
  length: [
    '应为 18 位（请把该列设为文本格式，避免被 Excel 改成科学计数）。',
    'must have 18 characters (format the column as text).',
  ],
  format: ['只能是 17 位数字加一位数字或 X。', 'must be 17 digits and a digit or X.'],
  birth_date: ['其中的出生日期不存在。', 'its birth date does not exist.'],
  checksum: ['校验位不对，请核对号码。', 'the check character is wrong: check the number.'],
};

/**
 * Checks one member record given as text (template words or codes for education, occupation and
 * status; dates as 2020-07-01): 身份证号 structure, birth date and check character; the mobile number;
 * age ≥ 18 on joining; dates not in the future; conversion ≥ 1 year after joining and only for full
 * members; probation not longer than 2 years.
 */
export function checkMember(
  raw: Record<MemberColumn, string>,
  today: string,
): { ok: true; member: CheckedMember } | { ok: false; problems: MemberProblem[] } {
  const problems: MemberProblem[] = [];
  const bad = (field: MemberColumn, code: string, zh: string, en: string) =>
    problems.push({ field, code, message_zh: `「${LABEL[field]}」：${zh}`, message_en: `${field}: ${en}` });
  for (const [key, , required] of MEMBER_COLUMNS)
    if (required && !raw[key]) bad(key, 'REQUIRED', '必填。', 'required.');

  const name = raw.name;
  if (name && (name.length > 30 || /\d/.test(name)))
    bad('name', 'BAD_NAME', '姓名应为不超过 30 个字的文字。', 'must be text of at most 30 characters.');
  if (raw.ethnicity.length > 20) bad('ethnicity', 'TOO_LONG', '不超过 20 个字。', 'at most 20 characters.');

  const id = raw.idNumber.toUpperCase();
  const idCheck = id ? validateIdNumber(id) : null;
  if (idCheck && !idCheck.ok) {
    const why = ID_WHY[idCheck.reason] as [string, string];
    bad('idNumber', `ID_NUMBER_${idCheck.reason.toUpperCase()}`, why[0], why[1]);
  }

  const phone = raw.phone ? validateMobile(raw.phone) : null;
  if (phone && !phone.ok) bad('phone', 'BAD_PHONE', '不是有效的手机号码。', 'not a valid mobile number.');
  const education = educationCode(raw.education);
  if (raw.education && !education)
    bad(
      'education',
      'NOT_ALLOWED',
      `应为 ${Object.keys(EDUCATIONS).join('、')} 之一。`,
      "must be one of the template's values.",
    );
  const occupation = occupationCode(raw.occupation);
  if (raw.occupation && !occupation)
    bad(
      'occupation',
      'NOT_ALLOWED',
      `应为 ${Object.keys(OCCUPATIONS).join('、')} 之一。`,
      "must be one of the template's values.",
    );
  const status = raw.status ? codeOf(STATUSES, raw.status) : undefined;
  if (raw.status && !status)
    bad(
      'status',
      'NOT_ALLOWED',
      '应为“正式党员”或“预备党员”。',
      "must be '正式党员' (full) or '预备党员' (probationary).",
    );

  const joinedOn = raw.joinedOn ? normalDate(raw.joinedOn) : null;
  if (raw.joinedOn && !joinedOn)
    bad('joinedOn', 'BAD_DATE', '不是有效日期（如 2020-07-01）。', 'not a valid date (e.g. 2020-07-01).');
  const convertedOn = raw.convertedOn ? normalDate(raw.convertedOn) : null;
  if (raw.convertedOn && !convertedOn)
    bad('convertedOn', 'BAD_DATE', '不是有效日期（如 2021-07-01）。', 'not a valid date (e.g. 2021-07-01).');

  if (joinedOn && joinedOn > today) bad('joinedOn', 'IN_FUTURE', '晚于今天。', 'is after today.');
  if (idCheck?.ok && joinedOn && joinedOn < addYears(idCheck.birthDate, 18))
    bad(
      'joinedOn',
      'UNDER_18',
      `入党时未满 18 周岁（出生于 ${idCheck.birthDate}）：《发展党员工作细则》第五条。`,
      `the person was under 18 when joining (born ${idCheck.birthDate}).`,
    );
  if (status === 'full' && !raw.convertedOn)
    bad('convertedOn', 'REQUIRED', '正式党员须填写转正日期。', 'required for a full member.');
  if (status === 'probationary' && raw.convertedOn)
    bad(
      'convertedOn',
      'NOT_ALLOWED',
      '预备党员不应有转正日期。',
      'a probationary member has no conversion date.',
    );
  if (joinedOn && convertedOn) {
    if (convertedOn < addYears(joinedOn, 1))
      bad(
        'convertedOn',
        'PROBATION_TOO_SHORT',
        '距入党不足 1 年预备期。',
        'less than the 1-year probation after joining.',
      );
    if (convertedOn > today) bad('convertedOn', 'IN_FUTURE', '晚于今天。', 'is after today.');
  }
  if (status === 'probationary' && joinedOn && addYears(joinedOn, 2) < today)
    bad(
      'status',
      'PROBATION_TOO_LONG',
      '入党已超过 2 年仍为预备党员（预备期最长 1 年，延长不超过 1 年），请核实。',
      'probationary for more than 2 years since joining: check the record.',
    );

  if (problems.length > 0 || !idCheck?.ok || !phone?.ok || !status || !joinedOn || !education || !occupation)
    return { ok: false, problems };
  return {
    ok: true,
    member: {
      name,
      idNumber: id,
      gender: idCheck.gender,
      birthDate: idCheck.birthDate,
      ethnicity: raw.ethnicity,
      phone: phone.phone,
      education,
      occupation,
      status,
      joinedOn,
      convertedOn,
      orgCode: raw.orgCode || null,
    },
  };
}
