import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../db/engine.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import { appendAudit, verifyAuditChain } from './audit.ts';

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

test('a read of personal data is recorded with who, what and where', async () => {
  const c = await server.as('4407');
  const member = await database.db
    .selectFrom('member')
    .select(['id', 'id_number_masked'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const res = await c.post<{ value: string }>(`/api/members/${member.id}/reveal`, { field: 'idNumber' });
  expect(res.status).toBe(200);
  expect(res.body.value).toMatch(/^\d{17}[\dX]$/);
  expect(res.body.value.slice(0, 6)).toBe(member.id_number_masked.slice(0, 6));
  const entry = await database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'member.pii_read')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  expect(entry).toMatchObject({
    actor_username: '4407',
    role: 'org_admin',
    target_type: 'member',
    target_id: String(member.id),
  });
  expect(entry.after).toEqual({ field: 'idNumber' });
  expect(entry.client_ip).toBe('127.0.0.1');
});

test('the chain verifies, refuses edits, and a forced edit is found', async () => {
  await database.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actorId: null,
      actorUsername: 'test',
      role: 'system',
      scopeOrgId: null,
      action: 'test.event',
      targetType: 'test',
      targetId: 1,
      before: { b: 1, a: [1, { z: 2, y: 'x' }] },
      after: { 中文: '值' },
      clientIp: 'local',
    }),
  );
  const ok = await verifyAuditChain(database.db);
  expect(ok.ok).toBe(true);
  expect(ok.checked).toBeGreaterThan(1);

  await expect(sql`update audit_log set action = 'x' where id = 1`.execute(database.db)).rejects.toThrow(
    /append-only/,
  );
  await expect(sql`delete from audit_log where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);

  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
  await sql`update audit_log set actor_username = 'someone-else' where id = 2`.execute(database.db);
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(database.db);
  const broken = await verifyAuditChain(database.db);
  expect(broken).toMatchObject({ ok: false, brokenAt: 2 });
});

test('the audit administrator verifies the chain over HTTP', async () => {
  const c = await server.as('auditadmin');
  const res = await c.post<{ ok: boolean; brokenAt: number | null }>('/api/audit/verify');
  expect(res.status).toBe(200);
  // the previous test forced an edit at id 2
  expect(res.body).toMatchObject({ ok: false, brokenAt: 2 });
});
