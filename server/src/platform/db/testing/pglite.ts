// A PGlite database for tests, optionally started from a dump of another one (`dumpDataDir`).
import type { PGlite } from '@electric-sql/pglite';
import { type Database, openPgliteDatabase } from '../engine.ts';

export interface TestPglite {
  database: Database;
  pglite: PGlite;
}

/** An in-memory PGlite, empty or loaded from a `dumpDataDir()` tarball. */
export function openTestPglite(loadDataDir?: Blob): Promise<TestPglite> {
  return openPgliteDatabase(loadDataDir ? { loadDataDir } : {});
}

/** Writes the whole data folder of a PGlite (after a checkpoint) to an uncompressed tarball. */
export async function dumpPglite(pglite: PGlite): Promise<Uint8Array> {
  await pglite.exec('checkpoint');
  const blob = await pglite.dumpDataDir('none');
  return new Uint8Array(await blob.arrayBuffer());
}
