// SQL of appeals: find one inside the scope (through its assessment's village), file, decide, list.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { AssessmentAppealTable } from './assessment-tables.ts';

/** An appeal whose assessment's village is inside the scope, or 404 (APPEAL_NOT_FOUND). */
export async function appealInScope(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: 'assessment:read' | 'assessment:manage' = 'assessment:read',
) {
  const row = await scoped
    .assessments(db, actor, permission)
    .innerJoin('assessment_appeal', 'assessment_appeal.assessment_id', 'assessment.id')
    .selectAll('assessment_appeal')
    .select([
      'assessment.round_id',
      'assessment.category',
      'assessment.org_id',
      'assessed_org.name as org_name',
    ])
    .where('assessment_appeal.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('appeal', unverifiedId);
  return row;
}

export function appealOf(db: Kysely<DB>, assessmentId: number) {
  return db
    .selectFrom('assessment_appeal')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
}

export async function insertAppeal(
  trx: Transaction<DB>,
  row: Insertable<AssessmentAppealTable>,
): Promise<number> {
  const r = await trx.insertInto('assessment_appeal').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Decides an open appeal; answers whether it was still open. */
export async function decideAppealRow(
  trx: Transaction<DB>,
  id: number,
  patch: {
    state: 'upheld' | 'rejected';
    decision: string;
    decided_by: number;
    total_after: number | null;
    grade_after: string | null;
  },
): Promise<boolean> {
  const r = await trx
    .updateTable('assessment_appeal')
    .set({ ...patch, decided_at: new Date() })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** After an upheld appeal: the assessment's new total, grade and allowance. */
export function setAssessmentGrade(
  trx: Transaction<DB>,
  assessmentId: number,
  patch: { total: number; weight_used: number; grade: string; allowance_fen: number },
) {
  return trx.updateTable('assessment').set(patch).where('id', '=', assessmentId).execute();
}

/** New ranks of a group after one total changed (grades stay as published). */
export async function rerankGroup(
  trx: Transaction<DB>,
  roundId: number,
  categories: readonly string[] | null,
) {
  let q = trx.selectFrom('assessment').select(['id', 'total']).where('round_id', '=', roundId);
  if (categories) q = q.where('category', 'in', [...categories]);
  const rows = await q.execute();
  for (const r of rows) {
    const rank = 1 + rows.filter((o) => Number(o.total) > Number(r.total)).length;
    await trx
      .updateTable('assessment')
      .set({ rank })
      .where('id', '=', r.id)
      .where('rank', '<>', rank)
      .execute();
  }
}

/** Appeals of the scope's assessments of a year, newest first. */
export function appealsOfYear(db: Kysely<DB>, actor: Actor, year: number, state?: string) {
  let q = scoped
    .assessments(db, actor)
    .innerJoin('assessment_appeal', 'assessment_appeal.assessment_id', 'assessment.id')
    .innerJoin('org as appeal_town', 'appeal_town.id', 'assessment.town_org_id')
    .where('assessment.year', '=', year);
  if (state) q = q.where('assessment_appeal.state', '=', state as 'open');
  return q
    .select([
      'assessment_appeal.id',
      'assessment_appeal.assessment_id',
      'assessment_appeal.indicator',
      'assessment_appeal.reason',
      'assessment_appeal.state',
      'assessment_appeal.decision',
      'assessment_appeal.filed_at',
      'assessment_appeal.decided_at',
      'assessment_appeal.total_before',
      'assessment_appeal.grade_before',
      'assessment_appeal.total_after',
      'assessment_appeal.grade_after',
      'assessment.secretary_name',
      'assessed_org.name as org_name',
      'appeal_town.name as town_name',
    ])
    .orderBy('assessment_appeal.filed_at', 'desc')
    .execute();
}
