// The newest classifier, kept in memory per database and reloaded when a newer version is stored
// (by this process or another one: the version is checked at most every CHECK_MS).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type ClassifierModel, FEATURE_SET } from './naive-bayes.ts';

export interface ClassifierInfo {
  version: number;
  trainedAt: Date;
  trainedBy: string;
  sampleCount: number;
  holdoutCount: number;
  accuracy: number | null;
  top3Accuracy: number | null;
  departmentAccuracy: number | null;
  trainingMs: number;
}

export interface LoadedClassifier {
  info: ClassifierInfo;
  model: ClassifierModel;
}

const CHECK_MS = 10_000;
/** Versions kept in the table; older ones are deleted when a new one is saved. */
const KEEP_VERSIONS = 3;

interface Slot {
  checkedAt: number;
  current: LoadedClassifier | null;
  pending: Promise<LoadedClassifier | null> | null;
}
const slots = new WeakMap<Kysely<DB>, Slot>();

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

function toInfo(r: {
  version: number;
  trained_at: Date;
  trained_by: string;
  sample_count: number;
  holdout_count: number;
  accuracy: number | null;
  top3_accuracy: number | null;
  department_accuracy: number | null;
  training_ms: number;
}): ClassifierInfo {
  return {
    version: r.version,
    trainedAt: r.trained_at,
    trainedBy: r.trained_by,
    sampleCount: r.sample_count,
    holdoutCount: r.holdout_count,
    accuracy: r.accuracy,
    top3Accuracy: r.top3_accuracy,
    departmentAccuracy: r.department_accuracy,
    trainingMs: r.training_ms,
  };
}

/** The newest stored classifier (null when none was trained), from memory when it is still current. */
export function currentClassifier(db: Kysely<DB>): Promise<LoadedClassifier | null> {
  let slot = slots.get(db);
  if (!slot) {
    slot = { checkedAt: 0, current: null, pending: null };
    slots.set(db, slot);
  }
  if (Date.now() - slot.checkedAt < CHECK_MS) return Promise.resolve(slot.current);
  if (slot.pending) return slot.pending;
  const s = slot;
  s.pending = refresh(db, s.current)
    .then((loaded) => {
      s.current = loaded;
      s.checkedAt = Date.now();
      return loaded;
    })
    .finally(() => {
      s.pending = null;
    });
  return s.pending;
}

async function refresh(db: Kysely<DB>, current: LoadedClassifier | null): Promise<LoadedClassifier | null> {
  const newest = await db
    .selectFrom('case_classifier')
    .select(INFO_COLUMNS)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!newest) return null;
  if (current && current.info.version === newest.version) return current;
  const row = await db
    .selectFrom('case_classifier')
    .select('model')
    .where('version', '=', newest.version)
    .executeTakeFirst();
  if (!row) return current;
  const model = (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as ClassifierModel;
  // a model made with other features would answer nonsense: ignore it until retrained
  if (model.featureSet !== FEATURE_SET) return null;
  return { info: toInfo(newest), model };
}

/** Stores a trained classifier as the next version, inside the caller's transaction. */
export async function saveClassifier(
  trx: Transaction<DB>,
  trained: Omit<ClassifierInfo, 'version' | 'trainedAt'> & { model: ClassifierModel },
): Promise<ClassifierInfo> {
  const last = await trx
    .selectFrom('case_classifier')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const row = await trx
    .insertInto('case_classifier')
    .values({
      version,
      trained_at: new Date(),
      trained_by: trained.trainedBy,
      sample_count: trained.sampleCount,
      holdout_count: trained.holdoutCount,
      accuracy: trained.accuracy,
      top3_accuracy: trained.top3Accuracy,
      department_accuracy: trained.departmentAccuracy,
      training_ms: trained.trainingMs,
      model: JSON.stringify(trained.model),
    })
    .returning(INFO_COLUMNS)
    .executeTakeFirstOrThrow();
  await trx
    .deleteFrom('case_classifier')
    .where('version', '<=', version - KEEP_VERSIONS)
    .execute();
  return toInfo(row);
}

/** After a save by this process: use the new model at once (other processes see it within CHECK_MS). */
export function useClassifier(db: Kysely<DB>, loaded: LoadedClassifier): void {
  slots.set(db, { checkedAt: Date.now(), current: loaded, pending: null });
}

/** Forgets what this process holds (tests; the next read goes to the table). */
export function forgetClassifier(db: Kysely<DB>): void {
  slots.delete(db);
}

/** The stored versions, newest first, without their models. */
export async function classifierVersions(db: Kysely<DB>): Promise<ClassifierInfo[]> {
  const rows = await db
    .selectFrom('case_classifier')
    .select(INFO_COLUMNS)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toInfo);
}
