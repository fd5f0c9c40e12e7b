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
  permission: (permission: string) =>
    forbidden(
      'PERMISSION_DENIED',
      `当前账号的角色无权执行此操作（需要权限 ${permission}）。`,
      `Your role may not do this (permission ${permission} is required).`,
      { permission },
    ),
  outOfScope: (what: string, id: unknown) =>
    notFound(
      `${what.toUpperCase()}_NOT_FOUND`,
      `在您的管辖范围内找不到编号为 ${String(id)} 的记录。`,
      `No ${what} with id ${String(id)} within your scope.`,
      { id },
    ),
};
