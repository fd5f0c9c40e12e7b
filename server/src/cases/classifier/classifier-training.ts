// Training from the database: the closed cases (closed or evaluated, with a category), the most recently
// closed first, give the samples; every fifth case (by a hash of its id) is held out to measure the
// accuracy, then the kept model learns from all of them. Reads with `db`; the caller stores the result
// in its own transaction (saveClassifier), so an HTTP request, the command and the seed share this.
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/handle.ts';
import { AppError, unprocessable } from '../../platform/errors/errors.ts';
import { readSetting } from '../../platform/settings/settings.ts';
import { closedCaseSamples } from './classifier.repository.ts';
import {
  CLASSIFIER_SETTINGS_DEFAULTS,
  CLASSIFIER_SETTINGS_KEY,
  type ClassifierSettings,
} from './classifier-settings.ts';
import {
  type ClassifierInfo,
  type LoadedClassifier,
  saveClassifier,
  useClassifier,
} from './classifier-store.ts';
import { type ClassifierModel, FEATURE_SET, type Sample, trainWithHoldout } from './naive-bayes.ts';
import { textFeatures } from './text-features.ts';

export interface TrainedClassifier extends Omit<ClassifierInfo, 'version' | 'trainedAt'> {
  model: ClassifierModel;
  /** time to read the closed cases, to make their features, and to train both heads */
  readMs: number;
  featureMs: number;
  fitMs: number;
}

/** Whether a case is held out: a multiplicative hash of its id, so the split is stable across runs. */
export function heldOut(id: number, share: number): boolean {
  return (Math.imul(id, 2654435761) >>> 0) / 2 ** 32 < share;
}

export async function trainFromCases(
  db: Db,
  trainedBy: string,
  overrides: Partial<ClassifierSettings> = {},
): Promise<TrainedClassifier> {
  const settings = {
    ...(await readSetting(db, CLASSIFIER_SETTINGS_KEY, CLASSIFIER_SETTINGS_DEFAULTS)),
    ...overrides,
  };
  const started = performance.now();
  const rows = await closedCaseSamples(db, settings.maxTrainingSamples);
  const readMs = performance.now() - started;
  if (rows.length < settings.minTrainingSamples) {
    throw unprocessable(
      'CLASSIFIER_TOO_FEW_CASES',
      `结案案件只有 ${rows.length} 件，至少需要 ${settings.minTrainingSamples} 件才能训练分类模型。`,
      `Only ${rows.length} closed cases; training needs at least ${settings.minTrainingSamples}.`,
      { closedCases: rows.length, minimum: settings.minTrainingSamples },
    );
  }
  const featureStart = performance.now();
  const categorySamples: (Sample & { holdout: boolean })[] = [];
  const departmentSamples: (Sample & { holdout: boolean })[] = [];
  for (const r of rows) {
    const features = textFeatures(`${r.title}\n${r.description}`);
    const holdout = heldOut(Number(r.id), settings.holdoutShare);
    categorySamples.push({ features, label: r.category_code as string, holdout });
    if (r.department_kind) departmentSamples.push({ features, label: r.department_kind, holdout });
  }
  const featureMs = performance.now() - featureStart;
  const fitStart = performance.now();
  const category = trainWithHoldout(categorySamples);
  const department = departmentSamples.length > 0 ? trainWithHoldout(departmentSamples) : null;
  const fitMs = performance.now() - fitStart;
  const round = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10_000) / 10_000);
  return {
    model: {
      kind: 'multinomial_nb',
      featureSet: FEATURE_SET,
      category: category.head,
      department: department?.head ?? null,
    },
    trainedBy,
    sampleCount: rows.length,
    holdoutCount: category.holdoutCount,
    accuracy: round(category.evaluation?.accuracy),
    top3Accuracy: round(category.evaluation?.top3Accuracy),
    departmentAccuracy: round(department?.evaluation?.accuracy),
    trainingMs: Math.round(performance.now() - started),
    readMs: Math.round(readMs),
    featureMs: Math.round(featureMs),
    fitMs: Math.round(fitMs),
  };
}

/** What the API, the command and the seed answer about a training. */
export function trainingSummary(info: ClassifierInfo, trained: TrainedClassifier) {
  return {
    ...info,
    readMs: trained.readMs,
    featureMs: trained.featureMs,
    fitMs: trained.fitMs,
    categories: trained.model.category.labels.length,
    departmentKinds: trained.model.department?.labels.length ?? 0,
    features: Object.keys(trained.model.category.features).length,
  };
}

/**
 * Trains and stores a new version outside any request (`npm run classifier:train`, the demo seed),
 * audited as the system, and makes it current in this process.
 */
export async function trainClassifier(db: Db, trainedBy = 'system') {
  const trained = await trainFromCases(db, trainedBy);
  const info = await db.transaction().execute(async (trx) => {
    const saved = await saveClassifier(trx, trained);
    await appendAudit(trx, {
      actorId: null,
      actorUsername: trainedBy,
      role: 'system',
      scopeOrgId: null,
      action: 'case.classifier_train',
      targetType: 'case_classifier',
      targetId: saved.version,
      after: { ...saved, trainedAt: saved.trainedAt.toISOString() },
      clientIp: 'local',
    });
    return saved;
  });
  useClassifier(db, { info, model: trained.model } satisfies LoadedClassifier);
  return trainingSummary(info, trained);
}

/** The same, answering null instead of failing when there are too few closed cases (the demo seed). */
export async function trainClassifierIfEnough(db: Db, trainedBy = 'system') {
  try {
    return await trainClassifier(db, trainedBy);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CLASSIFIER_TOO_FEW_CASES') return null;
    throw error;
  }
}
