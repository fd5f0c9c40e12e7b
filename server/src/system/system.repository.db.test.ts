// The SQL of the server itself (system.repository.sql), on both engines: the health check's read, whether
// the database holds data, the demo accounts printed at start.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './system.repository.ts';

const snapshot = sqlSnapshot(new URL('./system.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('system.repository', () => {
  test('the health read, the data present, the demo accounts', async () => {
    const { db } = database;
    await snapshot.record('databaseAnswers', db, (d) => repo.databaseAnswers(d));
    expect(await snapshot.record('isEmpty', db, (d) => repo.isEmpty(d))).toBe(false);
    const logins = await snapshot.record('demoLogins', db, (d) => repo.demoLogins(d));
    expect(logins[0]).toMatchObject({ username: '4407' });
    expect(logins.length).toBeGreaterThanOrEqual(2);
  });
});
