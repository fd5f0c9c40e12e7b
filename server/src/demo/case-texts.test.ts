import { describe, expect, it } from 'vitest';
import { trainWithHoldout } from '../cases/classifier/naive-bayes.ts';
import { textFeatures } from '../cases/classifier/text-features.ts';
import { SUBCATEGORIES } from '../cases/domain/catalog.ts';
import { CASE_TEXTS, caseText } from './case-texts.ts';
import { createRng } from './random.ts';

describe('case texts', () => {
  it('has at least 5 reports for every sub-category of the catalog, and none for unknown codes', () => {
    for (const sub of SUBCATEGORIES)
      expect(CASE_TEXTS[sub.code]?.length ?? 0, sub.code).toBeGreaterThanOrEqual(5);
    const codes = new Set(SUBCATEGORIES.map((s) => s.code));
    expect(Object.keys(CASE_TEXTS).filter((c) => !codes.has(c))).toEqual([]);
  });

  it('writes each report as title|description, short titles, mostly without the sub-category name', () => {
    for (const sub of SUBCATEGORIES) {
      const texts = CASE_TEXTS[sub.code] ?? [];
      for (const t of texts) {
        const parts = t.split('|');
        expect(parts, t).toHaveLength(2);
        expect((parts[0] as string).length, t).toBeLessThanOrEqual(30);
        expect((parts[1] as string).length, t).toBeGreaterThan(5);
      }
      expect(new Set(texts).size, sub.code).toBe(texts.length);
      const named = texts.filter((t) => t.includes(sub.name_zh)).length;
      expect(named / texts.length, sub.code).toBeLessThanOrEqual(0.3);
    }
  });

  it('fills the placeholders and stays within the case limits (title 100, description 2000)', () => {
    const rng = createRng(7);
    for (const sub of SUBCATEGORIES)
      for (let i = 0; i < 20; i++) {
        const text = caseText(rng, sub, '西郊村第12网格', '小区门口');
        expect(text.title.length).toBeLessThanOrEqual(100);
        expect(text.description.length).toBeLessThanOrEqual(2000);
        expect(`${text.title}${text.description}`).not.toMatch(/[{}|]/);
      }
  });

  it('is deterministic for a seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed, 'texts');
      return SUBCATEGORIES.map((sub) => caseText(rng, sub, '北街第1网格', '路口'));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('falls back to the name for a sub-category without texts', () => {
    const rng = createRng(1);
    const texts = Array.from({ length: 20 }, () =>
      caseText(rng, { code: 'X99-01', name_zh: '新类别' }, '网格', '路口'),
    );
    expect(texts.some((t) => t.title.includes('新类别') && t.description.includes('路口发现新类别'))).toBe(
      true,
    );
  });
});

describe('the words people use', () => {
  const rng = createRng(4407, 'variety');
  const samples = Array.from({ length: 4000 }, (_, i) => {
    const sub = rng.pick(SUBCATEGORIES);
    return { sub, text: caseText(rng, sub, '桥南社区第1网格', rng.pick(['路口', '小区门口', '市场旁'])), i };
  });
  const all = samples.map((s) => `${s.text.title}${s.text.description}`).join('\n');

  it('vary: Cantonese-flavoured phrasing, typos, vague and mixed reports are all there', () => {
    for (const word of ['呢度', '冇', '咗', '以经', '拉圾', '另外，', '一直没人来处理'])
      expect(all.includes(word), word).toBe(true);
    // few reports repeat another word for word
    const distinct = new Set(samples.map((s) => s.text.description)).size;
    expect(distinct / samples.length).toBeGreaterThan(0.7);
  });

  it('give the classifier a believable held-out accuracy, not 100 %', () => {
    const trained = trainWithHoldout(
      samples.map((s) => ({
        features: textFeatures(`${s.text.title}\n${s.text.description}`),
        label: s.sub.code,
        holdout: s.i % 5 === 0,
      })),
    );
    const accuracy = trained.evaluation?.accuracy ?? 0;
    expect(accuracy).toBeGreaterThan(0.75);
    expect(accuracy).toBeLessThan(0.95);
    // the probabilities are softened (a temperature fitted on the held-out cases), never 100 / 0 / 0
    expect(trained.head.temperature).toBeGreaterThan(1);
  });
});
