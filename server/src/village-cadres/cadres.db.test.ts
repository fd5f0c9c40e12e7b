// Village cadres and 换届 over real HTTP on both engines: the county plans a round; the town adds
// candidates and records each department's 联审 verdict (a failing one names the negative-list item);
// a disqualified candidate cannot be elected (422); the results write the cadres' terms and the
// village party organization's term, which the org checks then read; the secretary's tenure read
// function follows; the career ladder refuses a promotion with its reasons; bad input is 400 naming
// the field; the villages' list shows each village's findings.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeActor } from '../platform/access/actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { makeIdNumber } from '../platform/text/id-number.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { decisionValidity, publicationCompliance, secretaryTenure } from './village-indicators.ts';

let database: Database;
let server: TestServer;
let county: TestClient;
let town: TestClient;
let secretary: TestClient;
type Org = { id: number; code: string; path: string };
let village: Org;
const today = shanghaiToday();
const DEPARTMENTS = [
  'organization',
  'discipline',
  'public_security',
  'court',
  'procuratorate',
  'petition',
  'civil_affairs',
];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const rows = await database.db
    .selectFrom('org')
    .select(['id', 'code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .execute();
  village = rows[0] as Org;
  county = await server.as(village.code.slice(0, 6));
  town = await server.as(village.code.slice(0, 9));
  secretary = await server.as(village.code);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('换届 with 联审', () => {
  let electionId = 0;
  const candidates: number[] = [];

  test('the demo holds the last round with its review records', async () => {
    const rounds = await county.get<{
      items: { year: number; villages: number; held: number; candidates: number }[];
    }>('/api/election-rounds');
    expect(rounds.status).toBe(200);
    expect(rounds.body.items.length).toBe(2);
    expect(rounds.body.items.every((r) => r.candidates > 0)).toBe(true);
    const reviews = await database.db
      .selectFrom('candidate_review')
      .select(database.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(reviews.n)).toBeGreaterThan(1000);
  });

  test('the county plans a round; only a county may', async () => {
    expect(
      (await town.post('/api/election-rounds', { year: 2031, title: 'x', startsOn: today, endsOn: today }))
        .status,
    ).toBe(403);
    const res = await county.post<{ id: number; villages: number }>('/api/election-rounds', {
      year: 2031,
      title: '2031年村（社区）“两委”换届选举',
      startsOn: today,
      endsOn: today,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.villages).toBeGreaterThan(0);
    const cal = await town.get<{ items: { id: number; org: { id: number }; year: number }[] }>(
      `/api/elections?roundId=${res.body.id}&pageSize=200`,
    );
    electionId = cal.body.items.find((e) => e.org.id === village.id)?.id as number;
    expect(electionId).toBeGreaterThan(0);
  });

  test('candidates and each department’s verdict', async () => {
    const valid = makeIdNumber(village.code.slice(0, 6), '1980-01-01', 1);
    const bad = await town.post(`/api/elections/${electionId}/candidates`, {
      name: '甲',
      idNumber: `${valid.slice(0, 17)}${valid[17] === '1' ? '2' : '1'}`,
      partyMember: true,
      posts: ['party_secretary'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ details: { field: 'idNumber' } });
    const add = async (name: string, seq: number, posts: string[]) => {
      const res = await town.post<{ id: number }>(`/api/elections/${electionId}/candidates`, {
        name,
        idNumber: makeIdNumber(village.code.slice(0, 6), '1979-06-06', seq),
        partyMember: true,
        posts,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      candidates.push(res.body.id);
      return res.body.id;
    };
    const a = await add('陈志强', 311, ['party_secretary', 'director']);
    const b = await add('李秀英', 312, ['deputy_director']);
    const c = await add('黄伟明', 313, ['villagers_committee_member']);
    for (const id of [a, b])
      for (const department of DEPARTMENTS)
        expect(
          (
            await town.post(`/api/election-candidates/${id}/reviews`, {
              department,
              verdict: 'pass',
              reason: '未发现负面清单情形',
              reviewedOn: today,
            })
          ).status,
        ).toBe(200);
    const noItem = await town.post(`/api/election-candidates/${c}/reviews`, {
      department: 'public_security',
      verdict: 'fail',
      reason: '有前科',
      reviewedOn: today,
    });
    expect(noItem.status).toBe(400);
    expect(noItem.body).toMatchObject({ details: { field: 'negativeItem' } });
    const fail = await town.post<{ reviewStatus: string }>(`/api/election-candidates/${c}/reviews`, {
      department: 'public_security',
      verdict: 'fail',
      negativeItem: 'criminal_record',
      reason: '2015 年因故意伤害罪被判处有期徒刑。',
      reviewedOn: today,
    });
    expect(fail.body.reviewStatus).toBe('disqualified');
    const detail = await secretary.get<{
      candidates: { id: number; reviewStatus: string; reviews: { negativeItemName: string | null }[] }[];
    }>(`/api/elections/${electionId}`);
    expect(detail.body.candidates.find((x) => x.id === c)?.reviews[0]?.negativeItemName).toBe('受过刑事处罚');
  });

  test('a disqualified candidate cannot be elected; the results write the terms and the org checks read them', async () => {
    const [a, b, c] = candidates as [number, number, number];
    const refused = await town.post(`/api/elections/${electionId}/results`, {
      heldOn: today,
      elected: [
        { candidateId: a, post: 'party_secretary' },
        { candidateId: c, post: 'villagers_committee_member' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ELECTION_CANDIDATE_NOT_CLEARED' });
    const ok = await town.post<{ status: string }>(`/api/elections/${electionId}/results`, {
      heldOn: today,
      elected: [
        { candidateId: a, post: 'party_secretary' },
        { candidateId: a, post: 'director' },
        { candidateId: b, post: 'deputy_director' },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('held');
    const cadres = await secretary.get<{
      oneShoulder: boolean;
      posts: { name: string; post: string; termStart: string }[];
      term: { electedOn: string; state: string };
    }>(`/api/village-cadres/orgs/${village.id}`);
    expect(cadres.body.oneShoulder).toBe(true);
    expect(cadres.body.posts.map((p) => [p.name, p.post])).toEqual(
      expect.arrayContaining([
        ['陈志强', 'party_secretary'],
        ['陈志强', 'director'],
        ['李秀英', 'deputy_director'],
      ]),
    );
    expect(cadres.body.posts).toHaveLength(3);
    expect(cadres.body.term).toMatchObject({ electedOn: today, state: 'ok' });
    const checks = await town.get<{ terms: { electedOn: string }[]; findings: { kind: string }[] }>(
      `/api/org-checks/orgs/${village.id}`,
    );
    expect(checks.body.terms[0]?.electedOn).toBe(today);
    expect(checks.body.findings.map((f) => f.kind)).not.toContain('term_overdue');
  });

  test('the read functions for the assessment', async () => {
    const actor = makeActor({
      accountId: 0,
      username: village.code.slice(0, 9),
      displayName: 'town',
      role: 'org_admin',
      scopeOrgId: Number(
        (
          await database.db
            .selectFrom('org')
            .select('id')
            .where('code', '=', village.code.slice(0, 9))
            .executeTakeFirstOrThrow()
        ).id,
      ),
      scopePath: `${village.path.split('/').slice(0, 4).join('/')}/`,
      scopeCountyCode: village.code.slice(0, 6),
      mustChangePassword: false,
      clientIp: '127.0.0.1',
    });
    const tenure = await secretaryTenure(database.db, actor, { basePath: actor.scopePath, on: today });
    expect(tenure.get(village.id)?.secretary).toMatchObject({ name: '陈志强', since: today });
    const year = Number(today.slice(0, 4));
    const validity = await decisionValidity(database.db, actor, { basePath: actor.scopePath, year });
    const publication = await publicationCompliance(database.db, actor, {
      basePath: actor.scopePath,
      year,
      today,
    });
    expect(publication.get(village.id)?.due).toBeGreaterThan(0);
    for (const v of validity.values()) expect(v.valid + v.invalid + v.pending).toBe(v.matters);
  });
});

describe('villages, reserves and the ladder', () => {
  test('the town sees each village’s heads, term and findings', async () => {
    const res = await town.get<{
      items: { org: { id: number }; secretary: string | null; findings: { code: string }[] }[];
      total: number;
    }>('/api/village-cadres/villages?pageSize=200');
    expect(res.status).toBe(200);
    expect(res.body.items.find((v) => v.org.id === village.id)?.secretary).toBe('陈志强');
    expect(res.body.items.some((v) => v.findings.length > 0)).toBe(true);
  });

  test('a promotion without the years and hours is refused with the reasons', async () => {
    const hired = await town.post<{ id: number }>('/api/community-workers', {
      orgId: village.id,
      name: '社工丁',
      gender: 'female',
      tier: 3,
      startedOn: today,
    });
    expect(hired.status, JSON.stringify(hired.body)).toBe(201);
    const res = await town.post(`/api/community-workers/${hired.body.id}/promote`, { on: today });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'LADDER_YEARS_IN_GRADE',
      details: { reasons: ['LADDER_YEARS_IN_GRADE', 'LADDER_TRAINING_HOURS', 'LADDER_ASSESSMENT'] },
    });
    const detail = await secretary.get<{ level: number; tierName: string }>(
      `/api/community-workers/${hired.body.id}`,
    );
    expect(detail.body).toMatchObject({ level: 1, tierName: '三岗（专职工作人员、专职网格员）' });
  });

  test('reserve cadres with training; bad input names the field', async () => {
    const bad = await secretary.post('/api/reserve-cadres', {
      orgId: village.id,
      name: '后备',
      gender: 'x',
      partyMember: true,
      since: today,
    });
    expect(bad.status).toBe(400);
    const added = await secretary.post<{ id: number }>('/api/reserve-cadres', {
      orgId: village.id,
      name: '林晓燕',
      gender: 'female',
      partyMember: true,
      since: today,
      mentorName: '陈志强',
    });
    expect(added.status).toBe(201);
    const act = await secretary.post<{ activities: unknown[] }>(
      `/api/reserve-cadres/${added.body.id}/activities`,
      { kind: 'mentoring', on: today, title: '导师结对谈心', hours: 2, mentorName: '陈志强' },
    );
    expect(act.status).toBe(200);
    expect(act.body.activities).toHaveLength(1);
  });
});
