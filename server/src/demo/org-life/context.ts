// What every organizational-life generator of the demo starts from, kept in temporary tables for the
// set-based inserts (one INSERT … SELECT per kind of record: ~100,000s of rows in seconds on PGlite):
// the orgs that hold organizational life with their figures, and each member with the org whose
// meetings they attend. "Random" choices in SQL come from hashint8 over ids and the demo seed, so the
// data is the same for one seed and one day.
import { type Kysely, sql, type Transaction } from 'kysely';
import { holdsOrgLife } from '../../meetings/meeting-common.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays, addMonths } from '../../recruitment/domain/dates.ts';

export type Tx = Transaction<DB> | Kysely<DB>;

export interface OrgLifeOptions {
  seed: number;
  /** the seeding day in Asia/Shanghai (YYYY-MM-DD): everything happens on or before it */
  today: string;
}

/** A deterministic number in [0, n) from SQL expressions and the seed: the demo's dice in SQL. */
export const dice = (seed: number, n: number, ...parts: ReturnType<typeof sql>[]) =>
  sql<number>`(abs(hashint8((${sql.join(
    parts.map((p) => sql`(${p})::bigint`),
    sql` * 7919 + `,
  )}) * 104729 + ${seed}::bigint)) % ${n})::int`;

export interface OrgLifeContext extends OrgLifeOptions {
  /** the first day of the twelve months shown (today − 12 months + 1 day) */
  since: string;
  /** org-life orgs and members, in temp tables demo_life_org and demo_life_member */
  orgs: number;
  members: number;
}

/**
 * demo_life_org: every org holding organizational life (branches and village orgs) with its members'
 * figures, whether it has a committee (≥ 7 full members), groups under it, and whether it is one of
 * the ~15 % that fall behind somewhere ("lax"). demo_life_member: each member with the org whose
 * meetings they attend (their branch, or the village org above a 党小组) and whether they are away
 * (working elsewhere: on leave from meetings, some with dues in arrears).
 */
export async function prepareContext(tx: Tx, options: OrgLifeOptions): Promise<OrgLifeContext> {
  const { seed } = options;
  await sql`drop table if exists demo_life_member`.execute(tx);
  await sql`drop table if exists demo_life_org`.execute(tx);
  await sql`create temp table demo_life_member as
    select m.id as member_id, m.county_code, m.status, m.joined_on, m.occupation,
      case when o.kind = 'group' and o.level = 'grid' then o.parent_id else o.id end as life_org_id,
      ${dice(seed, 1000, sql`m.id`, sql`11`)} < 25 as away
    from member m join org o on o.id = m.org_id`.execute(tx);
  await sql`create index demo_life_member_org on demo_life_member (life_org_id)`.execute(tx);
  const lifeOrgs = tx
    .selectFrom('org')
    .select(['org.id', 'org.path', 'org.county_code', 'org.level', 'org.kind', 'org.code', 'org.name'])
    .where(holdsOrgLife);
  // full members of each org's subtree: every member org's count added to each of its ancestors
  await sql`create temp table demo_life_org as
    with fm as (
      select o.path, count(*) as n from member m join org o on o.id = m.org_id
      where m.status = 'full' group by o.path
    ), anc as (
      select a::bigint as org_id, sum(fm.n) as n
      from fm, unnest(string_to_array(trim(both '/' from fm.path), '/')) a group by a
    ), direct as (select life_org_id, count(*) as n from demo_life_member group by life_org_id),
    grouped as (select distinct parent_id from org where kind = 'group'),
    secretary as (
      select distinct on (t.org_id) t.org_id, c.name from org_term t
      join org_committee_member c on c.term_id = t.id and c.position = 'secretary'
      order by t.org_id, t.elected_on desc, t.id desc
    )
    select o.id, o.path, o.county_code, o.level, o.kind, o.code, o.name,
      coalesce(direct.n, 0)::int as members,
      coalesce(anc.n, 0)::int as full_members,
      grouped.parent_id is not null as has_groups,
      ${dice(seed, 100, sql`o.id`, sql`3`)} < 15 as lax,
      a.id as account_id,
      coalesce(secretary.name, '') as host
    from (${lifeOrgs}) o
    left join anc on anc.org_id = o.id
    left join direct on direct.life_org_id = o.id
    left join grouped on grouped.parent_id = o.id
    left join secretary on secretary.org_id = o.id
    left join account a on a.username = o.code`.execute(tx);
  await sql`create index demo_life_org_id on demo_life_org (id)`.execute(tx);
  const [counts] = (
    await sql<{ orgs: number; members: number }>`select
      (select count(*) from demo_life_org)::int as orgs, (select count(*) from demo_life_member)::int as members`.execute(
      tx,
    )
  ).rows;
  return {
    ...options,
    since: addDays(addMonths(options.today, -12), 1),
    orgs: counts?.orgs ?? 0,
    members: counts?.members ?? 0,
  };
}

export async function dropContext(tx: Tx): Promise<void> {
  await sql`drop table if exists demo_life_member`.execute(tx);
  await sql`drop table if exists demo_life_org`.execute(tx);
}

/** 'YYYY-MM' of a date, and the months from the one of `from` to the one of `to`. */
export const monthOfDate = (date: string) => date.slice(0, 7);
export function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m.slice(0, 7) <= to.slice(0, 7); m = addMonths(m, 1))
    out.push(m.slice(0, 7));
  return out;
}
