// Open311 GeoReport v2 under /open311/v2/ (issue 4): discovery, services, service definitions, POST
// requests (api_key), GET requests with the spec's filters, GET one request, tokens. Every resource ends
// in .json or .xml; errors are the spec's {code, description} list in the requested format.
import { type TProperties, Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { databaseFaults, databaseUnavailable, isDatabaseUnavailable } from '../platform/db/db-faults.ts';
import { AppError, badRequest, notFound } from '../platform/errors/errors.ts';
import { route } from '../platform/http/route.ts';
import { MultilineText, Num, Text } from '../platform/http/schemas.ts';
import {
  createRequest,
  discovery,
  type PostBody,
  serviceDefinition,
  serviceList,
} from './open311.service.ts';
import {
  CONTENT_TYPES,
  type Document,
  errorDocument,
  type Format,
  formatOf,
  isFormat,
  open311Status,
  render,
} from './open311-format.ts';
import { getRequest, listRequests, tokenRequest } from './open311-requests.ts';
import * as responses from './open311-responses.ts';

export const OPEN311_BASE = '/open311/v2';

/**
 * The document in the requested format. JSON goes out as the document's object (serialized by
 * JSON.stringify, as render would) so that the response check compares it with the route's schema;
 * XML goes out as rendered text, which the check does not read (open311-responses.ts).
 */
function send(reply: FastifyReply, format: Format, doc: Document, status = 200): unknown {
  reply.status(status).header('content-type', CONTENT_TYPES[format]);
  return format === 'json' ? doc.body : render(doc, format);
}

function requireFormat(format: string): Format {
  if (isFormat(format)) return format;
  throw badRequest(
    'OPEN311_UNKNOWN_FORMAT',
    `未知的格式「${format}」，请使用 .json 或 .xml`,
    `Unknown format '${format}': use .json or .xml`,
  );
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function describeValidation(e: AjvError, where: string): string {
  const field = `${e.instancePath ?? ''}`.replace(/^\//, '').replace(/\//g, '.') || where;
  if (e.keyword === 'required') {
    const name = String(e.params?.missingProperty);
    return `缺少必填参数 ${name} / ${name} was not provided`;
  }
  if (e.keyword === 'maxLength')
    return `参数 ${field} 最多 ${String(e.params?.limit)} 个字符 / ${field} allows at most ${String(e.params?.limit)} characters`;
  return `参数 ${field} 不正确 / ${field} is invalid (${e.message ?? e.keyword ?? ''})`;
}

const API_KEY_MESSAGES: Record<string, string> = {
  API_KEY_REQUIRED: '缺少 api_key / Missing api_key: send the key of your system as api_key',
  API_KEY_INVALID: 'api_key 无效或已停用 / Invalid or disabled api_key',
};

/** Every failure of an Open311 route as the spec's error list, in the requested format. */
export function open311ErrorHandler(
  error: FastifyError & { validation?: AjvError[]; validationContext?: string },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const format = formatOf(
    (request.params as { format?: string } | undefined)?.format,
    request.headers.accept,
  );
  let status: number;
  let descriptions: string[];
  if (error instanceof AppError) {
    status = open311Status(error.status, error.code);
    descriptions = [API_KEY_MESSAGES[error.code] ?? `${error.messageZh} / ${error.messageEn}`];
  } else if (error.validation) {
    status = 400;
    descriptions = error.validation.map((e) => describeValidation(e, error.validationContext ?? 'body'));
  } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    status = 400;
    descriptions = ['请求体不是合法的 JSON / The request body is not valid JSON'];
  } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    status = 400;
    descriptions = [
      '不支持的内容类型，请使用 application/x-www-form-urlencoded 或 application/json / ' +
        'Unsupported content type: send application/x-www-form-urlencoded or application/json',
    ];
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    status = open311Status(error.statusCode);
    descriptions = [`请求无法处理 / The request cannot be handled: ${error.message}`];
  } else if (isDatabaseUnavailable(error)) {
    databaseFaults.fault(error, `${request.method} ${request.routeOptions.url ?? ''}`);
    status = 503;
    descriptions = [`${databaseUnavailable().messageZh} / ${databaseUnavailable().messageEn}`];
  } else {
    request.log.error(error);
    status = 500;
    descriptions = ['服务器内部错误，已记录 / Internal server error; it was logged'];
  }
  return reply
    .status(status)
    .header('content-type', CONTENT_TYPES[format])
    .send(render(errorDocument(status, descriptions), format));
}

const FormatText = Text(10);
const FormatParams = Type.Object({ format: FormatText });
const text = (maxLength: number, extra: Record<string, unknown> = {}) =>
  Type.Optional(Text(maxLength, extra));
/** A filter that may be comma-delimited and also declared several times (status=open&status=closed). */
const multi = (maxLength: number) =>
  Type.Optional(Type.Union([Text(maxLength), Type.Array(Text(maxLength), { maxItems: 100 })]));
/** A coordinate: a number in JSON, text in a form (checked as WGS-84 degrees by the service). */
const coordinate = (limit: number) => Type.Optional(Type.Union([Num(-limit, limit), Text(30)]));
/** Other fields (attribute[code], attribute[code][]): text, a list of text, or in JSON an object of them. */
const AttributeValue = Type.Union([Text(4000), Type.Array(Text(4000), { maxItems: 50 })]);
const Extra = Type.Union([
  AttributeValue,
  Type.Object({}, { additionalProperties: AttributeValue, maxProperties: 50 }),
]);
const withFormat = <T extends TProperties>(fields: T) => Type.Object({ ...fields, format: FormatText });

/** Open311's error body: `[{code, description}]` (in XML `<errors><error>…`), statuses as open311Status gives. */
const Open311Errors = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));
const common = {
  tags: ['open311'],
  errorHandler: open311ErrorHandler,
  errorBody: {
    schema: Open311Errors,
    refusals: {
      400: '请求不正确 / Bad request (a missing or wrong field)',
      403: 'api_key 缺失或无效 / The api_key is missing or not valid',
      404: '没有这个服务、请求或资源 / No such service, request or resource',
    },
  },
};

export const open311Routes = [
  route({
    ...common,
    method: 'GET',
    url: `${OPEN311_BASE}/discovery.:format`,
    access: 'public',
    summary: 'Open311 服务发现 / Open311 service discovery',
    params: FormatParams,
    response: { 200: responses.getDiscovery },
    async handler({ params, request, reply }) {
      const format = requireFormat(params.format);
      return send(reply, format, discovery(`${request.protocol}://${request.host}${OPEN311_BASE}`));
    },
  }),
  route({
    ...common,
    method: 'GET',
    url: `${OPEN311_BASE}/services.:format`,
    access: 'public',
    summary: 'Open311 服务列表（案件小类）/ Open311 service list (case sub-categories)',
    params: FormatParams,
    query: Type.Object({ jurisdiction_id: text(100) }),
    response: { 200: responses.getServices },
    async handler({ db, params, reply }) {
      const format = requireFormat(params.format);
      return send(reply, format, await serviceList(db));
    },
  }),
  route({
    ...common,
    method: 'GET',
    url: `${OPEN311_BASE}/services/:service_code.:format`,
    access: 'public',
    summary: 'Open311 服务定义 / Open311 service definition',
    params: withFormat({ service_code: Text(16, { minLength: 1 }) }),
    query: Type.Object({ jurisdiction_id: text(100) }),
    response: { 200: responses.getServiceDefinition },
    async handler({ db, params, reply }) {
      const format = requireFormat(params.format);
      return send(reply, format, await serviceDefinition(db, params.service_code));
    },
  }),
  route({
    ...common,
    method: 'POST',
    url: `${OPEN311_BASE}/requests.:format`,
    access: 'api_key',
    rateLimit: 'open311_write',
    // Open311 sends the key as the api_key field of the form (or of the query string)
    apiKey: (request) =>
      (request.body as { api_key?: unknown } | undefined)?.api_key ??
      (request.query as { api_key?: unknown } | undefined)?.api_key,
    summary:
      'Open311 提交服务请求（受理为案件；表单或 JSON；api_key）/ Open311 POST a service request (becomes a case)',
    params: FormatParams,
    body: Type.Object(
      {
        api_key: text(200),
        jurisdiction_id: text(100),
        service_code: text(16),
        lat: coordinate(90),
        long: coordinate(180),
        address_string: text(200),
        address_id: text(64),
        email: text(100),
        device_id: text(100),
        account_id: text(64),
        first_name: text(25),
        last_name: text(25),
        phone: text(20),
        description: Type.Optional(MultilineText(4000)),
        media_url: text(500, { pattern: '^(https?://\\S+)?$' }),
        external_id: text(64, { pattern: '^[A-Za-z0-9_.:-]*$' }),
      },
      { additionalProperties: Extra, maxProperties: 80 },
    ),
    // 201 a new request, 200 the one an earlier POST with the same external_id made
    response: { 200: responses.postRequests, 201: responses.postRequests },
    async handler(ctx) {
      const format = requireFormat(ctx.params.format);
      // coordinates arrive as numbers in JSON and as text in a form: the service reads text
      const { lat, long } = ctx.body;
      const body = {
        ...ctx.body,
        ...(lat === undefined ? {} : { lat: String(lat) }),
        ...(long === undefined ? {} : { long: String(long) }),
      } as PostBody;
      const { created, doc } = await createRequest(ctx, ctx.system, body);
      return send(ctx.reply, format, doc, created ? 201 : 200);
    },
  }),
  route({
    ...common,
    method: 'GET',
    url: `${OPEN311_BASE}/requests.:format`,
    access: 'public',
    summary:
      'Open311 查询服务请求（默认最近 90 天，最多 1000 条；无个人信息）/ Open311 service requests (no personal data)',
    params: FormatParams,
    query: Type.Object({
      jurisdiction_id: text(100),
      service_request_id: multi(20_000),
      service_code: multi(2000),
      start_date: text(40),
      end_date: text(40),
      status: multi(20),
    }),
    response: { 200: responses.getRequests },
    async handler({ db, params, query, reply }) {
      const format = requireFormat(params.format);
      return send(reply, format, await listRequests(db, query));
    },
  }),
  route({
    ...common,
    method: 'GET',
    url: `${OPEN311_BASE}/requests/:service_request_id.:format`,
    access: 'public',
    summary: 'Open311 查询一个服务请求（无个人信息）/ Open311 one service request (no personal data)',
    params: withFormat({ service_request_id: Text(40, { minLength: 1 }) }),
    query: Type.Object({ jurisdiction_id: text(100) }),
    response: { 200: responses.getRequest },
    async handler({ db, params, reply }) {
      const format = requireFormat(params.format);
      return send(reply, format, await getRequest(db, params.service_request_id));
    },
  }),
  route({
    ...common,
    method: 'GET',
    url: `${OPEN311_BASE}/tokens/:token.:format`,
    access: 'public',
    summary: 'Open311 由 token 取服务请求编号（即时）/ Open311 service_request_id from a token (immediate)',
    params: withFormat({ token: Text(40, { minLength: 1 }) }),
    query: Type.Object({ jurisdiction_id: text(100) }),
    response: { 200: responses.getToken },
    async handler({ db, params, reply }) {
      const format = requireFormat(params.format);
      return send(reply, format, await tokenRequest(db, params.token));
    },
  }),
  route({
    ...common,
    method: 'GET',
    url: `${OPEN311_BASE}/*`,
    access: 'public',
    summary:
      'Open311 未知资源（404，Open311 错误格式）/ Open311 unknown resource (404 in the Open311 error shape)',
    // it never succeeds: its one answer is the 404 error list (route-table.test.ts ONLY_REFUSES)
    errorBody: { schema: Open311Errors, refusals: { 404: common.errorBody.refusals[404] } },
    response: { 404: Open311Errors },
    async handler({ request }) {
      const path = request.url.split('?')[0] ?? '';
      throw notFound(
        'OPEN311_NO_SUCH_RESOURCE',
        `没有这个 Open311 资源：${path}`,
        `No such Open311 resource: ${path}`,
      );
    },
  }),
];
