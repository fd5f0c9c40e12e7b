// 双报到 over real HTTP on both engines, on the transfers' fixture: an in-service member of village A
// reports to a community, gives hours, and the community's figures count them; a third village's
// secretary does not see the report.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import type { TestClient, TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../platform/time/calendar.ts';
import { chain, type Err, type TwoTowns, twoTowns, type Village } from '../transfers/testing/two-towns.ts';

let database: Database;
let server: TestServer;
let secA: TestClient;
let secC: TestClient;
let villageB: Village;
let villageC: Village;
let members: TwoTowns['members'];
const today = shanghaiToday();

beforeAll(async () => {
  ({ database, server, secA, secC, villageB, villageC, members } = await twoTowns());
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
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
    // the test seed holds a community and an in-service member of village A: fail, never skip, without them
    if (!community)
      throw new Error('the test seed has no community (a village-level org of an urban division)');
    if (!worker) throw new Error('the test village has no in-service member after its first six');
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
