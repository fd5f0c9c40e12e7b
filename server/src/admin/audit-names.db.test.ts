// The audit page names who acted and what was touched (issue 11: "账号 #4548" read like a code): the
// audit administrator's list carries the actor's display name and the target's name beside the ids,
// and an id that names nothing keeps only its id. The SQL is committed in audit-names.repository.sql.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../platform/http/testing/test-server.ts';
import { actorNames, auditTargetNames } from './audit-names.repository.ts';

const snapshot = sqlSnapshot(new URL('./audit-names.repository.sql', import.meta.url));

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
  snapshot.verify();
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

// auditTargetNames writes the ids into the statement's text (sql.lit): the snapshot names fixed ids (1, 2 and
// one that names nothing) so that its text does not follow the seed's ids.
test('the SQL of the names: one statement per record type, the actors in one', async () => {
  const { db } = database;
  const fixed = [
    { targetType: 'account', targetId: '1' },
    { targetType: 'account', targetId: '2' },
    { targetType: 'account', targetId: '999999999' },
  ];
  const accounts = await db
    .selectFrom('account')
    .select(['id', 'display_name'])
    .where('id', 'in', [1, 2])
    .orderBy('id')
    .execute();
  expect(accounts.length).toBeGreaterThan(0);
  const names = await snapshot.record('auditTargetNames account', db, (d) => auditTargetNames(d, fixed));
  expect(names).toEqual(new Map(accounts.map((a) => [`account:${a.id}`, a.display_name])));
  const types = ['member', 'org', 'case', 'deliberation', 'power_use', 'contest', 'weak_org'];
  await snapshot.record('auditTargetNames several types', db, (d) =>
    auditTargetNames(
      d,
      types.map((targetType) => ({ targetType, targetId: '1' })),
    ),
  );
  const actors = await snapshot.record('actorNames', db, (d) => actorNames(d, [1, 2, 1, 999999999]));
  expect(actors).toEqual(new Map(accounts.map((a) => [a.id, a.display_name])));
  expect(await snapshot.record('actorNames none', db, (d) => actorNames(d, []))).toEqual(new Map());
});
