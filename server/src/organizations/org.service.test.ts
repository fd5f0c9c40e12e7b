import { expect, test } from 'vitest';
import { ancestorIds } from './org.service.ts';

test('ancestor ids come from the materialized path, root first, self excluded', () => {
  expect(ancestorIds('/1/')).toEqual([]);
  expect(ancestorIds('/1/5/9/')).toEqual([1, 5]);
});
