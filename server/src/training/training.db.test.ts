// Training over real HTTP on both engines: a county opens a party-school class, adds sessions, enrolls
// members and an applicant, records attendance; hours per person add up, the applicant's hours reach
// recruitment's "≥ 3 days or ≥ 24 class hours" rule, and 万名党员进党校 progress rises at county and town.
// Bad input is refused with a code and nothing is half-written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { makeIdNumber } from '../platform/text/id-number.ts';
import { addDays, shanghaiToday } from '../recruitment/domain/dates.ts';

let database: Database;
let server: TestServer;
let county: TestClient;
let secretary: TestClient;
let otherSecretary: TestClient;
type Org = { id: number; code: string; path: string; county_code: string | null };
let village: Org;
let countyOrg: Org;
let townOrg: Org;
let members: number[];
let otherMember: number;
let recruitmentId: number;
let applicantId: number;
type Err = { code: string; message_zh: string; message_en: string };
type Detail = {
  id: number;
  sessions: { id: number; hours: number }[];
  enrollments: { id: number; kind: string; personId: number; hours: number; days: number }[];
};
type Progress = {
  trained: number;
  target: number | null;
  children: { org: { id: number }; trained: number }[];
};

const today = shanghaiToday();
const year = Number(today.slice(0, 4));
const d = (n: number) => addDays(today, n);

async function counts() {
  const { db } = database;
  const n = async (
    t:
      | 'training_class'
      | 'training_session'
      | 'training_enrollment'
      | 'training_attendance'
      | 'recruitment_training'
      | 'audit_log',
  ) => Number((await db.selectFrom(t).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return Promise.all(
    (
      [
        'training_class',
        'training_session',
        'training_enrollment',
        'training_attendance',
        'recruitment_training',
        'audit_log',
      ] as const
    ).map(n),
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'code', 'path', 'county_code'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .execute();
  village = villages[0] as Org;
  const other = villages.find((x) => x.code.slice(0, 9) !== village.code.slice(0, 9)) as Org;
  const byCode = (code: string) =>
    db
      .selectFrom('org')
      .select(['id', 'code', 'path', 'county_code'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  countyOrg = await byCode(village.code.slice(0, 6));
  townOrg = await byCode(village.code.slice(0, 9));
  const inOrg = (path: string) =>
    db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select('member.id')
      .where('org.path', 'like', `${path}%`)
      .orderBy('member.id')
      .execute();
  members = (await inOrg(village.path)).map((m) => m.id);
  otherMember = ((await inOrg(other.path))[0] as { id: number }).id;
  county = await server.as(countyOrg.code);
  secretary = await server.as(village.code);
  otherSecretary = await server.as(other.code);
  const applied = await secretary.post<{ id: number }>('/api/recruitment/applications', {
    orgId: village.id,
    name: '李红',
    idNumber: makeIdNumber(village.county_code as string, '1995-05-05', 171),
    phone: '13912345678',
    ethnicity: '汉族',
    education: '大学本科',
    occupation: '在岗职工',
    appliedOn: d(-400),
  });
  if (applied.status !== 201) throw new Error(JSON.stringify(applied.body));
  recruitmentId = applied.body.id;
  applicantId = (
    await db
      .selectFrom('recruitment')
      .select('applicant_id')
      .where('id', '=', recruitmentId)
      .executeTakeFirstOrThrow()
  ).applicant_id;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('training', () => {
  let classId = 0;
  let detail: Detail;

  test('a county opens a party-school class with three 8-hour sessions', async () => {
    const res = await county.post<Detail>('/api/training/classes', {
      orgId: countyOrg.id,
      title: '万名党员进党校 第一期',
      level: 'county_general',
      provider: '双水党校',
      partySchool: true,
      startsOn: d(-10),
      endsOn: d(-8),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    classId = res.body.id;
    for (const n of [-10, -9, -8]) {
      const s = await county.post<Detail>(`/api/training/classes/${classId}/sessions`, {
        heldOn: d(n),
        topic: `专题 ${n}`,
        hours: 8,
      });
      expect(s.status, JSON.stringify(s.body)).toBe(200);
      detail = s.body;
    }
    expect(detail.sessions).toHaveLength(3);
    const list = await secretary.get<{ items: { id: number }[] }>('/api/training/classes');
    expect(list.body.items.map((c) => c.id)).not.toContain(classId); // a village does not see the county's class
    const mine = await county.get<{ items: { id: number; enrolled: number }[] }>(
      `/api/training/classes?year=${year}`,
    );
    expect(mine.body.items.map((c) => c.id)).toContain(classId);
  });

  test('members and an applicant enroll; attendance gives hours per person', async () => {
    const res = await county.post<Detail>(`/api/training/classes/${classId}/enrollments`, {
      memberIds: members.slice(0, 2),
      applicantIds: [applicantId],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.enrollments).toHaveLength(3);
    const byPerson = (kind: string, id: number) =>
      res.body.enrollments.find((e) => e.kind === kind && e.personId === id) as { id: number };
    const m0 = byPerson('member', members[0] as number).id;
    const m1 = byPerson('member', members[1] as number).id;
    const ap = byPerson('applicant', applicantId).id;
    const [s1, s2, s3] = detail.sessions as unknown as [{ id: number }, { id: number }, { id: number }];
    for (const [s, rows] of [
      [s1, [{ enrollmentId: m0 }, { enrollmentId: ap }, { enrollmentId: m1, hours: 4 }]],
      [s2, [{ enrollmentId: m0 }, { enrollmentId: ap }]],
      [s3, [{ enrollmentId: ap }]],
    ] as const) {
      const r = await county.post<Detail>(`/api/training/classes/${classId}/attendance`, {
        sessionId: s.id,
        attendance: rows,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      detail = r.body;
    }
    const hours = (id: number) => detail.enrollments.find((e) => e.id === id);
    expect(hours(m0)).toMatchObject({ hours: 16, days: 2 });
    expect(hours(m1)).toMatchObject({ hours: 4, days: 1 });
    expect(hours(ap)).toMatchObject({ hours: 24, days: 3 });
  });

  test("the applicant's hours count for recruitment's training rule", async () => {
    const r = await secretary.get<{
      trainingTotals: { days: number; hours: number };
      rules: Record<string, number>;
    }>(`/api/recruitment/applications/${recruitmentId}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.trainingTotals).toEqual({ days: 3, hours: 24 });
  });

  test('万名党员进党校 progress by scope', async () => {
    const t = await county.request('PUT', '/api/training/targets', { orgId: countyOrg.id, year, target: 4 });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const p = await county.get<Progress>(`/api/training/progress?year=${year}`);
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body).toMatchObject({ trained: 2, target: 4 });
    expect(p.body.children.find((c) => c.org.id === townOrg.id)?.trained).toBe(2);
    const v = await secretary.get<Progress>(`/api/training/progress?year=${year}`);
    expect(v.body.trained).toBe(2);
    const o = await otherSecretary.get<Progress>(`/api/training/progress?year=${year}`);
    expect(o.body.trained).toBe(0);
  });

  test('bad input is refused with a code; nothing is half-written', async () => {
    const before = await counts();
    const outside = await county.post<Err>(`/api/training/classes/${classId}/sessions`, {
      heldOn: d(-30),
      topic: '补课',
      hours: 2,
    });
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('TRAINING_SESSION_OUTSIDE_CLASS');
    const [s1] = detail.sessions as unknown as [{ id: number }];
    const m0 = detail.enrollments[0] as { id: number };
    const twice = await county.post<Err>(`/api/training/classes/${classId}/attendance`, {
      sessionId: s1.id,
      attendance: [{ enrollmentId: m0.id }],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('TRAINING_ATTENDANCE_EXISTS');
    const tooMany = await county.post<Err>(`/api/training/classes/${classId}/attendance`, {
      sessionId: s1.id,
      attendance: [{ enrollmentId: 999_999 }],
    });
    // an enrollment outside the scope is refused by the access layer (reach training_enrollment)
    expect([tooMany.status, tooMany.body.code]).toEqual([404, 'TRAINING_ENROLLMENT_NOT_FOUND']);
    const foreign = await secretary.post<Err>(`/api/training/classes/${classId}/enrollments`, {
      memberIds: [members[2]],
    });
    expect(foreign.status).toBe(404);
    const notMine = await county.post<Err>(`/api/training/classes/${classId}/enrollments`, {
      memberIds: [members[2], 999_999],
    });
    // an id outside the scope is refused by the access layer (reach member) before the service
    expect(notMine.status).toBe(404);
    expect(notMine.body.code).toBe('MEMBER_NOT_FOUND');
    expect(notMine.body.message_en).toMatch(/999999/);
    expect(await counts()).toEqual(before);
    expect(otherMember).toBeGreaterThan(0);
  });
});
