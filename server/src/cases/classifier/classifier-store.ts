// The newest classifier, kept in memory per database and reloaded when a newer version is stored
// (by this process or another one: the version is checked at most every CHECK_MS).
import type { Db, Trx } from '../../platform/db/handle.ts';
import * as repo from './classifier.repository.ts';
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
const slots = new WeakMap<Db, Slot>();

function toInfo(r: repo.ClassifierInfoRow): ClassifierInfo {
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
export function currentClassifier(db: Db): Promise<LoadedClassifier | null> {
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

async function refresh(db: Db, current: LoadedClassifier | null): Promise<LoadedClassifier | null> {
  const newest = await repo.newestClassifierInfo(db);
  if (!newest) return null;
  if (current && current.info.version === newest.version) return current;
  const row = await repo.classifierModelOf(db, newest.version);
  if (!row) return current;
  const model = (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as ClassifierModel;
  // a model made with other features would answer nonsense: ignore it until retrained
  if (model.featureSet !== FEATURE_SET) return null;
  return { info: toInfo(newest), model };
}

/** Stores a trained classifier as the next version, inside the caller's transaction. */
export async function saveClassifier(
  trx: Trx,
  trained: Omit<ClassifierInfo, 'version' | 'trainedAt'> & { model: ClassifierModel },
): Promise<ClassifierInfo> {
  const version = Number((await repo.maxClassifierVersion(trx)) ?? 0) + 1;
  const row = await repo.insertClassifier(trx, {
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
  });
  await repo.deleteClassifiersUpTo(trx, version - KEEP_VERSIONS);
  return toInfo(row);
}

/** After a save by this process: use the new model at once (other processes see it within CHECK_MS). */
export function useClassifier(db: Db, loaded: LoadedClassifier): void {
  slots.set(db, { checkedAt: Date.now(), current: loaded, pending: null });
}

/** Forgets what this process holds (tests; the next read goes to the table). */
export function forgetClassifier(db: Db): void {
  slots.delete(db);
}

/** The stored versions, newest first, without their models. */
export async function classifierVersions(db: Db): Promise<ClassifierInfo[]> {
  const rows = await repo.classifierInfos(db);
  return rows.map(toInfo);
}
