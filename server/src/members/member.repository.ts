// SQL of the member register (the parts the foundation needs: list, reveal, export). A page is an
// ordered walk of a (county_code | —, sort key, id) index from where the previous page stopped
// (keyset); counts come from the per-org counts (0016) or stop at a cap.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, subtreePattern } from '../platform/access/scope.ts';
import { cappedCount, estimatedCount } from '../platform/db/bounded-count.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';

export interface MemberFilter {
  orgPath: string;
  /** The county of the listed org (null above the counties): lets the (county_code, sort) indexes serve. */
  countyCode?: string | null | undefined;
  q?: string | undefined;
  status?: 'full' | 'probationary' | undefined;
  sort: 'name' | 'joinedOn' | 'birthDate';
  order: 'asc' | 'desc';
}

function filtered(db: Kysely<DB>, actor: Actor, f: MemberFilter) {
  let q = scoped.members(db, actor);
  // the listed org below the scope's root narrows it; the root itself would repeat the scope's own
  // `path like`, and the planner multiplies the two selectivities: it then expects 17 orgs of a
  // county's 235, joins every member and sorts them (39 ms at 200,000 members) instead of walking
  // the county's name index and stopping after one page (4 ms)
  if (`${f.orgPath}%` !== subtreePattern(actor)) q = q.where('member_org.path', 'like', `${f.orgPath}%`);
  // redundant with the path (a member's county is its org's), but it lets the planner walk the
  // (county_code, name | joined_on | birth_date, id) index in order and stop after one page
  if (f.countyCode) q = q.where('member.county_code', '=', f.countyCode);
  if (f.status) q = q.where('member.status', '=', f.status);
  const text = f.q?.trim();
  if (text) {
    q = /^[a-z]+$/i.test(text)
      ? q.where('member.pinyin_initials', 'like', `${escapeLike(text.toLowerCase())}%`)
      : q.where('member.name', 'like', `%${escapeLike(text)}%`);
  }
  return q;
}

const SORT_COLUMN = {
  name: 'member.name',
  joinedOn: 'member.joined_on',
  birthDate: 'member.birth_date',
} as const;

/** Where the previous page stopped: its last row's sort key and id (keyset paging). */
export interface MemberAfter {
  key: string;
  id: number;
}

export function listMembers(
  db: Kysely<DB>,
  actor: Actor,
  f: MemberFilter,
  limit: number,
  offset: number,
  after?: MemberAfter,
) {
  const column = SORT_COLUMN[f.sort];
  let q = filtered(db, actor, f);
  if (after) {
    const op = sql.raw(f.order === 'asc' ? '>' : '<');
    const key = f.sort === 'name' ? sql`${after.key}::text` : sql`${after.key}::date`;
    q = q.where(sql<boolean>`(${sql.ref(column)}, member.id) ${op} (${key}, ${after.id}::bigint)`);
  }
  return (
    q
      .select([
        'member.id',
        'member.name',
        'member.gender',
        'member.birth_date',
        'member.id_number_masked',
        'member.phone_masked',
        'member.status',
        'member.joined_on',
        'member.org_id',
        'member_org.name as org_name',
        'member_org.path as org_path',
        'member.education',
        'member.occupation',
        sql<string>`${sql.ref(column)}::text`.as('sort_key'),
      ])
      .orderBy(column, f.order)
      // the tie-break follows the same direction, so one index scan (forward or backward) gives the order
      .orderBy('member.id', f.order)
      .limit(limit)
      .offset(offset)
      .execute()
  );
}

/** The matches, read at most `cap` + 1 far. */
export function countMembers(db: Kysely<DB>, actor: Actor, f: MemberFilter, cap: number): Promise<number> {
  return cappedCount(db, filtered(db, actor, f), cap);
}

/** Members and full members of a subtree, from the per-org counts (0016): org rows, never members. */
export async function subtreeCounts(db: Kysely<DB>, actor: Actor, orgPath: string) {
  const row = await scoped
    .orgs(db, actor)
    .innerJoin('org_member_stat as s', 's.org_id', 'org.id')
    .where('org.path', 'like', `${orgPath}%`)
    .select([
      sql<number>`coalesce(sum(s.members), 0)::int`.as('members'),
      sql<number>`coalesce(sum(s.full_members), 0)::int`.as('full_members'),
    ])
    .executeTakeFirstOrThrow();
  return { members: row.members, fullMembers: row.full_members };
}

/** The planner's estimate of the matches (shown as "约 N" past the count cap). */
export function estimateMembers(db: Kysely<DB>, actor: Actor, f: MemberFilter): Promise<number> {
  return estimatedCount(db, filtered(db, actor, f));
}
