import { expect, test } from 'vitest';
import { checkPasswordPolicy } from './password-policy.ts';

test('accepts a long password with three classes', () => {
  expect(checkPasswordPolicy('Qiangji@2026', '4407', 10)).toEqual([]);
});

test('names every broken rule', () => {
  expect(checkPasswordPolicy('abc', 'abc', 10).map((v) => v.rule)).toEqual([
    'min_length',
    'classes',
    'contains_username',
  ]);
  expect(checkPasswordPolicy('alllowercase', 'x1', 10).map((v) => v.rule)).toEqual(['classes']);
});
