// The SQL of the dispatcher's classifier: the stored versions of case_classifier (the newest one's
// figures, a version's model, the next version written and the oldest deleted in the caller's
// transaction), the closed cases it learns from, the level of the retraining actor's org, and the
// candidates of likely duplicates — from the access layer's scoped.cases, so only cases the actor may see.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scoped } from '../../platform/access/scope.ts';
import type { DB } from '../../platform/db/schema.ts';

const INFO_COLUMNS = [
  'version',
  'trained_at',
  'trained_by',
  'sample_count',
  'holdout_count',
  'accuracy',
  'top3_accuracy',
  'department_accuracy',
  'training_ms',
] as const;

/** A stored version's figures, without its model. */
export interface ClassifierInfoRow {
  version: number;
  trained_at: Date;
  trained_by: string;
  sample_count: number;
  holdout_count: number;
  accuracy: number | null;
  top3_accuracy: number | null;
  department_accuracy: number | null;
  training_ms: number;
}

/** The newest stored version's figures (undefined when none was trained). */
export function newestClassifierInfo(db: Kysely<DB>): Promise<ClassifierInfoRow | undefined> {
  return db
    .selectFrom('case_classifier')
    .select(INFO_COLUMNS)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The model of a version as stored (JSON text on some drivers, parsed on others). */
export function classifierModelOf(db: Kysely<DB>, version: number) {
  return db.selectFrom('case_classifier').select('model').where('version', '=', version).executeTakeFirst();
}

/** The highest stored version (null when none). */
export async function maxClassifierVersion(trx: Transaction<DB>): Promise<number | string | null> {
  const last = await trx
    .selectFrom('case_classifier')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return last?.v ?? null;
}

/** Inserts a version (its model as JSON text) and answers its figures. */
export function insertClassifier(
  trx: Transaction<DB>,
  values: ClassifierInfoRow & { model: string },
): Promise<ClassifierInfoRow> {
  return trx.insertInto('case_classifier').values(values).returning(INFO_COLUMNS).executeTakeFirstOrThrow();
}

/** Deletes the versions up to `version` (the ones no longer kept). */
export async function deleteClassifiersUpTo(trx: Transaction<DB>, version: number): Promise<void> {
  await trx.deleteFrom('case_classifier').where('version', '<=', version).execute();
}

/** The stored versions' figures, newest first. */
export function classifierInfos(db: Kysely<DB>): Promise<ClassifierInfoRow[]> {
  return db.selectFrom('case_classifier').select(INFO_COLUMNS).orderBy('version', 'desc').execute();
}

/** The closed cases (closed or evaluated, with a category) the classifier learns from, last closed first. */
export function closedCaseSamples(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('civic_case')
    .leftJoin('department', 'department.id', 'civic_case.department_id')
    .select([
      'civic_case.id',
      'civic_case.title',
      'civic_case.description',
      'civic_case.category_code',
      'department.kind as department_kind',
    ])
    .where('civic_case.state', 'in', ['closed', 'evaluated'])
    .where('civic_case.category_code', 'is not', null)
    .orderBy('civic_case.closed_at', 'desc')
    .orderBy('civic_case.id', 'desc')
    .limit(limit)
    .execute();
}

/** The level of an org (undefined when it does not exist). */
export async function orgLevel(db: Kysely<DB>, orgId: number): Promise<string | undefined> {
  const org = await db.selectFrom('org').select('level').where('id', '=', orgId).executeTakeFirst();
  return org?.level;
}

/**
 * The actor's cases of the categories reported since `since`, not rejected, inside the lng/lat box,
 * other than `excludeId`: the newest 500, for the exact distance and the text similarity.
 */
export function duplicateCandidates(
  db: Kysely<DB>,
  actor: Actor,
  q: {
    categoryCodes: string[];
    since: Date;
    minLat: number;
    maxLat: number;
    minLng: number;
    maxLng: number;
    excludeId?: number | undefined;
  },
) {
  let query = scoped
    .cases(db, actor)
    .select([
      'civic_case.id',
      'civic_case.case_no',
      'civic_case.title',
      'civic_case.description',
      'civic_case.state',
      'civic_case.lng',
      'civic_case.lat',
      'civic_case.created_at',
    ])
    .where('civic_case.category_code', 'in', q.categoryCodes)
    .where('civic_case.created_at', '>=', q.since)
    .where('civic_case.state', '!=', 'rejected')
    .where('civic_case.lat', '>=', q.minLat)
    .where('civic_case.lat', '<=', q.maxLat)
    .where('civic_case.lng', '>=', q.minLng)
    .where('civic_case.lng', '<=', q.maxLng);
  if (q.excludeId !== undefined) query = query.where('civic_case.id', '!=', q.excludeId);
  return query.orderBy('civic_case.created_at', 'desc').limit(500).execute();
}
