// A PGlite database for tests, optionally started from a dump of another one (`dumpDataDir`):
// the same wiring as engine.ts's openPglite (type parsers, the one-client pool), plus the
// `loadDataDir` option that engine.ts does not expose.
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../engine.ts';
import { PglitePool } from '../pglite-pool.ts';
import type { DB } from '../schema.ts';

const INT8 = 20;
const DATE = 1082;

export interface TestPglite {
  database: Database;
  pglite: PGlite;
}

/** An in-memory PGlite, empty or loaded from a `dumpDataDir()` tarball. */
export async function openTestPglite(loadDataDir?: Blob): Promise<TestPglite> {
  const pglite = await PGlite.create({
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: {
      [INT8]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
    },
    serializers: { [pgliteTypes.INT8]: (v: unknown) => String(v) },
  });
  const pool = new PglitePool(pglite);
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
    // Kysely ends its pool only if it ever used it: close PGlite itself too.
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
  return { database, pglite };
}

/** Writes the whole data folder of a PGlite (after a checkpoint) to an uncompressed tarball. */
export async function dumpPglite(pglite: PGlite): Promise<Uint8Array> {
  await pglite.exec('checkpoint');
  const blob = await pglite.dumpDataDir('none');
  return new Uint8Array(await blob.arrayBuffer());
}
