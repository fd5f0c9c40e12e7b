// Generated from the route table: an actor of one village can neither read nor change another
// village's records through any route that names a scoped record, and lists never leak.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTES } from '../../app.ts';
import { shanghaiToday } from '../../recruitment/domain/dates.ts';
import {
  emptyVillageSamples,
  villageBodyFor,
  villageCaller,
  villageSamples,
} from '../../village-cadres/testing/scope-samples.ts';
import type { Database } from '../db/engine.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import type { ScopeResource } from '../http/route.ts';
import { startTestServer, type TestClient, type TestServer } from '../http/testing/test-server.ts';
import { makeIdNumber } from '../text/id-number.ts';
import { can } from './permissions.ts';

let database: Database;
let server: TestServer;
let secretaryA: TestClient;
/** The county committee of village A: acts on routes whose permission a secretary does not hold. */
let countyA: TestClient;
let villageA: { id: number; code: string; path: string };
let villageB: { id: number; code: string; path: string; name: string };
const samples: Record<ScopeResource, { own: number; other: number }> = {
  org: { own: 0, other: 0 },
  grid: { own: 0, other: 0 },
  member: { own: 0, other: 0 },
  case: { own: 0, other: 0 },
  attachment: { own: 0, other: 0 },
  recruitment: { own: 0, other: 0 },
  meeting: { own: 0, other: 0 },
  transfer: { own: 0, other: 0 },
  mobile_member: { own: 0, other: 0 },
  training_class: { own: 0, other: 0 },
  assessment: { own: 0, other: 0 },
  appeal: { own: 0, other: 0 },
  contest: { own: 0, other: 0 },
  weak_org: { own: 0, other: 0 },
  enterprise: { own: 0, other: 0 },
  ...emptyVillageSamples(),
};
/** The town of village A (routes only org admins may call: village:supervise). */
let townA: TestClient;
/** The department summoned to the own village's sample case (for the 吹哨报到 routes). */
let summonedDepartment = 0;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'code', 'path', 'name'])
    .where('level', '=', 'village')
    .where('member_count', '>', 0)
    .orderBy('code')
    .execute();
  const a = villages[0];
  // another county: routes only a county may call are tried by A's county on B's records
  const b = villages.find((v) => v.code.slice(0, 6) !== a?.code.slice(0, 6));
  if (!a || !b) throw new Error('the test seed needs villages in two counties');
  villageA = a;
  villageB = b;
  const gridOf = (path: string) =>
    db
      .selectFrom('grid')
      .innerJoin('org', 'org.id', 'grid.org_id')
      .select('grid.id')
      .where('org.path', 'like', `${path}%`)
      .orderBy('grid.id')
      .executeTakeFirstOrThrow();
  const memberOf = (path: string) =>
    db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select('member.id')
      .where('org.path', 'like', `${path}%`)
      .orderBy('member.id')
      .executeTakeFirstOrThrow();
  samples.org = { own: a.id, other: b.id };
  samples.grid = { own: (await gridOf(a.path)).id, other: (await gridOf(b.path)).id };
  samples.member = { own: (await memberOf(a.path)).id, other: (await memberOf(b.path)).id };
  secretaryA = await server.as(a.code);
  countyA = await server.as(a.code.slice(0, 6));

  // a case with a photo in a grid of each village, reported by that grid's worker
  const caseIn = async (path: string) => {
    const grid = await db
      .selectFrom('grid')
      .innerJoin('org', 'org.id', 'grid.org_id')
      .select(['grid.center_lng', 'grid.center_lat', 'org.code'])
      .where('org.path', 'like', `${path}%`)
      .orderBy('grid.id')
      .executeTakeFirstOrThrow();
    const worker = await server.as(grid.code);
    const photo = await worker.post<{ id: number }>('/api/attachments', {
      mime: 'image/png',
      dataBase64: PNG.toString('base64'),
    });
    const created = await worker.post<{ case: { id: number } }>('/api/cases', {
      title: '路灯不亮',
      categoryCode: 'C01-02',
      lng: grid.center_lng,
      lat: grid.center_lat,
      photos: [photo.body.id],
    });
    if (created.status !== 201) throw new Error(`case intake failed: ${JSON.stringify(created.body)}`);
    return { caseId: created.body.case.id, photoId: photo.body.id };
  };
  const own = await caseIn(a.path);
  const other = await caseIn(b.path);
  samples.case = { own: own.caseId, other: other.caseId };
  samples.attachment = { own: own.photoId, other: other.photoId };
  const dept = await db
    .selectFrom('department')
    .select('id')
    .where('county_code', '=', a.code.slice(0, 6))
    .orderBy('id')
    .executeTakeFirstOrThrow();
  summonedDepartment = dept.id;

  // an application for party membership in a branch of each village (recruitment)
  const applicationIn = async (path: string, code: string, client: TestClient, seq: number) => {
    const branch = await db
      .selectFrom('org')
      .select('id')
      .where('path', 'like', `${path}%`)
      .where('kind', '=', 'branch')
      .orderBy('path')
      .executeTakeFirstOrThrow();
    const created = await client.post<{ id: number }>('/api/recruitment/applications', {
      orgId: branch.id,
      name: '申请人',
      idNumber: makeIdNumber(code.slice(0, 6), '1990-01-01', seq),
      phone: '13800138000',
      ethnicity: '汉族',
      education: '大学本科',
      occupation: '在岗职工',
      appliedOn: shanghaiToday(),
    });
    if (created.status !== 201) throw new Error(`application failed: ${JSON.stringify(created.body)}`);
    return created.body.id;
  };
  samples.recruitment = {
    own: await applicationIn(a.path, a.code, secretaryA, 901),
    other: await applicationIn(b.path, b.code, await server.as(b.code), 903),
  };
  // a meeting of each village, signed in by one of its members (组织生活)
  const meetingIn = async (village: { id: number; path: string }, client: TestClient) => {
    const member = await memberOf(village.path);
    const created = await client.post<{ id: number }>('/api/meetings', {
      orgId: village.id,
      kind: 'theme_day',
      heldOn: shanghaiToday(),
      topic: '主题党日',
      attendance: [{ memberId: member.id, status: 'present' }],
    });
    if (created.status !== 201) throw new Error(`meeting failed: ${JSON.stringify(created.body)}`);
    return created.body.id;
  };
  samples.meeting = {
    own: await meetingIn(a, secretaryA),
    other: await meetingIn(b, await server.as(b.code)),
  };
  // a transfer letter and a mobile member of each village, addressed to a branch of the next village
  // (组织关系转接, 流动党员): the other village's records name neither village A's orgs nor its members
  const c = villages.find((v) => v.id !== a.id && v.id !== b.id && v.code.slice(0, 9) !== a.code.slice(0, 9));
  if (!c) throw new Error('the test seed needs a third village');
  const branchOf = (path: string) =>
    db
      .selectFrom('org')
      .select('id')
      .where('path', 'like', `${path}%`)
      .where('kind', '=', 'branch')
      .orderBy('path')
      .executeTakeFirstOrThrow();
  const nthMember = (path: string, n: number) =>
    db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select('member.id')
      .where('org.path', 'like', `${path}%`)
      .orderBy('member.id')
      .offset(n)
      .executeTakeFirstOrThrow();
  const transferIn = async (from: string, to: string, client: TestClient) => {
    const created = await client.post<{ id: number }>('/api/transfers', {
      memberId: (await nthMember(from, 1)).id,
      toOrgId: (await branchOf(to)).id,
    });
    if (created.status !== 201) throw new Error(`transfer failed: ${JSON.stringify(created.body)}`);
    return created.body.id;
  };
  const mobileIn = async (from: string, to: string, client: TestClient) => {
    const created = await client.post<{ id: number }>('/api/mobile-members', {
      memberId: (await nthMember(from, 2)).id,
      inflowOrgId: (await branchOf(to)).id,
      destination: '广州市天河区',
      since: shanghaiToday(),
      expectedMonths: 3,
      fixedPlace: false,
      contactPhone: '13800138000',
    });
    if (created.status !== 201) throw new Error(`mobile member failed: ${JSON.stringify(created.body)}`);
    return created.body.id;
  };
  const secretaryB = await server.as(b.code);
  samples.transfer = {
    own: await transferIn(a.path, b.path, secretaryA),
    other: await transferIn(b.path, c.path, secretaryB),
  };
  samples.mobile_member = {
    own: await mobileIn(a.path, b.path, secretaryA),
    other: await mobileIn(b.path, c.path, secretaryB),
  };
  // a training class of each village (培训) held today, with one session and one trainee
  const classIn = async (org: { id: number; path: string }, client: TestClient) => {
    const on = shanghaiToday();
    const created = await client.post<{ id: number }>('/api/training/classes', {
      orgId: org.id,
      title: '党课',
      level: 'grassroots',
      startsOn: on,
      endsOn: on,
    });
    if (created.status !== 201) throw new Error(`training class failed: ${JSON.stringify(created.body)}`);
    const id = created.body.id;
    await client.post(`/api/training/classes/${id}/sessions`, { heldOn: on, topic: '党课', hours: 2 });
    await client.post(`/api/training/classes/${id}/enrollments`, {
      memberIds: [(await nthMember(org.path, 0)).id],
    });
    return id;
  };
  samples.training_class = { own: await classIn(a, secretaryA), other: await classIn(b, secretaryB) };
  // this year's published assessment of each village's county (the demo may have published it already),
  // cleared of any demo appeal; and an open appeal on last year's (filed directly: its window is closed)
  const year = Number(shanghaiToday().slice(0, 4));
  const gradeAndPublish = async (countyCode: string) => {
    const countyClient = await server.as(countyCode);
    const round = await db
      .selectFrom('assessment_round')
      .innerJoin('org', 'org.id', 'assessment_round.county_org_id')
      .select('assessment_round.state')
      .where('org.code', '=', countyCode)
      .where('assessment_round.year', '=', year)
      .executeTakeFirst();
    if (round?.state === 'published') return;
    if (!round) {
      const run = await countyClient.post('/api/assessment/rounds', { year });
      if (run.status !== 201) throw new Error(`grading failed: ${JSON.stringify(run.body)}`);
    }
    if (round?.state !== 'approved') {
      const towns = await db
        .selectFrom('org')
        .select('code')
        .where('level', '=', 'town')
        .where('code', 'like', `${countyCode}%`)
        .execute();
      for (const t of towns) await (await server.as(t.code)).post('/api/assessment/reviews', { year });
      await countyClient.post('/api/assessment/rounds/transitions', { year, action: 'approve' });
    }
    await countyClient.post('/api/assessment/rounds/transitions', { year, action: 'publish' });
  };
  const assessmentOf = async (orgId: number, y: number) =>
    Number(
      (
        await db
          .selectFrom('assessment')
          .select('id')
          .where('org_id', '=', orgId)
          .where('year', '=', y)
          .executeTakeFirstOrThrow()
      ).id,
    );
  const openAppeal = async (assessmentId: number) => {
    await db.deleteFrom('assessment_appeal').where('assessment_id', '=', assessmentId).execute();
    const a = await db
      .selectFrom('assessment')
      .selectAll()
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('assessment_appeal')
      .values({
        assessment_id: assessmentId,
        county_code: a.county_code,
        reason: '范围测试：申诉理由',
        total_before: a.total,
        grade_before: a.grade,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  await gradeAndPublish(a.code.slice(0, 6));
  await gradeAndPublish(b.code.slice(0, 6));
  // a 富民工坊 joined by each village, registered by its county
  const workshopOf = async (village: { id: number; code: string }) => {
    const res = await (await server.as(village.code.slice(0, 6))).post<{ id: number }>(
      '/api/collective-economy/enterprises',
      {
        kind: 'workshop',
        name: '范围测试富民工坊',
        orgId: village.id,
        foundedOn: '2024-03-01',
        villageIds: [village.id],
      },
    );
    if (res.status !== 201) throw new Error(`workshop failed: ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  samples.enterprise = { own: await workshopOf(a), other: await workshopOf(b) };
  // a contest (擂台赛) held by each village's town
  const contestOf = async (village: { code: string }) => {
    const res = await (await server.as(village.code.slice(0, 9))).post<{ id: number }>('/api/contests', {
      year,
      title: '范围测试擂台赛',
      heldOn: shanghaiToday(),
    });
    if (res.status !== 201) throw new Error(`contest failed: ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  samples.contest = { own: await contestOf(a), other: await contestOf(b) };
  // each village listed by its county as a weak org (软弱涣散), with the county's own reason
  const weakOrgOf = async (village: { id: number; code: string }) => {
    const listed = await db
      .selectFrom('weak_org')
      .select('id')
      .where('org_id', '=', village.id)
      .where('year', '=', year)
      .execute();
    for (const w of listed) {
      await db.deleteFrom('rectification_progress').where('weak_org_id', '=', w.id).execute();
      await db.deleteFrom('rectification_problem').where('weak_org_id', '=', w.id).execute();
      await db.deleteFrom('weak_org').where('id', '=', w.id).execute();
    }
    const res = await (await server.as(village.code.slice(0, 6))).post<{ listed: number[] }>(
      '/api/weak-orgs',
      {
        year,
        items: [{ orgId: village.id, manualReason: '范围测试：县委认定' }],
      },
    );
    if (res.status !== 201) throw new Error(`weak org failed: ${JSON.stringify(res.body)}`);
    return res.body.listed[0] as number;
  };
  samples.weak_org = { own: await weakOrgOf(a), other: await weakOrgOf(b) };
  samples.assessment = { own: await assessmentOf(a.id, year), other: await assessmentOf(b.id, year) };
  await db
    .deleteFrom('assessment_appeal')
    .where('assessment_id', 'in', [samples.assessment.own, samples.assessment.other])
    .execute();
  samples.appeal = {
    own: await openAppeal(await assessmentOf(a.id, year - 1)),
    other: await openAppeal(await assessmentOf(b.id, year - 1)),
  };
  const filed = await secretaryA.post(`/api/cases/${own.caseId}/transitions`, {
    action: 'file',
    version: 1,
  });
  if (filed.status !== 200) throw new Error(`file failed: ${JSON.stringify(filed.body)}`);
  const whistled = await secretaryA.post(`/api/cases/${own.caseId}/transitions`, {
    action: 'whistle',
    departmentIds: [dept.id],
    note: '吹哨',
    version: 2,
  });
  if (whistled.status !== 200) throw new Error(`whistle failed: ${JSON.stringify(whistled.body)}`);
  // village decisions and power (issue 14): samples in both villages
  townA = await server.as(a.code.slice(0, 9));
  Object.assign(
    samples,
    await villageSamples({ db, a, b, secretaryA, secretaryB, anonymous: server.client() }),
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const scopedRoutes = ROUTES.filter((r) => r.scopeResource);

describe.each(scopedRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_name, r) => {
  const resource = r.scopeResource ?? 'org';
  // the village's town for the towns' village routes; else the village's secretary where the role
  // may call the route, else the village's county committee
  const client = () =>
    villageCaller(r) === 'town'
      ? townA
      : r.access === 'signed_in' || can('secretary', r.access as never)
        ? secretaryA
        : countyA;
  const year = Number(shanghaiToday().slice(0, 4));
  const bodyFor = async () => {
    if (r.url === '/api/weak-orgs/:id/transitions') return { action: 'request_acceptance', note: '申请销号' };
    const village = await villageBodyFor(database.db, r, samples, client());
    if (village !== undefined) return village;
    if (r.url.endsWith('/reveal')) return { field: 'idNumber' };
    if (r.method === 'POST' && r.url === '/api/orgs/:id/members')
      return {
        name: '范围测试员',
        idNumber: makeIdNumber('440704', '1990-02-02', 905),
        ethnicity: '汉族',
        phone: '13800138000',
        education: 'bachelor',
        occupation: 'in_service',
        status: 'full',
        joinedOn: '2015-07-01',
        convertedOn: '2016-07-01',
      };
    if (r.url.startsWith('/api/transfers/')) return { action: 'withdraw' };
    if (r.url.startsWith('/api/mobile-members/') && r.url.endsWith('/transitions')) return { action: 'end' };
    if (r.url.startsWith('/api/mobile-members/') && r.url.endsWith('/activities'))
      return { on: shanghaiToday(), kind: '主题党日', topic: '学习' };
    if (r.url.endsWith('/transitions')) {
      const c = await database.db
        .selectFrom('civic_case')
        .select('version')
        .where('id', '=', samples.case.own)
        .executeTakeFirstOrThrow();
      return { action: 'supervise', supervision: 'ordinary', version: c.version };
    }
    if (r.url.includes('/summons/')) return { note: '已到场' };
    if (r.url.startsWith('/api/dues/members/'))
      return { baseFen: 300_000, fromMonth: shanghaiToday().slice(0, 7) };
    if (r.url.startsWith('/api/dues/orgs/'))
      return { month: shanghaiToday().slice(0, 7), paidOn: shanghaiToday(), payments: [] };
    if (r.url.startsWith('/api/training/') && r.url.endsWith('/sessions'))
      return { heldOn: shanghaiToday(), topic: '党课', hours: 1 };
    if (r.url.startsWith('/api/training/') && r.url.endsWith('/attendance')) {
      const own = samples.training_class.own;
      const s = await database.db
        .selectFrom('training_session')
        .select('id')
        .where('class_id', '=', own)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const e = await database.db
        .selectFrom('training_enrollment')
        .select('id')
        .where('class_id', '=', own)
        .executeTakeFirstOrThrow();
      return { sessionId: s.id, attendance: [{ enrollmentId: e.id }] };
    }
    if (r.url.startsWith('/api/recruitment/') && r.url.endsWith('/steps'))
      return { step: 2, on: shanghaiToday(), by: '支部书记' };
    if (r.url === '/api/weak-orgs/:id/plan')
      return {
        plan: '范围测试整顿方案',
        cadreName: '张三',
        cadrePost: '镇党委副书记',
        deadline: shanghaiToday(),
        problems: [{ problem: '组织生活不规范', measure: '按月召开主题党日' }],
      };
    if (r.url === '/api/weak-orgs/:id/progress') {
      const p = await database.db
        .selectFrom('rectification_problem')
        .select('id')
        .where('weak_org_id', '=', samples.weak_org.own)
        .orderBy('seq')
        .executeTakeFirst();
      return {
        onDate: shanghaiToday(),
        note: '已整改',
        ...(p ? { problemId: p.id, evidence: '会议记录' } : {}),
      };
    }
    if (r.url === '/api/contests/:id/entries') return { topic: '范围测试题目', goals: ['目标一'] };
    if (r.url === '/api/contests/:id/scores') {
      const entries = await database.db
        .selectFrom('contest_entry')
        .select('id')
        .where('contest_id', '=', samples.contest.own)
        .execute();
      return { scores: entries.map((e) => ({ entryId: e.id, judge: '评委甲', score: 90 })), votes: [] };
    }
    if (r.url.endsWith('/enterprises/:id/years'))
      return { year: year - 1, revenueFen: 1_200_000_00, dividendsFen: 300_000_00, jobs: 25 };
    if (r.url === '/api/assessments/:id/appeal') return { reason: '范围测试：对考核结果申诉' };
    if (r.url === '/api/assessment/appeals/:id/decision')
      return { outcome: 'rejected', decision: '经核查维持原结果' };
    if (r.url.startsWith('/api/recruitment/') && r.url.endsWith('/events'))
      return {
        action: 'training',
        title: '党课',
        startsOn: shanghaiToday(),
        endsOn: shanghaiToday(),
        hours: 8,
      };
    return {};
  };
  const call = async (id: number) => {
    const url = r.url
      .replace(':id', String(id))
      .replace(':departmentId', String(summonedDepartment))
      .replace(':indicator', 'org_life');
    return r.method === 'GET' ? client().get(url) : client().request(r.method, url, await bodyFor());
  };

  test('answers for a record of the own village', async () => {
    const res = await call(samples[resource].own);
    // the import takes an Excel file, not JSON: inside the scope it gets as far as asking for the file
    if (r.url.endsWith('/members/import')) {
      expect((res.body as { code: string }).code).toBe('FILE_REQUIRED');
      return;
    }
    expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  });

  test('answers 404 for the same kind of record in another village, and changes nothing', async () => {
    const before = await database.db
      .selectFrom('audit_log')
      .select(database.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await call(samples[resource].other);
    expect(res.status).toBe(404);
    expect((res.body as { code: string }).code).toMatch(/_NOT_FOUND$/);
    const after = await database.db
      .selectFrom('audit_log')
      .select(database.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('lists stay inside the scope', () => {
  test('the tree starts at the own village and will not open another', async () => {
    const root = await secretaryA.get<{ nodes: { id: number }[] }>('/api/orgs/tree');
    expect(root.body.nodes.map((n) => n.id)).toEqual([villageA.id]);
    const other = await secretaryA.get(`/api/orgs/tree?parentId=${villageB.id}`);
    expect(other.status).toBe(404);
  });

  test('search does not find another village', async () => {
    const res = await secretaryA.get<{ items: unknown[] }>(
      `/api/orgs/search?q=${encodeURIComponent(villageB.name)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const byCode = await secretaryA.get<{ items: unknown[] }>(`/api/orgs/search?q=${villageB.code}`);
    expect(byCode.body.items).toEqual([]);
  });

  test('the map holds only the own village’s grids', async () => {
    const res = await secretaryA.get<{ grids: { code: string }[] }>('/api/map/grids');
    expect(res.body.grids.length).toBeGreaterThan(0);
    for (const g of res.body.grids) expect(g.code.startsWith(villageA.code)).toBe(true);
  });

  test('the member list of the own village holds only its members', async () => {
    const res = await secretaryA.get<{ items: { orgId: number }[]; total: number }>(
      `/api/orgs/${villageA.id}/members?pageSize=200`,
    );
    expect(res.status).toBe(200);
    const ids = res.body.items.map((m) => m.orgId);
    const inside = await database.db
      .selectFrom('org')
      .select('id')
      .where('path', 'like', `${villageA.path}%`)
      .execute();
    const allowed = new Set(inside.map((o) => o.id));
    for (const id of ids) expect(allowed.has(id)).toBe(true);
  });
});
