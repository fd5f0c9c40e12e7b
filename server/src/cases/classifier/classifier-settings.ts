// The configurable rules of the dispatcher's help (stored under the setting key 'case_classifier';
// read with platform/settings readSetting(db, CLASSIFIER_SETTINGS_KEY, CLASSIFIER_SETTINGS_DEFAULTS)).
export const CLASSIFIER_SETTINGS_KEY = 'case_classifier';

export interface ClassifierSettings {
  /** Likely duplicates: same category, within this distance … */
  duplicateRadiusM: number;
  /** … reported within this many days before now … */
  duplicateDays: number;
  /** … and a text similarity (cosine over words and Han bigrams) at least this. */
  duplicateMinSimilarity: number;
  /** At most this many duplicates are answered. */
  duplicateLimit: number;
  /** Training reads at most this many closed cases, the most recently closed first. */
  maxTrainingSamples: number;
  /** Training needs at least this many closed cases with a category. */
  minTrainingSamples: number;
  /** Share of the samples held out to measure accuracy (by a hash of the case id). */
  holdoutShare: number;
}

export const CLASSIFIER_SETTINGS_DEFAULTS: ClassifierSettings = {
  duplicateRadiusM: 200,
  duplicateDays: 7,
  duplicateMinSimilarity: 0.3,
  duplicateLimit: 10,
  maxTrainingSamples: 100_000,
  minTrainingSamples: 20,
  holdoutShare: 0.2,
};
