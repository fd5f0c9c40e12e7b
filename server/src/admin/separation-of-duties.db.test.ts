// Issue 10 item 2: 三员分立 as 等保 level 3 reads it.
//  - the system administrator manages ordinary accounts (create, disable, reset) and never an
//    administrator's;
//  - granting or widening a role or scope is asked by the system administrator and approved by the
//    security administrator (both audited); narrowing a scope takes effect at once;
//  - an account that must change its password can call only change-password, me and logout — every
//    other route of the route table answers 403 PASSWORD_CHANGE_REQUIRED (generated from ROUTES).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTES } from '../app.ts';
import { WHILE_PASSWORD_CHANGE_REQUIRED } from '../auth/password-gate.ts';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';

type Err = { code: string; message_zh: string; message_en: string };

let database: Database;
let server: TestServer;
let sys: TestClient;
let sec: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  sys = await server.as('sysadmin');
  sec = await server.as('secadmin');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const idOf = async (username: string) =>
  (
    await database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
const orgId = async (code: string) =>
  (await database.db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const auditActions = async (targetId: number) =>
  (
    await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('target_type', '=', 'account')
      .where('target_id', '=', String(targetId))
      .orderBy('id')
      .execute()
  ).map((r) => `${r.actor_username}:${r.action}`);

describe('the system administrator manages ordinary accounts only', () => {
  test.each([
    ['enable', 'secadmin'],
    ['disable', 'secadmin'],
    ['enable', 'auditadmin'],
    ['reset-password', 'auditadmin'],
  ])('POST /api/accounts/:id/%s of %s answers 404 and changes nothing', async (verb, username) => {
    const id = await idOf(username);
    const before = await database.db
      .selectFrom('account')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const res = await sys.post<Err>(`/api/accounts/${id}/${verb}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ACCOUNT_NOT_FOUND');
    const after = await database.db
      .selectFrom('account')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  test("the account list shows no administrator's account", async () => {
    const res = await sys.get<{ items: { role: string }[]; total: number }>(
      '/api/accounts?role=security_admin',
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    const all = await sys.get<{ items: { username: string }[] }>('/api/accounts?q=admin&pageSize=100');
    expect(all.body.items.map((i) => i.username)).not.toContain('auditadmin');
  });

  test('a role change cannot make an administrator', async () => {
    const id = await idOf('440704');
    const res = await sys.post<Err>(`/api/accounts/${id}/role-requests`, {
      role: 'audit_admin',
      scopeOrgId: await orgId('4407'),
      reason: '试图授予管理员',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ROLE_NOT_GRANTABLE');
  });

  test('a password reset gives a temporary password, ends the sessions and forces a change', async () => {
    const village = await server.as('440704001015');
    expect((await village.get('/api/me')).status).toBe(200);
    const res = await sys.post<{ temporaryPassword: string }>(
      `/api/accounts/${await idOf('440704001015')}/reset-password`,
    );
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toMatch(/^.{14}$/);
    expect((await village.get('/api/me')).status).toBe(401);
    const again = server.client();
    const login = await again.login('440704001015', res.body.temporaryPassword);
    expect((login.body as { account: { mustChangePassword: boolean } }).account.mustChangePassword).toBe(
      true,
    );
    expect(await auditActions(await idOf('440704001015'))).toContain('sysadmin:account.password_reset');
  });
});

describe('granting a role takes the security administrator’s approval', () => {
  test('a new account waits for approval; the security administrator approves; both steps are audited', async () => {
    const created = await sys.post<{ account: { id: number; approval: string }; requestId: number }>(
      '/api/accounts',
      {
        username: 'jh-town-staff',
        displayName: '江海区镇组织委员',
        role: 'org_admin',
        scopeOrgId: await orgId('440704001'),
        password: 'Initial#2026pw',
        reason: '新任组织委员',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.account.approval).toBe('pending');
    const pending = await server.client().login('jh-town-staff', 'Initial#2026pw');
    expect(pending.status).toBe(403);
    expect((pending.body as Err).code).toBe('AUTH_PENDING_APPROVAL');

    // the one who asked cannot decide
    const self = await sys.post<Err>(`/api/security/role-requests/${created.body.requestId}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('PERMISSION_DENIED');

    const list = await sec.get<{ items: { id: number; account: { username: string }; role: string }[] }>(
      '/api/security/role-requests?state=pending',
    );
    expect(list.body.items.find((r) => r.id === created.body.requestId)).toMatchObject({
      account: { username: 'jh-town-staff' },
      role: 'org_admin',
    });
    const approved = await sec.post(`/api/security/role-requests/${created.body.requestId}/approve`, {
      note: '同意',
    });
    expect(approved.status).toBe(200);
    const twice = await sec.post<Err>(`/api/security/role-requests/${created.body.requestId}/approve`, {});
    expect(twice.body.code).toBe('ROLE_REQUEST_DECIDED');
    const login = await server.client().login('jh-town-staff', 'Initial#2026pw');
    expect(login.status).toBe(200);
    expect(await auditActions(created.body.account.id)).toEqual(
      expect.arrayContaining(['sysadmin:account.create', 'secadmin:account.role_approve']),
    );
  });

  test('a rejected new account cannot sign in; a rejection needs a reason', async () => {
    const created = await sys.post<{ requestId: number }>('/api/accounts', {
      username: 'jh-rejected',
      displayName: '待驳回账号',
      role: 'secretary',
      scopeOrgId: await orgId('440704001015'),
      password: 'Initial#2026pw',
    });
    const noReason = await sec.post<Err>(`/api/security/role-requests/${created.body.requestId}/reject`, {});
    expect(noReason.body.code).toBe('REJECT_REASON_REQUIRED');
    expect(
      (await sec.post(`/api/security/role-requests/${created.body.requestId}/reject`, { note: '人员未确认' }))
        .status,
    ).toBe(200);
    const login = await server.client().login('jh-rejected', 'Initial#2026pw');
    expect((login.body as Err).code).toBe('AUTH_NOT_APPROVED');
    // and enabling it does not get round the decision
    const id = await idOf('jh-rejected');
    await sys.post(`/api/accounts/${id}/enable`);
    expect(((await server.client().login('jh-rejected', 'Initial#2026pw')).body as Err).code).toBe(
      'AUTH_NOT_APPROVED',
    );
  });

  test('a wider role waits; on approval the account signs in again with it', async () => {
    const id = await idOf('440703');
    const county = await server.as('440703');
    const asked = await sys.post<{ applied: boolean; request: { id: number } }>(
      `/api/accounts/${id}/role-requests`,
      {
        role: 'org_admin',
        scopeOrgId: await orgId('4407'),
        reason: '调任市委组织部',
      },
    );
    expect(asked.status).toBe(202);
    expect(asked.body.applied).toBe(false);
    const before = await database.db
      .selectFrom('account')
      .select(['scope_org_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(before.scope_org_id).not.toBe(await orgId('4407'));
    const second = await sys.post<Err>(`/api/accounts/${id}/role-requests`, {
      role: 'org_admin',
      scopeOrgId: await orgId('4407'),
      reason: '重复申请',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ROLE_REQUEST_PENDING');
    expect((await county.get('/api/me')).status).toBe(200);
    expect((await sec.post(`/api/security/role-requests/${asked.body.request.id}/approve`, {})).status).toBe(
      200,
    );
    expect((await county.get('/api/me')).status).toBe(401);
    const me = await (await server.as('440703')).get<{ scope: { code: string } }>('/api/me');
    expect(me.body.scope.code).toBe('4407');
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['sysadmin:account.role_request', 'secadmin:account.role_approve']),
    );
  });

  test('narrowing a scope (same role, an org inside the current one) takes effect at once', async () => {
    const id = await idOf('440704001');
    const res = await sys.post<{ applied: boolean }>(`/api/accounts/${id}/role-requests`, {
      role: 'org_admin',
      scopeOrgId: await orgId('440704001015'),
      reason: '只负责一个镇',
    });
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(true);
    expect(await auditActions(id)).toContain('sysadmin:account.scope_narrowed');
  });
});

describe('an account that must change its password reaches only change-password, me and logout', () => {
  let forced: TestClient;
  beforeAll(async () => {
    const created = await sys.post<{ requestId: number }>('/api/accounts', {
      username: 'jh-forced',
      displayName: '须改密账号',
      role: 'org_admin',
      scopeOrgId: await orgId('4407'),
      password: 'Initial#2026pw',
    });
    await sec.post(`/api/security/role-requests/${created.body.requestId}/approve`, {});
    forced = server.client();
    await forced.login('jh-forced', 'Initial#2026pw');
  });

  const gated = ROUTES.filter(
    (r) =>
      r.access !== 'public' &&
      r.access !== 'api_key' &&
      !WHILE_PASSWORD_CHANGE_REQUIRED.has(`${r.method} ${r.url}`),
  );

  test('the route table has routes to refuse', () => {
    expect(gated.length).toBeGreaterThan(50);
  });

  test.each(gated.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s → 403 PASSWORD_CHANGE_REQUIRED',
    async (_n, r) => {
      const url = r.url.replace(/:[A-Za-z]+/g, '1');
      const res = await forced.request<Err>(r.method, url, r.method === 'GET' ? undefined : {});
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(res.body.message_en).toContain('Change your password');
    },
  );

  test('me answers; after the change everything of the role is open', async () => {
    expect((await forced.get('/api/me')).status).toBe(200);
    // the city's member register (the finding of the security review)
    const city = await orgId('4407');
    expect((await forced.get(`/api/orgs/${city}/members`)).status).toBe(403);
    const changed = await forced.post('/api/auth/password', {
      currentPassword: 'Initial#2026pw',
      newPassword: 'Changed#2026pwX',
    });
    expect(changed.status).toBe(200);
    expect((await forced.get(`/api/orgs/${city}/members`)).status).toBe(200);
  });
});
