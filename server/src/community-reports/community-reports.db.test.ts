// 双报到双服务 over real HTTP on both engines, on the demo's reports (demo/org-life/community-demo.ts):
// the community's view and the town's totals, a member of another unit registered by ID number, hours,
// last year's assessment, the Excel export, refusals with nothing written, and other scopes that see
// nothing of it (404 / absent from lists). The export and the look-ups: community-export.db.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decryptPii } from '../platform/crypto/crypto.ts';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { makeIdNumber } from '../platform/text/id-number.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';

type Err = { code: string; message_zh: string; message_en: string };
type Item = {
  id: number;
  community: { id: number; name: string };
  reporterKind: 'member' | 'unit';
  reporter: { id: number; name: string; orgName: string | null };
  year: number;
  hours: number;
  serviceCount: number;
  assessment: string | null;
  canAssess: boolean;
};
type List = { year: number; items: Item[]; total: number };
type Figures = {
  reporters: number;
  members: number;
  units: number;
  hours: number;
  assessments: Record<'excellent' | 'good' | 'fair' | 'poor' | 'none', number>;
};
type ByCommunity = {
  year: number;
  myCommunity: { id: number; name: string } | null;
  totals: Figures & { communities: number };
  items: (Figures & { community: { id: number; name: string; townName: string | null } })[];
  total: number;
};
type Org = { id: number; code: string; path: string; parent_id: number | null };

const today = shanghaiToday();
const year = Number(today.slice(0, 4));
let database: Database;
let server: TestServer;
let community: Org;
let other: Org;
let secCommunity: TestClient;
let secOther: TestClient;
let town: TestClient;
let unitSec: TestClient;
let unitOrg: Org;
/** an in-service member of a unit who has not reported to the community this year, with the ID number */
let newcomer: { id: number; name: string; idNumber: string };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  // the community with most reporters this year (the demo's), and a community of another town
  const busiest = await db
    .selectFrom('community_report')
    .innerJoin('org', 'org.id', 'community_report.community_org_id')
    .select(['org.id', 'org.code', 'org.path', 'org.parent_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_report.year', '=', year)
    .groupBy(['org.id', 'org.code', 'org.path', 'org.parent_id'])
    .orderBy('n', 'desc')
    .orderBy('org.id')
    .executeTakeFirstOrThrow();
  community = busiest;
  other = await db
    .selectFrom('org')
    .innerJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.code', 'org.path', 'org.parent_id'])
    .where('org.level', '=', 'village')
    .where('division.kind', '=', 'community')
    .where('org.parent_id', '<>', community.parent_id)
    .orderBy('org.id')
    .executeTakeFirstOrThrow();
  const townOrg = await db
    .selectFrom('org')
    .select('code')
    .where('id', '=', community.parent_id)
    .executeTakeFirstOrThrow();
  const reported = await db
    .selectFrom('community_report')
    .select('member_id')
    .where('community_org_id', '=', community.id)
    .where('year', '=', year)
    .where('member_id', 'is not', null)
    .execute();
  const m = await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.id_number_enc', 'org.id as org_id', 'org.code', 'org.path'])
    .select('org.parent_id')
    .where('org.level', '=', 'unit')
    .where('member.occupation', '=', 'in_service')
    .where('member.id', 'not in', [0, ...reported.map((r) => r.member_id ?? 0)])
    .orderBy('member.id')
    .executeTakeFirstOrThrow();
  newcomer = { id: m.id, name: m.name, idNumber: decryptPii(m.id_number_enc) };
  unitOrg = { id: m.org_id, code: m.code, path: m.path, parent_id: m.parent_id };
  [secCommunity, secOther, town, unitSec] = await Promise.all([
    server.as(community.code),
    server.as(other.code),
    server.as(townOrg.code),
    server.as(unitOrg.code),
  ]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const count = async (table: 'community_report' | 'community_service' | 'audit_log') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const rowOf = (b: ByCommunity, id: number) => b.items.find((i) => i.community.id === id);
const lastAudit = async (action: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['action', 'target_type', 'target_id', 'after'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirst();

describe('the community’s view', () => {
  test('its own community, this year’s reporters from the demo, paged, with figures', async () => {
    const mine = await secCommunity.get<ByCommunity>('/api/community-reports/by-community');
    expect(mine.status).toBe(200);
    expect(mine.body.myCommunity?.id).toBe(community.id);
    expect(mine.body.items.map((i) => i.community.id)).toEqual([community.id]);
    const stored = await database.db
      .selectFrom('community_report')
      .select(['id', 'reporter_kind'])
      .where('community_org_id', '=', community.id)
      .where('year', '=', year)
      .execute();
    expect(mine.body.totals.reporters).toBe(stored.length);
    expect(mine.body.totals.members).toBe(stored.filter((r) => r.reporter_kind === 'member').length);
    const list = await secCommunity.get<List>(`/api/community-reports?pageSize=2&sort=hours`);
    expect(list.body.total).toBe(stored.length);
    expect(list.body.items.length).toBe(Math.min(2, stored.length));
    const hours = list.body.items.map((i) => i.hours);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    expect(await lastAudit('community_report.list')).toBeTruthy();
    // the town sees the same community among its totals, and no myCommunity
    const t = await town.get<ByCommunity>('/api/community-reports/by-community?pageSize=200');
    expect(t.body.myCommunity).toBeNull();
    expect(rowOf(t.body, community.id)?.reporters).toBe(stored.length);
    // a community's name narrows the list, not the town's figures
    const name = rowOf(t.body, community.id)?.community.name ?? '';
    const narrowed = await town.get<ByCommunity>(
      `/api/community-reports/by-community?q=${encodeURIComponent(name)}`,
    );
    expect(narrowed.body.items.map((i) => i.community.id)).toEqual([community.id]);
    expect(narrowed.body.totals).toEqual(t.body.totals);
  });

  test('registers a member of another unit by ID number, records 3 hours; the town’s total rises', async () => {
    const before = await town.get<ByCommunity>('/api/community-reports/by-community?pageSize=200');
    const found = await secCommunity.get<{
      id: number;
      name: string;
      inService: boolean;
      reportedThisYear: boolean;
    }>(`/api/community-reports/member-lookup?communityOrgId=${community.id}&idNumber=${newcomer.idNumber}`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toMatchObject({
      id: newcomer.id,
      name: newcomer.name,
      inService: true,
      reportedThisYear: false,
    });
    expect(await lastAudit('community_report.member_lookup')).toMatchObject({
      target_type: 'member',
      target_id: String(newcomer.id),
    });
    const created = await secCommunity.post<{ id: number }>('/api/community-reports', {
      communityOrgId: community.id,
      idNumber: newcomer.idNumber.toLowerCase(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const dup = await secCommunity.post<Err>('/api/community-reports', {
      communityOrgId: community.id,
      idNumber: newcomer.idNumber,
    });
    expect(dup.status).toBe(422);
    expect(dup.body.code).toBe('COMMUNITY_REPORT_DUPLICATE');
    const service = await secCommunity.post('/api/community-reports/service-hours', {
      reportId: created.body.id,
      servedOn: today,
      hours: 3,
      content: '社区环境卫生清洁',
    });
    expect(service.status).toBe(201);
    const detail = await secCommunity.get<{ report: Item; services: { hours: number; content: string }[] }>(
      `/api/community-reports/services?reportId=${created.body.id}`,
    );
    expect(detail.body.report).toMatchObject({ hours: 3, serviceCount: 1, reporterKind: 'member' });
    expect(detail.body.services).toEqual([
      expect.objectContaining({ hours: 3, content: '社区环境卫生清洁' }),
    ]);
    const after = await town.get<ByCommunity>('/api/community-reports/by-community?pageSize=200');
    const b = rowOf(before.body, community.id);
    const a = rowOf(after.body, community.id);
    expect(a?.reporters).toBe((b?.reporters ?? 0) + 1);
    expect(a?.hours).toBeCloseTo((b?.hours ?? 0) + 3, 5);
    expect(after.body.totals.hours).toBeCloseTo(before.body.totals.hours + 3, 5);
    // the member's own unit sees the report too (the reporter's side)
    const unitList = await unitSec.get<List>('/api/community-reports?pageSize=200');
    expect(unitList.body.items.map((i) => i.id)).toContain(created.body.id);
    const unitView = unitList.body.items.find((i) => i.id === created.body.id);
    expect(unitView?.canAssess).toBe(false);
  });

  test('last year’s assessment by the community; not by the unit', async () => {
    const last = await secCommunity.get<List>(`/api/community-reports?year=${year - 1}&pageSize=200`);
    const report = last.body.items[0] as Item;
    expect(last.body.total).toBeGreaterThan(0);
    expect(report.canAssess).toBe(true);
    const byUnit = await unitSec.post<Err>('/api/community-reports/assessments', {
      reportId: report.id,
      assessment: 'excellent',
    });
    expect(byUnit.status).toBe(404);
    const ok = await secCommunity.post('/api/community-reports/assessments', {
      reportId: report.id,
      assessment: 'excellent',
    });
    expect(ok.status).toBe(200);
    const again = await secCommunity.get<List>(
      `/api/community-reports?year=${year - 1}&assessment=excellent&pageSize=200`,
    );
    expect(again.body.items.map((i) => i.id)).toContain(report.id);
  });
});

describe('refusals: a stable code and nothing written', () => {
  test('bad ID numbers, two reporters, not in service, the reporter’s side by ID number, hours', async () => {
    const before = {
      reports: await count('community_report'),
      services: await count('community_service'),
    };
    const retired = await database.db
      .selectFrom('member')
      .select('id_number_enc')
      .where('occupation', '<>', 'in_service')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // a valid ID number of no member (a Beijing division code), and one with a wrong check character
    const stranger = makeIdNumber('110101', '1990-03-07', 803);
    const badCheck = stranger.slice(0, 17) + (stranger.endsWith('1') ? '2' : '1');
    const cases: [TestClient, unknown, number, string][] = [
      [
        secCommunity,
        { communityOrgId: community.id, idNumber: '44070419900101123' },
        400,
        'COMMUNITY_ID_NUMBER_INVALID',
      ],
      [
        secCommunity,
        { communityOrgId: community.id, idNumber: badCheck },
        400,
        'COMMUNITY_ID_NUMBER_INVALID',
      ],
      [secCommunity, { communityOrgId: community.id, idNumber: stranger }, 404, 'MEMBER_NOT_FOUND'],
      [
        secCommunity,
        { communityOrgId: community.id, idNumber: newcomer.idNumber, unitOrgId: other.id },
        400,
        'COMMUNITY_REPORTER_REQUIRED',
      ],
      [secCommunity, { communityOrgId: community.id }, 400, 'COMMUNITY_REPORTER_REQUIRED'],
      [
        secCommunity,
        { communityOrgId: community.id, idNumber: decryptPii(retired.id_number_enc) },
        422,
        'COMMUNITY_REPORT_NOT_IN_SERVICE',
      ],
      [
        unitSec,
        { communityOrgId: other.id, idNumber: newcomer.idNumber },
        403,
        'COMMUNITY_REPORT_COMMUNITY_ONLY',
      ],
      [secCommunity, { communityOrgId: community.id, memberId: newcomer.id }, 404, 'MEMBER_NOT_FOUND'],
      [
        secCommunity,
        { communityOrgId: community.id, idNumber: newcomer.idNumber, reportedOn: '2099-01-01' },
        422,
        'TRANSFER_DATE_IN_FUTURE',
      ],
    ];
    for (const [client, body, status, code] of cases) {
      const res = await client.post<Err>('/api/community-reports', body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const report = (await secCommunity.get<List>('/api/community-reports?pageSize=1')).body.items[0] as Item;
    const lastYear = (await secCommunity.get<List>(`/api/community-reports?year=${year - 1}&pageSize=1`)).body
      .items[0];
    const services: [unknown, number, string][] = [
      [{ reportId: report.id, servedOn: today, hours: 30, content: '值守' }, 400, 'COMMUNITY_HOURS_INVALID'],
      [{ reportId: report.id, servedOn: today, hours: 2, content: '' }, 400, 'VALIDATION_FAILED'],
      [
        // a date that does not exist is refused by the schema (platform/http/schemas.ts DateOnly)
        { reportId: report.id, servedOn: '2026-02-30', hours: 2, content: '值守' },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    if (lastYear)
      services.push([
        { reportId: lastYear.id, servedOn: today, hours: 2, content: '值守' },
        422,
        'COMMUNITY_SERVICE_OTHER_YEAR',
      ]);
    for (const [body, status, code] of services) {
      const res = await secCommunity.post<Err>('/api/community-reports/service-hours', body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([
        status,
        expect.stringContaining(code),
      ]);
    }
    expect({
      reports: await count('community_report'),
      services: await count('community_service'),
    }).toEqual(before);
  });
});

describe('a unit registered twice at the same moment', () => {
  test('one 201 and one COMMUNITY_REPORT_DUPLICATE, never a 500', async () => {
    const paired = await database.db
      .selectFrom('community_report')
      .select('unit_org_id')
      .where('community_org_id', '=', community.id)
      .where('year', '=', year)
      .where('unit_org_id', 'is not', null)
      .execute();
    const unit = await database.db
      .selectFrom('org')
      .select('id')
      .where('level', '=', 'unit')
      .where('kind', '=', 'branch')
      .where('id', 'not in', [0, ...paired.map((p) => p.unit_org_id ?? 0)])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const body = { communityOrgId: community.id, unitOrgId: unit.id };
    const answers = await Promise.all([
      secCommunity.post<Err>('/api/community-reports', body),
      secCommunity.post<Err>('/api/community-reports', body),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    expect(answers.find((a) => a.status === 422)?.body.code).toBe('COMMUNITY_REPORT_DUPLICATE');
  });
});

describe('scope', () => {
  test('another community’s secretary gets 404 on the record and sees none of it', async () => {
    const report = (await secCommunity.get<List>('/api/community-reports?pageSize=1')).body.items[0] as Item;
    const read = await secOther.get<Err>(`/api/community-reports/services?reportId=${report.id}`);
    expect([read.status, read.body.code]).toEqual([404, 'COMMUNITY_REPORT_NOT_FOUND']);
    const hours = await secOther.post<Err>('/api/community-reports/service-hours', {
      reportId: report.id,
      servedOn: today,
      hours: 1,
      content: '越权',
    });
    expect(hours.status).toBe(404);
    const assess = await secOther.post<Err>('/api/community-reports/assessments', {
      reportId: report.id,
      assessment: 'poor',
    });
    expect(assess.status).toBe(404);
    const lookup = await secOther.get<Err>(
      `/api/community-reports/member-lookup?communityOrgId=${community.id}&idNumber=${newcomer.idNumber}`,
    );
    // a community outside the caller's subtree is refused by the access layer before the service
    expect([lookup.status, lookup.body.code]).toEqual([404, 'ORG_NOT_FOUND']);
    const list = await secOther.get<List>('/api/community-reports?pageSize=200');
    expect(list.body.items.every((i) => i.community.id === other.id)).toBe(true);
    const totals = await secOther.get<ByCommunity>('/api/community-reports/by-community');
    expect(rowOf(totals.body, community.id)).toBeUndefined();
    const filtered = await secOther.get<List>(`/api/community-reports?communityOrgId=${community.id}`);
    expect(filtered.body.total).toBe(0);
  });

  test('a unit sees only its own reporters, in every community they serve', async () => {
    const list = await unitSec.get<List>(`/api/community-reports?year=${year - 1}&pageSize=200`);
    const stored = await database.db
      .selectFrom('community_report')
      .leftJoin('member', 'member.id', 'community_report.member_id')
      .select('community_report.id')
      .where('community_report.year', '=', year - 1)
      .where((eb) =>
        eb.or([eb('member.org_id', '=', unitOrg.id), eb('community_report.unit_org_id', '=', unitOrg.id)]),
      )
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(list.body.items.map((i) => i.id).sort()).toEqual(stored.map((r) => r.id).sort());
    const totals = await unitSec.get<ByCommunity>(`/api/community-reports/by-community?year=${year - 1}`);
    expect(totals.body.myCommunity).toBeNull();
    expect(totals.body.totals.reporters).toBe(stored.length);
  });
});
