// SQL of the member register (the parts the foundation needs: list, reveal, export).
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Kysely<DB>, actor: Actor, f: MemberFilter) {
  let q = scoped.members(db, actor).where('member_org.path', 'like', `${f.orgPath}%`);
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

export function listMembers(db: Kysely<DB>, actor: Actor, f: MemberFilter, limit: number, offset: number) {
  return (
    filtered(db, actor, f)
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
        'member.education',
        'member.occupation',
      ])
      .orderBy(SORT_COLUMN[f.sort], f.order)
      // the tie-break follows the same direction, so one index scan (forward or backward) gives the order
      .orderBy('member.id', f.order)
      .limit(limit)
      .offset(offset)
      .execute()
  );
}

export async function countMembers(db: Kysely<DB>, actor: Actor, f: MemberFilter): Promise<number> {
  const row = await filtered(db, actor, f)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
