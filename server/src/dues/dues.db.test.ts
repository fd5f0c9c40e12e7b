// Dues over real HTTP on both engines: a secretary declares bases and records a month's payments, the
// amounts follow the brackets, a rate version applies from its month, arrears fall as payments come,
// the six-month warnings list who paid nothing; bad input is refused with a code and nothing is written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { addMonth } from './domain/dues-rules.ts';

let database: Database;
let server: TestServer;
let city: TestClient;
let secretary: TestClient;
let otherSecretary: TestClient;
type Org = { id: number; code: string; path: string };
let village: Org;
let members: number[];
let otherMember: number;
type Err = { code: string; message_zh: string; message_en: string };
type Row = {
  member: { id: number };
  baseFen: number | null;
  dueFen: number | null;
  paidFen: number;
  arrearsMonths: string[];
  arrearsFen: number;
};
type Dues = { members: Row[]; totals: { dueFen: number; paidFen: number; arrearsFen: number } };

const M = shanghaiToday().slice(0, 7);
const m = (n: number) => addMonth(M, n);

async function counts() {
  const { db } = database;
  const n = async (t: 'dues_payment' | 'dues_base' | 'dues_rate_version' | 'audit_log') =>
    Number((await db.selectFrom(t).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    payments: await n('dues_payment'),
    bases: await n('dues_base'),
    rates: await n('dues_rate_version'),
    audit: await n('audit_log'),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .execute();
  village = villages[0] as Org;
  const other = villages[1] as Org;
  const inOrg = (path: string) =>
    db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select('member.id')
      .where('org.path', 'like', `${path}%`)
      .orderBy('member.id')
      .execute();
  members = (await inOrg(village.path)).map((r) => r.id);
  otherMember = ((await inOrg(other.path))[0] as { id: number }).id;
  // fixture: the first three are in service, the fourth a student; all joined long ago
  await db.updateTable('member').set({ joined_on: '2010-01-01' }).where('id', 'in', members).execute();
  await db
    .updateTable('member')
    .set({ occupation: 'in_service' })
    .where('id', 'in', members.slice(0, 3))
    .execute();
  await db
    .updateTable('member')
    .set({ occupation: 'student' })
    .where('id', '=', members[3] as number)
    .execute();
  city = await server.as('4407');
  secretary = await server.as(village.code);
  otherSecretary = await server.as(other.code);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const duesOf = async (month: string) => {
  const res = await secretary.get<Dues>(`/api/dues/orgs/${village.id}?month=${month}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (id: number) => res.body.members.find((r) => r.member.id === id) as Row;
};

describe('dues', () => {
  test('amounts per bracket from the declared bases; arrears from the first declared month', async () => {
    const [a, b, c, s] = members as [number, number, number, number];
    for (const [id, baseFen] of [
      [a, 800_000],
      [b, 300_000],
      [c, 1_234_567],
    ] as const) {
      const res = await secretary.request('PUT', `/api/dues/members/${id}/base`, {
        baseFen,
        fromMonth: m(-3),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const row = await duesOf(m(-1));
    expect(row(a)).toMatchObject({ baseFen: 800_000, dueFen: 12_000, paidFen: 0, arrearsFen: 36_000 });
    expect(row(a).arrearsMonths).toEqual([m(-3), m(-2), m(-1)]);
    expect(row(b).dueFen).toBe(1_500);
    expect(row(c).dueFen).toBe(24_691);
    // a student pays the fixed 0.2 yuan, with no base; no arrears before any record
    expect(row(s)).toMatchObject({ baseFen: null, dueFen: 20, arrearsFen: 0 });
  });

  test('payments of a month make arrears fall', async () => {
    const [a, b] = members as [number, number];
    for (const month of [m(-3), m(-2)]) {
      const res = await secretary.post<Dues>(`/api/dues/orgs/${village.id}/payments`, {
        month,
        paidOn: `${month}-15`,
        payments: [
          { memberId: a, paidFen: 12_000 },
          { memberId: b, paidFen: 1_500 },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const row = await duesOf(m(-1));
    expect(row(a)).toMatchObject({ arrearsMonths: [m(-1)], arrearsFen: 12_000 });
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'dues.payments')
      .execute();
    expect(audit).toHaveLength(2);
  });

  test('a rate version applies from its month; only the city maintains the table', async () => {
    const table = await city.get<{ items: { effectiveMonth: string; rates: { inService: unknown[] } }[] }>(
      '/api/dues/rates',
    );
    const current = table.body.items[0] as { rates: Record<string, unknown> };
    const rates = { ...current.rates, inService: [{ upToFen: null, bp: 100 }] };
    const refused = await secretary.request<Err>('PUT', '/api/dues/rates', { effectiveMonth: M, rates });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('DUES_RATES_CITY_ONLY');
    const res = await city.request('PUT', '/api/dues/rates', { effectiveMonth: M, rates, note: '测试' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const a = members[0] as number;
    expect((await duesOf(M))(a).dueFen).toBe(8_000);
    expect((await duesOf(m(-1)))(a).dueFen).toBe(12_000);
  });

  test('six months without dues or organizational life', async () => {
    const res = await secretary.get<{
      window: { from: string; to: string };
      items: { member: { id: number }; dues: boolean; orgLife: boolean }[];
    }>(`/api/dues/warnings?orgId=${village.id}&month=${M}&pageSize=200`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.window).toEqual({ from: m(-6), to: m(-1) });
    const of = (id: number) => res.body.items.find((i) => i.member.id === id);
    expect(of(members[0] as number)?.dues ?? false).toBe(false);
    expect(of(members[2] as number)?.dues).toBe(true);
  });

  test('bad input is refused with a code; nothing is half-written', async () => {
    const before = await counts();
    const neg = await secretary.request<Err>('PUT', `/api/dues/members/${members[0]}/base`, {
      baseFen: -5,
      fromMonth: M,
    });
    expect(neg.status).toBe(422);
    expect(neg.body.code).toBe('DUES_BASE_INVALID');
    expect(neg.body.message_en).toMatch(/fen/);
    const mixed = await secretary.post<Err>(`/api/dues/orgs/${village.id}/payments`, {
      month: M,
      paidOn: shanghaiToday(),
      payments: [
        { memberId: members[0], paidFen: 8_000 },
        { memberId: otherMember, paidFen: 100 },
      ],
    });
    // a member outside the secretary's scope is refused by the access layer before the service
    expect(mixed.status).toBe(404);
    expect(mixed.body.code).toBe('MEMBER_NOT_FOUND');
    expect(mixed.body.message_zh).toContain(String(otherMember));
    const other = await otherSecretary.get<Err>(`/api/dues/orgs/${village.id}?month=${M}`);
    expect(other.status).toBe(404);
    const foreignBase = await otherSecretary.request<Err>('PUT', `/api/dues/members/${members[0]}/base`, {
      baseFen: 100,
      fromMonth: M,
    });
    expect(foreignBase.status).toBe(404);
    const future = await secretary.post<Err>(`/api/dues/orgs/${village.id}/payments`, {
      month: m(2),
      paidOn: shanghaiToday(),
      payments: [{ memberId: members[0], paidFen: 100 }],
    });
    expect(future.body.code).toBe('DUES_MONTH_FUTURE');
    expect(await counts()).toEqual(before);
  });
});
