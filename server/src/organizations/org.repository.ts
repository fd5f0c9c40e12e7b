// SQL of the organizations capability. Every query starts from the access layer (scoped.orgs).
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { cappedCount, estimatedCount } from '../platform/db/bounded-count.ts';
import { escapeLike } from '../platform/db/like.ts';
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

export function searchOrgs(db: Kysely<DB>, actor: Actor, q: string, limit: number) {
  let query = withChildCount(db, actor);
  if (/^\d+$/.test(q)) {
    query = query.where('org.code', 'like', `${escapeLike(q)}%`);
  } else if (/^[a-z]+$/i.test(q)) {
    const pattern = escapeLike(q.toLowerCase());
    query = query.where((eb) =>
      eb.or([
        eb('org.pinyin_initials', 'like', `${pattern}%`),
        eb('org.pinyin_initials', 'like', `%${pattern}%`),
      ]),
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

export interface OrgListFilter {
  q?: string | undefined;
  kind?: string | undefined;
  level?: string | undefined;
  category?: string | undefined;
  sort: 'code' | 'name' | 'memberCount';
  order: 'asc' | 'desc';
}

const ORG_SORT = { code: 'org.code', name: 'org.name', memberCount: 'org.member_count' } as const;

function listFiltered(db: Kysely<DB>, actor: Actor, f: OrgListFilter) {
  let q = scoped.orgs(db, actor);
  if (f.kind) q = q.where('org.kind', '=', f.kind as never);
  if (f.level) q = q.where('org.level', '=', f.level as never);
  if (f.category) q = q.where('org.category', '=', f.category as never);
  const text = f.q?.trim();
  if (text) {
    if (/^\d+$/.test(text)) q = q.where('org.code', 'like', `${escapeLike(text)}%`);
    else if (/^[a-z]+$/i.test(text))
      q = q.where('org.pinyin_initials', 'like', `%${escapeLike(text.toLowerCase())}%`);
    else q = q.where('org.name', 'like', `%${escapeLike(text)}%`);
  }
  return q;
}

/** Where the previous page stopped: its last row's sort key and id (keyset paging). */
export interface OrgAfter {
  key: string;
  id: number;
}

/**
 * Every org of the subtree, filtered, sorted and paged on the server: a walk of the (sort key, id)
 * index (0056) from where the previous page stopped (keyset), or from `offset` for a page asked by number.
 */
export function listOrgs(
  db: Kysely<DB>,
  actor: Actor,
  f: OrgListFilter,
  limit: number,
  offset: number,
  after?: OrgAfter,
) {
  const column = ORG_SORT[f.sort];
  let q = listFiltered(db, actor, f);
  if (after) {
    const op = sql.raw(f.order === 'asc' ? '>' : '<');
    const key = f.sort === 'memberCount' ? sql`${after.key}::bigint` : sql`${after.key}::text`;
    q = q.where(sql<boolean>`(${sql.ref(column)}, org.id) ${op} (${key}, ${after.id}::bigint)`);
  }
  return (
    q
      .select(nodeColumns)
      .select(sql<number>`0`.as('child_count'))
      .select(sql<string>`${sql.ref(column)}::text`.as('sort_key'))
      .orderBy(column, f.order)
      // the tie-break follows the same direction, so one index scan (forward or backward) gives the order
      .orderBy('org.id', f.order)
      .limit(limit)
      .offset(offset)
      .execute()
  );
}

/** The matches, read at most `cap` + 1 far, along the list's own index (as its first page walks). */
export function countOrgs(db: Kysely<DB>, actor: Actor, f: OrgListFilter, cap: number): Promise<number> {
  // ordered by the sort key alone: a walk of its index (0056, or the unique code's), never a sort
  return cappedCount(db, listFiltered(db, actor, f).orderBy(ORG_SORT[f.sort], f.order), cap);
}

/** The planner's estimate of the matches (past the count cap). */
export function estimateOrgs(db: Kysely<DB>, actor: Actor, f: OrgListFilter): Promise<number> {
  return estimatedCount(db, listFiltered(db, actor, f));
}
