// The village records of issue 14 for the generated cross-scope test (platform/access/scope.db.test.ts):
// one of each kind in village A and in village B (another town), created through the API, the body
// each scoped write route takes, and who calls it (a town's account for the town's own powers).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { RouteSpec, ScopeResource } from '../../platform/http/route.ts';
import type { TestClient } from '../../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../../recruitment/domain/dates.ts';

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
] as const satisfies readonly ScopeResource[];

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

/** One record of each village kind in A and in B. */
export async function villageSamples(c: Context): Promise<Partial<Record<ScopeResource, Sample>>> {
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
  void db;
  return undefined;
}
