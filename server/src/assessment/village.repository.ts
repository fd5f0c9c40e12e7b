// The villages (村 and 社区 party organizations) an assessment covers, with their town, county, kind of
// division, category and secretary. Who a village's secretary is comes from ONE read function,
// villageSecretaries: the village cadres' posts where they are recorded (issue 14's secretaryTenure),
// else the current term's committee (org-checks, 0012_org_terms).
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { secretaryTenure } from '../village-cadres/village-indicators.ts';

export interface VillageRef {
  id: number;
  code: string;
  name: string;
  shortName: string;
  path: string;
  townId: number;
  countyCode: string;
  /** 'community' (社区) or 'village' (村) */
  divisionKind: 'community' | 'village';
  /** the classified category, or null */
  category: string | null;
  /** the org's first day in the records (founding date, else when it was registered) */
  since: string;
}

/** Village-level orgs under `basePath` inside the actor's scope, in code order. */
export async function villagesUnder(db: Kysely<DB>, actor: Actor, basePath: string): Promise<VillageRef[]> {
  const rows = await scoped
    .orgs(db, actor)
    .leftJoin('division', 'division.code', 'org.division_code')
    .leftJoin('village_category', 'village_category.org_id', 'org.id')
    .where('org.path', 'like', `${basePath}%`)
    .where('org.level', '=', 'village')
    .select([
      'org.id',
      'org.code',
      'org.name',
      'org.short_name',
      'org.path',
      'org.parent_id',
      'org.county_code',
      'division.kind as division_kind',
      'village_category.category',
      sql<string>`coalesce(org.founded_on, (org.created_at at time zone 'Asia/Shanghai')::date)::text`.as(
        'since',
      ),
    ])
    .orderBy('org.code')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    path: r.path,
    townId: Number(r.parent_id),
    countyCode: r.county_code ?? r.code.slice(0, 6),
    divisionKind: r.division_kind === 'community' ? 'community' : 'village',
    category: r.category,
    since: r.since,
  }));
}

export interface VillageSecretary {
  memberId: number | null;
  name: string | null;
  /** in office since (the election that made them secretary) */
  since: string | null;
  /** the post has been vacant since (null: a secretary is in office) */
  vacantSince: string | null;
}

/**
 * The secretary of each village (ids already verified inside the scope, under `basePath`) on `asOf`.
 * Where the village's cadres are recorded (issue 14: village-cadres' secretaryTenure, from the posts
 * that 换届 writes), the party secretary holding the post that day, or since when it has been vacant.
 * Otherwise the secretary of the village org's latest term (org-checks); no term, or a term without a
 * secretary, is a vacant post — since that election, or since the org's first day in the records.
 */
export async function villageSecretaries(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  villages: readonly Pick<VillageRef, 'id' | 'since'>[],
  asOf: string = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
): Promise<Map<number, VillageSecretary>> {
  const out = new Map<number, VillageSecretary>();
  if (villages.length === 0) return out;
  const ids = villages.map((v) => v.id);
  const [terms, tenure] = await Promise.all([
    db
      .selectFrom('org_term as t')
      .select(['t.org_id', 't.elected_on'])
      .select((eb) =>
        eb
          .selectFrom('org_committee_member as c')
          .select(sql<string>`coalesce(c.member_id::text, '') || ':' || c.name`.as('who'))
          .whereRef('c.term_id', '=', 't.id')
          .where('c.position', '=', 'secretary')
          .orderBy('c.seq')
          .limit(1)
          .as('secretary'),
      )
      .distinctOn('t.org_id')
      .where('t.org_id', '=', sql<number>`any(${ids}::bigint[])`)
      .orderBy('t.org_id')
      .orderBy('t.elected_on', 'desc')
      .orderBy('t.id', 'desc')
      .execute(),
    actor.permissions.has('village:read') ? secretaryTenure(db, actor, { basePath, on: asOf }) : new Map(),
  ]);
  const latest = new Map(terms.map((r) => [Number(r.org_id), r]));
  for (const v of villages) {
    const cadre = tenure.get(v.id);
    if (cadre?.secretary) {
      out.set(v.id, {
        memberId: cadre.secretary.memberId,
        name: cadre.secretary.name,
        since: cadre.secretary.since,
        vacantSince: null,
      });
      continue;
    }
    if (cadre?.vacantSince) {
      out.set(v.id, { memberId: null, name: null, since: null, vacantSince: cadre.vacantSince });
      continue;
    }
    const term = latest.get(v.id);
    const who = term?.secretary ?? null;
    if (term && who) {
      const at = who.indexOf(':');
      out.set(v.id, {
        memberId: Number(who.slice(0, at)) || null,
        name: who.slice(at + 1),
        since: term.elected_on,
        vacantSince: null,
      });
    } else
      out.set(v.id, { memberId: null, name: null, since: null, vacantSince: term?.elected_on ?? v.since });
  }
  return out;
}

/** Sets villages' categories (ids already verified inside the scope). */
export async function saveCategories(
  db: Kysely<DB>,
  items: readonly { orgId: number; countyCode: string; category: string }[],
  accountId: number,
) {
  for (const i of items)
    await db
      .insertInto('village_category')
      .values({ org_id: i.orgId, county_code: i.countyCode, category: i.category, set_by: accountId })
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({ category: i.category, set_by: accountId, set_at: new Date() }),
      )
      .execute();
}
