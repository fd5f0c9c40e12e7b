// Recruitment over real HTTP on both engines: a person from application to full member (the member
// register gains them), one refusal per rule with nothing half-written, the overdue and due lists,
// and another village's secretary who cannot see or change the application.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildMember } from '../demo/factories.ts';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { makeIdNumber } from '../platform/text/id-number.ts';
import { addDays, addMonths, addYears, shanghaiToday } from './domain/dates.ts';

let database: Database;
let server: TestServer;
let secretary: TestClient;
let otherSecretary: TestClient;
let branch: { id: number; path: string; county: string };
let fullMembers: { id: number; converted_on: string }[];
let seq = 100;

type Err = { code: string; message_zh: string; message_en: string; details?: Record<string, unknown> };
type Detail = {
  id: number;
  version: number;
  status: string;
  stage: string;
  lastStep: number;
  nextSteps: number[];
  memberId: number | null;
  probationEndsOn: string | null;
  talkLate: boolean;
  due: { kind: string; on: string; overdue: boolean } | null;
  objections: { id: number; resolvedOn: string | null }[];
  steps: { no: number; records: { on: string }[] }[];
};

const today = shanghaiToday();

/** Every date of a clean path, from the application date. */
function pathFrom(applied: string): Record<string, string> {
  const d = (n: number) => addDays(applied, n);
  const vote = d(490);
  const conversion = addYears(vote, 1);
  return {
    1: applied,
    2: d(19),
    3: d(40),
    4: d(45),
    5: d(50),
    '6a': d(190),
    '6b': d(340),
    7: d(420),
    8: d(424),
    9: d(429),
    10: d(449),
    trainingFrom: d(451),
    trainingTo: d(453),
    11: d(459),
    12: d(471),
    pub12From: d(472),
    pub12To: d(478),
    13: d(480),
    14: d(482),
    15: vote,
    16: d(495),
    17: d(510),
    18: d(515),
    19: d(516),
    20: d(520),
    21: d(700),
    22: addDays(conversion, -18),
    pub22From: addDays(conversion, -17),
    pub22To: addDays(conversion, -11),
    23: conversion,
    24: addDays(conversion, 11),
    25: addDays(conversion, 15),
  };
}

async function countRows(id: number) {
  const db = database.db;
  const [steps, audit, members, people] = await Promise.all([
    db
      .selectFrom('recruitment_step')
      .select(db.fn.countAll().as('n'))
      .where('recruitment_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_log')
      .select(db.fn.countAll().as('n'))
      .where('action', 'not like', 'recruitment.read%')
      .where('action', '!=', 'recruitment.list')
      .executeTakeFirstOrThrow(),
    db.selectFrom('member').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('recruitment_person')
      .select(db.fn.countAll().as('n'))
      .where('recruitment_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  const r = await db
    .selectFrom('recruitment')
    .select(['version', 'last_step'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    steps: Number(steps.n),
    audit: Number(audit.n),
    members: Number(members.n),
    people: Number(people.n),
    ...r,
  };
}

/** A refusal: the status and code, and nothing written. */
async function refused(id: number, body: Record<string, unknown>, code: string, url = 'steps', status = 422) {
  const before = await countRows(id);
  const res = await secretary.post<Err>(`/api/recruitment/applications/${id}/${url}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.code).toBe(code);
  expect(res.body.message_zh.length).toBeGreaterThan(10);
  expect(await countRows(id)).toEqual(before);
  return res.body;
}

async function step(id: number, body: Record<string, unknown>) {
  const res = await secretary.post<Detail>(`/api/recruitment/applications/${id}/steps`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function event(id: number, body: Record<string, unknown>) {
  const res = await secretary.post<Detail>(`/api/recruitment/applications/${id}/events`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

function person(applied: string, birth = '1995-05-05') {
  seq += 2;
  return {
    orgId: branch.id,
    name: '李红',
    idNumber: makeIdNumber(branch.county, birth, seq),
    phone: '13912345678',
    ethnicity: '汉族',
    education: '大学本科',
    occupation: '在岗职工',
    appliedOn: applied,
  };
}

async function apply(applied: string) {
  const res = await secretary.post<Detail>('/api/recruitment/applications', person(applied));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** A member of the branch who was not yet a full member on that date. */
function notFullOn(on: string): number {
  const m = [...fullMembers].reverse().find((x) => x.converted_on > on);
  if (!m) throw new Error(`no member of the branch converted after ${on}`);
  return m.id;
}

const mentorsOn = (on: string, n: number) =>
  fullMembers
    .filter((m) => m.converted_on <= on)
    .slice(0, n)
    .map((m) => m.id);

async function dueOn(on: string): Promise<number> {
  const row = await database.db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(database.db.fn.countAll().as('n'))
    .where('org.path', 'like', `${branch.path}%`)
    .where('member.status', '=', 'full')
    .where('member.converted_on', '<=', on)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs the clean path from the step after the current one up to `last`. */
async function advance(id: number, p: Record<string, string>, from: number, last: number) {
  for (let n = from; n <= last; n++) {
    const on = p[n] as string;
    if (n === 5) await step(id, { step: 5, on, mentorIds: mentorsOn(on, 1) });
    else if (n === 6) {
      await step(id, { step: 6, on: p['6a'] });
      await step(id, { step: 6, on: p['6b'] });
    } else if (n === 9) await step(id, { step: 9, on, sponsorIds: mentorsOn(on, 2) });
    else if (n === 10) await step(id, { step: 10, on, review: { complete: true, conclusion: 'qualified' } });
    else if (n === 11) {
      await event(id, {
        action: 'training',
        title: '发展对象培训班',
        startsOn: p.trainingFrom,
        endsOn: p.trainingTo,
        hours: 24,
      });
      await step(id, { step: 11, on });
    } else if (n === 12)
      await step(id, { step: 12, on, publicity: { startsOn: p.pub12From, endsOn: p.pub12To } });
    else if (n === 22)
      await step(id, { step: 22, on, publicity: { startsOn: p.pub22From, endsOn: p.pub22To } });
    else if (n === 15 || n === 23) {
      const due = await dueOn(on);
      await step(id, { step: n, on, vote: { present: due, yes: due, no: 0, abstain: 0 } });
    } else await step(id, { step: n, on, by: '支部书记' });
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 0)
    .orderBy('code')
    .execute();
  // the branch with the most full members converted before 2022
  const branches = await db
    .selectFrom('org')
    .innerJoin('member', 'member.org_id', 'org.id')
    .select(['org.id', 'org.path', 'org.county_code', db.fn.countAll().as('n')])
    .where('org.kind', '=', 'branch')
    .where('org.level', 'in', ['village', 'grid'])
    .where('member.status', '=', 'full')
    .where('member.converted_on', '<', '2022-01-01')
    .groupBy(['org.id', 'org.path', 'org.county_code'])
    .orderBy('n', 'desc')
    .execute();
  const b = branches[0];
  if (!b) throw new Error('no branch with full members in the test seed');
  branch = { id: b.id, path: b.path, county: b.county_code as string };
  const village = villages.find((v) => b.path.startsWith(v.path));
  const other = villages.find((v) => v.code.slice(0, 9) !== village?.code.slice(0, 9));
  if (!village || !other) throw new Error('the test seed needs villages in two towns');
  secretary = await server.as(village.code);
  otherSecretary = await server.as(other.code);
  // a member of the branch who became a full member only at the end of 2024
  await db
    .insertInto('member')
    .values(
      await buildMember(
        { orgId: branch.id, countyCode: branch.county },
        { name: '晚转正', status: 'full', joined_on: '2023-12-01', converted_on: '2024-12-01' },
      ),
    )
    .execute();
  fullMembers = (await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.converted_on'])
    .where('org.path', 'like', `${branch.path}%`)
    .where('member.status', '=', 'full')
    .orderBy('member.converted_on')
    .execute()) as { id: number; converted_on: string }[];
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('recruitment from application to full member', () => {
  test('the whole path, each rule refused at its step and then accepted', async () => {
    const p = pathFrom('2022-03-01');
    const id = await apply(p[1] as string);
    expect(await countRows(id)).toMatchObject({ steps: 1, last_step: 1 });

    await refused(id, { step: 3, on: p[3] }, 'RECRUIT_STEP_ORDER', 'steps', 409);
    await refused(id, { step: 2, on: addDays(today, 1) }, 'RECRUIT_DATE_IN_FUTURE');
    await refused(id, { step: 2, on: '2022-02-28' }, 'RECRUIT_DATE_BEFORE_PREVIOUS');
    await advance(id, p, 2, 4);
    await refused(
      id,
      { step: 5, on: p[5], mentorIds: mentorsOn(p[5] as string, 3) },
      'RECRUIT_MENTORS_1_TO_2',
    );
    await refused(
      id,
      { step: 5, on: p[5], mentorIds: [notFullOn(p[5] as string)] },
      'RECRUIT_MENTOR_NOT_FULL_MEMBER',
    );
    await advance(id, p, 5, 5);
    await refused(
      id,
      { step: 6, on: addDays(addMonths(p[3] as string, 6), 1) },
      'RECRUIT_ASSESSMENT_EVERY_6_MONTHS',
    );
    await advance(id, p, 6, 6);
    await refused(id, { step: 7, on: addYears(p[3] as string, 1) }, 'RECRUIT_ACTIVIST_UNDER_1_YEAR');
    await advance(id, p, 7, 8);
    await refused(id, { step: 9, on: p[9], sponsorIds: mentorsOn(p[9] as string, 1) }, 'RECRUIT_SPONSORS_2');
    await refused(
      id,
      { step: 9, on: p[9], sponsorIds: [...mentorsOn(p[9] as string, 1), notFullOn(p[9] as string)] },
      'RECRUIT_SPONSOR_NOT_FULL_MEMBER',
    );
    await advance(id, p, 9, 9);
    await refused(
      id,
      { step: 10, on: p[10], review: { complete: false, conclusion: 'qualified' } },
      'RECRUIT_POLITICAL_REVIEW_INCOMPLETE',
    );
    await advance(id, p, 10, 10);
    await refused(id, { step: 11, on: p[11] }, 'RECRUIT_TRAINING_UNDER_3_DAYS_24_HOURS');
    await advance(id, p, 11, 11);
    await refused(
      id,
      {
        step: 12,
        on: p[12],
        publicity: { startsOn: p.pub12From, endsOn: addDays(p.pub12From as string, 5) },
      },
      'RECRUIT_PUBLICITY_TOO_SHORT',
    );
    await advance(id, p, 12, 12);
    await refused(id, { step: 13, on: p.pub12To }, 'RECRUIT_PUBLICITY_NOT_CLOSED');
    const objected = await event(id, {
      action: 'objection',
      kind: 'admission',
      raisedOn: p.pub12From,
      content: '群众反映其曾参与赌博',
    });
    await refused(id, { step: 13, on: p[13] }, 'RECRUIT_OBJECTION_UNRESOLVED');
    await event(id, {
      action: 'resolve_objection',
      objectionId: objected.objections[0]?.id,
      resolvedOn: p[12 + 1],
      resolution: '经调查核实，反映不属实',
    });
    await advance(id, p, 13, 14);
    const due = await dueOn(p[15] as string);
    expect(due).toBeGreaterThan(0);
    const quorum = await refused(
      id,
      {
        step: 15,
        on: p[15],
        vote: { present: Math.floor(due / 2), yes: Math.floor(due / 2), no: 0, abstain: 0 },
      },
      'RECRUIT_MEETING_QUORUM',
    );
    expect(quorum.details?.due).toBe(due);
    await refused(
      id,
      {
        step: 15,
        on: p[15],
        vote: { present: due, yes: Math.floor(due / 2), no: due - Math.floor(due / 2), abstain: 0 },
      },
      'RECRUIT_MEETING_MAJORITY',
    );
    await advance(id, p, 15, 16);
    await refused(
      id,
      { step: 17, on: addDays(addMonths(p[15] as string, 3), 1) },
      'RECRUIT_APPROVAL_WITHIN_3_MONTHS',
    );
    await refused(
      id,
      { step: 17, on: addDays(addMonths(p[15] as string, 6), 1), delayReason: '外调' },
      'RECRUIT_APPROVAL_BEYOND_6_MONTHS',
    );
    const membersBefore = (await countRows(id)).members;
    await advance(id, p, 17, 17);
    const approved = await secretary.get<Detail>(`/api/recruitment/applications/${id}`);
    expect(approved.body.memberId).toBeGreaterThan(0);
    expect(approved.body.probationEndsOn).toBe(addYears(p[15] as string, 1));
    expect((await countRows(id)).members).toBe(membersBefore + 1);
    const probationary = await database.db
      .selectFrom('member')
      .selectAll()
      .where('id', '=', approved.body.memberId as number)
      .executeTakeFirstOrThrow();
    expect(probationary).toMatchObject({
      status: 'probationary',
      joined_on: p[15],
      org_id: branch.id,
      id_number_masked: expect.stringMatching(/\*{8}/),
    });
    expect(probationary.id_number_enc).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    // the register's codes, and the first membership period from the admitting meeting
    expect(['bachelor', 'postgraduate', 'junior_college', 'secondary_vocational', 'senior_high']).toContain(
      probationary.education,
    );
    const periods = await database.db
      .selectFrom('membership_history')
      .select(['org_id', 'started_on', 'reason'])
      .where('member_id', '=', probationary.id)
      .execute();
    expect(periods).toEqual([{ org_id: branch.id, started_on: p[15], reason: 'register' }]);
    await advance(id, p, 18, 21);
    await refused(
      id,
      { action: 'extend_probation', on: p[23], months: 5 },
      'RECRUIT_EXTENSION_6_TO_12_MONTHS',
      'events',
    );
    await advance(id, p, 22, 22);
    await refused(
      id,
      { step: 23, on: addDays(p[23] as string, -1), vote: { present: 1, yes: 1, no: 0, abstain: 0 } },
      'RECRUIT_PROBATION_NOT_ENDED',
    );
    await advance(id, p, 23, 25);
    const done = await secretary.get<Detail>(`/api/recruitment/applications/${id}`);
    expect(done.body).toMatchObject({ status: 'completed', lastStep: 25, nextSteps: [], due: null });
    expect(done.body.steps.every((s) => s.records.length > 0)).toBe(true);
    const member = await database.db
      .selectFrom('member')
      .selectAll()
      .where('id', '=', done.body.memberId as number)
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({ status: 'full', converted_on: p[23], joined_on: p[15] });
    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'recruitment')
      .where('target_id', '=', String(id))
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'recruitment.apply',
        'recruitment.step17',
        'recruitment.step24',
        'recruitment.read',
      ]),
    );
  }, 120_000);
});

describe('bad input at the application', () => {
  test('under 18 on the application date', async () => {
    const applied = '2024-03-01';
    const res = await secretary.post<Err>('/api/recruitment/applications', person(applied, '2006-03-02'));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RECRUIT_AGE_UNDER_18');
    expect(res.body.message_zh).toContain('2024-03-02');
  });

  test('an invalid ID number, and the same person twice', async () => {
    const valid = person('2024-03-01');
    const wrongCheck = valid.idNumber.slice(0, 17) + (valid.idNumber.endsWith('1') ? '2' : '1');
    const bad = { ...valid, idNumber: wrongCheck };
    const res = await secretary.post<Err>('/api/recruitment/applications', bad);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('RECRUIT_ID_NUMBER_INVALID');
    const body = person('2024-03-01');
    expect((await secretary.post('/api/recruitment/applications', body)).status).toBe(201);
    const applicants = await database.db
      .selectFrom('applicant')
      .select(database.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const twice = await secretary.post<Err>('/api/recruitment/applications', {
      ...body,
      idNumber: body.idNumber.toLowerCase(),
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('RECRUIT_DUPLICATE_PERSON');
    const after = await database.db
      .selectFrom('applicant')
      .select(database.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(applicants.n);
  });
});

describe('per scope: counts, overdue, due conversions', () => {
  test('late talks are listed as overdue; probation ending this month is a due conversion', async () => {
    const late = await apply(addMonths(today, -2));
    const dueVote = addYears(today, -1);
    const p = pathFrom(addDays(dueVote, -490));
    const converting = await apply(p[1] as string);
    await advance(converting, p, 2, 17);
    const summary = await secretary.get<{
      byStage: Record<string, number>;
      overdue: number;
      overdueByKind: Record<string, number>;
      dueConversionsThisMonth: number;
    }>('/api/recruitment/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.byStage.applicant).toBeGreaterThanOrEqual(1);
    expect(summary.body.overdueByKind.talk).toBeGreaterThanOrEqual(1);
    expect(summary.body.dueConversionsThisMonth).toBeGreaterThanOrEqual(1);
    const overdue = await secretary.get<{ items: { id: number; dueKind: string; overdue: boolean }[] }>(
      '/api/recruitment/applications?overdue=true',
    );
    expect(overdue.body.items.find((i) => i.id === late)).toMatchObject({ dueKind: 'talk', overdue: true });
    const dueList = await secretary.get<{ items: { id: number }[] }>(
      '/api/recruitment/applications?dueThisMonth=true',
    );
    expect(dueList.body.items.map((i) => i.id)).toContain(converting);
    const talked = await step(late, { step: 2, on: today, by: '支部书记' });
    expect(talked.talkLate).toBe(true);
  }, 120_000);

  test("another village's secretary gets 404 and changes nothing", async () => {
    const id = await apply('2024-05-01');
    const before = await countRows(id);
    for (const res of [
      await otherSecretary.get<Err>(`/api/recruitment/applications/${id}`),
      await otherSecretary.post<Err>(`/api/recruitment/applications/${id}/steps`, {
        step: 2,
        on: '2024-05-10',
      }),
      await otherSecretary.post<Err>(`/api/recruitment/applications/${id}/reveal`, { field: 'idNumber' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('RECRUITMENT_NOT_FOUND');
    }
    const list = await otherSecretary.get<{ items: { id: number }[] }>(
      '/api/recruitment/applications?pageSize=200',
    );
    expect(list.body.items.map((i) => i.id)).not.toContain(id);
    const create = await otherSecretary.post<Err>('/api/recruitment/applications', person('2024-05-01'));
    expect(create.status).toBe(404);
    expect(await countRows(id)).toEqual(before);
  });

  test('revealing the ID number is audited', async () => {
    const body = person('2024-06-01');
    const created = await secretary.post<Detail>('/api/recruitment/applications', body);
    const res = await secretary.post<{ value: string }>(
      `/api/recruitment/applications/${created.body.id}/reveal`,
      { field: 'idNumber' },
    );
    expect(res.body.value).toBe(body.idNumber);
    const row = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'recruitment.reveal')
      .where('target_id', '=', String(created.body.id))
      .executeTakeFirst();
    expect(row).toBeDefined();
  });
});
