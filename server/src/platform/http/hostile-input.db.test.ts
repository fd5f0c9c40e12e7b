// Generated from the OpenAPI document (/api/openapi.json): every parameter of every route — path,
// query string and each body field — receives hostile values (testing/hostile-values.ts: NUL, 2^63,
// -1, 1e309, 2026-02-30, 2026-13, invalid UTF-8, 1 MB, wrong types, unknown codes, SQL and HTML
// meta-characters) from a caller the route lets in, over real HTTP, the rest of the request valid.
// Every answer is below 500; every refusal is in the error shape {code, message_zh, message_en} (the
// Open311 routes: their protocol's [{code, description}]) and wrote nothing, in any table; every
// value the schema must refuse is refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTES } from '../../app.ts';
import { demoApiKey } from '../../cases/api-key.ts';
import { DEFAULT_SEED } from '../../demo/seed.ts';
import { buildScopeFixture, type SampleKind, type ScopeFixture } from '../access/testing/scope-fixture.ts';
import type { Database } from '../db/engine.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { installWriteProbe, lastWrites, writesSoFar } from '../db/testing/write-probe.ts';
import type { RouteSpec } from './route.ts';
import { HOSTILE, type Where, wrongTypeJson } from './testing/hostile-values.ts';
import { type JsonSchema, queryString, requestFor, sampleOf } from './testing/route-requests.ts';
import {
  startTestServer,
  type TestClient,
  type TestResponse,
  type TestServer,
} from './testing/test-server.ts';

let database: Database;
let server: TestServer;
let fx: ScopeFixture;
let openapi: { paths: Record<string, Record<string, Operation>> };
const callers = new Map<string, TestClient>();
const figures = { routes: 0, probes: 0 };

interface Operation {
  parameters?: { in: 'path' | 'query'; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

const API_KEY = demoApiKey('hotline_12345', DEFAULT_SEED);
const OPEN311_KEY = demoApiKey('open311_demo', DEFAULT_SEED);
/** Routes whose refusals write by design. */
const WRITES_ON_REFUSAL: Record<string, string> = {
  'POST /api/auth/login': 'a failed sign-in is recorded (lockout counter, audit)',
  'POST /api/auth/password': 'a wrong current password counts as a failed sign-in',
  'GET /api/community-reports/member-lookup': 'a lookup by ID number is audited, found or not',
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  fx = await buildScopeFixture(database, server);
  const city = await database.db
    .selectFrom('org')
    .select('code')
    .where('level', '=', 'city')
    .executeTakeFirstOrThrow();
  for (const [name, username] of [
    ['city', city.code],
    ['sysadmin', 'sysadmin'],
    ['secadmin', 'secadmin'],
    ['auditadmin', 'auditadmin'],
    ['gridWorker', fx.a.users.gridWorker],
    ['member', fx.a.users.member],
    // change-password probes may count failed attempts: an account no other probe needs
    ['password', fx.b.users.town],
  ] as const)
    callers.set(name, await server.as(username));
  callers.set('public', server.client());
  openapi = (await server.client().get('/api/openapi.json')).body as typeof openapi;
  await installWriteProbe(database.db);
}, 240_000);

afterAll(async () => {
  // the figures of the run (routes × values probed), for the notes and docs/security.md
  if (figures.probes) console.info(`hostile input: ${figures.routes} routes, ${figures.probes} probes`);
  await server?.close();
  await database?.close();
});

function callerOf(r: RouteSpec): TestClient {
  if (r.url === '/api/auth/password') return callers.get('password') as TestClient;
  const name =
    r.access === 'public' || r.access === 'api_key'
      ? 'public'
      : r.access === 'account:manage'
        ? 'sysadmin'
        : r.access === 'security:manage'
          ? 'secadmin'
          : r.access === 'audit:read'
            ? 'auditadmin'
            : r.access === 'member:self'
              ? 'member'
              : r.access === 'patrol:checkin'
                ? 'gridWorker'
                : 'city';
  return callers.get(name) as TestClient;
}

const openapiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}');
const isOpen311 = (r: RouteSpec) => r.url.startsWith('/open311/');

/** Fields of a body schema, nested (`attendance[].memberId`), with their schemas. */
function fieldsOf(schema: JsonSchema | undefined, path = ''): [string, JsonSchema][] {
  if (!schema) return [];
  const out: [string, JsonSchema][] = [];
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    const p = path ? `${path}.${k}` : k;
    out.push([p, v]);
    if (v.type === 'object') out.push(...fieldsOf(v, p));
    if (v.type === 'array' && v.items?.type === 'object') out.push(...fieldsOf(v.items, `${p}[]`));
  }
  return out;
}

/** Puts a marker at `path` in the body, creating the containers on the way. */
function mark(body: Record<string, unknown>, schema: JsonSchema, path: string, marker: string): void {
  let target: Record<string, unknown> = body;
  let s: JsonSchema = schema;
  const segments = path.split('.');
  segments.forEach((segment, i) => {
    const list = segment.endsWith('[]');
    const key = list ? segment.slice(0, -2) : segment;
    const field = s.properties?.[key] ?? {};
    if (i === segments.length - 1) {
      target[key] = marker;
      return;
    }
    if (list) {
      const items = (field.items ?? {}) as JsonSchema;
      const arr = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
      if (arr.length === 0) arr.push(sampleOf(items, '', () => undefined));
      target[key] = arr;
      target = arr[0] as Record<string, unknown>;
      s = items;
    } else {
      if (!target[key] || typeof target[key] !== 'object') target[key] = sampleOf(field, '', () => undefined);
      target = target[key] as Record<string, unknown>;
      s = field;
    }
  });
}

interface Probe {
  where: Where;
  name: string;
  label: string;
  schema: JsonSchema;
  mustRefuse: boolean;
  send(): Promise<TestResponse<unknown>>;
}

function probesOf(r: RouteSpec, op: Operation): Probe[] {
  const req = requestFor(
    r,
    (kind) => fx.samples[('resource' in kind ? kind.resource : kind.reach) as SampleKind].own,
  );
  if (r.url === `/open311/v2/requests.:format` && r.method === 'POST')
    (req.body as Record<string, unknown>).api_key = OPEN311_KEY;
  const client = callerOf(r);
  const headers: Record<string, string> = r.access === 'api_key' ? { 'x-api-key': API_KEY } : {};
  const probes: Probe[] = [];
  const baseQuery = (over: Record<string, string> = {}) => {
    const text = queryString(req.query).slice(1);
    const kept = text
      ? text
          .split('&')
          .filter((kv) => !(kv.split('=')[0] ?? '') || !(decodeURIComponent(kv.split('=')[0] ?? '') in over))
      : [];
    const added = Object.entries(over).map(([k, v]) => `${encodeURIComponent(k)}=${v}`);
    const all = [...kept, ...added];
    return all.length ? `?${all.join('&')}` : '';
  };
  const bodyText = () => (req.body === undefined ? undefined : JSON.stringify(req.body));
  const sendUrl = (url: string) =>
    client.request(r.method, url, undefined, {
      headers,
      ...(r.method === 'GET' ? {} : { rawBody: bodyText() ?? '{}' }),
    });
  for (const p of op.parameters ?? []) {
    for (const h of HOSTILE) {
      if (h.url === null) continue;
      const where: Where = p.in;
      probes.push({
        where,
        name: p.name,
        label: `${where} ${p.name} ← ${h.name}`,
        schema: p.schema,
        mustRefuse: h.refused(p.schema, where),
        send: () => {
          if (where === 'path') {
            const path = r.url.replace(/:([A-Za-z_]+)/g, (_m, name: string) =>
              name === p.name ? (h.url as string) : encodeURIComponent(String(req.params[name] ?? '')),
            );
            return sendUrl(path + baseQuery());
          }
          return sendUrl(req.path() + baseQuery({ [p.name]: h.url as string }));
        },
      });
    }
  }
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const url = req.path() + baseQuery();
  const root = r.body as JsonSchema | undefined;
  // a union of bodies (an action with its own fields): each variant, from a valid body of its own
  const variants = root ? (root.anyOf && !root.properties ? root.anyOf : [root]) : [];
  for (const variant of bodySchema ? variants : []) {
    const baseline =
      variant === root
        ? req.body
        : sampleOf(variant, '', (path) => {
            const reach = r.ids?.body?.[path];
            return reach ? fx.samples[reach].own : undefined;
          });
    for (const [field, schema] of fieldsOf(variant)) {
      const values = [
        ...HOSTILE.filter((h) => h.json !== null || h.bytes).map((h) => ({
          name: h.name,
          json: h.json,
          bytes: h.bytes,
          mustRefuse: h.refused(schema, 'body'),
        })),
        ...wrongTypeJson(schema).map((json) => ({
          name: `wrong type ${json}`,
          json,
          bytes: undefined,
          mustRefuse: true,
        })),
      ];
      for (const v of values) {
        probes.push({
          where: 'body',
          name: field,
          label: `body ${field} ← ${v.name}`,
          schema,
          mustRefuse: v.mustRefuse,
          send: () => {
            const body = structuredClone((baseline ?? {}) as Record<string, unknown>);
            mark(body, variant, field, '__HOSTILE__');
            const [before, after] = JSON.stringify(body).split('"__HOSTILE__"') as [string, string];
            if (v.bytes) {
              const data = Buffer.concat([Buffer.from(before), v.bytes, Buffer.from(after)]);
              return client.request(r.method, url, undefined, {
                headers,
                file: { type: 'application/json', data },
              });
            }
            return client.request(r.method, url, undefined, { headers, rawBody: before + v.json + after });
          },
        });
      }
    }
  }
  if (bodySchema && root) {
    // the body as a whole: not JSON, and not UTF-8
    for (const [name, data] of [
      ['malformed JSON', Buffer.from('{"a":')],
      ['invalid UTF-8 body', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
    ] as const)
      probes.push({
        where: 'body',
        name: '(whole body)',
        label: `body ← ${name}`,
        schema: {},
        mustRefuse: true,
        send: () =>
          client.request(r.method, url, undefined, { headers, file: { type: 'application/json', data } }),
      });
  }
  return probes;
}

function errorShapeOk(r: RouteSpec, body: unknown): boolean {
  const b = body as { code?: unknown; message_zh?: unknown; message_en?: unknown } | null;
  const platform =
    typeof b?.code === 'string' && typeof b.message_zh === 'string' && typeof b.message_en === 'string';
  if (!isOpen311(r) || platform) return platform;
  // Open311 answers in its protocol: [{code, description}] in JSON, or <errors> in XML (an unknown format)
  if (Buffer.isBuffer(body)) return /<errors>\s*<error>\s*<code>\d{3}<\/code>/.test(body.toString('utf8'));
  return (
    Array.isArray(body) &&
    body.every((e) => typeof e?.code === 'number' && typeof e?.description === 'string')
  );
}

const probed = ROUTES.filter((r) => !r.url.endsWith('/*'));

describe.each(probed.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (name, r) => {
  test('hostile values in every parameter: 4xx in the error shape, never 5xx, nothing written', async () => {
    const op = openapi.paths[openapiPath(r.url)]?.[r.method.toLowerCase()];
    expect(op, 'the route is in the OpenAPI document').toBeDefined();
    const probes = probesOf(r, op as Operation);
    figures.routes += 1;
    figures.probes += probes.length;
    const failures: string[] = [];
    for (const p of probes) {
      const before = await writesSoFar(database.db);
      let res: TestResponse<unknown>;
      try {
        res = await p.send();
      } catch (error) {
        failures.push(`${p.label}: no answer (${(error as Error).message})`);
        continue;
      }
      const written = (await writesSoFar(database.db)) - before;
      if (res.status >= 500)
        failures.push(`${p.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      else if (p.mustRefuse && res.status < 400) failures.push(`${p.label}: accepted (${res.status})`);
      if (res.status >= 400 && !errorShapeOk(r, res.body))
        failures.push(
          `${p.label}: ${res.status} not in the error shape: ${JSON.stringify(res.body).slice(0, 200)}`,
        );
      if (res.status >= 400 && written > 0 && !WRITES_ON_REFUSAL[name])
        failures.push(
          `${p.label}: refused (${res.status}) but wrote ${(await lastWrites(database.db, written)).join(', ')}`,
        );
    }
    expect(failures).toEqual([]);
  });
});
