// Demo terms (届) and committees for the grassroots orgs, and one member account per village
// (`member-<village code>`, linked to a full member of the village): deterministic from the seed and
// anchored on today, so that some elections are overdue, some due within 6 months and some
// committees have the wrong size — the checks then show findings. Called by the demo seed.
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import {
  COMMITTEE_THRESHOLD,
  ELECTING_KINDS,
  ELECTING_LEVELS,
  termYearsFor,
} from '../../org-checks/domain/org-rules.ts';
import type { CommitteePosition, OrgTermTable } from '../../org-checks/org-check-tables.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays, addYears, shanghaiToday } from '../../recruitment/domain/dates.ts';
import { createRng } from '../random.ts';

/** The village of the README's walkthrough (桥南社区): its election falls due within 6 months. */
export const DEMO_DUE_VILLAGE = '440704001015';
const PICK = 8;

export interface OrgTermsSeed {
  seed: number;
  passwordHash: string;
  today?: string;
}

export async function seedOrgTerms(tx: Transaction<DB> | Kysely<DB>, options: OrgTermsSeed) {
  const today = options.today ?? shanghaiToday();
  const rng = createRng(options.seed, 'org-terms');
  const orgs = await tx
    .selectFrom('org')
    .select(['id', 'code', 'path', 'kind', 'level', 'category', 'county_code'])
    .where('kind', 'in', ELECTING_KINDS)
    .where('level', 'in', ELECTING_LEVELS)
    .orderBy('id')
    .execute();
  // the first full members (by id) of each org's subtree, and their number
  const picked = await sql<{ org_id: number; member_id: number; name: string; n: number; rn: number }>`
    select * from (
      select o.id as org_id, m.id as member_id, m.name,
        count(*) over (partition by o.id) as n,
        row_number() over (partition by o.id order by m.id) as rn
      from org o
      join org mo on mo.path like o.path || '%'
      join member m on m.org_id = mo.id and m.status = 'full'
      where o.kind in (${sql.join(ELECTING_KINDS)}) and o.level in (${sql.join(ELECTING_LEVELS)})
    ) x where rn <= ${PICK}`.execute(tx);
  const byOrg = new Map<number, { id: number; name: string }[]>();
  const fullOf = new Map<number, number>();
  for (const r of picked.rows) {
    const id = Number(r.org_id);
    fullOf.set(id, Number(r.n));
    const list = byOrg.get(id) ?? [];
    list.push({ id: Number(r.member_id), name: r.name });
    byOrg.set(id, list);
  }
  const positionOf = (i: number): CommitteePosition =>
    i === 0 ? 'secretary' : i === 1 ? 'deputy_secretary' : 'member';
  const planned: { term: Insertable<OrgTermTable>; people: { id: number; name: string }[] }[] = [];
  for (const o of orgs) {
    const people = byOrg.get(Number(o.id)) ?? [];
    const full = fullOf.get(Number(o.id)) ?? 0;
    const years = termYearsFor(o);
    const r = rng.next();
    const wrong = rng.chance(0.1);
    if (full === 0) continue;
    const bucket = o.code === DEMO_DUE_VILLAGE ? 'due' : r < 0.12 ? 'overdue' : r < 0.27 ? 'due' : 'ok';
    const endIn =
      bucket === 'overdue'
        ? -rng.int(1, 500)
        : bucket === 'due'
          ? rng.int(20, 170)
          : rng.int(200, years * 365 - 30);
    const electedOn = addDays(addYears(today, -years), endIn);
    let size: number;
    if (full >= COMMITTEE_THRESHOLD) size = wrong ? 2 : rng.int(3, 5);
    else size = wrong && full >= 3 ? 3 : rng.int(1, 2);
    size = Math.min(size, people.length);
    planned.push({
      term: {
        org_id: o.id,
        county_code: o.county_code,
        elected_on: electedOn,
        term_years: years,
        note: '演示数据 / demo',
      },
      people: people.slice(0, size),
    });
  }
  for (let i = 0; i < planned.length; i += 1000) {
    const batch = planned.slice(i, i + 1000);
    const ids = await tx
      .insertInto('org_term')
      .values(batch.map((b) => b.term))
      .returning(['id', 'org_id'])
      .execute();
    const termOf = new Map(ids.map((r) => [Number(r.org_id), Number(r.id)]));
    const rows = batch.flatMap((b) =>
      b.people.map((p, k) => ({
        term_id: termOf.get(Number(b.term.org_id)) as number,
        seq: k + 1,
        member_id: p.id,
        name: p.name,
        position: positionOf(k),
      })),
    );
    if (rows.length) await tx.insertInto('org_committee_member').values(rows).execute();
  }

  // one member account per village: its last full member by id (usually not on the committee)
  const linked = await sql<{ n: number }>`
    with pick as (
      select distinct on (v.id) v.code, m.id as member_id, m.name, m.org_id
      from org v
      join org mo on mo.path like v.path || '%'
      join member m on m.org_id = mo.id and m.status = 'full'
      where v.level = 'village'
      order by v.id, m.id desc
    ), acc as (
      insert into account (username, display_name, password_hash, role, scope_org_id, must_change_password)
      select 'member-' || code, name, ${options.passwordHash}, 'member', org_id, false from pick
      returning id, username
    ), link as (
      insert into member_account (account_id, member_id)
      select acc.id, pick.member_id from acc join pick on acc.username = 'member-' || pick.code
      returning account_id
    )
    select count(*) as n from link`.execute(tx);
  const accounts = Number(linked.rows[0]?.n ?? 0);
  return { terms: planned.length, accounts };
}
