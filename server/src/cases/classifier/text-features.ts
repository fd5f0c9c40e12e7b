// Chinese text → features. Words come from ICU's dictionary-based word segmentation, built into Node
// (Intl.Segmenter, granularity 'word'): no dependency, maintained with ICU. Character bigrams of the
// Han runs add what the dictionary splits too finely (网/格 → 网格) or does not know (local names).
// Pure: no storage.

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Common words that say nothing about the kind of problem (请/尽快/处理 …). Single Han characters are
 * kept as words only when they are not in this list.
 */
const STOP_WORDS = new Set([
  '的',
  '了',
  '是',
  '在',
  '有',
  '和',
  '与',
  '及',
  '也',
  '都',
  '很',
  '就',
  '请',
  '尽快',
  '处理',
  '发现',
  '反映',
  '问题',
  '情况',
  '现在',
  '目前',
  '一个',
  '我们',
  '你们',
  '他们',
  '这个',
  '那个',
  '这里',
  '那里',
  '希望',
  '相关',
  '部门',
]);

/** The words of a text, in order: ICU word segments that are word-like, lower-cased, stop words out. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC'))) {
    if (!s.isWordLike) continue;
    const w = s.segment.toLowerCase();
    if (STOP_WORDS.has(w)) continue;
    // digits alone (house numbers, dates) do not classify
    if (/^\d+$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Character bigrams of every run of Han characters. */
export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFKC').match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Classifier features: `w:` words and `b:` Han bigrams, with repeats (the model counts them). */
export function textFeatures(text: string): string[] {
  const words = segmentWords(text).map((w) => `w:${w}`);
  const bigrams = hanBigrams(text).map((b) => `b:${b}`);
  return [...words, ...bigrams];
}

/**
 * The set a text is compared by for duplicates: its words, without single Han characters (they
 * match too easily), plus its Han bigrams.
 */
export function similarityTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const w of segmentWords(text)) if (!(w.length === 1 && HAN.test(w))) terms.add(`w:${w}`);
  for (const b of hanBigrams(text)) terms.add(`b:${b}`);
  return terms;
}

/** Jaccard similarity of two term sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const t of small) if (large.has(t)) common++;
  return common / (a.size + b.size - common);
}

/** Cosine similarity of two term sets (binary vectors): |A ∩ B| / √(|A|·|B|). */
export function setCosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const t of small) if (large.has(t)) common++;
  return common / Math.sqrt(a.size * b.size);
}
