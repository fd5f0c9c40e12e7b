// Backup and restore on both engines (issue 10 item 8): `npm run backup -- --out DIR` and
// `npm run restore -- --from DIR [--force]`.
//  - PGlite: a dump of the data folder (PGlite's dumpDataDir, gzip), taken with the folder's lock
//    held (stop the server first: the embedded engine is one process);
//  - PostgreSQL: pg_dump in custom format (a consistent snapshot of a live database) and pg_restore.
// A backup is a folder: manifest.json (engine, time, version, migrations, audit heads, the data key's
// fingerprint) and the dump. The data key is NOT in it: keep QJ_DATA_KEY (or DATA_DIR/keys.json)
// apart; a restore with another key is refused, naming QJ_DATA_KEY. A restore never overwrites data
// without --force (PGlite: the old folder is kept aside; PostgreSQL: the database's objects are
// replaced). After a restore the audit chain is verified.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { verifyAuditChain } from '../audit/audit.ts';
import { dataKeyFingerprint } from '../crypto/crypto.ts';
import { checkDataKey } from '../crypto/key-check.ts';
import { type Database, openDatabase, openPgliteDatabase } from './engine.ts';
import { findPostgresBinDir, PG_INSTALL_HINT } from './pg-binaries.ts';

export const MANIFEST = 'manifest.json';
const PGLITE_DUMP = 'pglite-data.tar.gz';
const PG_DUMP = 'postgres.dump';

export interface Manifest {
  format: 'qiangji-backup/1';
  engine: 'pglite' | 'postgres';
  createdAt: string;
  version: string;
  migrations: string[];
  auditHeads: { lane: string; lastSeq: number }[];
  /** SM3 of the data key: a restore checks that it is given the same key. */
  dataKeyFingerprint: string;
  file: string;
}

export interface Target {
  /** PGlite: the folder of the database (DATA_DIR/pglite). */
  pgliteDir?: string;
  /** PostgreSQL: DATABASE_URL. */
  databaseUrl?: string;
}

export class BackupError extends Error {}

function pgBinary(name: 'pg_dump' | 'pg_restore'): string {
  const dir = findPostgresBinDir();
  const bin = dir && path.join(dir, name);
  if (!bin || !fs.existsSync(bin))
    throw new BackupError(`${name} not found; install it with: ${PG_INSTALL_HINT}`);
  return bin;
}

function run(bin: string, args: string[]): void {
  const r = spawnSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw new BackupError(`${path.basename(bin)} failed (exit ${r.status}): ${r.stderr.trim()}`);
}

async function describe(database: Database) {
  const migrations = await database.db
    .selectFrom('schema_migration')
    .select('version')
    .orderBy('version')
    .execute();
  const heads = await database.db
    .selectFrom('audit_head')
    .select(['lane', 'last_seq'])
    .orderBy('lane')
    .execute();
  return {
    migrations: migrations.map((m) => m.version),
    auditHeads: heads.map((h) => ({ lane: h.lane, lastSeq: Number(h.last_seq) })),
  };
}

function prepareOut(outDir: string): void {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    throw new BackupError(
      `备份目录 ${outDir} 不是空的 / the backup folder ${outDir} is not empty: choose a new one`,
    );
  }
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
}

/** Backs up the database of `target` into the empty folder `outDir`. */
export async function backup(target: Target, outDir: string, version: string): Promise<Manifest> {
  prepareOut(outDir);
  const createdAt = new Date().toISOString();
  if (target.databaseUrl) {
    const database = await openDatabase({ databaseUrl: target.databaseUrl, poolSize: 2 });
    let facts: Awaited<ReturnType<typeof describe>>;
    try {
      facts = await describe(database);
    } finally {
      await database.close();
    }
    run(pgBinary('pg_dump'), [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${path.join(outDir, PG_DUMP)}`,
      target.databaseUrl,
    ]);
    return writeManifest(outDir, { engine: 'postgres', createdAt, version, ...facts, file: PG_DUMP });
  }
  if (!target.pgliteDir || !fs.existsSync(target.pgliteDir))
    throw new BackupError(`没有可备份的数据目录 / no data folder to back up at ${target.pgliteDir}`);
  const { database, pglite } = await openPgliteDatabase({ dataDir: target.pgliteDir });
  try {
    const facts = await describe(database);
    await pglite.exec('checkpoint');
    const dump = await pglite.dumpDataDir('gzip');
    fs.writeFileSync(path.join(outDir, PGLITE_DUMP), new Uint8Array(await dump.arrayBuffer()), {
      mode: 0o600,
    });
    return writeManifest(outDir, { engine: 'pglite', createdAt, version, ...facts, file: PGLITE_DUMP });
  } finally {
    await database.close();
  }
}

async function writeManifest(
  outDir: string,
  m: Omit<Manifest, 'format' | 'dataKeyFingerprint'>,
): Promise<Manifest> {
  const manifest: Manifest = {
    format: 'qiangji-backup/1',
    ...m,
    dataKeyFingerprint: await dataKeyFingerprint(),
  };
  fs.writeFileSync(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

export function readManifest(fromDir: string): Manifest {
  const file = path.join(fromDir, MANIFEST);
  if (!fs.existsSync(file))
    throw new BackupError(
      `${fromDir} 不是强基备份（缺少 ${MANIFEST}）/ not a Qiangji backup: no ${MANIFEST}`,
    );
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== 'qiangji-backup/1') throw new BackupError(`unknown backup format ${String(m.format)}`);
  return m;
}

const LIVE_DATA = (where: string) =>
  new BackupError(
    `${where} 已有数据，拒绝覆盖；确认要用备份替换现有数据请加 --force。` +
      ` / ${where} holds data: refusing to restore over it. Add --force to replace it with the backup.`,
  );

export interface RestoreResult {
  manifest: Manifest;
  audit: Awaited<ReturnType<typeof verifyAuditChain>>;
  /** PGlite with --force: where the replaced folder was kept. */
  keptAside?: string;
}

/** Restores the backup in `fromDir` into `target`; refuses to overwrite data unless `force`. */
export async function restore(fromDir: string, target: Target, force: boolean): Promise<RestoreResult> {
  const manifest = readManifest(fromDir);
  if (manifest.dataKeyFingerprint !== (await dataKeyFingerprint())) {
    throw new BackupError(
      '备份中的个人信息是用另一把数据密钥加密的：请把 QJ_DATA_KEY 设为备份时所用的密钥。' +
        ' / The backup was written with another data key: set QJ_DATA_KEY to the key it was made with.',
    );
  }
  const source = path.join(fromDir, manifest.file);
  if (manifest.engine === 'postgres') {
    if (!target.databaseUrl)
      throw new BackupError('a PostgreSQL backup restores into DATABASE_URL (set it to the target database)');
    const database = await openDatabase({ databaseUrl: target.databaseUrl, poolSize: 2 });
    try {
      const tables = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(
        database.db,
      );
      if ((tables.rows[0]?.n ?? 0) > 0) {
        if (!force) throw LIVE_DATA('DATABASE_URL');
        await database.exec('drop schema public cascade; create schema public;');
      }
    } finally {
      await database.close();
    }
    run(pgBinary('pg_restore'), [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${target.databaseUrl}`,
      source,
    ]);
    const restored = await openDatabase({ databaseUrl: target.databaseUrl, poolSize: 2 });
    try {
      await checkDataKey(restored.db, 'DATABASE_URL');
      return { manifest, audit: await verifyAuditChain(restored.db) };
    } finally {
      await restored.close();
    }
  }
  if (!target.pgliteDir) throw new BackupError('a PGlite backup restores into DATA_DIR');
  let keptAside: string | undefined;
  if (fs.existsSync(target.pgliteDir) && fs.readdirSync(target.pgliteDir).length > 0) {
    if (!force) throw LIVE_DATA(`DATA_DIR (${path.dirname(target.pgliteDir)})`);
    keptAside = `${target.pgliteDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target.pgliteDir, keptAside);
  }
  fs.mkdirSync(target.pgliteDir, { recursive: true });
  const loaded = await PGlite.create({
    dataDir: target.pgliteDir,
    loadDataDir: new Blob([new Uint8Array(fs.readFileSync(source))]),
  });
  await loaded.close();
  const { database } = await openPgliteDatabase({ dataDir: target.pgliteDir });
  try {
    await checkDataKey(database.db, 'DATA_DIR');
    return { manifest, audit: await verifyAuditChain(database.db), ...(keptAside ? { keptAside } : {}) };
  } finally {
    await database.close();
  }
}
