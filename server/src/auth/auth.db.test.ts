import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../platform/http/testing/test-server.ts';

let database: Database;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

type Err = { code: string; message_zh: string; message_en: string; details?: Record<string, unknown> };

describe('sign-in', () => {
  test('the city organization department signs in and sees its scope', async () => {
    const c = server.client();
    const login = await c.login('4407');
    expect(login.status).toBe(200);
    const me = await c.get<{
      account: { role: string; roles: string[] };
      scope: { code: string; name: string };
    }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.account.role).toBe('org_admin');
    expect(me.body.account.roles).toEqual(['org_admin']);
    expect(me.body.scope).toMatchObject({ code: '4407', name: '中共江门市委员会' });
  });

  test('the session cookie is HttpOnly and SameSite=Strict', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '440704', password: TEST_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('qj_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  test('a wrong password is refused in Chinese and English, with the attempts left', async () => {
    const res = await server.client().login('440703', 'wrong-password');
    const body = res.body as Err;
    expect(res.status).toBe(401);
    expect(body.code).toBe('AUTH_INVALID');
    expect(body.message_zh).toContain('用户名或密码不正确');
    expect(body.details?.attemptsLeft).toBe(4);
  });

  test('an unknown username answers exactly like a wrong password', async () => {
    const res = await server.client().login('no-such-user', 'whatever');
    expect(res.status).toBe(401);
    expect((res.body as Err).code).toBe('AUTH_INVALID');
  });

  test('five failures lock the account for 15 minutes; the security administrator unlocks it', async () => {
    const c = server.client();
    const username = (
      await database.db
        .selectFrom('org')
        .select('code')
        .where('level', '=', 'town')
        .orderBy('code')
        .executeTakeFirstOrThrow()
    ).code;
    for (let i = 0; i < 4; i++) expect((await c.login(username, 'bad')).status).toBe(401);
    const fifth = await c.login(username, 'bad');
    expect(fifth.status).toBe(423);
    expect((fifth.body as Err).code).toBe('AUTH_LOCKED');
    const until = new Date(String((fifth.body as Err).details?.lockedUntil)).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect((await c.login(username)).status).toBe(423);

    const sec = await server.as('secadmin');
    const account = await database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    expect((await sec.post(`/api/accounts/${account.id}/unlock`)).status).toBe(200);
    expect((await c.login(username)).status).toBe(200);
  });

  test('validation and malformed JSON answer 400 with a stable code', async () => {
    const c = server.client();
    const missing = await c.request('POST', '/api/auth/login', { username: 'x' });
    expect(missing.status).toBe(400);
    expect((missing.body as Err).code).toBe('VALIDATION_FAILED');
    expect((missing.body as Err).message_zh).toContain('password');
    const malformed = await c.request('POST', '/api/auth/login', undefined, { rawBody: '{"username":' });
    expect(malformed.status).toBe(400);
    expect((malformed.body as Err).code).toBe('MALFORMED_JSON');
  });
});

describe('sessions', () => {
  test('a write without the CSRF token is refused', async () => {
    const c = await server.as('4407');
    const res = await c.request('POST', '/api/auth/logout', {}, { csrf: false });
    expect(res.status).toBe(403);
    expect((res.body as Err).code).toBe('CSRF_TOKEN_INVALID');
  });

  test('without a session, scoped routes answer 401', async () => {
    const res = await server.client().get('/api/orgs/tree');
    expect(res.status).toBe(401);
    expect((res.body as Err).code).toBe('AUTH_REQUIRED');
  });

  test('a session idle for more than 30 minutes expires', async () => {
    const c = await server.as('440704');
    await sql`update session set last_seen_at = now() - interval '31 minutes'`.execute(database.db);
    const res = await c.get('/api/me');
    expect(res.status).toBe(401);
    expect((res.body as Err).code).toBe('SESSION_EXPIRED');
  });

  test('logout ends the session', async () => {
    const c = await server.as('440704');
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  test('a password change follows the policy', async () => {
    const c = await server.as('440703');
    const weak = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(422);
    expect((weak.body as Err).code).toBe('PASSWORD_POLICY');
    const ok = await c.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Jiangmen#2027x',
    });
    expect(ok.status).toBe(200);
    expect((await server.client().login('440703', 'Jiangmen#2027x')).status).toBe(200);
  });
});

describe('三员分立: the three administrators hold separate powers', () => {
  const cases: [string, string, number][] = [
    ['sysadmin', 'GET /api/audit', 403],
    ['sysadmin', 'GET /api/security/settings', 403],
    ['sysadmin', 'GET /api/orgs/tree', 403],
    ['sysadmin', 'GET /api/accounts', 200],
    ['secadmin', 'GET /api/accounts', 403],
    ['secadmin', 'GET /api/audit', 403],
    ['secadmin', 'GET /api/security/settings', 200],
    ['auditadmin', 'GET /api/accounts', 403],
    ['auditadmin', 'GET /api/map/grids', 403],
    ['auditadmin', 'GET /api/audit', 200],
    ['4407', 'GET /api/audit', 403],
    ['4407', 'GET /api/accounts', 403],
  ];
  test.each(cases)('%s: %s → %i', async (user, call, status) => {
    const c = await server.as(user);
    const [method, path] = call.split(' ') as [string, string];
    const res = await c.request(method, path);
    expect(res.status).toBe(status);
    if (status === 403) expect((res.body as Err).code).toBe('PERMISSION_DENIED');
  });

  test('no account can be made an administrator through the API', async () => {
    const sys = await server.as('sysadmin');
    const city = await database.db
      .selectFrom('org')
      .select('id')
      .where('code', '=', '4407')
      .executeTakeFirstOrThrow();
    const res = await sys.post('/api/accounts', {
      username: 'second-auditor',
      displayName: '第二审计员',
      role: 'audit_admin',
      scopeOrgId: city.id,
      password: 'Audit#2026-strong',
    });
    expect(res.status).toBe(422);
    expect((res.body as Err).code).toBe('ROLE_NOT_GRANTABLE');
    const none = await database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'second-auditor')
      .executeTakeFirst();
    expect(none).toBeUndefined();
  });

  test('a new account must change its initial password', async () => {
    const sys = await server.as('sysadmin');
    const town = await database.db
      .selectFrom('org')
      .select('id')
      .where('level', '=', 'town')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const res = await sys.post('/api/accounts', {
      username: 'town-staff-1',
      displayName: '镇组织委员',
      role: 'org_admin',
      scopeOrgId: town.id,
      password: 'Initial#2026pw',
    });
    expect(res.status).toBe(201);
    // the security administrator approves the new account's role and scope (三员分立)
    const sec = await server.as('secadmin');
    const requestId = (res.body as { requestId: number }).requestId;
    expect((await sec.post(`/api/security/role-requests/${requestId}/approve`)).status).toBe(200);
    const login = await server.client().login('town-staff-1', 'Initial#2026pw');
    expect((login.body as { account: { mustChangePassword: boolean } }).account.mustChangePassword).toBe(
      true,
    );
  });
});
