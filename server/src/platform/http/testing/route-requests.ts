// A schema-valid request for any route of the table, generated from its TypeBox schemas: the url with
// its path parameters, a query string and a body. Ids come from the caller (a record of the kind the
// route names, or of the reach it declares), so the generated tests (access/scope*.db.test.ts,
// http/hostile-input.db.test.ts) can swap exactly one value and see what the server does with it.
import type { Reach } from '../../access/reach.ts';
import { makeIdNumber } from '../../text/id-number.ts';
import { shanghaiToday } from '../../time/calendar.ts';
import type { RouteSpec, ScopeResource } from '../route.ts';

export interface JsonSchema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/** Where an id is needed: the url's `:id` (the route's scopeResource) or a declared reach. */
export type IdKind = { resource: ScopeResource } | { reach: Reach };

export type IdSource = (kind: IdKind) => number;

/** Candidates for strings with a pattern: the first the pattern accepts is used. */
const PATTERN_SAMPLES = [
  'JM2026050100000001',
  'probe.user',
  '440703',
  '440703001',
  '440703001001',
  'code_a',
  'x',
  '1',
  '',
];

/** Samples for fields whose meaning the schema alone does not give (a name of the url or of a body). */
const NAMED_SAMPLES: Record<string, unknown> = {
  format: 'json',
  service_code: 'C01-02',
  categoryCode: 'C01-02',
  phone: '13800138000',
  contactPhone: '13800138000',
  reporterPhone: '13800138000',
  lng: 113.08,
  lat: 22.58,
  long: '113.08',
  username: 'probe.user',
  // a checksum-valid (fake) citizen ID number: candidates, applicants, members
  idNumber: makeIdNumber('440703', '1985-03-03', 417),
};

export function today(): string {
  return shanghaiToday();
}

/**
 * A value the schema accepts; `idAt(path)` answers for the paths that hold ids (or undefined). An
 * optional field is filled only when it holds an id and `optional(path)` allows it (default: always).
 */
export function sampleOf(
  schema: JsonSchema,
  path: string,
  idAt: (path: string) => number | undefined,
  optional: (path: string) => boolean = () => true,
): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const name = path.split('.').pop() ?? '';
  if (name in NAMED_SAMPLES && idAt(path) === undefined) return NAMED_SAMPLES[name];
  if (schema.anyOf) {
    // the variant that holds an id the caller supplies (a union of bodies), else the first non-null one
    const plain =
      schema.anyOf.find((s) => hasIds(s, path, idAt)) ??
      schema.anyOf.find((s) => s.type !== 'null') ??
      schema.anyOf[0];
    return plain ? sampleOf(plain, path, idAt, optional) : null;
  }
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date') return today();
      if (schema.format === 'month') return today().slice(0, 7);
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.pattern) {
        const re = new RegExp(schema.pattern, 'u');
        const fits = (v: string) =>
          re.test(v) && v.length >= (schema.minLength ?? 0) && v.length <= (schema.maxLength ?? Infinity);
        return PATTERN_SAMPLES.find(fits) ?? '';
      }
      return 'x'.repeat(Math.max(1, Math.min(schema.minLength ?? 1, 8)));
    }
    case 'integer':
    case 'number': {
      const id = idAt(path);
      if (id !== undefined) return id;
      if (schema.default !== undefined) return schema.default;
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const high = schema.maximum ?? low + 1;
      return Math.min(Math.max(low, 1), high);
    }
    case 'boolean':
      return false;
    case 'array': {
      const item = schema.items ? sampleOf(schema.items, `${path}[]`, idAt, optional) : null;
      const wanted = schema.minItems ?? 0;
      return wanted > 0 || (schema.items && hasIds(schema.items, `${path}[]`, idAt)) ? [item] : [];
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) {
        const p = path ? `${path}.${k}` : k;
        if (schema.required?.includes(k) || (hasIds(v, p, idAt) && optional(p)))
          out[k] = sampleOf(v, p, idAt, optional);
      }
      return out;
    }
    default:
      return null;
  }
}

/** Whether a field (or anything inside it) holds an id the caller supplies. */
function hasIds(schema: JsonSchema, path: string, idAt: (path: string) => number | undefined): boolean {
  if (idAt(path) !== undefined && (schema.type === 'integer' || schema.type === 'array')) return true;
  if (schema.anyOf) return schema.anyOf.some((s) => hasIds(s, path, idAt));
  if (schema.items) return hasIds(schema.items, `${path}[]`, idAt);
  return Object.entries(schema.properties ?? {}).some(([k, v]) => hasIds(v, path ? `${path}.${k}` : k, idAt));
}

export interface RouteRequest {
  method: RouteSpec['method'];
  /** the url with its path parameters filled in */
  path: (params?: Record<string, unknown>) => string;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/** The query string of an object: lists repeat their key. */
export function queryString(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v])
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(one))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * A schema-valid request of the route, with ids from `ids`. With `focus`, optional ids other than the
 * one at `focus` are left out (so a refusal can only come from the id under test).
 */
export function requestFor(
  r: RouteSpec,
  ids: IdSource,
  focus?: { part: 'params' | 'query' | 'body'; path: string },
): RouteRequest {
  const idIn = (part: 'params' | 'query' | 'body') => (path: string) => {
    if (part === 'params' && path === 'id' && r.scopeResource) return ids({ resource: r.scopeResource });
    const reach = r.ids?.[part]?.[path];
    return reach ? ids({ reach }) : undefined;
  };
  const keep = (part: 'params' | 'query' | 'body') => (path: string) =>
    !focus ||
    (focus.part === part &&
      (focus.path === path || focus.path.startsWith(`${path}.`) || focus.path.startsWith(`${path}[]`)));
  const of = (part: 'params' | 'query' | 'body') =>
    r[part] ? sampleOf(r[part] as JsonSchema, '', idIn(part), keep(part)) : undefined;
  const params = (of('params') ?? {}) as Record<string, unknown>;
  const query = (of('query') ?? {}) as Record<string, unknown>;
  const body = of('body');
  return {
    method: r.method,
    params,
    query,
    body,
    path: (over = params) =>
      r.url.replace(/:([A-Za-z_]+)/g, (_m, name: string) => encodeURIComponent(String(over[name] ?? ''))),
  };
}
