// Organization checks' SQL: the checked orgs of a subtree with their figures (from scoped.orgs; each
// org's subtree members and full members from org_member_stat, its current term and committee sizes),
// an org's terms and committee, the members an election may name (scoped.members), and the writes of
// an election inside the caller's transaction.
import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import { BRANCH_KINDS, ELECTING_KINDS, ELECTING_LEVELS } from './domain/org-rules.ts';
import type { CommitteePosition } from './org-check-tables.ts';

/** Org search as in the org list: digits → code prefix, latin letters → pinyin initials, else name. */
function orgSearch(text: string | undefined) {
  const q = text?.trim();
  return <Q extends SelectQueryBuilder<DB, 'org', object>>(query: Q): Q => {
    if (!q) return query;
    if (/^\d+$/.test(q)) return query.where('org.code', 'like', `${escapeLike(q)}%`) as Q;
    if (/^[a-z]+$/i.test(q))
      return query.where('org.pinyin_initials', 'like', `%${escapeLike(q.toLowerCase())}%`) as Q;
    return query.where('org.name', 'like', `%${escapeLike(q)}%`) as Q;
  };
}

/** The checked orgs under basePath inside the actor's scope, by path, with their figures' columns. */
export function orgFactRows(db: Kysely<DB>, actor: Actor, basePath: string, q?: string) {
  return scoped
    .orgs(db, actor)
    .where('org.path', 'like', `${basePath}%`)
    .$call(orgSearch(q))
    .where((eb) =>
      eb.or([
        eb('org.kind', 'in', BRANCH_KINDS),
        eb.and([eb('org.kind', 'in', ELECTING_KINDS), eb('org.level', 'in', ELECTING_LEVELS)]),
      ]),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('org_term')
          .select(['org_term.id', 'org_term.elected_on', 'org_term.term_years'])
          .whereRef('org_term.org_id', '=', 'org.id')
          .orderBy('org_term.elected_on', 'desc')
          .orderBy('org_term.id', 'desc')
          .limit(1)
          .as('t'),
      (join) => join.onTrue(),
    )
    .select([
      'org.id',
      'org.code',
      'org.name',
      'org.short_name',
      'org.kind',
      'org.level',
      'org.category',
      'org.path',
      't.id as term_id',
      't.elected_on',
      't.term_years',
    ])
    .leftJoin(
      // members and full members of every org's subtree: each org's own counts (org_member_stat,
      // kept by the member writes, 0016) added to all the orgs on its path — a pass over the base's
      // orgs, never over its members
      sql<{ org_id: number; members: number; full_members: number }>`(
        select a.id::bigint as org_id, sum(c.members) as members, sum(c.full_members) as full_members
        from org_member_stat c
        join org co on co.id = c.org_id
        cross join lateral unnest(string_to_array(trim(both '/' from co.path), '/')) as a(id)
        where co.path like ${`${basePath}%`}
        group by a.id
      )`.as('mc'),
      (join) => join.onRef('mc.org_id', '=', 'org.id'),
    )
    .select([
      sql<number>`coalesce(mc.members, 0)`.as('members'),
      sql<number>`coalesce(mc.full_members, 0)`.as('full_members'),
      sql<number>`(select count(*) from org_committee_member c where c.term_id = t.id and c.position = 'secretary')`.as(
        'secretaries',
      ),
      sql<number>`(select count(*) from org_committee_member c where c.term_id = t.id and c.position = 'deputy_secretary')`.as(
        'deputies',
      ),
      sql<number>`(select count(*) from org_committee_member c where c.term_id = t.id and c.position = 'member')`.as(
        'others',
      ),
    ])
    .orderBy('org.path')
    .execute();
}

/** An org's terms, latest first. */
export function termsOf(db: Kysely<DB>, orgId: number) {
  return db
    .selectFrom('org_term')
    .select(['id', 'elected_on', 'term_years', 'note', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('elected_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A term's committee in its order. */
export function committeeOf(db: Kysely<DB>, termId: number) {
  return db
    .selectFrom('org_committee_member')
    .select(['seq', 'member_id', 'name', 'position'])
    .where('term_id', '=', termId)
    .orderBy('seq')
    .execute();
}

/** Of the given members, those inside the actor's scope and under the org's path. */
export function membersUnder(db: Kysely<DB>, actor: Actor, ids: number[], orgPath: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return scoped
    .members(db, actor)
    .select(['member.id', 'member.name', 'member.status'])
    .where('member.id', 'in', ids)
    .where('member_org.path', 'like', `${orgPath}%`)
    .execute();
}

export interface TermValues {
  org_id: number;
  county_code: string | null;
  elected_on: string;
  term_years: number;
  note: string;
  recorded_by_org_id: number;
  recorded_by: number;
}

/** A new term and its committee (in the order given). */
export async function insertTerm(
  trx: Transaction<DB>,
  values: TermValues,
  committee: { member_id: number; name: string; position: CommitteePosition }[],
): Promise<number> {
  const term = await trx.insertInto('org_term').values(values).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('org_committee_member')
    .values(committee.map((c, i) => ({ term_id: term.id, seq: i + 1, ...c })))
    .execute();
  return Number(term.id);
}
