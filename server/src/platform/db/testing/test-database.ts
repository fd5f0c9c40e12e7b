// Each test file gets its own fresh database on the engine of its Vitest project (QJ_TEST_ENGINE):
// a copy of the template that the global setup migrated (and seeded) once for the whole run.
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../engine.ts';
import { openTestPglite } from './pglite.ts';
import { currentEngine, type TestTemplates, useTestDataKey, withDatabase } from './test-env.ts';

export { TEST_DATA_KEY, TEST_PASSWORD } from './test-env.ts';

export interface TestDatabaseOptions {
  /** Seeded with the demo data at scale 'test' (default); false: migrated only. */
  seeded?: boolean;
}

let counter = 0;

function templates(): TestTemplates {
  const engine = currentEngine();
  const provided = inject('qjTemplates');
  if (!provided || provided.engine !== engine) {
    throw new Error(
      `no ${engine} test template: run database tests through the Vitest projects db-pglite/db-postgres ` +
        '(vitest.config.ts), whose global setup prepares it',
    );
  }
  return provided;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  useTestDataKey();
  const seeded = options.seeded ?? true;
  const t = templates();
  if (t.engine === 'pglite') {
    const file = seeded ? t.pglite?.seeded : t.pglite?.empty;
    if (!file) throw new Error('the PGlite template is missing');
    const { database } = await openTestPglite(new Blob([fs.readFileSync(file)]));
    return database;
  }
  const source = t.postgres;
  if (!source) throw new Error('the PostgreSQL template is missing');
  const name = `qj_test_${process.pid}_${++counter}_${Date.now().toString(36)}`;
  await adminQuery(source.url, `create database ${name} template ${seeded ? source.seeded : source.empty}`);
  const database = await openDatabase({ databaseUrl: withDatabase(source.url, name), poolSize: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(source.url, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
