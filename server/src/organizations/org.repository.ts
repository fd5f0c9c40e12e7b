// SQL of the organizations capability. Every query starts from the access layer (scoped.orgs).
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

const nodeColumns = [
  'org.id',
  'org.parent_id',
  'org.code',
  'org.name',
  'org.short_name',
  'org.kind',
  'org.level',
  'org.category',
  'org.member_count',
  'org.grid_count',
  'org.household_count',
  'org.path',
  'org.depth',
] as const;

function withChildCount(db: Kysely<DB>, actor: Actor) {
  return scoped
    .orgs(db, actor)
    .select(nodeColumns)
    .select((eb) =>
      eb
        .selectFrom('org as child')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('child.parent_id', '=', 'org.id')
        .as('child_count'),
    );
}

export function findChildren(db: Kysely<DB>, actor: Actor, parentId: number) {
  return withChildCount(db, actor)
    .where('org.parent_id', '=', parentId)
    .orderBy('org.sort_order')
    .orderBy('org.code')
    .execute();
}

export function findNode(db: Kysely<DB>, actor: Actor, id: number) {
  return withChildCount(db, actor).where('org.id', '=', id).executeTakeFirst();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchOrgs(db: Kysely<DB>, actor: Actor, q: string, limit: number) {
  let query = withChildCount(db, actor);
  if (/^\d+$/.test(q)) {
    query = query.where('org.code', 'like', `${escapeLike(q)}%`);
  } else if (/^[a-z]+$/i.test(q)) {
    const pattern = escapeLike(q.toLowerCase());
    query = query.where((eb) =>
      eb.or([eb('org.pinyin_initials', 'like', `${pattern}%`), eb('org.pinyin_initials', 'like', `%${pattern}%`)]),
    );
  } else {
    query = query.where('org.name', 'like', `%${escapeLike(q)}%`);
  }
  return query.orderBy('org.depth').orderBy('org.sort_order').orderBy('org.code').limit(limit).execute();
}

/** Names of the given org ids that lie inside the actor's scope. */
export async function namesOf(db: Kysely<DB>, actor: Actor, ids: number[]) {
  if (ids.length === 0) return new Map<number, { id: number; code: string; name: string }>();
  const rows = await scoped
    .orgs(db, actor)
    .select(['org.id', 'org.code', 'org.name'])
    .where('org.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export function childKinds(db: Kysely<DB>, actor: Actor, parentId: number) {
  return scoped
    .orgs(db, actor)
    .select(['org.kind', sql<number>`count(*)::int`.as('n')])
    .where('org.parent_id', '=', parentId)
    .groupBy('org.kind')
    .execute();
}
