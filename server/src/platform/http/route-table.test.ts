// Every route and who may call it. A change to this snapshot is a permission change: review it as one.
import { expect, test } from 'vitest';
import { ROUTES } from '../../app.ts';

test('the route table and its permissions', async () => {
  const table = ROUTES.map(
    (r) =>
      `${r.method.padEnd(6)} ${r.url.padEnd(34)} ${r.access}${r.scopeResource ? ` [${r.scopeResource}]` : ''}`,
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
