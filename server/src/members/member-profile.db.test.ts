// One member over real HTTP on both engines: adding a member (encrypted at rest, masked in the answer,
// totals, audit, the first membership period), the import's rules and duplicate code, another
// village's secretary who can neither read, edit nor add, the edit of the phone and education, and
// the profile with its history after a transfer.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { makeIdNumber } from '../platform/text/id-number.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';

type Err = { code: string; details?: { problems: { field: string; code: string }[] } };
type Member = {
  id: number;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  education: string;
  status: string;
  orgId: number;
};
type Profile = Member & {
  org: { id: number; name: string; chain: { id: number; name: string }[] };
  history: { orgId: number; startedOn: string; endedOn: string | null; reason: string; recorded: boolean }[];
  transfers: { letterNo: string; state: string; toOrgName: string }[];
  recruitment: { id: number } | null;
};
type Org = { id: number; code: string; path: string };

let database: Database;
let server: TestServer;
let secA: TestClient;
let secB: TestClient;
let villageA: Org;
let branchA: Org;
let branchB: Org;
const today = shanghaiToday();

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 10)
    .orderBy('code')
    .execute();
  const a = villages[0] as Org;
  const b = villages.find((v) => v.code.slice(0, 9) !== a.code.slice(0, 9));
  if (!b) throw new Error('the test seed needs villages in two towns');
  villageA = a;
  const branchOf = (path: string) =>
    db
      .selectFrom('org')
      .select(['id', 'code', 'path'])
      .where('path', 'like', `${path}%`)
      .where('kind', '=', 'branch')
      .orderBy('path')
      .executeTakeFirstOrThrow();
  branchA = await branchOf(a.path);
  branchB = await branchOf(b.path);
  secA = await server.as(a.code);
  secB = await server.as(b.code);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const count = async (table: 'member' | 'audit_log' | 'membership_history') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const totals = async (path: string) => {
  const ids = path.split('/').filter(Boolean).map(Number);
  const rows = await database.db
    .selectFrom('org')
    .select(['id', 'member_count'])
    .where('id', 'in', ids)
    .execute();
  return ids.map((id) => rows.find((r) => r.id === id)?.member_count);
};
const snapshot = async () => ({
  members: await count('member'),
  audit: await count('audit_log'),
  history: await count('membership_history'),
  totals: await totals(branchA.path),
});

const ID = makeIdNumber('440704', '1988-04-16', 613);
const person = (extra: Record<string, unknown> = {}) => ({
  name: '档案测试员',
  idNumber: ID,
  ethnicity: '汉族',
  phone: '13912340001',
  education: 'bachelor',
  occupation: 'in_service',
  status: 'full',
  joinedOn: '2012-07-01',
  convertedOn: '2013-07-01',
  ...extra,
});
let memberId = 0;

describe('adding a member', () => {
  test('a valid member: encrypted at rest, masked in the answer, totals +1, history, audit', async () => {
    const before = await snapshot();
    const res = await secA.post<Member>(`/api/orgs/${branchA.id}/members`, person());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    memberId = res.body.id;
    expect(res.body).toMatchObject({
      name: '档案测试员',
      phoneMasked: '139****0001',
      status: 'full',
      orgId: branchA.id,
    });
    expect(res.body.idNumberMasked).toBe(`${ID.slice(0, 6)}********${ID.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(ID);
    const row = await database.db
      .selectFrom('member')
      .selectAll()
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain(ID.slice(6, 14));
    expect(row.phone_enc).not.toContain('13912340001');
    expect(row).toMatchObject({
      gender: 'male',
      birth_date: '1988-04-16',
      county_code: villageA.code.slice(0, 6),
    });
    const after = await snapshot();
    expect(after.members).toBe(before.members + 1);
    expect(after.totals).toEqual(before.totals.map((n) => (n ?? 0) + 1));
    const history = await database.db
      .selectFrom('membership_history')
      .selectAll()
      .where('member_id', '=', memberId)
      .execute();
    expect(history).toMatchObject([
      { org_id: branchA.id, started_on: '2012-07-01', ended_on: null, reason: 'register' },
    ]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'after'])
      .where('action', '=', 'member.create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(String(audit[0]?.target_id)).toBe(String(memberId));
    expect(JSON.stringify(audit[0]?.after)).not.toContain('13912340001');
    const revealed = await secA.post<{ value: string }>(`/api/members/${memberId}/reveal`, {
      field: 'idNumber',
    });
    expect(revealed.body.value).toBe(ID);
  });

  test('a wrong ID number, under 18, a full member without conversion: 422 with the codes, nothing written', async () => {
    const before = await snapshot();
    const bad = `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}`;
    const res = await secA.post<Err>(`/api/orgs/${branchA.id}/members`, person({ idNumber: bad }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('MEMBER_INVALID');
    expect(res.body.details?.problems).toEqual([
      expect.objectContaining({ field: 'idNumber', code: 'ID_NUMBER_CHECKSUM' }),
    ]);
    const young = makeIdNumber('440704', '2000-01-01', 615);
    const more = await secA.post<Err>(
      `/api/orgs/${branchA.id}/members`,
      person({ idNumber: young, joinedOn: '2017-07-01', convertedOn: undefined, phone: '12345' }),
    );
    expect(more.status).toBe(422);
    expect(more.body.details?.problems.map((p) => [p.field, p.code])).toEqual(
      expect.arrayContaining([
        ['joinedOn', 'UNDER_18'],
        ['convertedOn', 'REQUIRED'],
        ['phone', 'BAD_PHONE'],
      ]),
    );
    const schema = await secA.post<Err>(`/api/orgs/${branchA.id}/members`, person({ education: '博士后' }));
    expect(schema.status).toBe(400);
    expect(schema.body.code).toBe('VALIDATION_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  test('the same person twice → 409 ALREADY_A_MEMBER and nothing written', async () => {
    const before = await snapshot();
    const res = await secA.post<Err>(`/api/orgs/${branchA.id}/members`, person({ name: '另一个名字' }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ALREADY_A_MEMBER');
    expect(await snapshot()).toEqual(before);
  });

  test('the same person from another village → 409, without naming the org outside its scope', async () => {
    const before = await snapshot();
    const res = await secB.post<Err>(`/api/orgs/${branchB.id}/members`, person({ name: '另一个名字' }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ALREADY_A_MEMBER');
    expect((res.body as { message_zh?: string }).message_zh).toContain('另一党组织');
    expect(await snapshot()).toEqual(before);
  });
});

describe('another village', () => {
  test('its secretary gets 404 for the profile, the edit and the add, and nothing is written', async () => {
    const before = await snapshot();
    const read = await secB.get<Err>(`/api/members/${memberId}`);
    expect([read.status, read.body.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    const edit = await secB.request<Err>('PATCH', `/api/members/${memberId}`, { phone: '13900000000' });
    expect([edit.status, edit.body.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    const add = await secB.post<Err>(
      `/api/orgs/${branchA.id}/members`,
      person({ idNumber: makeIdNumber('440704', '1980-02-02', 617) }),
    );
    expect([add.status, add.body.code]).toEqual([404, 'ORG_NOT_FOUND']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('editing and reading a member', () => {
  test('the phone and education change; the phone is re-masked, the audit names fields only', async () => {
    const res = await secA.request<{ changed: string[]; member: Member }>(
      'PATCH',
      `/api/members/${memberId}`,
      {
        phone: '13800009999',
        education: 'postgraduate',
        ethnicity: '汉族',
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changed).toEqual(['phone', 'education']);
    expect(res.body.member).toMatchObject({ phoneMasked: '138****9999', education: 'postgraduate' });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'member.update')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ fields: ['phone', 'education'], education: 'postgraduate' });
    expect(audit.before).toMatchObject({ education: 'bachelor' });
    expect(JSON.stringify(audit)).not.toMatch(/13800009999|13912340001/);
    const revealed = await secA.post<{ value: string }>(`/api/members/${memberId}/reveal`, {
      field: 'phone',
    });
    expect(revealed.body.value).toBe('13800009999');
  });

  test('refused edits change nothing: a bad phone, an early conversion date', async () => {
    const before = await snapshot();
    const phone = await secA.request<Err>('PATCH', `/api/members/${memberId}`, { phone: '2345' });
    expect(phone.status).toBe(422);
    expect(phone.body.details?.problems.map((p) => p.code)).toEqual(['BAD_PHONE']);
    const early = await secA.request<Err>('PATCH', `/api/members/${memberId}`, { convertedOn: '2012-12-01' });
    expect(early.body.details?.problems.map((p) => p.code)).toEqual(['PROBATION_TOO_SHORT']);
    const cleared = await secA.request<Err>('PATCH', `/api/members/${memberId}`, { convertedOn: null });
    expect(cleared.body.details?.problems.map((p) => p.code)).toEqual(['REQUIRED']);
    const idNumber = await secA.request<Err>('PATCH', `/api/members/${memberId}`, { idNumber: ID });
    expect(idNumber.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  test('a probationary member is converted by recruitment, not by an edit', async () => {
    const added = await secA.post<Member>(
      `/api/orgs/${branchA.id}/members`,
      person({
        name: '预备测试员',
        idNumber: makeIdNumber('440704', '1995-03-03', 620),
        status: 'probationary',
        joinedOn: today,
        convertedOn: undefined,
      }),
    );
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const res = await secA.request<Err>('PATCH', `/api/members/${added.body.id}`, { convertedOn: today });
    expect([res.status, res.body.code]).toEqual([422, 'CONVERSION_BY_RECRUITMENT']);
  });

  test('the profile: masked, with its org chain and history; the read is audited', async () => {
    const before = await count('audit_log');
    const res = await secA.get<Profile>(`/api/members/${memberId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '档案测试员',
      phoneMasked: '138****9999',
      recruitment: null,
      transfers: [],
    });
    // the chain above the member's org, from the city down
    expect(res.body.org.chain.map((o) => o.id)).toEqual(
      branchA.path.split('/').filter(Boolean).map(Number).slice(0, -1),
    );
    expect(res.body.history).toEqual([
      expect.objectContaining({ orgId: branchA.id, reason: 'register', endedOn: null, recorded: true }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/13800009999/);
    expect(await count('audit_log')).toBe(before + 1);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('member.read');
  });

  test('after a transfer the profile shows both periods and the letter, for the receiving org', async () => {
    const issued = await secA.post<{ id: number }>('/api/transfers', { memberId, toOrgId: branchB.id });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const confirmed = await secB.post(`/api/transfers/${issued.body.id}/transitions`, { action: 'confirm' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const res = await secB.get<Profile>(`/api/members/${memberId}`);
    expect(res.status).toBe(200);
    expect(res.body.history.map((h) => [h.orgId, h.reason, h.endedOn])).toEqual([
      [branchA.id, 'register', today],
      [branchB.id, 'transfer_in', null],
    ]);
    expect(res.body.transfers).toEqual([expect.objectContaining({ state: 'received' })]);
    expect((await secA.get(`/api/members/${memberId}`)).status).toBe(404);
  });
});
