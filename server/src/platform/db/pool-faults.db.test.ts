// Issue 10 item 5, the flake of `npm test`: a test database dropped with force under an idle pool
// connection ended the run with an uncaught `57P01 terminating connection due to administrator
// command`. The class: a node-postgres connection that the server ends emits 'error', and an emitter
// without a listener ends the process. Every pool and connection now listens (pg-pool.ts), and
// close() ends the pool even when only exec() used it. Vitest fails a run on any uncaught error, so
// these tests fail if the class comes back.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Database } from './engine.ts';
import { createTestDatabase } from './testing/test-database.ts';
import { currentEngine } from './testing/test-env.ts';

const engine = currentEngine();
const opened: Database[] = [];

afterAll(async () => {
  for (const d of opened) await d.close().catch(() => undefined);
});

async function admin(text: string, params: unknown[] = []) {
  const url = inject('qjTemplates').postgres?.url;
  if (!url) throw new Error('no PostgreSQL template');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

const databaseName = async (d: Database) =>
  (await sql<{ name: string }>`select current_database() as name`.execute(d.db)).rows[0]?.name ?? '';

describe(`pool faults on ${engine}`, () => {
  test('close() after exec() alone leaves no connection behind', async () => {
    const d = await createTestDatabase({ seeded: false });
    await d.exec('create table close_probe (id int)');
    await d.close();
    await expect(d.exec('select 1')).rejects.toThrow();
  });

  test('connections ended by the server (idle, and inside a transaction) end no process', async () => {
    const d = await createTestDatabase({ seeded: false });
    opened.push(d);
    // several connections, then idle
    await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(d.db)));
    const name = await databaseName(d);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    // one connection inside a transaction, between two statements, when it is ended
    const inTransaction = d.db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await held;
        await sql`select 2`.execute(trx);
      })
      .then(
        () => 'committed',
        () => 'failed',
      );
    await new Promise((r) => setTimeout(r, 100));
    if (engine === 'postgres') {
      const ended = await admin(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [name],
      );
      expect(ended.length).toBeGreaterThanOrEqual(2);
    }
    await new Promise((r) => setTimeout(r, 200));
    release();
    expect(await inTransaction).toBe(engine === 'postgres' ? 'failed' : 'committed');
    // the pool replaces what it lost
    const again = await sql<{ n: number }>`select 1 as n`.execute(d.db);
    expect(again.rows[0]?.n).toBe(1);
  });

  test('a database dropped with force under idle connections ends no process', async () => {
    const d = await createTestDatabase({ seeded: false });
    await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(d.db)));
    if (engine === 'postgres') {
      const name = await databaseName(d);
      await admin(`drop database "${name}" with (force)`);
      await new Promise((r) => setTimeout(r, 300));
      await expect(sql`select 1`.execute(d.db)).rejects.toThrow();
    } else {
      // PGlite has no server to drop the database from under the pool: it stays usable until closed
      expect((await sql<{ one: number }>`select 1 as one`.execute(d.db)).rows).toEqual([{ one: 1 }]);
    }
    await d.close();
  });
});
