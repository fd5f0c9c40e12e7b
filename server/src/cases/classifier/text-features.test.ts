import { describe, expect, test } from 'vitest';
import {
  hanBigrams,
  jaccard,
  segmentWords,
  setCosine,
  similarityTerms,
  textFeatures,
} from './text-features.ts';

describe('segmentation (ICU dictionary words)', () => {
  test('splits a report into dictionary words, without punctuation or stop words', () => {
    expect(segmentWords('小区门口路灯不亮了，晚上很黑')).toEqual([
      '小区',
      '门口',
      '路灯',
      '不',
      '亮了',
      '晚上',
      '黑',
    ]);
    expect(segmentWords('垃圾桶满了没人清理，臭味很大')).toContain('垃圾桶');
    expect(segmentWords('请尽快处理')).toEqual([]);
  });

  test('keeps Latin words lower-cased and drops bare numbers', () => {
    expect(segmentWords('5G基站 WiFi 信号差 12 号')).toEqual(expect.arrayContaining(['5g', 'wifi', '信号']));
    expect(segmentWords('12 号')).not.toContain('12');
  });

  test('full-width characters are normalized', () => {
    expect(segmentWords('ＡＢＣ')).toEqual(['abc']);
  });

  test('bigrams cover each run of Han characters', () => {
    expect(hanBigrams('网格员a路灯')).toEqual(['网格', '格员', '路灯']);
    expect(textFeatures('路灯不亮')).toEqual(
      expect.arrayContaining(['w:路灯', 'b:路灯', 'b:灯不', 'b:不亮']),
    );
  });
});

describe('similarity', () => {
  test('the same problem told twice is similar; another problem is not', () => {
    const a = similarityTerms('小区门口路灯不亮了，晚上很黑');
    const b = similarityTerms('门口的路灯坏了不亮');
    const c = similarityTerms('垃圾桶满了没人清理');
    expect(setCosine(a, b)).toBeGreaterThan(0.3);
    expect(setCosine(a, c)).toBeLessThan(0.1);
    expect(jaccard(a, b)).toBeGreaterThan(jaccard(a, c));
  });

  test('bounds: identical sets score 1, empty sets 0', () => {
    const a = new Set(['x', 'y']);
    expect(setCosine(a, new Set(['x', 'y']))).toBe(1);
    expect(jaccard(a, new Set(['x', 'y']))).toBe(1);
    expect(setCosine(a, new Set())).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
