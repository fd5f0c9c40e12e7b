// Every route and who may call it. A change to this snapshot is a permission change: review it as one.
import { expect, test } from 'vitest';
import { ROUTES } from '../../app.ts';
import { successStatuses } from './response-check.ts';
import type { RouteSpec } from './route.ts';
import { ID_MAX } from './schemas.ts';

/** `body.memberId→member query.orgId→org` */
function idsOf(r: RouteSpec): string {
  const parts = (['params', 'query', 'body'] as const).flatMap((part) =>
    Object.entries(r.ids?.[part] ?? {}).map(([path, reach]) => `${part}.${path}→${reach}`),
  );
  return parts.length ? ` ids: ${parts.join(' ')}` : '';
}

test('the route table and its permissions', async () => {
  const table = ROUTES.map(
    (r) =>
      `${r.method.padEnd(6)} ${r.url.padEnd(34)} ${r.access}${r.scopeResource ? ` [${r.scopeResource}]` : ''}${idsOf(r)}`,
  ).join('\n');
  await expect(`${table}\n`).toMatchFileSnapshot('./__snapshots__/route-table.txt');
});

test('every route declares its access and an OpenAPI summary', () => {
  for (const r of ROUTES) {
    expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
    expect(r.summary, `${r.method} ${r.url}`).toMatch(/\S/);
  }
});

test('every route with :id names the scoped resource it reads (drives the cross-scope test)', () => {
  const exempt = new Set([
    '/api/accounts/:id/disable',
    '/api/accounts/:id/enable',
    '/api/accounts/:id/unlock',
    // the administrators' account routes: verifyAccount / the role-request scope, tested in
    // admin/separation-of-duties.db.test.ts (an administrator's account is out of the system admin's reach)
    '/api/accounts/:id/reset-password',
    '/api/accounts/:id/role-requests',
    '/api/security/role-requests/:id/approve',
    '/api/security/role-requests/:id/reject',
  ]);
  for (const r of ROUTES.filter((r) => r.url.includes(':id') && !exempt.has(r.url))) {
    expect(r.scopeResource, `${r.method} ${r.url}`).toBeDefined();
  }
});

interface Schema {
  type?: string;
  maximum?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
}

/** Paths of the ids (Id(): an integer up to ID_MAX) in a schema: `memberId`, `memberIds[]`, `payments[].memberId`. */
function idPaths(schema: Schema | undefined, path = ''): string[] {
  if (!schema) return [];
  const own = schema.type === 'integer' && schema.maximum === ID_MAX && path ? [path] : [];
  const nested = Object.entries(schema.properties ?? {}).flatMap(([k, v]) =>
    idPaths(v, path ? `${path}.${k}` : k),
  );
  const items = schema.items ? idPaths(schema.items, `${path}[]`) : [];
  const variants = (schema.anyOf ?? []).flatMap((v) => idPaths(v, path));
  return [...new Set([...own, ...nested, ...items, ...variants])];
}

test('every id a route takes from its body, query or a second path parameter is declared with its reach', () => {
  // a public or api_key route acts for no one: no subtree to place an id in (the public rule governs it)
  const actorless = (r: RouteSpec) => r.access === 'public' || r.access === 'api_key';
  for (const r of ROUTES.filter(actorless)) expect(r.ids, `${r.method} ${r.url}`).toBeUndefined();
  const undeclared = ROUTES.filter((r) => !actorless(r)).flatMap((r) =>
    (['params', 'query', 'body'] as const).flatMap((part) =>
      idPaths(r[part] as Schema | undefined)
        .filter((path) => !(part === 'params' && path === 'id'))
        .filter((path) => !r.ids?.[part]?.[path])
        .map((path) => `${r.method} ${r.url} ${part}.${path}`),
    ),
  );
  expect(undeclared).toEqual([]);
});

/**
 * Routes that never succeed, with why: they declare the error body they always answer instead of a
 * success schema (a made-up 200 would document an answer that never comes). Every other route declares
 * the schema of its success response (the contract, issue 12; the list of routes still lacking one is
 * gone, and this list of exceptions does not grow without a reason like these).
 */
const ONLY_REFUSES = new Map<string, string>([
  [
    'GET /open311/v2/*',
    'Open311’s catch-all: any other path under /open311/v2/ is an unknown resource, answered 404 with the spec’s error list',
  ],
]);

test('every route declares the schema of its success response (checked against every reply in tests)', () => {
  const lacking = ROUTES.filter((r) => successStatuses(r).length === 0).map((r) => `${r.method} ${r.url}`);
  expect(lacking.filter((r) => !ONLY_REFUSES.has(r))).toEqual([]);
  // an exception that gained a success schema leaves the list
  expect([...ONLY_REFUSES.keys()].filter((r) => !lacking.includes(r))).toEqual([]);
  // and an exception declares the refusal it answers: statuses of 400 and above only
  for (const r of ROUTES.filter((r) => ONLY_REFUSES.has(`${r.method} ${r.url}`))) {
    const statuses = Object.keys(r.response ?? {}).map(Number);
    expect(statuses.length, `${r.method} ${r.url}`).toBeGreaterThan(0);
    expect(statuses.filter((s) => s < 400)).toEqual([]);
  }
});
