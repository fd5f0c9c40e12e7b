// "My records" over real HTTP on both engines: a member reads only their own records, audited; the
// member's role reads no branch screen; a secretary's role has no records.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';

let database: Database;
let server: TestServer;
let secretary: TestClient;
let village: { id: number; code: string };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  village = await database.db
    .selectFrom('org')
    .select(['id', 'code'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  secretary = await server.as(village.code);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('my records', () => {
  test('a member reads only their own records, audited; others have none', async () => {
    const { db } = database;
    const link = await db
      .selectFrom('member_account')
      .innerJoin('account', 'account.id', 'member_account.account_id')
      .select(['account.username', 'member_account.member_id'])
      .orderBy('account.username')
      .limit(2)
      .execute();
    const [a, b] = link;
    if (!a || !b) throw new Error('the demo has no member accounts');
    // a payment of someone else must not show among mine
    const bOrg = await db
      .selectFrom('member')
      .select('org_id')
      .where('id', '=', b.member_id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('dues_payment')
      .values({
        member_id: b.member_id,
        month: '2020-01',
        org_id: bOrg.org_id,
        due_fen: 100,
        paid_fen: 100,
        paid_on: '2020-01-10',
      })
      .execute();
    // a class the member attended: its hours are the member's, summed over the sessions
    const aMember = await db
      .selectFrom('member')
      .select(['org_id', 'county_code'])
      .where('id', '=', a.member_id)
      .executeTakeFirstOrThrow();
    const cls = await db
      .insertInto('training_class')
      .values({
        org_id: aMember.org_id,
        county_code: aMember.county_code,
        title: '测试培训班',
        level: 'grassroots',
        starts_on: '2026-03-01',
        ends_on: '2026-03-02',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await db
      .insertInto('training_session')
      .values({ class_id: cls.id, held_on: '2026-03-01', topic: '党章学习', hours: 2.5 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrollment = await db
      .insertInto('training_enrollment')
      .values({ class_id: cls.id, member_id: a.member_id, county_code: aMember.county_code })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('training_attendance')
      .values({ session_id: session.id, enrollment_id: enrollment.id, hours: 2.5 })
      .execute();
    const me = await server.as(a.username);
    const res = await me.get<{
      member: { id: number; idNumberMasked: string };
      meetings: { items: { id: number }[] };
      dues: { month: string }[];
      training: { id: number; title: string; level: string; hours: number }[];
    }>('/api/me/records');
    expect(res.status).toBe(200);
    expect(res.body.member.id).toBe(Number(a.member_id));
    expect(res.body.member.idNumberMasked).toContain('*');
    const mineMeetings = await db
      .selectFrom('meeting_attendance')
      .select('meeting_id')
      .where('member_id', '=', a.member_id)
      .execute();
    const allowed = new Set(mineMeetings.map((m) => Number(m.meeting_id)));
    expect(res.body.meetings.items.every((m) => allowed.has(m.id))).toBe(true);
    expect(res.body.member.id).not.toBe(Number(b.member_id));
    expect(res.body.dues.map((d) => d.month)).not.toContain('2020-01');
    expect(res.body.training).toContainEqual(
      expect.objectContaining({ id: Number(cls.id), title: '测试培训班', level: 'grassroots', hours: 2.5 }),
    );
    const audit = await db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'member.records.read')
      .execute();
    expect(audit.map((x) => x.target_id)).toContain(String(a.member_id));
    // the member's role reads neither the branch screen nor the checks
    expect((await me.get('/api/my-branch')).status).toBe(403);
    // records are the member's own: a secretary's role has no such permission
    const sec = await secretary.get<{ code: string }>('/api/me/records');
    expect(sec.status).toBe(403);
    expect(sec.body.code).toBe('PERMISSION_DENIED');
  });
});
