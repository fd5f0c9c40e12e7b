// Every reply checked against its route's declared response schema — in test runs (vitest, or
// QJ_CHECK_RESPONSES=1 for a hand-started or browser-test server). A reply that does not match becomes a
// loud 500 RESPONSE_SCHEMA_MISMATCH naming the route, the status and each problem, so every test that
// calls a route also checks its responses against the contract (docs/openapi.json).
//
// The check is stricter than the schema as written: an object schema that does not say otherwise is
// closed (no property it does not declare), so a schema lists everything the route sends. The reply is
// checked as the client receives it (after JSON.stringify: dates as text, undefined fields gone).
// Serialization never uses the schemas (app.ts: JSON.stringify, see ARCHITECTURE.md "The contract").
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FORMATS } from './formats.ts';
import type { RouteSpec } from './route.ts';
import { ErrorSchema } from './schemas.ts';

/** On in vitest runs, or with QJ_CHECK_RESPONSES=1. */
export function responseCheckWanted(): boolean {
  return process.env.QJ_CHECK_RESPONSES === '1' || process.env.VITEST === 'true';
}

const ajv = new Ajv({
  allErrors: true,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
  strictNumbers: true,
  strictSchema: false,
  addUsedSchema: false,
});
addFormats.default(ajv);
for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);

type Json = Record<string, unknown>;

/** A copy of a schema whose objects are closed unless they say `additionalProperties` themselves. */
export function closedSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closedSchema);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    // property names are data, not schemas: only their values are walked
    out[key] =
      key === 'properties' && typeof v === 'object' && v !== null
        ? Object.fromEntries(Object.entries(v).map(([k, s]) => [k, closedSchema(s)]))
        : closedSchema(v);
  }
  if (out.type === 'object' && out.properties && !('additionalProperties' in out))
    out.additionalProperties = false;
  return out;
}

/** The success statuses a route declares a response schema for (2xx). */
export function successStatuses(spec: RouteSpec): number[] {
  return Object.keys(spec.response ?? {})
    .map(Number)
    .filter((s) => s >= 200 && s < 300);
}

export interface ResponseProblem {
  route: string;
  status: number;
  problems: string[];
}

const describe = (e: ErrorObject) =>
  `${e.instancePath || '(body)'} ${e.message ?? e.keyword}${
    e.keyword === 'additionalProperties' ? `: ${String(e.params.additionalProperty)}` : ''
  }`;

/**
 * The route's preSerialization hook: checks the reply body (objects only: files, text and empty
 * bodies are not JSON) against the schema of its status — the route's own for 2xx, the error body for
 * 4xx. A route without any 2xx schema is not checked on success (the route-table test lists those).
 */
export function responseChecker(spec: RouteSpec) {
  const route = `${spec.method} ${spec.url}`;
  const compile = (schema: TSchema) => ajv.compile(closedSchema(schema) as Json);
  const success = new Map(
    Object.entries(spec.response ?? {})
      .filter(([s]) => Number(s) < 400)
      .map(([s, schema]) => [Number(s), compile(schema)]),
  );
  const refusal = spec.errorHandler ? null : compile(ErrorSchema);
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const status = reply.statusCode;
    if (status >= 500) return payload;
    const validate = status >= 400 ? refusal : success.get(status);
    if (!validate && (status >= 400 || success.size === 0)) return payload;
    const sent = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
    const problems = !validate
      ? [`no response schema declared for status ${status}`]
      : validate(sent)
        ? []
        : (validate.errors ?? []).map(describe);
    if (problems.length === 0) return payload;
    const mismatch: ResponseProblem = { route, status, problems };
    console.error('RESPONSE_SCHEMA_MISMATCH', JSON.stringify(mismatch));
    reply.code(500);
    return {
      code: 'RESPONSE_SCHEMA_MISMATCH',
      message_zh: `响应与接口声明的结构不符：${route} ${status}`,
      message_en: `The response does not match the route's declared schema: ${route} ${status}: ${problems.join('; ')}`,
      details: mismatch,
    };
  };
}
