// Transfers over real HTTP on both engines: a member moves between branches of two towns (letter,
// confirmation, receipt; member lists and subtree totals follow), refusals with nothing half-written,
// a third village's secretary who sees nothing. (Mobile members and 双报到 on the same fixture:
// mobile-members/, community-reports/.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recomputeOrgTotals } from '../organizations/org-totals.ts';
import type { Database } from '../platform/db/engine.ts';
import type { TestClient, TestServer } from '../platform/http/testing/test-server.ts';
import { addMonths, shanghaiToday } from '../recruitment/domain/dates.ts';
import { chain, type Err, type Page, type TwoTowns, twoTowns, type Village } from './testing/two-towns.ts';

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

let database: Database;
let server: TestServer;
let secA: TestClient;
let secB: TestClient;
let secC: TestClient;
let villageB: Village;
let branchB: TwoTowns['branchB'];
let members: TwoTowns['members'];
const today = shanghaiToday();

beforeAll(async () => {
  ({ database, server, secA, secB, secC, villageB, branchB, members } = await twoTowns());
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

describe('the branches a letter may be addressed to', () => {
  test('any branch of the city, by code or by name, with the name of its parent', async () => {
    type ReceivingOrg = { id: number; code: string; kind: string; parentName: string | null };
    const b = await database.db
      .selectFrom('org')
      .select(['code', 'name'])
      .where('id', '=', branchB.id)
      .executeTakeFirstOrThrow();
    const byCode = await secA.get<ReceivingOrg[]>(`/api/transfers/receiving-orgs?q=${b.code}`);
    expect(byCode.status, JSON.stringify(byCode.body)).toBe(200);
    const found = byCode.body.find((o) => o.id === branchB.id);
    expect(found).toMatchObject({ code: b.code, kind: 'branch' });
    expect(found?.parentName).toEqual(expect.any(String));
    const byName = await secA.get<ReceivingOrg[]>(
      `/api/transfers/receiving-orgs?q=${encodeURIComponent(b.name)}`,
    );
    expect(byName.status, JSON.stringify(byName.body)).toBe(200);
    expect(byName.body.map((o) => o.id)).toContain(branchB.id);
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
