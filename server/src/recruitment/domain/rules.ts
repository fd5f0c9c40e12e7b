// The rules of 《中国共产党发展党员工作细则》 the machine enforces, each with a stable code and a message
// that names the rule, the dates or counts involved, and what to do. National rules are constants;
// the publicity period is local practice (RULES.md: configurable) and lives in the setting table.

export const RULES = {
  minAge: 18,
  talkWithinMonths: 1,
  activistMinYears: 1,
  assessmentEveryMonths: 6,
  mentorsMin: 1,
  mentorsMax: 2,
  sponsors: 2,
  trainingMinDays: 3,
  trainingMinHours: 24,
  approvalWithinMonths: 3,
  approvalNeverBeyondMonths: 6,
  probationYears: 1,
  extensionMinMonths: 6,
  extensionMaxMonths: 12,
} as const;

export const RECRUITMENT_SETTINGS_KEY = 'recruitment';
export const RECRUITMENT_SETTINGS_DEFAULTS = {
  /** 公示 length in calendar days (typically 5 working days or 7 days). */
  publicityDays: 7,
};
export type RecruitmentSettings = typeof RECRUITMENT_SETTINGS_DEFAULTS;

export interface Violation {
  status: 400 | 404 | 409 | 422;
  code: string;
  zh: string;
  en: string;
  details?: Record<string, unknown>;
}

const v = (
  status: Violation['status'],
  code: string,
  zh: string,
  en: string,
  details?: Record<string, unknown>,
): Violation => ({ status, code, zh, en, ...(details ? { details } : {}) });

export const violations = {
  stepOrder: (step: number, expected: number[], status: string) =>
    v(
      409,
      'RECRUIT_STEP_ORDER',
      status !== 'active'
        ? `该发展程序已${status === 'completed' ? '完成' : '终止'}，不能再登记步骤。`
        : `发展党员须按程序逐步进行：现在可登记第 ${expected.join('、')} 步，不能登记第 ${step} 步。`,
      status !== 'active'
        ? `This recruitment is ${status}: no further steps can be recorded.`
        : `Steps follow the procedure in order: now step ${expected.join(' or ')} may be recorded, not step ${step}.`,
      { step, expected, status },
    ),
  badDate: (field: string, value: string) =>
    v(
      400,
      'RECRUIT_DATE_INVALID',
      `${field} 不是有效日期（${value}），请按 YYYY-MM-DD 填写。`,
      `${field} is not a valid date (${value}): use YYYY-MM-DD.`,
      { field, value },
    ),
  dateInFuture: (on: string, today: string) =>
    v(
      422,
      'RECRUIT_DATE_IN_FUTURE',
      `登记日期 ${on} 晚于今天（${today}）：只能登记已经发生的步骤，请在当天或之后再登记。`,
      `The date ${on} is after today (${today}): only steps that have happened can be recorded.`,
      { on, today },
    ),
  dateBeforePrevious: (on: string, previous: string, previousStep: number) =>
    v(
      422,
      'RECRUIT_DATE_BEFORE_PREVIOUS',
      `登记日期 ${on} 早于上一步（第 ${previousStep} 步，${previous}）：各步骤须按先后顺序进行，请核对日期。`,
      `The date ${on} is before the previous step (step ${previousStep}, ${previous}): check the dates.`,
      { on, previous, previousStep },
    ),
  underAge: (birthDate: string, appliedOn: string, adultOn: string) =>
    v(
      422,
      'RECRUIT_AGE_UNDER_18',
      `年满十八岁方可申请入党：申请人生于 ${birthDate}，${appliedOn} 申请时未满 18 周岁（${adultOn} 年满）。请于 ${adultOn} 或之后再受理申请。`,
      `Applicants must be at least 18: born ${birthDate}, not yet 18 on ${appliedOn} (18 on ${adultOn}). Accept the application on or after ${adultOn}.`,
      { birthDate, appliedOn, adultOn },
    ),
  activistTooShort: (activistOn: string, on: string, earliest: string) =>
    v(
      422,
      'RECRUIT_ACTIVIST_UNDER_1_YEAR',
      `确定为发展对象须经过一年以上的培养教育和考察：${activistOn} 确定为入党积极分子，至 ${on} 尚不满一年。最早可于 ${earliest} 确定为发展对象。`,
      `A development candidate needs more than 1 year as activist: activist since ${activistOn}, not more than 1 year by ${on}. The earliest date is ${earliest}.`,
      { activistOn, on, earliest },
    ),
  assessmentGap: (from: string, to: string, dueOn: string) =>
    v(
      422,
      'RECRUIT_ASSESSMENT_EVERY_6_MONTHS',
      `党支部须每半年对入党积极分子进行一次考察：${from} 之后下一次考察应不晚于 ${dueOn}，但下一条记录是 ${to}。请先补登该期间的考察记录（第 6 步）。`,
      `The branch assesses an activist every 6 months: after ${from} the next assessment was due by ${dueOn}, the next record is ${to}. Record the missing assessment (step 6) first.`,
      { from, to, dueOn },
    ),
  mentorCount: (count: number) =>
    v(
      422,
      'RECRUIT_MENTORS_1_TO_2',
      `须指定 1 至 2 名正式党员作培养联系人，本次指定了 ${count} 名。`,
      `Assign 1 or 2 full members as mentors (${count} given).`,
      { count },
    ),
  sponsorCount: (count: number, repeated = false) =>
    v(
      422,
      'RECRUIT_SPONSORS_2',
      repeated
        ? `须有 2 名不同的正式党员作入党介绍人：同一人被重复指定，本次实为 ${count} 名。`
        : `须有 2 名正式党员作入党介绍人，本次指定了 ${count} 名。`,
      repeated
        ? `Two different full members must sponsor the candidate: one person was named twice (${count} given).`
        : `Two full members must sponsor the candidate (${count} given).`,
      { count, repeated },
    ),
  notFullMember: (role: 'mentor' | 'sponsor', name: string, on: string, convertedOn: string | null) =>
    v(
      422,
      role === 'mentor' ? 'RECRUIT_MENTOR_NOT_FULL_MEMBER' : 'RECRUIT_SPONSOR_NOT_FULL_MEMBER',
      `${role === 'mentor' ? '培养联系人' : '入党介绍人'}须是正式党员：${name} 在 ${on} ${convertedOn ? `尚未转正（${convertedOn} 转正）` : '不是正式党员'}。请另选一名当日已是正式党员的同志。`,
      `A ${role} must be a full member: ${name} was not a full member on ${on}${convertedOn ? ` (converted ${convertedOn})` : ''}. Choose someone who was.`,
      { name, on, convertedOn },
    ),
  politicalReviewIncomplete: () =>
    v(
      422,
      'RECRUIT_POLITICAL_REVIEW_INCOMPLETE',
      '政治审查须完成并形成合格结论后才能进入下一步：请补齐政审材料、形成结论后再登记。政审不合格的，不能发展，应终止该发展程序。',
      'The political review must be complete with a qualified conclusion before the next step; an unqualified review ends the recruitment.',
    ),
  trainingInsufficient: (days: number, hours: number, on: string) =>
    v(
      422,
      'RECRUIT_TRAINING_UNDER_3_DAYS_24_HOURS',
      `发展对象须经过集中培训，时间不少于 3 天或不少于 24 个学时：截至 ${on} 培训记录合计 ${days} 天、${hours} 学时。请先登记培训记录。`,
      `Concentrated training of at least 3 days or 24 class hours is required: by ${on} the records total ${days} days and ${hours} hours. Record the training first.`,
      { days, hours, on },
    ),
  publicityMissing: () =>
    v(
      400,
      'RECRUIT_PUBLICITY_REQUIRED',
      '本步须登记公示的起止日期。',
      'This step needs the publicity period (start and end dates).',
    ),
  publicityTooShort: (startsOn: string, endsOn: string, days: number, required: number) =>
    v(
      422,
      'RECRUIT_PUBLICITY_TOO_SHORT',
      `公示期不少于 ${required} 天：${startsOn} 至 ${endsOn} 只有 ${days} 天。请延长公示期。`,
      `Publicity must last at least ${required} days: ${startsOn} to ${endsOn} is ${days} days.`,
      { startsOn, endsOn, days, required },
    ),
  publicityNotClosed: (endsOn: string, on: string) =>
    v(
      422,
      'RECRUIT_PUBLICITY_NOT_CLOSED',
      `公示期至 ${endsOn} 结束，${on} 尚未期满：请于 ${endsOn} 之后再进行本步。`,
      `Publicity runs until ${endsOn}; on ${on} it is not closed. Proceed after ${endsOn}.`,
      { endsOn, on },
    ),
  objectionUnresolved: (count: number, raisedOn: string[]) =>
    v(
      422,
      'RECRUIT_OBJECTION_UNRESOLVED',
      `公示期间有 ${count} 条反映（${raisedOn.join('、')}）尚未核实处理：请先调查核实并登记处理结果。`,
      `${count} objection(s) raised during publicity (${raisedOn.join(', ')}) are unresolved: investigate and record the outcome first.`,
      { count, raisedOn },
    ),
  voteCounts: (message: string) =>
    v(
      400,
      'RECRUIT_VOTE_COUNTS_INVALID',
      `表决人数不合理：${message}`,
      `Vote counts do not add up: ${message}`,
    ),
  quorum: (on: string, due: number, present: number) =>
    v(
      422,
      'RECRUIT_MEETING_QUORUM',
      `支部大会有表决权的到会人数须超过应到会有表决权人数的半数：${on} 支部有表决权的正式党员 ${due} 名，到会 ${present} 名，至少需 ${Math.floor(due / 2) + 1} 名。请另行召开。`,
      `More than half of the ${due} full members with voting rights on ${on} must attend: ${present} attended, ${Math.floor(due / 2) + 1} needed.`,
      { on, due, present, needed: Math.floor(due / 2) + 1 },
    ),
  majority: (on: string, due: number, yes: number) =>
    v(
      422,
      'RECRUIT_MEETING_MAJORITY',
      `赞成人数须超过应到会有表决权正式党员的半数：${on} 应到 ${due} 名，赞成 ${yes} 名（含未到会党员的书面意见），至少需 ${Math.floor(due / 2) + 1} 名。未通过，不能进入下一步。`,
      `Yes votes must exceed half of the ${due} full members with voting rights on ${on}: ${yes} in favor, ${Math.floor(due / 2) + 1} needed.`,
      { on, due, yes, needed: Math.floor(due / 2) + 1 },
    ),
  approvalTooLate: (meetingOn: string, on: string, limit: string) =>
    v(
      422,
      'RECRUIT_APPROVAL_BEYOND_6_MONTHS',
      `上级党委审批最长不得超过 6 个月：支部大会于 ${meetingOn} 通过，审批期限至 ${limit}，${on} 已超过。须重新履行程序。`,
      `Approval must never come later than 6 months after the branch meeting of ${meetingOn} (by ${limit}); ${on} is too late.`,
      { meetingOn, on, limit },
    ),
  approvalNeedsReason: (meetingOn: string, on: string, limit: string) =>
    v(
      422,
      'RECRUIT_APPROVAL_WITHIN_3_MONTHS',
      `上级党委应在支部大会通过后 3 个月内审批（${meetingOn} 通过，应于 ${limit} 前）：${on} 已超过 3 个月，特殊情况可延长但不超过 6 个月，须填写延长审批的原因。`,
      `Approval is due within 3 months of the meeting of ${meetingOn} (by ${limit}); ${on} is later: give the reason for the delay (never beyond 6 months).`,
      { meetingOn, on, limit },
    ),
  probationNotEnded: (endsOn: string, on: string, extensionMonths: number | null = null) =>
    v(
      422,
      'RECRUIT_PROBATION_NOT_ENDED',
      `预备期至 ${endsOn} 期满（自支部大会通过之日起一年${extensionMonths ? `，另延长 ${extensionMonths} 个月` : ''}），${on} 尚未期满：请于 ${endsOn} 或之后讨论转正。`,
      `Probation ends on ${endsOn}${extensionMonths ? ` (one year and an extension of ${extensionMonths} months)` : ''}; on ${on} it has not ended. Hold the conversion meeting on or after ${endsOn}.`,
      { endsOn, on, ...(extensionMonths ? { extensionMonths } : {}) },
    ),
  extensionOnce: () =>
    v(
      422,
      'RECRUIT_EXTENSION_ONCE',
      '预备期只能延长一次，该预备党员已延长过。',
      'Probation can be extended only once; it was already extended.',
    ),
  extensionLength: (months: number) =>
    v(
      422,
      'RECRUIT_EXTENSION_6_TO_12_MONTHS',
      `延长预备期不能少于半年，最长不超过一年：本次填写 ${months} 个月，请填写 6 至 12 个月。`,
      `An extension is 6 to 12 months (${months} given).`,
      { months },
    ),
  extensionBeforeEnd: (endsOn: string, on: string) =>
    v(
      422,
      'RECRUIT_EXTENSION_AT_PROBATION_END',
      `延长预备期由支部大会在预备期满时讨论决定：预备期至 ${endsOn} 期满，${on} 尚未期满。`,
      `An extension is decided when the probation ends (${endsOn}); ${on} is earlier.`,
      { endsOn, on },
    ),
  extensionNotNow: () =>
    v(
      409,
      'RECRUIT_STEP_ORDER',
      '只有已宣誓、尚未提出转正申请的预备党员才能延长预备期。',
      'Only a probationary member after the oath and before applying for conversion can have the probation extended.',
    ),
  objectionNoPublicity: (kind: string) =>
    v(
      409,
      'RECRUIT_NO_PUBLICITY',
      `尚未进行${kind === 'admission' ? '接收预备党员' : '转正'}公示，不能登记公示期间的反映。`,
      `There is no ${kind} publicity yet to record an objection against.`,
    ),
  objectionBeforePublicity: (raisedOn: string, startsOn: string) =>
    v(
      422,
      'RECRUIT_DATE_BEFORE_PREVIOUS',
      `反映日期 ${raisedOn} 早于公示开始日期 ${startsOn}。`,
      `The objection date ${raisedOn} is before the publicity started (${startsOn}).`,
      { raisedOn, startsOn },
    ),
  closeAfterApproval: () =>
    v(
      409,
      'RECRUIT_STEP_ORDER',
      '已批准为预备党员的，不能在此终止发展程序（取消预备党员资格须按党员管理程序办理）。',
      'After approval as probationary member the recruitment cannot be ended here.',
    ),
};
