// The rules of 组织关系转接, 流动党员 and 双报到 (RULES.md §5), each refusal with a stable code and a
// message in Chinese and English that names the rule, the dates and what to do. The letter's validity
// is configurable (setting 'transfers'); the rest are national rules.

export const TRANSFER_SETTINGS_KEY = 'transfers';
export const TRANSFER_SETTINGS_DEFAULTS = {
  /** 介绍信有效期 within the city's system and within the province (months). */
  letterValidityMonths: 3,
  /** 介绍信有效期 across provinces (months). */
  letterValidityMonthsNational: 6,
  /** Days the receiving org has to send the receipt (回执) back after confirming: local practice. */
  receiptWithinDays: 30,
  /** Away longer than this at a fixed place: a formal transfer instead of a 流动党员活动证. */
  mobileMaxMonths: 6,
  /** Service hours a reporting member is expected to give a community in a year (local practice). */
  annualServiceHours: 12,
};
export type TransferSettings = typeof TRANSFER_SETTINGS_DEFAULTS;

/** Org kinds that hold members directly: the receiving org of a transfer must be one of them. */
export const MEMBER_HOLDING_KINDS = ['branch', 'joint_branch', 'temporary_branch'] as const;

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
  badDate: (field: string, value: string) =>
    v(
      400,
      'TRANSFER_DATE_INVALID',
      `日期“${value}”无效（${field}），格式为 YYYY-MM-DD。`,
      `The date "${value}" (${field}) is not a valid YYYY-MM-DD date.`,
      { field, value },
    ),
  futureDate: (field: string, value: string, today: string) =>
    v(
      422,
      'TRANSFER_DATE_IN_FUTURE',
      `${field} 不能晚于今天（${today}），填写的是 ${value}。`,
      `${field} cannot be later than today (${today}); it is ${value}.`,
      { field, value, today },
    ),
  inProgress: (letterNo: string) =>
    v(
      422,
      'TRANSFER_IN_PROGRESS',
      `该党员已有一份正在办理的组织关系介绍信（${letterNo}），须待对方接收、退回或撤回后才能再开具。`,
      `This member already has a transfer in progress (letter ${letterNo}): it must be received, refused or withdrawn before another is issued.`,
      { letterNo },
    ),
  mobileActive: () =>
    v(
      422,
      'TRANSFER_MEMBER_IS_MOBILE',
      '该党员登记为流动党员且尚未结束，请先结束流动登记再转接组织关系。',
      'The member is registered as a mobile member: end that registration before the transfer.',
    ),
  sameOrg: () =>
    v(
      422,
      'TRANSFER_SAME_ORG',
      '接收党组织就是该党员现在所在的党组织，无需转接。',
      'The receiving organization is the member’s current organization: there is nothing to transfer.',
    ),
  receivingNotBranch: (name: string, kind: string) =>
    v(
      422,
      'TRANSFER_RECEIVING_NOT_BRANCH',
      `接收党组织“${name}”不是党支部（联合党支部、临时党支部），不能直接接收党员组织关系，请选择其下属党支部。`,
      `The receiving organization "${name}" is not a branch (joint or temporary branch) and cannot hold members: choose one of its branches.`,
      { kind },
    ),
  letterExpired: (letterNo: string, validUntil: string, today: string) =>
    v(
      422,
      'TRANSFER_LETTER_EXPIRED',
      `介绍信 ${letterNo} 的有效期至 ${validUntil}，今天（${today}）已过期，不能接收。请转出党组织撤回后重新开具。`,
      `Letter ${letterNo} was valid until ${validUntil} and has expired (today is ${today}): the sending organization must withdraw it and issue a new one.`,
      { letterNo, validUntil, today },
    ),
  wrongState: (action: string, state: string) =>
    v(
      409,
      'TRANSFER_WRONG_STATE',
      `该转接当前状态为“${STATE_ZH[state] ?? state}”，不能执行“${ACTION_ZH[action] ?? action}”。`,
      `The transfer is ${state}: "${action}" is not possible now.`,
      { action, state },
    ),
  notReceivingOrg: (action: string) =>
    v(
      422,
      'TRANSFER_NOT_RECEIVING_ORG',
      `只有接收党组织才能${ACTION_ZH[action] ?? action}。`,
      `Only the receiving organization may ${action} this transfer.`,
      { action },
    ),
  notSendingOrg: (action: string) =>
    v(
      422,
      'TRANSFER_NOT_SENDING_ORG',
      `只有转出党组织才能${ACTION_ZH[action] ?? action}。`,
      `Only the sending organization may ${action} this transfer.`,
      { action },
    ),
  reasonRequired: (action: string) =>
    v(
      400,
      'TRANSFER_REASON_REQUIRED',
      `${ACTION_ZH[action] ?? action}须填写原因。`,
      `A reason is required to ${action}.`,
      { action },
    ),
  memberMoved: () =>
    v(
      409,
      'TRANSFER_MEMBER_MOVED',
      '开具介绍信后该党员的组织关系已发生变化，本介绍信作废，请撤回后重新开具。',
      'The member’s organization changed after the letter was issued: withdraw it and issue a new one.',
    ),
  mobileTooLong: (months: number, max: number) =>
    v(
      422,
      'MOBILE_SHOULD_TRANSFER',
      `外出 ${months} 个月且地点固定，超过 ${max} 个月的应转接正式组织关系，而不是登记为流动党员。`,
      `Away ${months} months at a fixed place: beyond ${max} months the membership must be transferred instead of registering a mobile member.`,
      { months, max },
    ),
  mobileAlready: () =>
    v(
      422,
      'MOBILE_ALREADY_REGISTERED',
      '该党员已有一条未结束的流动登记。',
      'This member already has an open mobile-member registration.',
    ),
  mobileInflowSelf: () =>
    v(
      422,
      'MOBILE_INFLOW_IS_HOME',
      '流入地党组织不能是党员本人所在的党组织。',
      'The inflow organization cannot be the member’s own organization.',
    ),
  activityBeforeOutflow: (on: string, since: string) =>
    v(
      422,
      'MOBILE_ACTIVITY_BEFORE_OUTFLOW',
      `组织生活日期 ${on} 早于外出日期 ${since}。`,
      `The activity date ${on} is before the outflow date ${since}.`,
      { on, since },
    ),
  reportNotCommunity: (name: string) =>
    v(
      422,
      'COMMUNITY_REPORT_NOT_COMMUNITY',
      `“${name}”不是社区党组织，双报到须向社区报到。`,
      `"${name}" is not a community party organization: 双报到 reports go to a community.`,
    ),
  reportNotInService: (occupation: string) =>
    v(
      422,
      'COMMUNITY_REPORT_NOT_IN_SERVICE',
      '只有在职党员到社区报到（离退休、农民等党员在居住地参加组织生活）。',
      'Only in-service members report to a community.',
      { occupation },
    ),
  reportDuplicate: (year: number) =>
    v(
      422,
      'COMMUNITY_REPORT_DUPLICATE',
      `${year} 年已向该社区报到，不能重复报到。`,
      `Already reported to this community in ${year}.`,
      { year },
    ),
  reportUnitNotUnit: (name: string) =>
    v(
      422,
      'COMMUNITY_REPORT_NOT_UNIT',
      `“${name}”不是机关企事业单位党组织，不能以单位身份报到。`,
      `"${name}" is not a unit party organization.`,
    ),
  hoursOutOfRange: (hours: number) =>
    v(
      400,
      'COMMUNITY_HOURS_INVALID',
      `服务时长须在 0.5 至 24 小时之间（填写的是 ${hours}）。`,
      `Service hours must be between 0.5 and 24 (got ${hours}).`,
      { hours },
    ),
  serviceBeforeReport: (on: string, reportedOn: string) =>
    v(
      422,
      'COMMUNITY_SERVICE_BEFORE_REPORT',
      `服务日期 ${on} 早于报到日期 ${reportedOn}。`,
      `The service date ${on} is before the report date ${reportedOn}.`,
      { on, reportedOn },
    ),
};

export const STATE_ZH: Record<string, string> = {
  issued: '已开具待接收',
  received: '已接收待回执',
  receipt_returned: '回执已退回（办结）',
  expired: '介绍信已过期',
  withdrawn: '已撤回',
  refused: '已退回（不予接收）',
};

export const ACTION_ZH: Record<string, string> = {
  confirm: '确认接收',
  return_receipt: '退回回执',
  withdraw: '撤回介绍信',
  refuse: '不予接收',
};
