// Turns every failure into the one error shape {code, message_zh, message_en, details?}.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { databaseFaults, databaseUnavailable, isDatabaseUnavailable } from '../db/db-faults.ts';
import { AppError } from '../errors/errors.ts';
import { databaseInputError } from './database-errors.ts';
import { FORMAT_MESSAGES } from './formats.ts';

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function describe(e: AjvError, where: string): { field: string; zh: string; en: string } {
  const field = `${where}${e.instancePath ?? ''}`.replace(/\//g, '.');
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'required':
      return {
        field: `${field}.${String(p.missingProperty)}`,
        zh: `缺少必填项 ${String(p.missingProperty)}`,
        en: `${String(p.missingProperty)} is required`,
      };
    case 'additionalProperties':
      return {
        field: `${field}.${String(p.additionalProperty)}`,
        zh: `不认识的字段 ${String(p.additionalProperty)}`,
        en: `unknown field ${String(p.additionalProperty)}`,
      };
    case 'type':
      return { field, zh: `${field} 的类型应为 ${String(p.type)}`, en: `${field} must be ${String(p.type)}` };
    case 'minLength':
      return {
        field,
        zh: `${field} 至少 ${String(p.limit)} 个字符`,
        en: `${field} needs at least ${String(p.limit)} characters`,
      };
    case 'maxLength':
      return {
        field,
        zh: `${field} 最多 ${String(p.limit)} 个字符`,
        en: `${field} allows at most ${String(p.limit)} characters`,
      };
    case 'minimum':
    case 'maximum':
      return {
        field,
        zh: `${field} 超出允许范围（${e.message ?? ''}）`,
        en: `${field} ${e.message ?? 'is out of range'}`,
      };
    case 'enum':
      return {
        field,
        zh: `${field} 只能取 ${JSON.stringify(p.allowedValues)}`,
        en: `${field} must be one of ${JSON.stringify(p.allowedValues)}`,
      };
    case 'format': {
      const m = FORMAT_MESSAGES[String(p.format)];
      return m
        ? { field, zh: `${field} ${m.zh}`, en: `${field} ${m.en}` }
        : { field, zh: `${field} 的格式不正确`, en: `${field} has the wrong format` };
    }
    case 'pattern':
      return { field, zh: `${field} 的格式不正确`, en: `${field} has the wrong format` };
    case 'maxItems':
      return {
        field,
        zh: `${field} 最多 ${String(p.limit)} 项`,
        en: `${field} allows at most ${String(p.limit)} items`,
      };
    default:
      return {
        field,
        zh: `${field} 不正确（${e.message ?? ''}）`,
        en: `${field} ${e.message ?? 'is invalid'}`,
      };
  }
}

export function errorHandler(
  error: FastifyError & { validation?: AjvError[]; validationContext?: string },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) return reply.status(error.status).send(error.toJSON());
  if (error.validation) {
    const where = error.validationContext ?? 'body';
    const problems = error.validation.map((e) => describe(e, where));
    return reply.status(400).send({
      code: 'VALIDATION_FAILED',
      message_zh: `请求参数不正确：${problems.map((p) => p.zh).join('；')}。`,
      message_en: `Invalid request: ${problems.map((p) => p.en).join('; ')}.`,
      details: { errors: problems.map((p) => ({ field: p.field, message_zh: p.zh, message_en: p.en })) },
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send({
        code: 'MALFORMED_JSON',
        message_zh: '请求体不是合法的 JSON。',
        message_en: 'The request body is not valid JSON.',
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send({
        code: 'PAYLOAD_TOO_LARGE',
        message_zh: '请求体过大。',
        message_en: 'The request body is too large.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.status(415).send({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message_zh: '不支持的内容类型，请使用 application/json。',
        message_en: 'Unsupported content type: send application/json.',
      });
  }
  const refused = databaseInputError(error);
  if (refused) {
    request.log.warn({ err: error }, 'a value reached the database that the route should have refused');
    return reply.status(refused.status).send(refused.body);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.status(error.statusCode).send({
      code: 'BAD_REQUEST',
      message_zh: `请求无法处理：${error.message}`,
      message_en: `The request cannot be handled: ${error.message}`,
    });
  }
  if (isDatabaseUnavailable(error)) {
    // one log line per outage (db-faults.ts), not a stack per request
    databaseFaults.fault(error, `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`);
    return reply.status(503).header('retry-after', '5').send(databaseUnavailable().toJSON());
  }
  request.log.error(error);
  return reply.status(500).send({
    code: 'INTERNAL_ERROR',
    message_zh: '服务器内部错误，已记录，请稍后重试。',
    message_en: 'Internal server error; it was logged. Please try again later.',
  });
}
