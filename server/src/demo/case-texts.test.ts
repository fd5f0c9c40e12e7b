import { describe, expect, it } from 'vitest';
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
    const text = caseText(createRng(1), { code: 'X99-01', name_zh: '新类别' }, '网格', '路口');
    expect(text.title).toContain('新类别');
    expect(text.description).toContain('路口发现新类别');
  });
});
