// SQL of 软弱涣散: the facts the criteria need beyond the assessment's sources (terms, the latest
// published assessment, when recruitment records begin), the listed orgs with their ledgers, and the
// ledger's writes (ids verified by the service).
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import type { WeakOrgTable } from './weak-org-tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The first day of any recruitment record under the base (when "no candidate for 2 years" can be judged). */
export async function recruitmentRecordsSince(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
): Promise<string | null> {
  const r = await scoped
    .applicants(db, actor)
    .innerJoin('recruitment_step', 'recruitment_step.recruitment_id', 'recruitment.id')
    .where('recruitment_org.path', 'like', `${basePath}%`)
    .select(sql<string | null>`min(recruitment_step.occurred_on)::text`.as('first'))
    .executeTakeFirst();
  return r?.first ?? null;
}

/** The latest term of each village org (verified ids). */
export async function latestVillageTerms(db: Db, ids: readonly number[]) {
  const out = new Map<number, { electedOn: string; termYears: number }>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('org_term')
    .select(['org_id', 'elected_on', 'term_years'])
    .distinctOn('org_id')
    .where('org_id', '=', sql<number>`any(${[...ids]}::bigint[])`)
    .orderBy('org_id')
    .orderBy('elected_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows)
    out.set(Number(r.org_id), { electedOn: r.elected_on, termYears: Number(r.term_years) });
  return out;
}

/** Each village's latest published assessment: year, rank, the size and category of its group. */
export async function lastPublishedAssessments(db: Kysely<DB>, actor: Actor, basePath: string) {
  const rows = await scoped
    .assessments(db, actor)
    .innerJoin('assessment_round', 'assessment_round.id', 'assessment.round_id')
    .where('assessed_org.path', 'like', `${basePath}%`)
    .where('assessment_round.state', '=', 'published')
    .select([
      'assessment.org_id',
      'assessment.year',
      'assessment.rank',
      'assessment.group_size',
      'assessment.category',
    ])
    .distinctOn('assessment.org_id')
    .orderBy('assessment.org_id')
    .orderBy('assessment.year', 'desc')
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.org_id),
      { year: Number(r.year), rank: Number(r.rank), size: Number(r.group_size), category: r.category },
    ]),
  );
}

/** Listed orgs of a year under the base (the ledgers' list), with their village and town. */
export function weakOrgsOf(
  db: Kysely<DB>,
  actor: Actor,
  f: { basePath: string; year?: number | undefined; state?: string | undefined; townId?: number | undefined },
) {
  let q = scoped
    .weakOrgs(db, actor)
    .innerJoin('org as weak_town', 'weak_town.id', 'weak_org.town_org_id')
    .where('weak_org_org.path', 'like', `${f.basePath}%`);
  if (f.year) q = q.where('weak_org.year', '=', f.year);
  if (f.state) q = q.where('weak_org.state', '=', f.state as 'listed');
  if (f.townId) q = q.where('weak_org.town_org_id', '=', f.townId);
  return q
    .selectAll('weak_org')
    .select([
      'weak_org_org.name as org_name',
      'weak_org_org.code as org_code',
      'weak_org_org.path as org_path',
      'weak_town.name as town_name',
      (eb) =>
        eb
          .selectFrom('rectification_problem')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('rectification_problem.weak_org_id', '=', 'weak_org.id')
          .as('problems'),
      (eb) =>
        eb
          .selectFrom('rectification_problem')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('rectification_problem.weak_org_id', '=', 'weak_org.id')
          .where('rectification_problem.done_on', 'is not', null)
          .as('problems_done'),
    ])
    .orderBy('weak_org.year', 'desc')
    .orderBy('weak_org_org.code')
    .execute();
}

/** Counts of listed orgs by state, per child of the base (its counties, or its towns). */
export function weakOrgCounts(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  childIndex: number,
  year?: number,
) {
  let q = scoped.weakOrgs(db, actor).where('weak_org_org.path', 'like', `${basePath}%`);
  if (year) q = q.where('weak_org.year', '=', year);
  // a literal, not a parameter: the GROUP BY expression must be the very same text as the selected one
  const child = sql<number>`nullif(split_part(weak_org_org.path, '/', ${sql.lit(childIndex + 2)}), '')::bigint`;
  return q
    .select([child.as('child_id'), 'weak_org.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([child, 'weak_org.state'])
    .execute();
}

export function listedOfYear(db: Db, orgIds: readonly number[], year: number) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('weak_org')
    .select(['org_id'])
    .where('org_id', 'in', [...orgIds])
    .where('year', '=', year)
    .execute();
}

export async function insertWeakOrgs(
  trx: Transaction<DB>,
  rows: readonly Insertable<WeakOrgTable>[],
  accountId: number,
) {
  const inserted = await trx
    .insertInto('weak_org')
    .values([...rows])
    .returning(['id', 'county_code', 'listed_on'])
    .execute();
  await trx
    .insertInto('rectification_progress')
    .values(
      inserted.map((r) => ({
        weak_org_id: Number(r.id),
        county_code: r.county_code,
        action: 'list',
        on_date: r.listed_on,
        note: '县委确定为软弱涣散基层党组织，列入年度整顿名单',
        recorded_by: accountId,
      })),
    )
    .execute();
  return inserted.map((r) => Number(r.id));
}

export async function ledgerParts(db: Db, weakOrgId: number) {
  const [problems, progress] = await Promise.all([
    db
      .selectFrom('rectification_problem')
      .selectAll()
      .where('weak_org_id', '=', weakOrgId)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('rectification_progress')
      .leftJoin('account', 'account.id', 'rectification_progress.recorded_by')
      .selectAll('rectification_progress')
      .select('account.display_name as recorded_by_name')
      .where('weak_org_id', '=', weakOrgId)
      .orderBy('rectification_progress.id')
      .execute(),
  ]);
  return { problems, progress };
}

/** Updates a ledger if it is still at `version` (optimistic); answers whether it did. */
export async function updateWeakOrg(
  trx: Transaction<DB>,
  id: number,
  version: number,
  patch: Updateable<WeakOrgTable>,
) {
  const r = await trx
    .updateTable('weak_org')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceProblems(
  trx: Transaction<DB>,
  weakOrgId: number,
  countyCode: string,
  problems: readonly { problem: string; measure: string; deadline: string | null }[],
) {
  await trx.deleteFrom('rectification_problem').where('weak_org_id', '=', weakOrgId).execute();
  if (problems.length)
    await trx
      .insertInto('rectification_problem')
      .values(problems.map((p, i) => ({ weak_org_id: weakOrgId, county_code: countyCode, seq: i + 1, ...p })))
      .execute();
}

export function markProblemDone(
  trx: Transaction<DB>,
  problemId: number,
  weakOrgId: number,
  doneOn: string,
  evidence: string,
) {
  return trx
    .updateTable('rectification_problem')
    .set({ done_on: doneOn, evidence })
    .where('id', '=', problemId)
    .where('weak_org_id', '=', weakOrgId)
    .execute();
}

export function addProgress(
  trx: Transaction<DB>,
  row: {
    weak_org_id: number;
    county_code: string;
    action: string;
    on_date: string;
    note: string;
    recorded_by: number;
  },
) {
  return trx.insertInto('rectification_progress').values(row).execute();
}
