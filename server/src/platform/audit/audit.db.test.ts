import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AuditAction, AuditTargetType } from '../../../../contract/audit-names.ts';
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
      // a test's own action: no name on the audit page
      action: 'test.event' as AuditAction,
      targetType: 'test' as AuditTargetType,
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

test('each county appends to its own lane; a transaction stays in the lane it started; every lane verifies', async () => {
  const entry = (countyCode: string | null, n: number) => ({
    actorId: null,
    actorUsername: 'test',
    role: 'system',
    scopeOrgId: null,
    action: 'test.lane' as AuditAction,
    targetType: 'test' as AuditTargetType,
    targetId: n,
    clientIp: 'local',
    countyCode,
  });
  // a fresh copy: the test above broke the chain on purpose
  const fresh = await createTestDatabase();
  try {
    await Promise.all(
      ['440703', '440704', '440705', '440703', '440704'].map((county, n) =>
        fresh.db.transaction().execute((trx) => appendAudit(trx, entry(county, n))),
      ),
    );
    await fresh.db.transaction().execute(async (trx) => {
      await appendAudit(trx, entry('440781', 10));
      await appendAudit(trx, entry(null, 11));
    });
    const rows = await fresh.db
      .selectFrom('audit_log')
      .select(['lane', 'lane_seq', 'county_code', 'target_id'])
      .where('action', '=', 'test.lane')
      .orderBy('id')
      .execute();
    expect(rows.filter((r) => r.lane === '440703').map((r) => r.lane_seq)).toEqual([1, 2]);
    expect(rows.filter((r) => r.lane === '440704').map((r) => r.lane_seq)).toEqual([1, 2]);
    // the second append of the last transaction follows the lane of the first
    expect(rows.find((r) => r.target_id === '11')).toMatchObject({ lane: '440781', county_code: null });
    expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: true });
  } finally {
    await fresh.close();
  }
});
