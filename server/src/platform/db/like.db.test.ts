// LIKE patterns built from a person's text match it literally on both engines.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from './engine.ts';
import { escapeLike } from './like.ts';
import { createTestDatabase } from './testing/test-database.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: false });
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const containing = (text: string) => `%${escapeLike(text)}%`;
const startingWith = (text: string) => `${escapeLike(text)}%`;
const like = async (value: string, pattern: string) =>
  (await sql<{ m: boolean }>`select ${value}::text like ${pattern} as m`.execute(database.db)).rows[0]?.m;

test('escapeLike escapes %, _ and the backslash, and nothing else', () => {
  expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  expect(escapeLike('江门市蓬江区')).toBe('江门市蓬江区');
});

test('wildcards and backslashes in the text match only themselves', async () => {
  expect(await like('完成率100%', containing('100%'))).toBe(true);
  expect(await like('完成率1000', containing('100%'))).toBe(false);
  expect(await like('a_b', containing('_'))).toBe(true);
  expect(await like('ab', containing('a_b'))).toBe(false);
  expect(await like('C:\\dir', containing('\\'))).toBe(true);
  expect(await like('C:/dir', containing('\\'))).toBe(false);
  expect(await like('440703', startingWith('4407'))).toBe(true);
  expect(await like('144070', startingWith('4407'))).toBe(false);
  expect(await like('4407%', startingWith('4407%'))).toBe(true);
  expect(await like('44070', startingWith('4407%'))).toBe(false);
});
