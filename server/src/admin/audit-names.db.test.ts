// The audit page names who acted and what was touched (issue 11: "账号 #4548" read like a code): the
// audit administrator's list carries the actor's display name and the target's name beside the ids,
// and an id that names nothing keeps only its id.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../platform/http/testing/test-server.ts';
import { auditTargetNames } from './audit-names.repository.ts';

type Row = {
  action: string;
  actorUsername: string;
  actorName: string | null;
  targetType: string;
  targetId: string;
  targetName: string | null;
};

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

test('an account reset by the system administrator is listed with both accounts by name', async () => {
  const target = await database.db
    .selectFrom('account')
    .select(['id', 'username', 'display_name'])
    .where('username', '=', '440704001')
    .executeTakeFirstOrThrow();
  const sys = await server.as('sysadmin');
  expect((await sys.post(`/api/accounts/${target.id}/reset-password`)).status).toBe(200);

  const auditor = await server.as('auditadmin');
  const res = await auditor.get<{ items: Row[] }>('/api/audit?action=account.password_reset');
  expect(res.status).toBe(200);
  const row = res.body.items.find((r) => r.targetId === String(target.id));
  expect(row).toMatchObject({
    actorUsername: 'sysadmin',
    targetType: 'account',
    targetName: target.display_name,
  });
  expect(row?.actorName).toBeTruthy();
});

test('records of several types are named in one go; unknown types and ids keep no name', async () => {
  const org = await database.db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('code', '=', '440704001')
    .executeTakeFirstOrThrow();
  const member = await database.db
    .selectFrom('member')
    .select(['id', 'name'])
    .limit(1)
    .executeTakeFirstOrThrow();
  const names = await auditTargetNames(database.db, [
    { targetType: 'org', targetId: String(org.id) },
    { targetType: 'member', targetId: String(member.id) },
    { targetType: 'member', targetId: '999999999' },
    { targetType: 'setting', targetId: 'security' },
    { targetType: 'org', targetId: 'not-a-number' },
  ]);
  expect(names.get(`org:${org.id}`)).toBe(org.name);
  expect(names.get(`member:${member.id}`)).toBe(member.name);
  expect(names.size).toBe(2);
});
