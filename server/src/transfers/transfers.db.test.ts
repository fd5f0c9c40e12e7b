// Transfers over real HTTP on both engines: a member moves between branches of two towns (letter,
// confirmation, receipt; member lists and subtree totals follow), refusals with nothing half-written,
// a third village's secretary who sees nothing, a mobile member seen by both orgs, 双报到.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recomputeOrgTotals } from '../organizations/org-totals.ts';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { addMonths, shanghaiToday } from '../recruitment/domain/dates.ts';

type Err = { code: string; message_zh: string; message_en: string };
type Transfer = {
  id: number;
  letterNo: string;
  scope: string;
  state: string;
  validUntil: string;
  direction: string;
  expired: boolean;
  actions: string[];
  member: { id: number; name: string };
  history: { orgId: number; endedOn: string | null; reason: string }[];
};
type Page<T> = { items: T[]; total: number };
type Village = { id: number; code: string; path: string };

let database: Database;
let server: TestServer;
let secA: TestClient;
let secB: TestClient;
let secC: TestClient;
let villageB: Village;
let villageC: Village;
let branchB: { id: number; path: string };
let members: { id: number; occupation: string; org_id: number; path: string }[];
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
  // members sit in the grid party branches (or groups) of a village; letters go to a branch
  const a = villages[0] as Village;
  const b = villages.find((v) => v.code.slice(0, 9) !== a.code.slice(0, 9));
  const c = villages.find((v) => v.code.slice(0, 9) !== a.code.slice(0, 9) && v.id !== b?.id);
  if (!b || !c) throw new Error('the test seed needs villages in two towns');
  villageB = b;
  villageC = c;
  branchB = await db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('path', 'like', `${b.path}%`)
    .where('kind', '=', 'branch')
    .orderBy('path')
    .executeTakeFirstOrThrow();
  members = await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.occupation', 'member.org_id', 'org.path'])
    .where('org.path', 'like', `${a.path}%`)
    .orderBy('member.id')
    .execute();
  if (members.length < 6) throw new Error('the test village needs 6 members');
  secA = await server.as(a.code);
  secB = await server.as(b.code);
  secC = await server.as(c.code);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const count = async (table: 'transfer' | 'audit_log' | 'membership_history' | 'mobile_member') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const totals = async (ids: number[]) => {
  const rows = await database.db
    .selectFrom('org')
    .select(['id', 'member_count'])
    .where('id', 'in', ids)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.member_count]));
};
const chain = (path: string) => path.split('/').filter(Boolean).map(Number);
const memberIds = async (client: TestClient, orgId: number) =>
  (await client.get<Page<{ id: number }>>(`/api/orgs/${orgId}/members?pageSize=200`)).body.items.map(
    (m) => m.id,
  );

describe('a member moves between two branches of different towns', () => {
  test('issue, confirm, receipt: member lists, history and subtree totals follow', async () => {
    const first = members[0] as (typeof members)[number];
    const m = first.id;
    const branchA = { id: first.org_id, path: first.path };
    const ids = [...new Set([...chain(branchA.path), ...chain(branchB.path)])];
    const before = await totals(ids);
    expect(await memberIds(secA, branchA.id)).toContain(m);

    const issued = await secA.post<Transfer>('/api/transfers', {
      memberId: m,
      toOrgId: branchB.id,
      reason: '工作调动',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({
      state: 'issued',
      scope: 'city',
      validUntil: addMonths(today, 3),
      direction: 'out',
    });
    expect(issued.body.letterNo).toMatch(/^\d+-\d{4}-\d{4}$/);
    const id = issued.body.id;

    // the receiving secretary sees the incoming letter and the member it names, before the move
    const incoming = await secB.get<Page<Transfer>>('/api/transfers?direction=in');
    const seen = incoming.body.items.find((t) => t.id === id);
    expect(seen).toMatchObject({ direction: 'in', actions: ['confirm', 'refuse'], member: { id: m } });
    expect(await memberIds(secB, branchB.id)).not.toContain(m);

    const confirmed = await secB.post<Transfer>(`/api/transfers/${id}/transitions`, { action: 'confirm' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.state).toBe('received');
    expect(await memberIds(secB, branchB.id)).toContain(m);
    expect(await memberIds(secA, branchA.id)).not.toContain(m);

    const after = await totals(ids);
    for (const oid of ids) {
      const inA = chain(branchA.path).includes(oid);
      const inB = chain(branchB.path).includes(oid);
      const delta = inA && !inB ? -1 : inB && !inA ? 1 : 0;
      expect(after[oid], `org ${oid}`).toBe((before[oid] as number) + delta);
    }
    // the same numbers as a full recomputation
    expect((await recomputeOrgTotals(database.db)).updated).toBe(0);

    const receipt = await secB.post<Transfer>(`/api/transfers/${id}/transitions`, {
      action: 'return_receipt',
    });
    expect(receipt.status).toBe(200);
    expect(receipt.body.state).toBe('receipt_returned');
    // the sending org still sees its outgoing letter, now closed, with the member's history
    const out = await secA.get<Transfer>(`/api/transfers/${id}`);
    expect(out.status).toBe(200);
    expect(out.body.state).toBe('receipt_returned');
    expect(out.body.history.map((h) => [h.orgId, h.endedOn === null])).toEqual([
      [branchA.id, false],
      [branchB.id, true],
    ]);
  });
});

describe('refusals: 422 with the rule, nothing half-written', () => {
  const refused = async (res: { status: number; body: unknown }, code: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    const e = res.body as Err;
    expect(e.code).toBe(code);
    expect(e.message_zh.length).toBeGreaterThan(5);
    expect(e.message_en.length).toBeGreaterThan(5);
  };

  test('a second letter while one is in progress', async () => {
    const m = members[1]?.id as number;
    const first = await secA.post<Transfer>('/api/transfers', { memberId: m, toOrgId: branchB.id });
    expect(first.status).toBe(201);
    const [t, a] = [await count('transfer'), await count('audit_log')];
    await refused(
      await secA.post('/api/transfers', { memberId: m, toOrgId: branchB.id }),
      'TRANSFER_IN_PROGRESS',
    );
    expect([await count('transfer'), await count('audit_log')]).toEqual([t, a]);
    // the sending side cannot confirm its own letter
    await refused(
      await secA.post(`/api/transfers/${first.body.id}/transitions`, { action: 'confirm' }),
      'TRANSFER_NOT_RECEIVING_ORG',
    );
    const w = await secA.post<Transfer>(`/api/transfers/${first.body.id}/transitions`, {
      action: 'withdraw',
    });
    expect(w.body.state).toBe('withdrawn');
  });

  test('an expired letter cannot be confirmed; the member stays', async () => {
    const m = members[2]?.id as number;
    const old = await secA.post<Transfer>('/api/transfers', {
      memberId: m,
      toOrgId: branchB.id,
      issuedOn: addMonths(today, -4),
    });
    expect(old.status).toBe(201);
    expect(old.body.state).toBe('expired');
    const [h, a] = [await count('membership_history'), await count('audit_log')];
    await refused(
      await secB.post(`/api/transfers/${old.body.id}/transitions`, { action: 'confirm' }),
      'TRANSFER_LETTER_EXPIRED',
    );
    expect([await count('membership_history'), await count('audit_log')]).toEqual([h, a]);
    const member = await database.db
      .selectFrom('member')
      .select('org_id')
      .where('id', '=', m)
      .executeTakeFirstOrThrow();
    expect(member.org_id).toBe(members[2]?.org_id);
    const expired = await secA.get<Page<Transfer>>('/api/transfers?direction=out&state=expired');
    expect(expired.body.items.map((t) => t.id)).toContain(old.body.id);
  });

  test('the receiving org must be a branch that holds members', async () => {
    const t = await count('transfer');
    await refused(
      await secA.post('/api/transfers', { memberId: members[3]?.id, toOrgId: chain(villageB.path).at(-2) }),
      'TRANSFER_RECEIVING_NOT_BRANCH',
    );
    expect(await count('transfer')).toBe(t);
  });
});

describe('scope', () => {
  test("a third village's secretary gets 404 and sees nothing", async () => {
    const m = members[4]?.id as number;
    const issued = await secA.post<Transfer>('/api/transfers', { memberId: m, toOrgId: branchB.id });
    expect(issued.status).toBe(201);
    const id = issued.body.id;
    expect((await secC.get(`/api/transfers/${id}`)).status).toBe(404);
    const act = await secC.post<Err>(`/api/transfers/${id}/transitions`, { action: 'confirm' });
    expect(act.status).toBe(404);
    expect(act.body.code).toBe('TRANSFER_NOT_FOUND');
    expect((await secC.get<Page<Transfer>>('/api/transfers')).body.items.map((t) => t.id)).not.toContain(id);
    // nor can it issue a letter for a member of another village
    expect((await secC.post('/api/transfers', { memberId: m, toOrgId: branchB.id })).status).toBe(404);
  });
});

describe('mobile members', () => {
  type Mobile = {
    id: number;
    side: string;
    state: string;
    actions: string[];
    activities: { topic: string }[];
  };
  test('registered by the home org, seen and confirmed by the inflow org, invisible elsewhere', async () => {
    const m = members[5]?.id as number;
    const base = {
      memberId: m,
      destination: '江门市蓬江区',
      since: today,
      fixedPlace: true,
      contactPhone: '13800138000',
    };
    const tooLong = await secA.post<Err>('/api/mobile-members', {
      ...base,
      expectedMonths: 8,
      inflowOrgId: branchB.id,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('MOBILE_SHOULD_TRANSFER');
    const created = await secA.post<Mobile>('/api/mobile-members', {
      ...base,
      expectedMonths: 4,
      inflowOrgId: branchB.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect(
      (await secA.get<Page<Mobile>>('/api/mobile-members?side=outflow')).body.items.map((x) => x.id),
    ).toContain(id);
    const inflow = await secB.get<Page<Mobile>>('/api/mobile-members?side=inflow');
    expect(inflow.body.items.find((x) => x.id === id)).toMatchObject({
      side: 'inflow',
      actions: ['confirm_inflow'],
    });
    expect(
      (await secB.post<Mobile>(`/api/mobile-members/${id}/transitions`, { action: 'confirm_inflow' })).body
        .state,
    ).toBe('inflow_confirmed');
    const act = await secB.post<Mobile>(`/api/mobile-members/${id}/activities`, {
      on: today,
      kind: '主题党日',
      topic: '学习党章',
    });
    expect(act.status).toBe(200);
    expect(act.body.activities.map((x) => x.topic)).toEqual(['学习党章']);
    expect((await secA.get<Mobile>(`/api/mobile-members/${id}`)).body.activities).toHaveLength(1);
    expect((await secC.get(`/api/mobile-members/${id}`)).status).toBe(404);
    // an open mobile registration blocks a transfer
    const t = await secA.post<Err>('/api/transfers', { memberId: m, toOrgId: branchB.id });
    expect(t.body.code).toBe('TRANSFER_MEMBER_IS_MOBILE');
  });
});

describe('双报到', () => {
  test('an in-service member reports to a community, hours and the assessment figures', async () => {
    const community = await database.db
      .selectFrom('org')
      .innerJoin('division', 'division.code', 'org.division_code')
      .select('org.id')
      .where('org.level', '=', 'village')
      .where('division.kind', '=', 'community')
      .orderBy('org.id')
      .executeTakeFirst();
    const worker = members.slice(6).find((x) => x.occupation === 'in_service');
    if (!community || !worker) return;
    const notCommunity = await secA.post<Err>('/api/community-reports', {
      communityOrgId: chain(villageB.path).at(-2),
      memberId: worker.id,
      reportedOn: today,
    });
    expect(notCommunity.body.code).toBe('COMMUNITY_REPORT_NOT_COMMUNITY');
    const r = await secA.post<{ id: number }>('/api/community-reports', {
      communityOrgId: community.id,
      memberId: worker.id,
      reportedOn: today,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const dup = await secA.post<Err>('/api/community-reports', {
      communityOrgId: community.id,
      memberId: worker.id,
      reportedOn: today,
    });
    expect(dup.body.code).toBe('COMMUNITY_REPORT_DUPLICATE');
    const h = await secA.post('/api/community-reports/service-hours', {
      reportId: r.body.id,
      servedOn: today,
      hours: 2.5,
      content: '社区清洁',
    });
    expect(h.status).toBe(201);
    const list = await secA.get<{ items: { id: number; hours: number }[] }>(
      '/api/community-reports?pageSize=200',
    );
    expect(list.body.items.find((i) => i.id === r.body.id)?.hours).toBe(2.5);
    const totals = await secA.get<{
      items: { community: { id: number }; hours: number; members: number }[];
    }>('/api/community-reports/by-community?pageSize=200');
    // secA sees its own member's report (and, were the community inside its village, the demo's)
    expect(totals.body.items.find((c) => c.community.id === community.id)?.hours).toBeGreaterThanOrEqual(2.5);
    const seenByC = await secC.get<{ items: { id: number }[] }>('/api/community-reports?pageSize=200');
    if (!chain(villageC.path).includes(community.id))
      expect(seenByC.body.items.map((i) => i.id)).not.toContain(r.body.id);
  });
});
