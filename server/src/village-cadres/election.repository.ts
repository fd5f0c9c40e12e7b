// The SQL of 换届: a county's rounds (the election calendar), each village's election, its
// candidates and the departments' verdicts (联审), and the results written into the cadres' terms
// and the village party organization's term (which the org checks read).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { CadrePostKind } from './cadre-tables.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Perm = 'village:read' | 'village:supervise';

export function roundsOf(db: Kysely<DB>, actor: Actor, countyCode: string | null) {
  let q = scoped.electionRounds(db, actor);
  if (countyCode) q = q.where('election_round.county_code', '=', countyCode);
  return q
    .select([
      'election_round.id',
      'election_round.county_code',
      'election_round.year',
      'election_round.title',
      'election_round.starts_on',
      'election_round.ends_on',
      sql<number>`(select count(*) from village_election e where e.round_id = election_round.id)`.as(
        'villages',
      ),
      sql<number>`(select count(*) from village_election e where e.round_id = election_round.id and e.status = 'held')`.as(
        'held',
      ),
      sql<number>`(select count(*) from village_election e where e.round_id = election_round.id and e.status = 'postponed')`.as(
        'postponed',
      ),
      sql<number>`(select count(*) from election_candidate c join village_election e on e.id = c.election_id where e.round_id = election_round.id)`.as(
        'candidates',
      ),
      sql<number>`(select count(*) from election_candidate c join village_election e on e.id = c.election_id where e.round_id = election_round.id and c.review_status = 'disqualified')`.as(
        'disqualified',
      ),
    ])
    .orderBy('election_round.county_code')
    .orderBy('election_round.year', 'desc')
    .execute();
}

export async function insertRound(
  trx: Transaction<DB>,
  v: {
    county_code: string;
    org_id: number;
    year: number;
    title: string;
    starts_on: string;
    ends_on: string;
    created_by: number;
  },
) {
  const row = await trx.insertInto('election_round').values(v).returning('id').executeTakeFirstOrThrow();
  const id = Number(row.id);
  const res = await sql`
    insert into village_election (round_id, org_id, county_code, planned_on)
    select ${id}, v.id, v.county_code, ${v.starts_on}::date
    from org v where v.level = 'village' and v.category = 'territorial' and v.county_code = ${v.county_code}`.execute(
    trx,
  );
  return { id, villages: Number(res.numAffectedRows ?? 0) };
}

export function roundOfCounty(db: Db, countyCode: string, year: number) {
  return db
    .selectFrom('election_round')
    .select('id')
    .where('county_code', '=', countyCode)
    .where('year', '=', year)
    .executeTakeFirst();
}

export interface CalendarFilter {
  basePath: string;
  roundId?: number | undefined;
  status?: string | undefined;
}

export async function calendar(
  db: Kysely<DB>,
  actor: Actor,
  f: CalendarFilter,
  page: number,
  pageSize: number,
) {
  let q = scoped
    .villageElections(db, actor)
    .innerJoin('election_round', 'election_round.id', 'village_election.round_id')
    .where('village_org.path', 'like', `${f.basePath}%`);
  if (f.roundId) q = q.where('village_election.round_id', '=', f.roundId);
  if (f.status) q = q.where('village_election.status', '=', f.status as never);
  const [items, count] = await Promise.all([
    q
      .innerJoin('org as town_org', 'town_org.id', 'village_org.parent_id')
      .select([
        'village_election.id',
        'village_election.org_id',
        'village_election.planned_on',
        'village_election.held_on',
        'village_election.status',
        'village_election.delay_approved_until',
        'village_election.note',
        'election_round.year',
        'election_round.title as round_title',
        'village_org.code as org_code',
        'village_org.short_name as org_name',
        'town_org.short_name as town_name',
        sql<
          string | null
        >`(select t.elected_on from org_term t where t.org_id = village_election.org_id order by t.elected_on desc, t.id desc limit 1)`.as(
          'elected_on',
        ),
        sql<number>`(select count(*) from election_candidate c where c.election_id = village_election.id)`.as(
          'candidates',
        ),
        sql<number>`(select count(*) from election_candidate c where c.election_id = village_election.id and c.review_status = 'cleared')`.as(
          'cleared',
        ),
        sql<number>`(select count(*) from election_candidate c where c.election_id = village_election.id and c.review_status = 'disqualified')`.as(
          'disqualified',
        ),
      ])
      .orderBy('election_round.year', 'desc')
      .orderBy('village_org.path')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findElection(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: Perm = 'village:read',
) {
  const row = await scoped
    .villageElections(db as Kysely<DB>, actor, permission)
    .innerJoin('election_round', 'election_round.id', 'village_election.round_id')
    .select([
      'village_election.id',
      'village_election.org_id',
      'village_election.county_code',
      'village_election.planned_on',
      'village_election.held_on',
      'village_election.status',
      'village_election.delay_approved_until',
      'village_election.note',
      'election_round.year',
      'election_round.title as round_title',
      'village_org.code as org_code',
      'village_org.short_name as org_name',
      'village_org.path as org_path',
    ])
    .where('village_election.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('village_election', unverifiedId);
  return row;
}
export type ElectionRow = Awaited<ReturnType<typeof findElection>>;

export function candidatesOf(db: Db, electionId: number) {
  return db
    .selectFrom('election_candidate')
    .select([
      'id',
      'name',
      'gender',
      'birth_date',
      'id_number_masked',
      'education',
      'member_id',
      'party_member',
      'posts',
      'review_status',
      'elected_post',
      'cadre_id',
    ])
    .where('election_id', '=', electionId)
    .orderBy('id')
    .execute();
}

export function reviewsOf(db: Db, candidateIds: number[]) {
  if (candidateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('candidate_review')
    .select(['candidate_id', 'department', 'verdict', 'negative_item', 'reason', 'reviewed_on'])
    .where('candidate_id', 'in', candidateIds)
    .orderBy('id')
    .execute();
}

export async function findCandidate(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: Perm = 'village:read',
) {
  const row = await scoped
    .electionCandidates(db as Kysely<DB>, actor, permission)
    .innerJoin('village_election', 'village_election.id', 'election_candidate.election_id')
    .select([
      'election_candidate.id',
      'election_candidate.election_id',
      'election_candidate.county_code',
      'election_candidate.name',
      'election_candidate.review_status',
      'village_election.status as election_status',
    ])
    .where('election_candidate.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('election_candidate', unverifiedId);
  return row;
}

export async function insertCandidate(
  trx: Transaction<DB>,
  v: {
    election_id: number;
    org_id: number;
    county_code: string;
    name: string;
    gender: 'male' | 'female';
    birth_date: string;
    id_number_enc: string;
    id_number_hash: string;
    id_number_masked: string;
    education: string;
    member_id: number | null;
    party_member: boolean;
    posts: string[];
    created_by: number;
  },
) {
  const row = await trx
    .insertInto('election_candidate')
    .values({ ...v, posts: JSON.stringify(v.posts) })
    .onConflict((oc) => oc.columns(['election_id', 'id_number_hash']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function upsertReview(
  trx: Transaction<DB>,
  v: {
    candidate_id: number;
    county_code: string;
    department: string;
    verdict: 'pass' | 'fail';
    negative_item: string | null;
    reason: string;
    reviewed_on: string;
    recorded_by: number;
  },
) {
  await trx
    .insertInto('candidate_review')
    .values(v)
    .onConflict((oc) =>
      oc.columns(['candidate_id', 'department']).doUpdateSet({
        verdict: v.verdict,
        negative_item: v.negative_item,
        reason: v.reason,
        reviewed_on: v.reviewed_on,
        recorded_by: v.recorded_by,
        recorded_at: sql`now()`,
      }),
    )
    .execute();
}

export async function setReviewStatus(
  trx: Transaction<DB>,
  candidateId: number,
  status: 'pending' | 'cleared' | 'disqualified',
) {
  await trx
    .updateTable('election_candidate')
    .set({ review_status: status })
    .where('id', '=', candidateId)
    .execute();
}

export async function schedule(
  trx: Transaction<DB>,
  id: number,
  v: {
    planned_on: string;
    status: 'planned' | 'postponed';
    delay_approved_until: string | null;
    note: string;
  },
) {
  await trx
    .updateTable('village_election')
    .set(v)
    .where('id', '=', id)
    .where('status', '!=', 'held')
    .execute();
}

export async function markHeld(trx: Transaction<DB>, id: number, heldOn: string) {
  const res = await trx
    .updateTable('village_election')
    .set({ held_on: heldOn, status: 'held' })
    .where('id', '=', id)
    .where('status', '!=', 'held')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markElected(
  trx: Transaction<DB>,
  candidateId: number,
  post: CadrePostKind,
  cadreId: number,
) {
  await trx
    .updateTable('election_candidate')
    .set({ elected_post: post, cadre_id: cadreId })
    .where('id', '=', candidateId)
    .execute();
}

export function candidatesForResults(db: Db, electionId: number) {
  return db
    .selectFrom('election_candidate')
    .select(['id', 'name', 'gender', 'birth_date', 'education', 'member_id', 'party_member', 'review_status'])
    .where('election_id', '=', electionId)
    .execute();
}

/** The village party organization's new term with its committee (the org checks read it). */
export async function insertOrgTerm(
  trx: Transaction<DB>,
  v: {
    org_id: number;
    county_code: string;
    elected_on: string;
    term_years: number;
    recorded_by_org_id: number;
    recorded_by: number;
  },
  committee: {
    member_id: number | null;
    name: string;
    position: 'secretary' | 'deputy_secretary' | 'member';
  }[],
) {
  const row = await trx
    .insertInto('org_term')
    .values({ ...v, note: '换届选举（联审通过）' })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (committee.length)
    await trx
      .insertInto('org_committee_member')
      .values(committee.map((c, i) => ({ term_id: row.id, seq: i + 1, ...c })))
      .execute();
  return Number(row.id);
}
