// The OpenAPI document, generated from the route table (@fastify/swagger) and documented here, at the
// one place every route is registered: an operationId from its method and url, its security, the
// refusals the platform itself gives ({code, message_zh, message_en, details?}), its wildcard
// parameter named, and its schemas in OpenAPI 3.0's form. Only the document changes: validation keeps
// the route's own schemas (and serialization uses none: app.ts). The document is committed as docs/openapi.json
// (`npm run openapi`), checked for drift and linted with Redocly's recommended rules
// (system/openapi-document.test.ts).
import type { SwaggerTransform } from '@fastify/swagger';
import type { TSchema } from '@sinclair/typebox';
import type { FastifySchema } from 'fastify';
import type { RouteSpec } from './route.ts';
import { ErrorSchema } from './schemas.ts';

/** The id of the shared error schema (`#/components/schemas/Error` in the document). */
export const ERROR_SCHEMA_ID = 'Error';

/** The shared schema of the platform's error body, registered with `app.addSchema`. */
export const errorSchema = { ...ErrorSchema, $id: ERROR_SCHEMA_ID };

/** Names of the document's security schemes. */
export interface AuthNames {
  sessionCookie: string;
  apiKeyHeader: string;
}

/** The options of @fastify/swagger: document info, servers, security schemes, shared schema names. */
export function swaggerOptions(version: string, auth: AuthNames) {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '强基 Qiangji API',
        version,
        description:
          '江门市基层党建与党建引领网格治理平台的开放接口。会话 Cookie 认证；非 GET 请求须带 x-csrf-token。' +
          ' Errors are JSON {code, message_zh, message_en, details?}.',
      },
      servers: [{ url: '/', description: '本服务 / this server' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey' as const,
            in: 'cookie' as const,
            name: auth.sessionCookie,
            description: '登录后的会话 / the session set by POST /api/auth/login',
          },
          csrf: {
            type: 'apiKey' as const,
            in: 'header' as const,
            name: 'x-csrf-token',
            description: '会话的 CSRF 令牌，非 GET 请求必带 / the session’s CSRF token, on every write',
          },
          apiKey: {
            type: 'apiKey' as const,
            in: 'header' as const,
            name: auth.apiKeyHeader,
            description: '外部系统的 API 密钥 / an external system’s API key',
          },
        },
      },
    },
    // shared schemas keep their $id as their name in components.schemas (Error, not def-0)
    refResolver: {
      buildLocalReference: (json: { $id?: unknown }, _baseUri: unknown, _fragment: string, i: number) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  };
}

/**
 * The operationId of a route, from its method and url: `GET /api/orgs/:id/members` →
 * `getOrgsByIdMembers`, `POST /open311/v2/requests.:format` → `postOpen311V2RequestsByFormat`.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '/')
    .split(/[/.]/)
    .filter(Boolean)
    .flatMap((segment) => {
      if (segment.startsWith(':')) return ['by', ...wordsOf(segment.slice(1))];
      if (segment === '*') return ['any', 'path'];
      return wordsOf(segment);
    });
  return method.toLowerCase() + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

const wordsOf = (text: string) => text.split(/[^A-Za-z0-9]+|(?=[A-Z])/).filter(Boolean);

const REFUSALS = {
  400: '输入不正确，逐项说明（VALIDATION_FAILED、MALFORMED_JSON …）/ Bad input, every problem named',
  401: '未登录或会话已过期 / Not signed in, or the session has expired',
  403: '无此权限、缺少 CSRF 令牌或须先修改密码 / Not permitted, the CSRF token is missing, or the password must be changed first',
  404: '记录不存在或不在调用者的范围内 / The record does not exist or is outside the caller’s scope',
  413: '请求体过大 / The request body is too large',
  415: '不支持的内容类型 / Unsupported content type',
  429: '请求过于频繁 / Too many requests (details.retryAfterSeconds)',
  '4XX':
    '其他拒绝（如 409 冲突、422 不符合规则），同一错误结构 / Any other refusal (409 a conflict, 422 a rule not met …), in the same error shape',
} as const;
const API_KEY_REFUSED = 'API 密钥缺失或无效 / The API key is missing or not valid';

/** A status the platform refuses with (`4XX`: the rules of a route's service). */
export type RefusalStatus = keyof typeof REFUSALS;

/**
 * The refusals the platform gives a route before and around its handler, status → description: 400
 * for a route that takes input, 401 for a route that needs a caller, 403 for an account's route
 * (permission, CSRF, the password gate), 404 for a route that names records, 413 / 415 for a body or
 * a file, 429 for a rate-limited one, and `4XX` for the rules of its service (409, 422 …).
 */
export function refusalsOf(spec: RouteSpec): Record<string, string> {
  if (spec.errorBody)
    return { ...spec.errorBody.refusals, ...(spec.rateLimit ? { 429: REFUSALS[429] } : {}) };
  const takesInput = Boolean(spec.params || spec.query || spec.body || spec.upload || spec.url.includes(':'));
  const writes = spec.method !== 'GET';
  const out: Record<string, string> = {};
  if (takesInput || writes) out[400] = REFUSALS[400];
  if (spec.access === 'api_key') out[401] = API_KEY_REFUSED;
  else if (spec.access !== 'public') Object.assign(out, { 401: REFUSALS[401], 403: REFUSALS[403] });
  if (spec.url.includes(':') || spec.ids) out[404] = REFUSALS[404];
  if (writes && (spec.body || spec.upload)) out[413] = REFUSALS[413];
  if (spec.upload) out[415] = REFUSALS[415];
  if (spec.rateLimit) out[429] = REFUSALS[429];
  out['4XX'] = REFUSALS['4XX'];
  return out;
}

type Json = Record<string, unknown>;

/**
 * The per-route `swaggerTransform` of @fastify/swagger: what the document says of this route beyond
 * its schemas. The route's schema objects (which Ajv and the serializer use) are never changed.
 */
export function documentRoute(spec: RouteSpec): SwaggerTransform {
  return ({ schema, url }) => {
    const errorBody = spec.errorBody?.schema ?? { $ref: `${ERROR_SCHEMA_ID}#` };
    const refusals = refusalsOf(spec);
    const declared = (schema.response as Json | undefined) ?? {
      // no response schema declared yet: a 200 without a described body, as @fastify/swagger writes it
      200: { type: 'null', description: 'Default Response' },
    };
    const wildcard = url.includes('*');
    const documented: Json = {
      ...schema,
      operationId: operationIdOf(spec.method, spec.url),
      security:
        spec.access === 'public'
          ? []
          : spec.access === 'api_key'
            ? [{ apiKey: [] }]
            : spec.method === 'GET'
              ? [{ session: [] }]
              : [{ session: [], csrf: [] }],
      response: {
        ...declared,
        ...Object.fromEntries(
          Object.entries(refusals).map(([status, description]) => [status, { ...errorBody, description }]),
        ),
      },
      ...(wildcard
        ? {
            params: {
              type: 'object',
              properties: {
                path: {
                  type: 'string',
                  description: '其余路径（可含 /）/ the rest of the path (may hold /)',
                },
              },
              required: ['path'],
            },
          }
        : {}),
    };
    return {
      schema: asOpenApi30(documented) as FastifySchema,
      url: wildcard ? url.replace('*', ':path') : url,
    };
  };
}

/**
 * The refusals of a route whose own error handler renders them in its protocol's shape: their body's
 * schema and each status with its description (a rate limit's 429 is added).
 */
export interface ErrorBody {
  schema: TSchema;
  refusals: Partial<Record<RefusalStatus, string>>;
}

/**
 * A copy of a JSON schema in OpenAPI 3.0's form: JSON Schema's numeric `exclusiveMinimum: 0` becomes
 * `minimum: 0, exclusiveMinimum: true` (@fastify/swagger converts `null` types but not these), and
 * an `anyOf` that holds an empty schema (which matches anything) becomes that empty schema.
 */
export function asOpenApi30(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asOpenApi30);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) out[key] = asOpenApi30(v);
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const limit = out[exclusive];
    if (typeof limit !== 'number') continue;
    const other = out[bound];
    // x > limit and x ≥ other: whichever is tighter
    const inclusiveWins =
      typeof other === 'number' && (exclusive === 'exclusiveMinimum' ? other > limit : other < limit);
    if (inclusiveWins) delete out[exclusive];
    else Object.assign(out, { [bound]: limit, [exclusive]: true });
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.some((s) => typeof s === 'object' && Object.keys(s).length === 0))
    delete out.anyOf;
  return out;
}
