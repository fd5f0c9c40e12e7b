// Multinomial naive Bayes with Laplace smoothing, trained and evaluated in memory. Pure: no storage.
// A model is plain JSON (stored as jsonb): per feature, the labels it was seen with and how often.
// Naive Bayes is overconfident; a temperature fitted on the holdout softens the probabilities.

export interface NbHead {
  labels: string[];
  /** log P(label) */
  logPrior: number[];
  /** log(total feature count of the label + alpha·|V|) */
  logDenominator: number[];
  /** feature → flat [labelIndex, count, labelIndex, count, …] */
  features: Record<string, number[]>;
  alpha: number;
  /** probabilities = softmax(log score / temperature) */
  temperature: number;
}

export interface ClassifierModel {
  kind: 'multinomial_nb';
  /** How features are made (text-features.ts); a model of another feature set is not used. */
  featureSet: 'icu-words+han-bigrams/1';
  category: NbHead;
  /** The kind of the department that finally handled the case; null when no closed case had one. */
  department: NbHead | null;
}

export const FEATURE_SET = 'icu-words+han-bigrams/1' as const;

export interface Sample {
  features: string[];
  label: string;
}

export interface TrainOptions {
  alpha?: number;
  /** Features seen in fewer documents are dropped. */
  minDocs?: number;
  /** At most this many features, the most frequent by documents. */
  maxFeatures?: number;
}

export function trainNb(samples: readonly Sample[], options: TrainOptions = {}): NbHead {
  const alpha = options.alpha ?? 1;
  const minDocs = options.minDocs ?? 2;
  const maxFeatures = options.maxFeatures ?? 50_000;
  const labelIndex = new Map<string, number>();
  const labelDocs: number[] = [];
  for (const s of samples) {
    let i = labelIndex.get(s.label);
    if (i === undefined) {
      i = labelIndex.size;
      labelIndex.set(s.label, i);
      labelDocs.push(0);
    }
    labelDocs[i] = (labelDocs[i] ?? 0) + 1;
  }
  // document frequency, then the kept vocabulary
  const docFreq = new Map<string, number>();
  for (const s of samples) for (const f of new Set(s.features)) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  const vocab = [...docFreq]
    .filter(([, n]) => n >= minDocs)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxFeatures)
    .map(([f]) => f);
  const kept = new Set(vocab);
  const counts = new Map<string, Map<number, number>>();
  const totals: number[] = labelDocs.map(() => 0);
  for (const s of samples) {
    const li = labelIndex.get(s.label) as number;
    for (const f of s.features) {
      if (!kept.has(f)) continue;
      let m = counts.get(f);
      if (!m) {
        m = new Map();
        counts.set(f, m);
      }
      m.set(li, (m.get(li) ?? 0) + 1);
      totals[li] = (totals[li] ?? 0) + 1;
    }
  }
  const features: Record<string, number[]> = {};
  for (const f of vocab) {
    const m = counts.get(f);
    if (m) features[f] = [...m].sort((a, b) => a[0] - b[0]).flat();
  }
  const n = samples.length;
  return {
    labels: [...labelIndex.keys()],
    logPrior: labelDocs.map((d) => Math.log(d / n)),
    logDenominator: totals.map((t) => Math.log(t + alpha * vocab.length)),
    features,
    alpha,
    temperature: 1,
  };
}

/** Log scores of every label (up to a constant shared by all labels). */
export function logScores(head: NbHead, features: readonly string[]): number[] {
  const scores = [...head.logPrior];
  const logAlpha = Math.log(head.alpha);
  let known = 0;
  for (const f of features) {
    const entry = head.features[f];
    if (!entry) continue;
    known++;
    for (let i = 0; i < entry.length; i += 2) {
      const li = entry[i] as number;
      scores[li] = (scores[li] as number) + Math.log((entry[i + 1] as number) + head.alpha) - logAlpha;
    }
  }
  for (let li = 0; li < scores.length; li++)
    scores[li] = (scores[li] as number) - known * (head.logDenominator[li] as number);
  return scores;
}

export function softmax(scores: readonly number[], temperature = 1): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp((s - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export interface Prediction {
  label: string;
  probability: number;
}

/** Labels by probability, best first; `known` = how many of the features the model knows. */
export function predict(head: NbHead, features: readonly string[], top = 3): Prediction[] {
  const p = softmax(logScores(head, features), head.temperature);
  return head.labels
    .map((label, i) => ({ label, probability: p[i] as number }))
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1))
    .slice(0, top);
}

export function knownFeatures(head: NbHead, features: readonly string[]): number {
  let n = 0;
  for (const f of features) if (head.features[f]) n++;
  return n;
}

const TEMPERATURES = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];

export interface HeadEvaluation {
  accuracy: number;
  top3Accuracy: number;
  /** the temperature with the least negative log-likelihood on the holdout */
  temperature: number;
}

/** Accuracy of a head on held-out samples, and the temperature that calibrates it best. */
export function evaluateNb(head: NbHead, holdout: readonly Sample[]): HeadEvaluation {
  let top1 = 0;
  let top3 = 0;
  const nll = TEMPERATURES.map(() => 0);
  for (const s of holdout) {
    const scores = logScores(head, s.features);
    const li = head.labels.indexOf(s.label);
    const order = scores.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
    if (order[0]?.[1] === li) top1++;
    if (order.slice(0, 3).some((o) => o[1] === li)) top3++;
    TEMPERATURES.forEach((t, ti) => {
      const p = li < 0 ? 0 : (softmax(scores, t)[li] as number);
      nll[ti] = (nll[ti] as number) - Math.log(Math.max(p, 1e-12));
    });
  }
  let best = 0;
  for (let i = 1; i < nll.length; i++) if ((nll[i] as number) < (nll[best] as number)) best = i;
  const n = Math.max(1, holdout.length);
  return { accuracy: top1 / n, top3Accuracy: top3 / n, temperature: TEMPERATURES[best] as number };
}

export interface HeadTraining {
  head: NbHead;
  trainCount: number;
  holdoutCount: number;
  evaluation: HeadEvaluation | null;
}

/**
 * Trains on the samples not held out, measures on those held out (when there are at least
 * `minHoldout`), then trains the kept model on all samples with the fitted temperature.
 */
export function trainWithHoldout(
  samples: readonly (Sample & { holdout: boolean })[],
  options: TrainOptions & { minHoldout?: number } = {},
): HeadTraining {
  const train = samples.filter((s) => !s.holdout);
  const holdout = samples.filter((s) => s.holdout);
  let evaluation: HeadEvaluation | null = null;
  if (holdout.length >= (options.minHoldout ?? 10) && train.length > 0) {
    evaluation = evaluateNb(trainNb(train, options), holdout);
  }
  const head = trainNb(samples, options);
  head.temperature = evaluation?.temperature ?? 1;
  return { head, trainCount: train.length, holdoutCount: holdout.length, evaluation };
}
