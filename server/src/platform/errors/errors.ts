// Every error a client sees: a stable code, a message in Chinese and in English, a 4xx/5xx status.
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(status: number, code: string, messageZh: string, messageEn: string, details?: unknown) {
    super(messageEn);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = details;
  }

  toJSON(): ErrorBody {
    const body: ErrorBody = { code: this.code, message_zh: this.messageZh, message_en: this.messageEn };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export interface ErrorBody {
  code: string;
  message_zh: string;
  message_en: string;
  details?: unknown;
}

export const badRequest = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(400, code, zh, en, details);
export const unauthorized = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(401, code, zh, en, details);
export const forbidden = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(403, code, zh, en, details);
export const notFound = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(404, code, zh, en, details);
export const conflict = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(409, code, zh, en, details);
export const unprocessable = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(422, code, zh, en, details);

export const errors = {
  notSignedIn: () => unauthorized('AUTH_REQUIRED', '请先登录。', 'Please sign in first.'),
  sessionExpired: (minutes: number) =>
    unauthorized(
      'SESSION_EXPIRED',
      `已超过 ${minutes} 分钟未操作，请重新登录。`,
      `No activity for ${minutes} minutes: please sign in again.`,
    ),
  csrf: () =>
    forbidden(
      'CSRF_TOKEN_INVALID',
      '请求缺少有效的防跨站令牌（x-csrf-token），请刷新页面后重试。',
      'The request lacks a valid x-csrf-token header: reload the page and try again.',
    ),
  permission: (permission: string) => {
    const name = PERMISSION_NAMES[permission];
    return forbidden(
      'PERMISSION_DENIED',
      `当前账号的角色无权${name?.zh ?? '执行此操作'}。如需开通，请联系系统管理员。`,
      `Your role may not ${name?.en ?? 'do this'}: ask the system administrator if you need it.`,
      { permission },
    );
  },
  /** An id from a request outside the caller's scope (or absent): the record is named, its id is not. */
  outOfScope: (what: string, id: unknown) => {
    const name = RECORD_NAMES[what] ?? { zh: '该记录', en: 'record' };
    return notFound(
      `${what.toUpperCase()}_NOT_FOUND`,
      `在您的管辖范围内找不到${name.zh}，它可能已移交、已删除或不归您管辖。`,
      `No such ${name.en} within your scope: it may have moved, been removed or lie outside your scope.`,
      { id },
    );
  },
};

/** The record kinds of outOfScope, named as a user knows them (internal ids are never shown). */
const RECORD_NAMES: Record<string, { zh: string; en: string }> = {
  account: { zh: '该账号', en: 'account' },
  attachment: { zh: '该照片', en: 'photo' },
  case: { zh: '该案件', en: 'case' },
  community_report: { zh: '该报到记录', en: 'community report' },
  grid: { zh: '该网格', en: 'grid' },
  meeting: { zh: '该会议', en: 'meeting' },
  member: { zh: '该党员', en: 'member' },
  mobile_member: { zh: '该流动党员', en: 'mobile member' },
  org: { zh: '该党组织', en: 'organization' },
  patrol: { zh: '该巡查记录', en: 'patrol' },
  recruitment: { zh: '该发展党员记录', en: 'recruitment record' },
  training_class: { zh: '该培训班', en: 'training class' },
  training_session: { zh: '该培训课次', en: 'training session' },
  transfer: { zh: '该组织关系转接', en: 'transfer' },
};

/** What each permission lets one do, for the refusal's message (the code stays in details). */
const PERMISSION_NAMES: Record<string, { zh: string; en: string }> = {
  'org:read': { zh: '查看党组织', en: 'read organizations' },
  'grid:read': { zh: '查看网格', en: 'read grids' },
  'member:read': { zh: '查看党员名册', en: 'read the member register' },
  'member:read_pii': { zh: '查看党员个人信息', en: 'read members’ personal data' },
  'member:manage': { zh: '维护党员名册', en: 'change the member register' },
  'account:manage': { zh: '管理账号', en: 'manage accounts' },
  'security:manage': { zh: '修改安全设置', en: 'change security settings' },
  'audit:read': { zh: '查看审计日志', en: 'read the audit trail' },
  'case:report': { zh: '上报案件', en: 'report cases' },
  'case:read': { zh: '查看案件', en: 'read cases' },
  'case:act': { zh: '办理案件', en: 'act on cases' },
  'case:train_classifier': { zh: '训练案件分类模型', en: 'retrain the case classifier' },
  'patrol:checkin': { zh: '巡查打卡', en: 'check in on patrol' },
  'patrol:read': { zh: '查看巡查情况', en: 'read patrols' },
  'recruitment:manage': { zh: '办理发展党员', en: 'manage recruitment' },
  'meeting:read': { zh: '查看组织生活', en: 'read organizational life' },
  'meeting:record': { zh: '登记组织生活', en: 'record meetings' },
  'checklist:publish': { zh: '下发组织生活清单', en: 'publish the monthly checklist' },
  'transfer:manage': { zh: '办理组织关系转接', en: 'manage transfers' },
  'dues:manage': { zh: '管理党费', en: 'manage dues' },
  'training:manage': { zh: '管理培训', en: 'manage training' },
  'member:self': { zh: '查看本人档案', en: 'read your own records' },
};
