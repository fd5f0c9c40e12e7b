// The test harness on both engines: a fresh migrated database per file, transactions that stay
// apart on PGlite's single connection, and rollbacks that leave nothing behind.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from './engine.ts';
import { readMigrations } from './migrate.ts';
import { createTestDatabase } from './testing/test-database.ts';
import { currentEngine } from './testing/test-env.ts';

const engine = currentEngine();
let database: Database;
let seeded: Database;

beforeAll(async () => {
  [database, seeded] = await Promise.all([createTestDatabase({ seeded: false }), createTestDatabase()]);
  await database.exec('create table harness_probe (id serial primary key, owner text not null)');
}, 120_000);

afterAll(async () => {
  await database?.close();
  await seeded?.close();
});

async function probeCount(owner?: string): Promise<number> {
  const q = owner
    ? sql<{ n: number }>`select count(*)::int as n from harness_probe where owner = ${owner}`
    : sql<{ n: number }>`select count(*)::int as n from harness_probe`;
  return (await q.execute(database.db)).rows[0]?.n ?? -1;
}

describe(`the test database on ${engine}`, () => {
  test('runs on the engine of its project', () => {
    expect(database.engine).toBe(engine);
    expect(seeded.engine).toBe(engine);
  });

  test('has every migration applied, with its checksum', async () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const rows = await database.db
      .selectFrom('schema_migration')
      .select(['version', 'checksum'])
      .orderBy('version')
      .execute();
    expect(rows).toEqual(files.map((f) => ({ version: f.version, checksum: f.checksum })));
  });

  test('the unseeded database is empty, the seeded one has the demo data', async () => {
    const count = async (d: Database, table: 'org' | 'account') =>
      Number(
        (
          await d.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count(database, 'org')).toBe(0);
    expect(await count(database, 'account')).toBe(0);
    expect(await count(seeded, 'org')).toBeGreaterThan(0);
    expect(await count(seeded, 'account')).toBeGreaterThan(0);
  });

  test('each file gets its own database: a write here is not seen in another fresh copy', async () => {
    await database.exec("insert into harness_probe (owner) values ('isolation')");
    const other = await createTestDatabase({ seeded: false });
    try {
      const exists = await sql<{ t: string | null }>`select to_regclass('harness_probe')::text as t`.execute(
        other.db,
      );
      expect(exists.rows[0]?.t).toBeNull();
    } finally {
      await other.close();
    }
    await database.exec('delete from harness_probe');
  });

  test('concurrent transactions do not interleave: each sees only its own and committed rows', async () => {
    await database.exec("insert into harness_probe (owner) values ('committed')");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = (owner: string, wait: boolean) =>
      database.db.transaction().execute(async (trx) => {
        await sql`insert into harness_probe (owner) values (${owner})`.execute(trx);
        await sql`insert into harness_probe (owner) values (${owner})`.execute(trx);
        // Give the other transaction every chance to run its statements in between.
        if (wait) await gate;
        else release();
        await new Promise((resolve) => setTimeout(resolve, 20));
        const rows = (
          await sql<{ owner: string; n: number }>`
          select owner, count(*)::int as n from harness_probe group by owner order by owner`.execute(trx)
        ).rows;
        return Object.fromEntries(rows.map((r) => [r.owner, r.n]));
      });
    // On PGlite the second transaction waits for the first to finish (one connection, held for
    // the whole transaction); on PostgreSQL they run side by side under read committed.
    const first = run('a', engine === 'postgres');
    const second = run('b', false);
    const [seenA, seenB] = await Promise.all([first, second]);
    expect(seenA.committed).toBe(1);
    expect(seenB.committed).toBe(1);
    expect(seenA.a).toBe(2);
    expect(seenB.b).toBe(2);
    // A transaction sees the other's rows only once they are committed, and never half of them.
    expect([undefined, 2]).toContain(seenA.b);
    expect([undefined, 2]).toContain(seenB.a);
    expect(seenA.b === 2 && seenB.a === 2).toBe(false);
    expect(await probeCount()).toBe(5);
    await database.exec('delete from harness_probe');
  });

  test('many concurrent transactions on one database all keep to themselves', async () => {
    const owners = Array.from({ length: 8 }, (_, i) => `t${i}`);
    const seen = await Promise.all(
      owners.map((owner) =>
        database.db.transaction().execute(async (trx) => {
          await sql`insert into harness_probe (owner) values (${owner})`.execute(trx);
          await new Promise((resolve) => setTimeout(resolve, 5));
          const mine = await sql<{
            n: number;
          }>`select count(*)::int as n from harness_probe where owner = ${owner}`.execute(trx);
          return mine.rows[0]?.n;
        }),
      ),
    );
    expect(seen).toEqual(owners.map(() => 1));
    expect(await probeCount()).toBe(owners.length);
    await database.exec('delete from harness_probe');
  });

  test('a rolled-back transaction leaves nothing', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into harness_probe (owner) values ('rolled-back')`.execute(trx);
        await sql`create table harness_rollback (id int)`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await probeCount('rolled-back')).toBe(0);
    const table = await sql<{ t: string | null }>`select to_regclass('harness_rollback')::text as t`.execute(
      database.db,
    );
    expect(table.rows[0]?.t).toBeNull();
    // The connection is usable afterwards (not left inside the aborted transaction).
    await database.exec("insert into harness_probe (owner) values ('after')");
    expect(await probeCount('after')).toBe(1);
  });

  test('a failed statement inside exec rolls back the whole script', async () => {
    await expect(
      database.exec("begin; insert into harness_probe (owner) values ('script'); select 1/0; commit;"),
    ).rejects.toThrow();
    expect(await probeCount('script')).toBe(0);
  });
});
