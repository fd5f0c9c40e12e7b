import { describe, expect, test } from 'vitest';
import { evaluateNb, predict, softmax, trainNb, trainWithHoldout } from './naive-bayes.ts';
import { textFeatures } from './text-features.ts';

const CORPUS: [string, string][] = [
  ['路灯不亮', '小区门口路灯不亮了，晚上很黑'],
  ['路灯不亮', '主干道路灯坏了好几盏'],
  ['路灯不亮', '公园里的路灯一直不亮'],
  ['路灯不亮', '桥下路灯闪烁后熄灭'],
  ['垃圾', '垃圾桶满了没人清理，臭味很大'],
  ['垃圾', '路边堆放生活垃圾无人清运'],
  ['垃圾', '垃圾站周边污水横流'],
  ['垃圾', '建筑垃圾乱倒在河边'],
  ['噪音', '楼下商铺音响噪音扰民'],
  ['噪音', '夜间施工噪音太大睡不着'],
  ['噪音', '广场舞音乐声音太吵'],
  ['噪音', '工地晚上施工噪声扰民'],
];
const samples = CORPUS.map(([label, text]) => ({ label, features: textFeatures(text) }));

describe('multinomial naive Bayes', () => {
  test('learns a small corpus and classifies new texts', () => {
    const head = trainNb(samples, { minDocs: 1 });
    expect([...head.labels].sort()).toEqual(['噪音', '垃圾', '路灯不亮']);
    expect(predict(head, textFeatures('门口的路灯坏了'))[0]?.label).toBe('路灯不亮');
    expect(predict(head, textFeatures('垃圾没人清理'))[0]?.label).toBe('垃圾');
    expect(predict(head, textFeatures('隔壁装修噪音扰民'))[0]?.label).toBe('噪音');
  });

  test('probabilities sum to 1 over all labels and are sorted', () => {
    const head = trainNb(samples, { minDocs: 1 });
    const all = predict(head, textFeatures('路灯旁边的垃圾'), 10);
    expect(all).toHaveLength(3);
    expect(all.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 9);
    expect(all[0]?.probability).toBeGreaterThanOrEqual(all[1]?.probability ?? 0);
  });

  test('an unknown text answers the priors', () => {
    const head = trainNb([...samples, samples[0] as (typeof samples)[0]], { minDocs: 1 });
    const p = predict(head, textFeatures('完全无关'), 3);
    expect(p[0]?.label).toBe('路灯不亮');
    expect(p[0]?.probability).toBeCloseTo(5 / 13, 6);
  });

  test('rare features are dropped by minDocs and the vocabulary is capped', () => {
    expect(Object.keys(trainNb(samples, { minDocs: 2 }).features)).toContain('w:路灯');
    expect(Object.keys(trainNb(samples, { minDocs: 2 }).features)).not.toContain('b:场舞');
    expect(Object.keys(trainNb(samples, { minDocs: 1, maxFeatures: 5 }).features)).toHaveLength(5);
  });

  test('the holdout measures accuracy and fits a temperature; the kept model learns everything', () => {
    const flagged = samples.map((s, i) => ({ ...s, holdout: i % 4 === 3 }));
    const r = trainWithHoldout(flagged, { minDocs: 1, minHoldout: 3 });
    expect(r.holdoutCount).toBe(3);
    expect(r.trainCount).toBe(9);
    expect(r.evaluation?.accuracy).toBeGreaterThanOrEqual(2 / 3);
    expect(r.evaluation?.top3Accuracy).toBe(1);
    expect(r.head.temperature).toBe(r.evaluation?.temperature);
    expect(Object.keys(r.head.features)).toContain('b:场舞');
    // too small a holdout: no figure
    expect(trainWithHoldout(flagged, { minDocs: 1 }).evaluation).toBeNull();
  });

  test('evaluation counts a label never seen in training as a miss', () => {
    const head = trainNb(samples, { minDocs: 1 });
    const e = evaluateNb(head, [{ label: '其他', features: textFeatures('路灯') }]);
    expect(e.accuracy).toBe(0);
  });

  test('softmax with a temperature flattens', () => {
    const sharp = softmax([0, -10]);
    const flat = softmax([0, -10], 10);
    expect(sharp[0]).toBeGreaterThan(flat[0] as number);
    expect(flat[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 9);
  });
});
