// Issue 10 item 6: a server whose data key cannot read the personal data already stored refuses to
// start, naming QJ_DATA_KEY — whether the database has the check value yet or only encrypted data.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/engine.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { TEST_DATA_KEY } from '../db/testing/test-env.ts';
import { setDataKey } from './crypto.ts';
import { checkDataKey, DataKeyMismatchError } from './key-check.ts';

const OTHER_KEY = 'ffeeddccbbaa99887766554433221100';
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);

afterEach(() => setDataKey(TEST_DATA_KEY));

afterAll(async () => {
  await database?.close();
});

const checkValue = () =>
  database.db.selectFrom('setting').select('value').where('key', '=', 'data_key_check').executeTakeFirst();

describe('the data key check at start', () => {
  test('data written with another key and no check value yet: refused, naming QJ_DATA_KEY', async () => {
    expect(await checkValue()).toBeUndefined();
    setDataKey(OTHER_KEY);
    const refused = checkDataKey(database.db, 'DATABASE_URL');
    await expect(refused).rejects.toBeInstanceOf(DataKeyMismatchError);
    await expect(checkDataKey(database.db, 'DATABASE_URL')).rejects.toThrow(/QJ_DATA_KEY/);
    expect(await checkValue()).toBeUndefined();
  });

  test('the right key passes and leaves the check value; later starts check it', async () => {
    expect(await checkDataKey(database.db, 'DATABASE_URL')).toBe('first');
    expect(await checkValue()).toBeDefined();
    expect(await checkDataKey(database.db, 'DATABASE_URL')).toBe('checked');
  });

  test('with the check value, another key is refused even where no personal data is read', async () => {
    setDataKey(OTHER_KEY);
    await expect(checkDataKey(database.db, 'DATABASE_URL')).rejects.toThrow(/QJ_DATA_KEY/);
  });

  test('an empty database takes the key it is given', async () => {
    const empty = await createTestDatabase({ seeded: false });
    try {
      setDataKey(OTHER_KEY);
      expect(await checkDataKey(empty.db, 'DATABASE_URL')).toBe('first');
      expect(await checkDataKey(empty.db, 'DATABASE_URL')).toBe('checked');
      setDataKey(TEST_DATA_KEY);
      await expect(checkDataKey(empty.db, 'DATABASE_URL')).rejects.toThrow(/QJ_DATA_KEY/);
    } finally {
      await empty.close();
    }
  });
});
