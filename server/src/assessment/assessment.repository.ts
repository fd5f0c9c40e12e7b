// SQL of the grading: a county's round with its assessments and indicator rows (written in bulk when
// a round is computed, regraded in place after a manual score or an appeal), the round's state, the
// town's review. Reads of scoped records start from the access layer (scoped.assessments /
// assessmentRounds); writes take ids that the services verified.
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { type BulkColumn, bulkInsert } from '../platform/db/bulk-insert.ts';
import type { DB } from '../platform/db/schema.ts';
import type { AssessmentIndicatorTable, AssessmentRoundTable, AssessmentTable } from './assessment-tables.ts';
import type { AssessmentSettings } from './domain/assessment-settings.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type NewAssessment = Omit<Insertable<AssessmentTable>, 'round_id'>;
export type NewIndicator = Omit<Insertable<AssessmentIndicatorTable>, 'assessment_id'> & { org_id: number };
type NewRound = Omit<Insertable<AssessmentRoundTable>, 'settings' | 'grade_lines'> & {
  settings: AssessmentSettings;
  grade_lines: Record<string, (number | null)[]>;
};

const ASSESSMENT_COLUMNS: BulkColumn<NewAssessment & { round_id: number }>[] = [
  { name: 'round_id', type: 'int8' },
  { name: 'org_id', type: 'int8' },
  { name: 'town_org_id', type: 'int8' },
  { name: 'county_code', type: 'text' },
  { name: 'year', type: 'int4' },
  { name: 'category', type: 'text' },
  { name: 'secretary_member_id', type: 'int8' },
  { name: 'secretary_name', type: 'text' },
  { name: 'total', type: 'float8' },
  { name: 'weight_used', type: 'float8' },
  { name: 'rank', type: 'int4' },
  { name: 'group_size', type: 'int4' },
  { name: 'grade', type: 'text' },
  { name: 'allowance_fen', type: 'int4' },
  { name: 'town_reviewed_at', type: 'timestamptz' },
  { name: 'town_reviewed_by', type: 'int8' },
];

const INDICATOR_COLUMNS: BulkColumn<Insertable<AssessmentIndicatorTable>>[] = [
  { name: 'assessment_id', type: 'int8' },
  { name: 'indicator', type: 'text' },
  { name: 'seq', type: 'int4' },
  { name: 'county_code', type: 'text' },
  { name: 'weight', type: 'float8' },
  { name: 'value', type: 'float8' },
  { name: 'numerator', type: 'float8' },
  { name: 'denominator', type: 'float8' },
  { name: 'score', type: 'float8' },
  { name: 'contribution', type: 'float8' },
  { name: 'note', type: 'text' },
  { name: 'evidence', type: 'text' },
  { name: 'entered_by', type: 'int8' },
  { name: 'entered_at', type: 'timestamptz' },
];

/** Rounds of `year` the actor may see: its counties', or its own county's (scoped.assessmentRounds). */
export function roundsOfYear(db: Kysely<DB>, actor: Actor, year: number) {
  return scoped
    .assessmentRounds(db, actor)
    .where('assessment_round.year', '=', year)
    .selectAll('assessment_round')
    .select(['round_org.name as county_name', 'round_org.path as county_path'])
    .orderBy('round_org.code')
    .execute();
}

export function roundById(db: Db, id: number) {
  return db.selectFrom('assessment_round').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The round of a county (verified) in a year, if there is one. */
export function roundOfCounty(db: Db, countyOrgId: number, year: number) {
  return db
    .selectFrom('assessment_round')
    .selectAll()
    .where('county_org_id', '=', countyOrgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The manual indicators already entered in a round, by village and indicator (kept when a round is recomputed). */
export async function manualEntries(db: Db, roundId: number) {
  const rows = await db
    .selectFrom('assessment_indicator')
    .innerJoin('assessment', 'assessment.id', 'assessment_indicator.assessment_id')
    .where('assessment.round_id', '=', roundId)
    .where('assessment_indicator.entered_at', 'is not', null)
    .select([
      'assessment.org_id',
      'assessment_indicator.indicator',
      'assessment_indicator.score',
      'assessment_indicator.note',
      'assessment_indicator.evidence',
      'assessment_indicator.entered_by',
      'assessment_indicator.entered_at',
    ])
    .execute();
  const out = new Map<number, Map<string, (typeof rows)[number]>>();
  for (const r of rows) {
    const m = out.get(Number(r.org_id)) ?? new Map();
    m.set(r.indicator, r);
    out.set(Number(r.org_id), m);
  }
  return out;
}

/**
 * Writes a county's round afresh: the round row (created, or reset to its new figures) and all its
 * assessments and indicator rows, replacing the earlier ones of a draft round.
 */
export async function saveRound(
  trx: Transaction<DB>,
  round: NewRound,
  assessments: readonly NewAssessment[],
  indicators: readonly NewIndicator[],
): Promise<number> {
  const existing = await roundOfCounty(trx, round.county_org_id, round.year);
  const values = {
    ...round,
    settings: JSON.stringify(round.settings),
    grade_lines: JSON.stringify(round.grade_lines),
  };
  let roundId: number;
  if (existing) {
    roundId = Number(existing.id);
    await sql`delete from assessment_indicator using assessment
      where assessment.id = assessment_indicator.assessment_id and assessment.round_id = ${roundId}`.execute(
      trx,
    );
    await trx.deleteFrom('assessment').where('round_id', '=', roundId).execute();
    await trx
      .updateTable('assessment_round')
      .set({ ...values, version: sql`version + 1` })
      .where('id', '=', roundId)
      .execute();
  } else {
    const row = await trx
      .insertInto('assessment_round')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    roundId = Number(row.id);
  }
  const inserted = await bulkInsert(
    trx,
    'assessment',
    ASSESSMENT_COLUMNS,
    assessments.map((a) => ({ ...a, round_id: roundId })),
    { returning: ['id', 'org_id'] },
  );
  const idOf = new Map(inserted.map((r) => [Number(r.org_id), Number(r.id)]));
  await bulkInsert(
    trx,
    'assessment_indicator',
    INDICATOR_COLUMNS,
    indicators.map(({ org_id, ...i }) => ({ ...i, assessment_id: idOf.get(org_id) as number })),
  );
  return roundId;
}

/** Totals and categories of a round's assessments, for regrading. */
export function roundTotals(db: Db, roundId: number) {
  return db
    .selectFrom('assessment')
    .select(['id', 'category', 'total', 'rank', 'grade', 'secretary_name'])
    .where('round_id', '=', roundId)
    .execute();
}

/** New ranks, grades and allowances of a round's assessments, in one statement. */
export async function updateGrades(
  trx: Transaction<DB>,
  rows: readonly { id: number; rank: number; groupSize: number; grade: string; allowanceFen: number }[],
) {
  if (rows.length === 0) return;
  await sql`update assessment set rank = v.rank, group_size = v.group_size, grade = v.grade, allowance_fen = v.allowance_fen
    from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.rank)}::int[],
      ${rows.map((r) => r.groupSize)}::int[], ${rows.map((r) => r.grade)}::text[],
      ${rows.map((r) => r.allowanceFen)}::int[]) as v(id, rank, group_size, grade, allowance_fen)
    where assessment.id = v.id`.execute(trx);
}

export function setRoundLines(
  trx: Transaction<DB>,
  roundId: number,
  lines: Record<string, (number | null)[]>,
) {
  return trx
    .updateTable('assessment_round')
    .set({ grade_lines: JSON.stringify(lines) })
    .where('id', '=', roundId)
    .execute();
}

/** Moves a round to a new state if it is still at `version` (optimistic); answers whether it did. */
export async function setRoundState(
  trx: Transaction<DB>,
  roundId: number,
  version: number,
  patch: Updateable<AssessmentRoundTable> & { state: 'draft' | 'approved' | 'published' },
): Promise<boolean> {
  const r = await trx
    .updateTable('assessment_round')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', roundId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The indicator rows of one assessment, in the set's order. */
export function indicatorsOf(db: Db, assessmentId: number) {
  return db
    .selectFrom('assessment_indicator')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('seq')
    .execute();
}

export async function updateIndicatorRows(
  trx: Transaction<DB>,
  assessmentId: number,
  rows: readonly (Pick<
    Updateable<AssessmentIndicatorTable>,
    'score' | 'contribution' | 'value' | 'note' | 'evidence' | 'entered_by' | 'entered_at'
  > & { indicator: string })[],
) {
  for (const r of rows)
    await trx
      .updateTable('assessment_indicator')
      .set({
        score: r.score,
        contribution: r.contribution,
        value: r.value,
        note: r.note,
        evidence: r.evidence,
        entered_by: r.entered_by,
        entered_at: r.entered_at,
      })
      .where('assessment_id', '=', assessmentId)
      .where('indicator', '=', r.indicator)
      .execute();
}

export async function setContributions(
  trx: Transaction<DB>,
  assessmentId: number,
  rows: readonly { indicator: string; contribution: number | null }[],
) {
  if (rows.length === 0) return;
  await sql`update assessment_indicator set contribution = v.contribution
    from unnest(${rows.map((r) => r.indicator)}::text[], ${rows.map((r) => r.contribution)}::float8[]) as v(indicator, contribution)
    where assessment_indicator.assessment_id = ${assessmentId} and assessment_indicator.indicator = v.indicator`.execute(
    trx,
  );
}

export function setAssessmentTotal(
  trx: Transaction<DB>,
  assessmentId: number,
  total: number,
  weightUsed: number,
) {
  return trx
    .updateTable('assessment')
    .set({ total, weight_used: weightUsed })
    .where('id', '=', assessmentId)
    .execute();
}

/** Marks the town's review of assessments (ids verified inside the actor's town), answering how many. */
export async function markReviewed(
  trx: Transaction<DB>,
  ids: readonly number[],
  accountId: number,
  comments: ReadonlyMap<number, string>,
): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await sql`update assessment set town_reviewed_at = now(), town_reviewed_by = ${accountId},
      town_comment = coalesce(v.comment, assessment.town_comment)
    from unnest(${[...ids]}::bigint[], ${ids.map((id) => comments.get(id) ?? null)}::text[]) as v(id, comment)
    where assessment.id = v.id`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/** Clears the town reviews of a round (a regrade after the review changed the figures it confirmed). */
export function clearReviews(trx: Transaction<DB>, roundId: number) {
  return trx
    .updateTable('assessment')
    .set({ town_reviewed_at: null, town_reviewed_by: null })
    .where('round_id', '=', roundId)
    .execute();
}

/** How many of a round's assessments the towns have not reviewed, by town. */
export function unreviewedByTown(db: Db, roundId: number) {
  return db
    .selectFrom('assessment')
    .innerJoin('org as town', 'town.id', 'assessment.town_org_id')
    .where('assessment.round_id', '=', roundId)
    .where('assessment.town_reviewed_at', 'is', null)
    .select(['town.id', 'town.name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['town.id', 'town.name'])
    .orderBy('town.name')
    .execute();
}

/** Ids of a round's assessments inside the actor's scope (optionally only those listed). */
export async function roundAssessmentsInScope(
  db: Kysely<DB>,
  actor: Actor,
  roundId: number,
  only?: readonly number[],
): Promise<number[]> {
  let q = scoped
    .assessments(db, actor, 'assessment:manage')
    .select('assessment.id')
    .where('assessment.round_id', '=', roundId);
  if (only?.length) q = q.where('assessment.id', 'in', [...only]);
  return (await q.execute()).map((r) => Number(r.id));
}
