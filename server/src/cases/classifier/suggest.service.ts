// Help for the dispatcher before filing (GET /api/cases/suggest): the likely sub-categories of a text
// with their probabilities (the trained classifier; keyword scoring of the catalog names while no model
// exists), the department the area's routing would choose, and likely duplicates — same category (the
// chosen one, else the likely ones), within N meters and M days, similar text — among the cases the
// actor may see.
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/handle.ts';
import { equirectangularM, METERS_PER_DEGREE } from '../../platform/geo/distance.ts';
import { readSetting } from '../../platform/settings/settings.ts';
import { locate } from '../case-intake.service.ts';
import { type CaseReference, caseReference } from '../case-reference.ts';
import { duplicateCandidates } from './classifier.repository.ts';
import { CLASSIFIER_SETTINGS_DEFAULTS, CLASSIFIER_SETTINGS_KEY } from './classifier-settings.ts';
import { currentClassifier, type LoadedClassifier } from './classifier-store.ts';
import { knownFeatures, predict } from './naive-bayes.ts';
import { setCosine, similarityTerms, textFeatures } from './text-features.ts';

export interface SuggestInput {
  text: string;
  lng?: number | undefined;
  lat?: number | undefined;
  /** The category already chosen (duplicates are searched in it rather than in the best guess). */
  categoryCode?: string | undefined;
  /** The case under review: never its own duplicate. */
  caseId?: number | undefined;
}

export interface CategoryGuess {
  code: string;
  name: string;
  className: string | null;
  probability: number;
}

/**
 * Keyword scoring of the catalog names (the characters and bigrams of each sub-category and class
 * name found in the text): the answer while no classifier was trained.
 */
export function scoreCategories(
  text: string,
  cats: { code: string; name: string; parentName: string | null }[],
): { code: string; name: string; score: number }[] {
  const t = text.replace(/\s+/g, '');
  if (!t) return [];
  const bigrams = (s: string) =>
    Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const scored = cats.map((c) => {
    let score = 0;
    if (t.includes(c.name)) score += 10;
    const grams = bigrams(c.name);
    for (const g of grams) if (t.includes(g)) score += 2;
    if (c.parentName) for (const g of bigrams(c.parentName)) if (t.includes(g)) score += 0.5;
    return { code: c.code, name: c.name, score: grams.length ? score / Math.sqrt(grams.length) : 0 };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, 5);
}

/** The likely sub-categories of a text, best first (at most `top`), and where the guess came from. */
export function guessCategories(
  ref: CaseReference,
  classifier: LoadedClassifier | null,
  text: string,
  top = 3,
): { source: 'model' | 'keywords'; categories: CategoryGuess[] } {
  const describe = (code: string, probability: number): CategoryGuess | null => {
    const c = ref.categories.get(code);
    if (!c || c.parentCode === null) return null;
    const klass = ref.categories.get(c.parentCode);
    return { code, name: c.name, className: klass?.name ?? null, probability };
  };
  const features = textFeatures(text);
  if (classifier && knownFeatures(classifier.model.category, features) > 0) {
    const guesses = predict(classifier.model.category, features, top + 2)
      .map((p) => describe(p.label, p.probability))
      .filter((g): g is CategoryGuess => g !== null)
      .slice(0, top);
    return { source: 'model', categories: guesses.map((g) => ({ ...g, probability: round(g.probability) })) };
  }
  const subs = [...ref.categories.values()].filter((c) => c.parentCode !== null);
  const scored = scoreCategories(
    text,
    subs.map((s) => ({
      code: s.code,
      name: s.name,
      parentName: s.parentCode ? (ref.categories.get(s.parentCode)?.name ?? null) : null,
    })),
  );
  const total = scored.reduce((a, s) => a + s.score, 0);
  const categories = scored
    .map((s) => describe(s.code, total ? s.score / total : 0))
    .filter((g): g is CategoryGuess => g !== null)
    .slice(0, top)
    .map((g) => ({ ...g, probability: round(g.probability) }));
  return { source: 'keywords', categories };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The kind that closed similar cases is named when the department head is at least this sure. */
const HISTORY_MIN_PROBABILITY = 0.5;
/** Without a chosen category, duplicates are searched in every guessed category at least this likely. */
const DUPLICATE_CATEGORY_MIN_PROBABILITY = 0.1;

export async function suggest(db: Db, actor: Actor, input: SuggestInput) {
  const [ref, classifier, settings] = await Promise.all([
    caseReference(db),
    currentClassifier(db),
    readSetting(db, CLASSIFIER_SETTINGS_KEY, CLASSIFIER_SETTINGS_DEFAULTS),
  ]);
  const guess = guessCategories(ref, classifier, input.text);
  let county: string | null = actor.scopeCountyCode;
  let wgs: { lng: number; lat: number } | null = null;
  if (input.lng !== undefined && input.lat !== undefined) {
    const loc = await locate(db, input.lng, input.lat);
    county = loc.place.countyCode;
    wgs = { lng: loc.lng, lat: loc.lat };
  }

  // the department intake would route to (the category's default kind in the area's county), then
  // the kind that finally handled similar cases, as history says
  const departments: {
    id: number;
    name: string;
    kind: string;
    reason: 'category' | 'history';
    probability: number;
  }[] = [];
  const add = (kind: string | null | undefined, reason: 'category' | 'history', probability: number) => {
    const d = county && kind ? ref.departmentByKind.get(`${county}:${kind}`) : null;
    if (d && !departments.some((x) => x.id === d.id))
      departments.push({ id: d.id, name: d.name, kind: d.kind, reason, probability });
  };
  const chosen = input.categoryCode ? ref.categories.get(input.categoryCode) : undefined;
  if (chosen) add(chosen.departmentKind, 'category', 1);
  for (const c of guess.categories)
    add(ref.categories.get(c.code)?.departmentKind, 'category', c.probability);
  const head = classifier?.model.department;
  if (head && guess.source === 'model') {
    // only a clear lesson of history: a weak guess of the kind would only add noise
    for (const p of predict(head, textFeatures(input.text), 2))
      if (p.probability >= HISTORY_MIN_PROBABILITY) add(p.label, 'history', round(p.probability));
  }

  const categoryCodes = chosen?.parentCode
    ? [chosen.code]
    : guess.categories
        .filter((c, i) => i === 0 || c.probability >= DUPLICATE_CATEGORY_MIN_PROBABILITY)
        .map((c) => c.code);
  const duplicates =
    categoryCodes.length > 0 && wgs
      ? await likelyDuplicates(db, actor, {
          text: input.text,
          categoryCodes,
          ...wgs,
          excludeId: input.caseId,
          radiusM: settings.duplicateRadiusM,
          days: settings.duplicateDays,
          minSimilarity: settings.duplicateMinSimilarity,
          limit: settings.duplicateLimit,
        })
      : [];
  return {
    source: guess.source,
    model: classifier
      ? {
          version: classifier.info.version,
          trainedAt: classifier.info.trainedAt,
          sampleCount: classifier.info.sampleCount,
          accuracy: classifier.info.accuracy,
          // measured on these closed cases, held out of the training that measured it
          holdoutCount: classifier.info.holdoutCount,
          top3Accuracy: classifier.info.top3Accuracy,
        }
      : null,
    categories: guess.categories.map((c) => ({ ...c, score: c.probability })),
    department: departments[0] ?? null,
    departments,
    duplicateRule: {
      categoryCodes,
      radiusM: settings.duplicateRadiusM,
      days: settings.duplicateDays,
      minSimilarity: settings.duplicateMinSimilarity,
    },
    duplicates,
  };
}

/**
 * Cases of the categories within `radiusM` of the point, reported in the last `days`, whose text is
 * similar; scoped to the actor. A bounding box on lng/lat in SQL (beside the category and time index),
 * then the exact distance and the similarity here. Rejected cases are no one's original.
 */
export async function likelyDuplicates(
  db: Db,
  actor: Actor,
  q: {
    text: string;
    /** the case's category, or the likely ones while it has none */
    categoryCodes: string[];
    lng: number;
    lat: number;
    excludeId?: number | undefined;
    radiusM: number;
    days: number;
    minSimilarity: number;
    limit: number;
    now?: Date;
  },
) {
  const now = q.now ?? new Date();
  const dLat = q.radiusM / METERS_PER_DEGREE;
  const dLng = dLat / Math.max(0.01, Math.cos((q.lat * Math.PI) / 180));
  const since = new Date(now.getTime() - q.days * 86_400_000);
  const rows = await duplicateCandidates(db, actor, {
    categoryCodes: q.categoryCodes,
    since,
    minLat: q.lat - dLat,
    maxLat: q.lat + dLat,
    minLng: q.lng - dLng,
    maxLng: q.lng + dLng,
    excludeId: q.excludeId,
  });
  const mine = similarityTerms(q.text);
  const windowMs = q.days * 86_400_000;
  const out = [];
  for (const r of rows) {
    if (r.lng === null || r.lat === null) continue;
    const distanceM = equirectangularM(q.lng, q.lat, r.lng, r.lat);
    if (distanceM > q.radiusM) continue;
    const similarity = setCosine(mine, similarityTerms(`${r.title}\n${r.description}`));
    if (similarity < q.minSimilarity) continue;
    const age = Math.max(0, now.getTime() - r.created_at.getTime());
    // text counts most; nearer and newer break ties
    const score =
      0.6 * similarity + 0.25 * (1 - distanceM / q.radiusM) + 0.15 * (1 - Math.min(1, age / windowMs));
    out.push({
      id: Number(r.id),
      caseNo: r.case_no,
      title: r.title,
      state: r.state,
      distanceM: Math.round(distanceM),
      createdAt: r.created_at,
      similarity: round(similarity),
      score: round(score),
    });
  }
  return out.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, q.limit);
}
