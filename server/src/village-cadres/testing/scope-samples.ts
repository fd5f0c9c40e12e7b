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

/** One record of each village kind in A and in B. */
export async function villageSamples(c: Context): Promise<Partial<Record<ScopeResource, Sample>>> {
  return {
    deliberation: { own: await matterIn(c.secretaryA, c.a), other: await matterIn(c.secretaryB, c.b) },
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
  void db;
  return undefined;
}
