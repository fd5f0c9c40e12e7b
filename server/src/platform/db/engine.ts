// Two engines, one dialect: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgCopier, pgliteCopier, withCopyIn } from './copy-in.ts';
import { FailoverPool, openPgPool } from './pg-pool.ts';
import { PglitePool } from './pglite-pool.ts';
import { withPreparedStatements } from './prepared-pool.ts';
import type { DB } from './schema.ts';

export type EngineName = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: EngineName;
  /** Runs a script of several statements (migrations); an error rolls back an open transaction. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

// bigint ids and counts fit in a JS number; dates stay 'YYYY-MM-DD' text on both engines.
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; 'memory://' for a throwaway database. */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 20);
  return openPglite(options.dataDir ?? 'memory://');
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // every pool and connection listens for errors: see pg-pool.ts (a multi-host URL fails over);
  // statements are prepared once per connection (prepared-pool.ts); COPY rides as a query (copy-in.ts)
  const pool = withCopyIn(withPreparedStatements(openPgPool(url, { max: poolSize })), pgCopier);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    async exec(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      // Kysely ends only a pool it has used (exec uses the pool directly): end it here too, so no
      // idle connection outlives close() (a test database dropped under one killed the run: 57P01).
      await db.destroy();
      if (pool instanceof FailoverPool || !pool.ending) await pool.end();
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  return (await openPgliteDatabase({ dataDir })).database;
}

/**
 * A PGlite with the type parsers and the one-client pool. `loadDataDir` starts it from a
 * `dumpDataDir()` tarball (the tests' seeded template). Returns the PGlite too, for dumping.
 */
export async function openPgliteDatabase(options: {
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<{ database: Database; pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    // a small WAL: the demo seed writes ~2 GB of WAL with the default max_wal_size (1 GB kept on disk)
    startParams: [...PGlite.defaultStartParams, '-c', 'max_wal_size=128MB', '-c', 'min_wal_size=32MB'],
    parsers: {
      [INT8]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
    },
    serializers: { [pgliteTypes.INT8]: (v: unknown) => String(v) },
  });
  const pool = withCopyIn(new PglitePool(pglite), pgliteCopier(pglite));
  // biome-ignore lint/suspicious/noExplicitAny: the pool speaks the subset of pg.Pool that Kysely uses
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as any }) });
  const database: Database = {
    db,
    engine: 'pglite',
    async exec(script) {
      const client = await pool.connect();
      try {
        await client.exec(script);
      } catch (error) {
        await client.exec('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      // Kysely ends only a pool it has used: close PGlite itself too.
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
  return { database, pglite };
}
