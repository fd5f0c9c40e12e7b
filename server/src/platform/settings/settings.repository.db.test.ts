// The SQL of the setting table (settings.repository.sql) and of the data key's samples
// (crypto/key-check.repository.sql), on both engines, on a database migrated only, the writes rolled back.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../access/testing/account-actor.ts';
import { encryptedSamples } from '../crypto/key-check.repository.ts';
import type { Database } from '../db/engine.ts';
import type { DB } from '../db/schema.ts';
import { sqlSnapshot } from '../db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import * as repo from './settings.repository.ts';

const snapshot = sqlSnapshot(new URL('./settings.repository.sql', import.meta.url));
const keySnapshot = sqlSnapshot(new URL('../crypto/key-check.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: false });
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  keySnapshot.verify();
  await database?.close();
});

describe('settings.repository', () => {
  test('a value read, written, replaced, kept (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      expect(
        await snapshot.record('settingValue', k, (d) => repo.settingValue(d, 'repository-test')),
      ).toBeUndefined();
      await snapshot.record('insertSettingIfAbsent', k, (d) =>
        repo.insertSettingIfAbsent(d, 'repository-test', '{"a":1}', '测试'),
      );
      await repo.insertSettingIfAbsent(trx, 'repository-test', '{"a":2}', '测试');
      expect(await repo.settingValue(trx, 'repository-test')).toEqual({ a: 1 });
      await snapshot.record('upsertSetting', k, (d) =>
        repo.upsertSetting(d, 'repository-test', '{"a":3}', '测试'),
      );
      expect(await repo.settingValue(trx, 'repository-test')).toEqual({ a: 3 });
    });
  });
});

describe('key-check.repository', () => {
  test('the encrypted samples (none in a database without people)', async () => {
    expect(await keySnapshot.record('encryptedSamples', database.db, (d) => encryptedSamples(d))).toEqual([]);
  });
});
