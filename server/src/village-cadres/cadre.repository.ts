// The SQL of village cadres, representatives and the register. Lists start from the access layer's
// scoped queries; one village's rows are read after the village was verified inside the scope.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { CadrePostKind, Committee, GroupRole } from './cadre-tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Villages under the base with their heads, term, representatives and reserves (one page). */
export async function villageRows(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  q: string | undefined,
  page: number,
  pageSize: number,
) {
  let base = scoped
    .orgs(db, actor)
    .where('org.path', 'like', `${basePath}%`)
    .where('org.level', '=', 'village')
    .where('org.category', '=', 'territorial');
  const text = q?.trim();
  if (text)
    base = /^\d+$/.test(text)
      ? base.where('org.code', 'like', `${escapeLike(text)}%`)
      : base.where('org.short_name', 'like', `%${escapeLike(text)}%`);
  const holder = (post: string) =>
    sql<
      string | null
    >`(select c.name from cadre_post p join village_cadre c on c.id = p.cadre_id where p.org_id = org.id and p.post = ${post} and p.ended_on is null order by p.term_start desc limit 1)`;
  const [rows, count] = await Promise.all([
    base
      .innerJoin('org as town', 'town.id', 'org.parent_id')
      .select([
        'org.id',
        'org.code',
        'org.short_name',
        'town.short_name as town_name',
        holder('party_secretary').as('secretary'),
        holder('director').as('director'),
        sql<boolean>`exists (select 1 from cadre_post a join cadre_post b on a.cadre_id = b.cadre_id
          where a.org_id = org.id and a.post = 'party_secretary' and b.post = 'director' and a.ended_on is null and b.ended_on is null)`.as(
          'one_shoulder',
        ),
        sql<
          string | null
        >`(select t.elected_on from org_term t where t.org_id = org.id order by t.elected_on desc, t.id desc limit 1)`.as(
          'elected_on',
        ),
        sql<number>`(select count(*) from reserve_cadre r where r.org_id = org.id and r.status = 'active')`.as(
          'reserves',
        ),
        sql<number>`(select count(*) from village_representative r where r.org_id = org.id and r.ended_on is null)`.as(
          'representatives',
        ),
        sql<number>`(select count(*) from village_representative r where r.org_id = org.id and r.ended_on is null and r.gender = 'female')`.as(
          'women',
        ),
      ])
      .orderBy('org.path')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function currentPosts(db: Db, villageId: number) {
  return db
    .selectFrom('cadre_post')
    .innerJoin('village_cadre', 'village_cadre.id', 'cadre_post.cadre_id')
    .select([
      'cadre_post.id as post_id',
      'cadre_post.committee',
      'cadre_post.post',
      'cadre_post.term_start',
      'cadre_post.term_end',
      'cadre_post.election_id',
      'village_cadre.id',
      'village_cadre.name',
      'village_cadre.gender',
      'village_cadre.birth_date',
      'village_cadre.education',
      'village_cadre.party_member',
      'village_cadre.member_id',
    ])
    .where('cadre_post.org_id', '=', villageId)
    .where('cadre_post.ended_on', 'is', null)
    .orderBy('cadre_post.committee')
    .orderBy('cadre_post.id')
    .execute();
}

export function latestTerm(db: Db, villageId: number) {
  return db
    .selectFrom('org_term')
    .select(['elected_on', 'term_years'])
    .where('org_id', '=', villageId)
    .orderBy('elected_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function lastSecretaryEnd(db: Db, villageId: number) {
  return db
    .selectFrom('cadre_post')
    .select('ended_on')
    .where('org_id', '=', villageId)
    .where('post', '=', 'party_secretary')
    .where('ended_on', 'is not', null)
    .orderBy('ended_on', 'desc')
    .executeTakeFirst();
}

export function representativesOf(db: Db, villageId: number) {
  return db
    .selectFrom('village_representative')
    .leftJoin('grid', 'grid.id', 'village_representative.grid_id')
    .select([
      'village_representative.id',
      'village_representative.name',
      'village_representative.gender',
      'village_representative.group_role',
      'village_representative.grid_id',
      'grid.name as grid_name',
      'village_representative.term_start',
      'village_representative.term_end',
    ])
    .where('village_representative.org_id', '=', villageId)
    .where('village_representative.ended_on', 'is', null)
    .orderBy('village_representative.grid_id')
    .orderBy('village_representative.id')
    .execute();
}

export function registerOf(db: Db, villageId: number) {
  return db
    .selectFrom('village_register')
    .leftJoin('grid', 'grid.id', 'village_register.grid_id')
    .select([
      'village_register.grid_id',
      'grid.name as grid_name',
      'village_register.adults',
      'village_register.households',
      'village_register.as_of',
    ])
    .where('village_register.org_id', '=', villageId)
    .orderBy(sql`village_register.grid_id nulls first`)
    .execute();
}

export function activeReserves(db: Db, villageId: number) {
  return db
    .selectFrom('reserve_cadre')
    .select(db.fn.countAll<number>().as('n'))
    .where('org_id', '=', villageId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
}

export async function findCadre(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: 'village:read' | 'village:supervise' = 'village:read',
) {
  const row = await scoped
    .villageCadres(db as Kysely<DB>, actor, permission)
    .select(['village_cadre.id', 'village_cadre.org_id', 'village_cadre.county_code', 'village_cadre.name'])
    .where('village_cadre.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('village_cadre', unverifiedId);
  return row;
}

export async function findRepresentative(db: Db, actor: Actor, unverifiedId: number) {
  const row = await scoped
    .villageRepresentatives(db as Kysely<DB>, actor, 'village:manage')
    .select([
      'village_representative.id',
      'village_representative.org_id',
      'village_representative.county_code',
      'village_representative.ended_on',
    ])
    .where('village_representative.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('village_representative', unverifiedId);
  return row;
}

export async function insertCadre(
  trx: Transaction<DB>,
  v: {
    org_id: number;
    county_code: string;
    name: string;
    gender: 'male' | 'female';
    birth_date: string | null;
    education: string;
    member_id: number | null;
    party_member: boolean;
  },
) {
  const row = await trx.insertInto('village_cadre').values(v).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertPost(
  trx: Transaction<DB>,
  v: {
    cadre_id: number;
    org_id: number;
    county_code: string;
    committee: Committee;
    post: CadrePostKind;
    term_start: string;
    term_end: string;
    election_id: number | null;
  },
) {
  await trx.insertInto('cadre_post').values(v).execute();
}

/** Ends the open posts of a cadre (one post, or all), answers how many. */
export async function endPosts(
  trx: Transaction<DB>,
  cadreId: number,
  post: CadrePostKind | null,
  on: string,
  reason: string,
) {
  let q = trx
    .updateTable('cadre_post')
    .set({ ended_on: on, end_reason: reason })
    .where('cadre_id', '=', cadreId)
    .where('ended_on', 'is', null);
  if (post) q = q.where('post', '=', post);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Ends every open post of the village's committees (a new election replaces them). */
export async function endVillagePosts(trx: Transaction<DB>, villageId: number, on: string, reason: string) {
  await trx
    .updateTable('cadre_post')
    .set({ ended_on: on, end_reason: reason })
    .where('org_id', '=', villageId)
    .where('ended_on', 'is', null)
    .execute();
}

export function openPostsOf(db: Db, villageId: number, post: CadrePostKind) {
  return db
    .selectFrom('cadre_post')
    .select(['id', 'cadre_id'])
    .where('org_id', '=', villageId)
    .where('post', '=', post)
    .where('ended_on', 'is', null)
    .execute();
}

export function memberOfVillage(db: Db, villagePath: string, memberId: number) {
  return db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select([
      'member.id',
      'member.name',
      'member.gender',
      'member.birth_date',
      'member.education',
      'member.status',
    ])
    .where('member.id', '=', memberId)
    .where('org.path', 'like', `${villagePath}%`)
    .executeTakeFirst();
}

export async function insertRepresentative(
  trx: Transaction<DB>,
  v: {
    org_id: number;
    grid_id: number | null;
    county_code: string;
    name: string;
    gender: 'male' | 'female';
    group_role: GroupRole;
    term_start: string;
    term_end: string;
  },
) {
  const row = await trx
    .insertInto('village_representative')
    .values(v)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function endRepresentative(trx: Transaction<DB>, id: number, on: string) {
  await trx.updateTable('village_representative').set({ ended_on: on }).where('id', '=', id).execute();
}

export async function upsertRegister(
  trx: Transaction<DB>,
  v: {
    org_id: number;
    grid_id: number | null;
    county_code: string;
    adults: number;
    households: number;
    as_of: string;
  },
) {
  const existing = await trx
    .selectFrom('village_register')
    .select('id')
    .where('org_id', '=', v.org_id)
    .where(sql<number>`coalesce(grid_id, 0)`, '=', v.grid_id ?? 0)
    .executeTakeFirst();
  if (existing)
    await trx
      .updateTable('village_register')
      .set({ adults: v.adults, households: v.households, as_of: v.as_of })
      .where('id', '=', existing.id)
      .execute();
  else await trx.insertInto('village_register').values(v).execute();
}

export function gridOfVillage(db: Db, villageId: number, gridId: number) {
  return db
    .selectFrom('grid')
    .select(['id', 'name'])
    .where('id', '=', gridId)
    .where('village_org_id', '=', villageId)
    .executeTakeFirst();
}

/** Current posts of every village under the base (for the export). */
export function postsUnder(db: Kysely<DB>, actor: Actor, basePath: string, limit: number) {
  return scoped
    .villageCadres(db, actor)
    .innerJoin('cadre_post', 'cadre_post.cadre_id', 'village_cadre.id')
    .innerJoin('org as town_org', 'town_org.id', 'village_org.parent_id')
    .select([
      'town_org.name as town_name',
      'village_org.name as org_name',
      'village_cadre.name',
      'village_cadre.gender',
      'village_cadre.birth_date',
      'village_cadre.education',
      'village_cadre.party_member',
      'cadre_post.post',
      'cadre_post.term_start',
      'cadre_post.term_end',
    ])
    .where('village_org.path', 'like', `${basePath}%`)
    .where('cadre_post.ended_on', 'is', null)
    .orderBy('village_org.path')
    .orderBy('cadre_post.committee')
    .orderBy('cadre_post.id')
    .limit(limit)
    .execute();
}
