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
 * Routes that do not yet declare the schema of their success response (the contract, issue 12): this
 * list only shrinks. A route on it is documented without a body and its replies are not checked.
 */
const WITHOUT_RESPONSE_SCHEMA = new Set<string>([
  'GET /open311/v2/discovery.:format',
  'GET /open311/v2/services.:format',
  'GET /open311/v2/services/:service_code.:format',
  'POST /open311/v2/requests.:format',
  'GET /open311/v2/requests.:format',
  'GET /open311/v2/requests/:service_request_id.:format',
  'GET /open311/v2/tokens/:token.:format',
  'GET /open311/v2/*',
]);

test('every route declares the schema of its success response (checked against every reply in tests)', () => {
  const lacking = ROUTES.filter((r) => successStatuses(r).length === 0).map((r) => `${r.method} ${r.url}`);
  expect(lacking.filter((r) => !WITHOUT_RESPONSE_SCHEMA.has(r))).toEqual([]);
  // a route that gained its schema leaves the list
  expect([...WITHOUT_RESPONSE_SCHEMA].filter((r) => !lacking.includes(r))).toEqual([]);
});
