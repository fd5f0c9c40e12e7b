// Mobile members over real HTTP on both engines: registered by the home org, seen and confirmed by the
// inflow org, invisible to a third village; an open registration blocks a transfer.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import type { TestClient, TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../platform/time/calendar.ts';
import { type Err, type Page, type TwoTowns, twoTowns } from '../transfers/testing/two-towns.ts';

let database: Database;
let server: TestServer;
let secA: TestClient;
let secB: TestClient;
let secC: TestClient;
let branchB: TwoTowns['branchB'];
let members: TwoTowns['members'];
const today = shanghaiToday();

beforeAll(async () => {
  ({ database, server, secA, secB, secC, branchB, members } = await twoTowns());
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
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

  test('an outflow to a place outside the system: no inflow org, ended by the home org', async () => {
    type Registration = Mobile & { inflowOrg: { id: number } | null; endedOn: string | null };
    const created = await secA.post<Registration>('/api/mobile-members', {
      memberId: members[4]?.id as number,
      destination: '广东省深圳市',
      since: today,
      expectedMonths: 3,
      fixedPlace: false,
      contactPhone: '13900139000',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      inflowOrg: null,
      side: 'outflow',
      actions: ['end'],
      activities: [],
    });
    const ended = await secA.post<Registration>(`/api/mobile-members/${created.body.id}/transitions`, {
      action: 'end',
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ state: 'ended', endedOn: today, actions: [] });
  });
});
