// The village records of issue 14 for the generated cross-scope test (platform/access/scope.db.test.ts):
// one of each kind in village A and in village B (another town), created through the API, the body
// each scoped write route takes, and who calls it (a town's account for the town's own powers).
import type { Kysely } from 'kysely';
import type { Reach } from '../../platform/access/reach.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { RouteSpec, ScopeResource } from '../../platform/http/route.ts';
import type { TestClient } from '../../platform/http/testing/test-server.ts';
import { makeIdNumber } from '../../platform/text/id-number.ts';
import { addYears, shanghaiToday } from '../../recruitment/domain/dates.ts';

export type Sample = { own: number; other: number };
type Village = { id: number; code: string; path: string };

export const VILLAGE_RESOURCES = [
  'deliberation',
  'publication_item',
  'publication_question',
  'village_attachment',
  'power_use',
  'village_cadre',
  'village_representative',
  'reserve_cadre',
  'community_worker',
  'village_election',
  'election_candidate',
  // ids of these kinds arrive in bodies and query strings (platform/access/reach.ts)
  'grid_worker',
  'power_item',
  'election_round',
] as const satisfies readonly (ScopeResource | Reach)[];

export function emptyVillageSamples(): Record<(typeof VILLAGE_RESOURCES)[number], Sample> {
  return Object.fromEntries(VILLAGE_RESOURCES.map((r) => [r, { own: 0, other: 0 }])) as Record<
    (typeof VILLAGE_RESOURCES)[number],
    Sample
  >;
}

interface Context {
  db: Kysely<DB>;
  a: Village;
  b: Village;
  secretaryA: TestClient;
  secretaryB: TestClient;
  anonymous: TestClient;
  as(username: string): Promise<TestClient>;
}

async function matterIn(client: TestClient, village: Village) {
  const res = await client.post<{ id: number }>('/api/deliberations', {
    orgId: village.id,
    template: 'four_two',
    title: '范围测试事项',
    category: 'other',
  });
  if (res.status !== 201) throw new Error(`deliberation failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function fileIn(client: TestClient) {
  const res = await client.request<{ id: number }>(
    'POST',
    '/api/village-attachments?fileName=photo.png',
    undefined,
    {
      file: { type: 'image/png', data: PNG },
    },
  );
  if (res.status !== 201) throw new Error(`village attachment failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** An unpublished calendar item of the village (the demo seeds the current quarter's). */
async function openItemIn(db: Kysely<DB>, village: Village) {
  const row = await db
    .selectFrom('publication_item')
    .select('id')
    .where('org_id', '=', village.id)
    .where('published_on', 'is', null)
    .where('kind', 'in', ['general', 'finance'])
    .orderBy('due_on', 'desc')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A villager's question on a published item of the village, asked through the public page. */
async function questionIn(db: Kysely<DB>, village: Village, anonymous: TestClient) {
  const item = await db
    .selectFrom('publication_item')
    .select('id')
    .where('org_id', '=', village.id)
    .where('published_on', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const res = await anonymous.post<{ id: number }>(`/api/public/publications/${item.id}/questions`, {
    question: '请问明细在哪里看？',
  });
  if (res.status !== 201) throw new Error(`question failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A record of power use that follows the seal's procedure and names a prohibition (flagged to the town). */
async function powerUseIn(db: Kysely<DB>, client: TestClient, village: Village) {
  const county = village.code.slice(0, 6);
  const item = await db
    .selectFrom('power_item')
    .select('id')
    .where('county_code', '=', county)
    .where('code', '=', 'Z07')
    .executeTakeFirstOrThrow();
  const res = await client.post<{ id: number }>('/api/power-uses', {
    orgId: village.id,
    itemId: Number(item.id),
    title: '应熟人要求出借公章办理手续',
    startedOn: shanghaiToday(),
  });
  if (res.status !== 201) throw new Error(`power use failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A cadre of the village (the demo elects every village's committees). */
async function cadreIn(db: Kysely<DB>, village: Village) {
  const row = await db
    .selectFrom('cadre_post')
    .select(['cadre_id', 'post'])
    .where('org_id', '=', village.id)
    .where('ended_on', 'is', null)
    .where('post', '=', 'villagers_committee_member')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return Number(row.cadre_id);
}

async function representativeIn(db: Kysely<DB>, village: Village) {
  const row = await db
    .selectFrom('village_representative')
    .select('id')
    .where('org_id', '=', village.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function reserveIn(client: TestClient, village: Village) {
  const res = await client.post<{ id: number }>('/api/reserve-cadres', {
    orgId: village.id,
    name: '后备甲',
    gender: 'female',
    partyMember: true,
    since: addYears(shanghaiToday(), -1),
  });
  if (res.status !== 201) throw new Error(`reserve failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A community worker who may move up a grade: three years in grade, 40 hours' training, competent. */
async function workerIn(town: TestClient, village: Village) {
  const today = shanghaiToday();
  const res = await town.post<{ id: number }>('/api/community-workers', {
    orgId: village.id,
    name: '社工乙',
    gender: 'female',
    tier: 3,
    startedOn: addYears(today, -3),
  });
  if (res.status !== 201) throw new Error(`worker failed: ${JSON.stringify(res.body)}`);
  await town.post(`/api/community-workers/${res.body.id}/events`, { kind: 'training', on: today, hours: 40 });
  await town.post(`/api/community-workers/${res.body.id}/events`, {
    kind: 'assessment',
    on: today,
    result: 'competent',
  });
  return res.body.id;
}

let idSeq = 700;
const nextSeq = () => {
  idSeq += 2;
  return idSeq;
};
async function candidateIn(town: TestClient, electionId: number, county: string, cleared: string[]) {
  idSeq += 2;
  const idNumber = makeIdNumber(county, '1980-05-05', idSeq % 1000);
  const res = await town.post<{ id: number }>(`/api/elections/${electionId}/candidates`, {
    name: '候选人',
    idNumber,
    partyMember: true,
    posts: ['party_secretary'],
  });
  if (res.status !== 200) throw new Error(`candidate failed: ${JSON.stringify(res.body)}`);
  for (const department of cleared)
    await town.post(`/api/election-candidates/${res.body.id}/reviews`, {
      department,
      verdict: 'pass',
      reason: '未发现负面清单情形',
      reviewedOn: shanghaiToday(),
    });
  return res.body.id;
}

/** Elections of a new round in each village's county (none held), and candidates in them. */
async function electionsFor(c: Context) {
  const today = shanghaiToday();
  for (const county of new Set([c.a.code.slice(0, 6), c.b.code.slice(0, 6)])) {
    const client = await c.as(county);
    const res = await client.post('/api/election-rounds', {
      year: 2099,
      title: '范围测试换届',
      startsOn: today,
      endsOn: today,
    });
    if (res.status !== 201) throw new Error(`round failed: ${JSON.stringify(res.body)}`);
  }
  const electionOf = async (v: Village) => {
    const row = await c.db
      .selectFrom('village_election')
      .innerJoin('election_round', 'election_round.id', 'village_election.round_id')
      .select('village_election.id')
      .where('village_election.org_id', '=', v.id)
      .where('election_round.year', '=', 2099)
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  const own = await electionOf(c.a);
  const other = await electionOf(c.b);
  const townA = await c.as(c.a.code.slice(0, 9));
  const townB = await c.as(c.b.code.slice(0, 9));
  const departments = [
    'organization',
    'discipline',
    'public_security',
    'court',
    'procuratorate',
    'petition',
    'civil_affairs',
  ];
  clearedCandidate = await candidateIn(townA, own, c.a.code.slice(0, 6), departments);
  const roundOf = async (v: Village) =>
    Number(
      (
        await c.db
          .selectFrom('election_round')
          .select('id')
          .where('county_code', '=', v.code.slice(0, 6))
          .where('year', '=', 2099)
          .executeTakeFirstOrThrow()
      ).id,
    );
  return {
    election_round: { own: await roundOf(c.a), other: await roundOf(c.b) },
    village_election: { own, other },
    election_candidate: {
      own: await candidateIn(townA, own, c.a.code.slice(0, 6), []),
      other: await candidateIn(townB, other, c.b.code.slice(0, 6), []),
    },
  };
}
let clearedCandidate = 0;

/** The seal's power on the list of the village's county. */
async function powerItemOf(db: Kysely<DB>, village: Village) {
  const row = await db
    .selectFrom('power_item')
    .select('id')
    .where('county_code', '=', village.code.slice(0, 6))
    .where('code', '=', 'Z07')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A full-time grid worker of a grid of the village. */
async function gridWorkerOf(db: Kysely<DB>, village: Village) {
  const row = await db
    .selectFrom('grid_worker')
    .innerJoin('grid', 'grid.id', 'grid_worker.grid_id')
    .select('grid_worker.id')
    .where('grid.village_org_id', '=', village.id)
    .orderBy('grid_worker.id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** One record of each village kind in A and in B. */
export async function villageSamples(c: Context): Promise<Partial<Record<ScopeResource | Reach, Sample>>> {
  return {
    deliberation: { own: await matterIn(c.secretaryA, c.a), other: await matterIn(c.secretaryB, c.b) },
    publication_item: { own: await openItemIn(c.db, c.a), other: await openItemIn(c.db, c.b) },
    publication_question: {
      own: await questionIn(c.db, c.a, c.anonymous),
      other: await questionIn(c.db, c.b, c.anonymous),
    },
    village_attachment: { own: await fileIn(c.secretaryA), other: await fileIn(c.secretaryB) },
    power_use: {
      own: await powerUseIn(c.db, c.secretaryA, c.a),
      other: await powerUseIn(c.db, c.secretaryB, c.b),
    },
    village_cadre: { own: await cadreIn(c.db, c.a), other: await cadreIn(c.db, c.b) },
    village_representative: {
      own: await representativeIn(c.db, c.a),
      other: await representativeIn(c.db, c.b),
    },
    reserve_cadre: { own: await reserveIn(c.secretaryA, c.a), other: await reserveIn(c.secretaryB, c.b) },
    community_worker: {
      own: await workerIn(await c.as(c.a.code.slice(0, 9)), c.a),
      other: await workerIn(await c.as(c.b.code.slice(0, 9)), c.b),
    },
    power_item: { own: await powerItemOf(c.db, c.a), other: await powerItemOf(c.db, c.b) },
    grid_worker: { own: await gridWorkerOf(c.db, c.a), other: await gridWorkerOf(c.db, c.b) },
    ...(await electionsFor(c)),
  };
}

/** Who calls a route in the cross-scope test: the town of village A where only org admins may. */
export function villageCaller(r: RouteSpec): 'secretary' | 'town' {
  return r.access === 'village:supervise' ? 'town' : 'secretary';
}

/** The body a scoped village write route takes for the own sample (undefined: not a village route). */
export async function villageBodyFor(
  db: Kysely<DB>,
  r: RouteSpec,
  samples: Record<ScopeResource, Sample>,
  client: TestClient,
) {
  const today = shanghaiToday();
  if (r.url === '/api/deliberations/:id/steps') {
    const roster = await client.get<{ people: { id: number }[] }>(
      `/api/deliberations/${samples.deliberation.own}/roster?body=party_committee&on=${today}`,
    );
    const cadres = roster.body.people.map((p) => p.id);
    return {
      step: 'propose',
      body: 'party_committee',
      heldOn: today,
      attendees: { cadres },
      votes: { yes: cadres.length, no: 0, abstain: 0 },
    };
  }
  if (r.url === '/api/deliberations/:id/withdraw') return { reason: '范围测试' };
  if (r.url === '/api/publications/:id/publish')
    return { content: '2026年第四季度村务公开', place: '村务公开栏' };
  if (r.url === '/api/publication-questions/:id/reply') return { reply: '您好，明细已张贴在公开栏。' };
  if (r.url === '/api/power-uses/:id/steps')
    return { index: 1, doneOn: today, actorName: '申请人', evidence: '用印申请单' };
  if (r.url === '/api/power-uses/:id/review') return { note: '已约谈，责令收回公章并整改。' };
  if (r.url === '/api/village-cadres/:id/end-post')
    return { post: 'villagers_committee_member', endedOn: today, reason: '辞职' };
  if (r.url === '/api/village-representatives/:id/end') return { endedOn: today };
  if (r.url === '/api/reserve-cadres/:id/activities')
    return { kind: 'training', on: today, title: '后备干部培训班', hours: 8 };
  if (r.url === '/api/reserve-cadres/:id/status') return { status: 'left', on: today, note: '外出务工' };
  if (r.url === '/api/community-workers/:id/events') return { kind: 'training', on: today, hours: 8 };
  if (r.url === '/api/community-workers/:id/promote') return { on: today };
  if (r.url === '/api/elections/:id/schedule') return { plannedOn: today };
  if (r.url === '/api/elections/:id/candidates')
    return {
      name: '候选人丙',
      idNumber: makeIdNumber('440703', '1985-03-03', nextSeq() % 1000),
      partyMember: false,
      posts: ['director'],
    };
  if (r.url === '/api/election-candidates/:id/reviews')
    return { department: 'court', verdict: 'pass', reason: '无', reviewedOn: today };
  if (r.url === '/api/elections/:id/results')
    return { heldOn: today, elected: [{ candidateId: clearedCandidate, post: 'party_secretary' }] };
  void db;
  return undefined;
}
