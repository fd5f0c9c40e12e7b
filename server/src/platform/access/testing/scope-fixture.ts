// Two sides of the city for the generated scope tests: side A (a village of one county, its town and
// county) and side B (a village of ANOTHER county), each with a record of every kind a route can name —
// in its url, its query string or its body. Whatever an actor of side A holds (the village's secretary,
// the town's and the county's administrators, a grid worker, the county's department, a resident, a
// member), side B's records are outside it.
import { sql } from 'kysely';
import { shanghaiToday } from '../../../recruitment/domain/dates.ts';
import { emptyVillageSamples, villageSamples } from '../../../village-cadres/testing/scope-samples.ts';
import type { Database } from '../../db/engine.ts';
import type { ScopeResource } from '../../http/route.ts';
import type { TestClient, TestServer } from '../../http/testing/test-server.ts';
import { makeIdNumber } from '../../text/id-number.ts';
import type { Reach } from '../reach.ts';
import { assessmentSamples } from './scope-fixture-assessment.ts';

export interface OrgRow {
  id: number;
  code: string;
  path: string;
  name: string;
}

export type SampleKind = ScopeResource | Reach;

export interface Pair {
  own: number;
  other: number;
}

export interface Side {
  county: OrgRow;
  town: OrgRow;
  village: OrgRow;
  department: number;
  /** demo usernames of the side's actors */
  users: {
    village: string;
    town: string;
    county: string;
    gridWorker: string;
    department: string;
    resident: string;
    member: string;
  };
}

export interface ScopeFixture {
  a: Side;
  b: Side;
  /** A record of each kind: `own` on side A (inside every side-A org actor's scope), `other` on side B. */
  samples: Record<SampleKind, Pair>;
  /** The village secretaries of both sides, signed in. */
  secretaryA: TestClient;
  secretaryB: TestClient;
}

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function expectCreated(what: string, res: { status: number; body: unknown }, status = 201) {
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function buildScopeFixture(database: Database, server: TestServer): Promise<ScopeFixture> {
  const { db } = database;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'code', 'path', 'name', 'county_code'])
    .where('level', '=', 'village')
    .where('member_count', '>', 0)
    .orderBy('code')
    .execute();
  const a = villages[0];
  const b = villages.find((v) => v.county_code !== a?.county_code);
  const c = villages.find((v) => v.county_code !== a?.county_code && v.id !== b?.id);
  if (!a || !b || !c) throw new Error('the test seed needs villages in two counties');
  const orgByCode = (code: string) =>
    db
      .selectFrom('org')
      .select(['id', 'code', 'path', 'name'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  const firstGrid = (path: string) =>
    db
      .selectFrom('grid')
      .innerJoin('org', 'org.id', 'grid.org_id')
      .select(['grid.id', 'grid.center_lng', 'grid.center_lat', 'org.code'])
      .where('org.path', 'like', `${path}%`)
      .orderBy('grid.id')
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
  const branchOf = (path: string) =>
    db
      .selectFrom('org')
      .select('id')
      .where('path', 'like', `${path}%`)
      .where('kind', '=', 'branch')
      .orderBy('path')
      .executeTakeFirstOrThrow();

  const sideOf = async (v: typeof a): Promise<Side> => {
    const county = await orgByCode(v.code.slice(0, 6));
    const town = await orgByCode(v.code.slice(0, 9));
    const dept = await db
      .selectFrom('department')
      .select(['id', 'code'])
      .where('county_code', '=', county.code)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const grid = await firstGrid(v.path);
    return {
      county,
      town,
      village: { id: v.id, code: v.code, path: v.path, name: v.name },
      department: dept.id,
      users: {
        village: v.code,
        town: town.code,
        county: county.code,
        gridWorker: grid.code,
        department: dept.code,
        resident: `resident-${county.code}`,
        member: `member-${v.code}`,
      },
    };
  };
  const sideA = await sideOf(a);
  const sideB = await sideOf(b);
  const secretaryA = await server.as(sideA.users.village);
  const secretaryB = await server.as(sideB.users.village);
  const countyA = await server.as(sideA.users.county);
  const countyB = await server.as(sideB.users.county);

  // a case with a photo in a grid of each village, reported by that grid's worker
  const caseIn = async (path: string) => {
    const grid = await firstGrid(path);
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
    expectCreated('case intake', created);
    const patrol = await worker.post<{ patrol: { id: number } }>('/api/patrols', {});
    if (patrol.status >= 300) throw new Error(`patrol failed: ${JSON.stringify(patrol.body)}`);
    return { caseId: created.body.case.id, photoId: photo.body.id, patrolId: patrol.body.patrol.id };
  };
  const ownCase = await caseIn(a.path);
  const otherCase = await caseIn(b.path);

  // an application for party membership in a branch of each village (recruitment), with an objection
  const applicationIn = async (path: string, code: string, client: TestClient, seq: number) => {
    const created = await client.post<{ id: number }>('/api/recruitment/applications', {
      orgId: (await branchOf(path)).id,
      name: '申请人',
      idNumber: makeIdNumber(code.slice(0, 6), '1990-01-01', seq),
      phone: '13800138000',
      ethnicity: '汉族',
      education: '大学本科',
      occupation: '在岗职工',
      appliedOn: shanghaiToday(),
    });
    expectCreated('application', created);
    const r = await db
      .selectFrom('recruitment')
      .select(['id', 'applicant_id'])
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    const objection = await db
      .insertInto('recruitment_objection')
      .values({ recruitment_id: r.id, kind: 'admission', raised_on: shanghaiToday(), content: '群众反映' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: r.id, applicant: r.applicant_id, objection: objection.id };
  };
  const ownApplication = await applicationIn(a.path, a.code, secretaryA, 901);
  const otherApplication = await applicationIn(b.path, b.code, secretaryB, 903);

  // a meeting of each village, signed in by one of its members (组织生活)
  const meetingIn = async (village: { id: number; path: string }, client: TestClient) => {
    const created = await client.post<{ id: number }>('/api/meetings', {
      orgId: village.id,
      kind: 'theme_day',
      heldOn: shanghaiToday(),
      topic: '主题党日',
      attendance: [{ memberId: (await nthMember(village.path, 0)).id, status: 'present' }],
    });
    expectCreated('meeting', created);
    return created.body.id;
  };
  // a transfer letter and a mobile member of each village, addressed to a branch of another village
  const transferIn = async (from: string, to: string, client: TestClient) => {
    const created = await client.post<{ id: number }>('/api/transfers', {
      memberId: (await nthMember(from, 1)).id,
      toOrgId: (await branchOf(to)).id,
    });
    expectCreated('transfer', created);
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
    expectCreated('mobile member', created);
    return created.body.id;
  };
  // a training class of each village held today, with one session and one trainee
  const classIn = async (org: { id: number; path: string }, client: TestClient) => {
    const on = shanghaiToday();
    const created = await client.post<{ id: number }>('/api/training/classes', {
      orgId: org.id,
      title: '党课',
      level: 'grassroots',
      startsOn: on,
      endsOn: on,
    });
    expectCreated('training class', created);
    const id = created.body.id;
    await client.post(`/api/training/classes/${id}/sessions`, { heldOn: on, topic: '党课', hours: 2 });
    await client.post(`/api/training/classes/${id}/enrollments`, {
      memberIds: [(await nthMember(org.path, 0)).id],
    });
    const session = await db
      .selectFrom('training_session')
      .select('id')
      .where('class_id', '=', id)
      .executeTakeFirstOrThrow();
    const enrollment = await db
      .selectFrom('training_enrollment')
      .select('id')
      .where('class_id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, session: session.id, enrollment: enrollment.id };
  };
  // a monthly checklist published by each county (every branch below gets its tasks)
  const checklistBy = async (client: TestClient, village: OrgRow) => {
    const created = await client.post<{ id: number }>('/api/checklists', {
      month: shanghaiToday().slice(0, 7),
      title: '本月组织生活',
      items: [{ title: '主题党日' }],
      publish: true,
    });
    expectCreated('checklist', created);
    const task = await db
      .selectFrom('checklist_task')
      .select('id')
      .where('checklist_id', '=', created.body.id)
      .where('org_path', 'like', `${village.path}%`)
      .executeTakeFirstOrThrow();
    return { id: created.body.id, task: task.id };
  };
  // a 双报到 report of a member of each village to its own community (written as the demo does)
  const reportIn = async (village: typeof a) => {
    const row = await db
      .insertInto('community_report')
      .values({
        community_org_id: village.id,
        county_code: village.county_code,
        reporter_kind: 'member',
        member_id: (await nthMember(village.path, 3)).id,
        unit_org_id: null,
        year: Number(shanghaiToday().slice(0, 4)),
        reported_on: shanghaiToday(),
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  // a notification of each village's secretary
  const notificationOf = async (username: string) => {
    const account = await db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const row = await sql<{ id: number }>`
      insert into notification (account_id, kind, title, body)
      values (${account.id}, 'case', '测试通知', '范围测试') returning id`.execute(db);
    return Number(row.rows[0]?.id);
  };

  const ownClass = await classIn(a, secretaryA);
  const otherClass = await classIn(b, secretaryB);
  const ownChecklist = await checklistBy(countyA, sideA.village);
  const otherChecklist = await checklistBy(countyB, sideB.village);
  const ownMember = (await nthMember(a.path, 0)).id;
  const otherMember = (await nthMember(b.path, 0)).id;
  const samples: Record<SampleKind, Pair> = {
    org: { own: a.id, other: b.id },
    grid: { own: (await firstGrid(a.path)).id, other: (await firstGrid(b.path)).id },
    member: { own: ownMember, other: otherMember },
    case: { own: ownCase.caseId, other: otherCase.caseId },
    attachment: { own: ownCase.photoId, other: otherCase.photoId },
    recruitment: { own: ownApplication.id, other: otherApplication.id },
    meeting: { own: await meetingIn(a, secretaryA), other: await meetingIn(b, secretaryB) },
    transfer: {
      own: await transferIn(a.path, b.path, secretaryA),
      other: await transferIn(b.path, c.path, secretaryB),
    },
    mobile_member: {
      own: await mobileIn(a.path, b.path, secretaryA),
      other: await mobileIn(b.path, c.path, secretaryB),
    },
    training_class: { own: ownClass.id, other: otherClass.id },
    department: { own: sideA.department, other: sideB.department },
    case_department: { own: sideA.department, other: sideB.department },
    // the whole city is the reach: side A's own village passes, and so would side B's
    city_org: { own: a.id, other: b.id },
    applicant: { own: ownApplication.applicant, other: otherApplication.applicant },
    checklist: { own: ownChecklist.id, other: otherChecklist.id },
    checklist_task: { own: ownChecklist.task, other: otherChecklist.task },
    community_report: { own: await reportIn(a), other: await reportIn(b) },
    own_patrol: { own: ownCase.patrolId, other: otherCase.patrolId },
    own_notification: {
      own: await notificationOf(sideA.users.village),
      other: await notificationOf(sideB.users.village),
    },
    training_session: { own: ownClass.session, other: otherClass.session },
    training_enrollment: { own: ownClass.enrollment, other: otherClass.enrollment },
    recruitment_objection: { own: ownApplication.objection, other: otherApplication.objection },
    ...emptyVillageSamples(),
    ...(await assessmentSamples(db, server, { a, b, secretaryA, secretaryB })),
  };

  // the own case is filed and its county's department summoned (吹哨报到): the department reads it
  const filed = await secretaryA.post(`/api/cases/${ownCase.caseId}/transitions`, {
    action: 'file',
    version: 1,
  });
  expectCreated('file', filed, 200);
  const whistled = await secretaryA.post(`/api/cases/${ownCase.caseId}/transitions`, {
    action: 'whistle',
    departmentIds: [sideA.department],
    note: '吹哨',
    version: 2,
  });
  expectCreated('whistle', whistled, 200);
  // village decisions and power (issue 14): a record of every kind in both villages (the cadres, elections
  // and the ladder's workers through the towns' and counties' own routes)
  Object.assign(
    samples,
    await villageSamples({
      db,
      a,
      b,
      secretaryA,
      secretaryB,
      anonymous: server.client(),
      as: (u) => server.as(u),
    }),
  );

  return {
    a: sideA,
    b: sideB,
    samples,
    secretaryA,
    secretaryB,
  };
}
