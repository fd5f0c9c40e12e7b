// Applies server/migrations/NNNN_name.sql in order, each in its own transaction, once.
// A landed migration is never edited: a changed checksum stops the start with a clear error.
// Several processes may start at once: a transaction-scoped advisory lock and the primary key of
// schema_migration make exactly one of them apply each file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './engine.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);
const LOCK_KEY = 4407001;

export interface MigrationFile {
  version: string;
  name: string;
  text: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        version: f.slice(0, 4),
        name: f.slice(5, -4),
        text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

async function appliedChecksums(database: Database): Promise<Map<string, string>> {
  const rows = await database.db.selectFrom('schema_migration').select(['version', 'checksum']).execute();
  return new Map(rows.map((r) => [r.version, r.checksum]));
}

/** Returns the versions this call applied. */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await database.exec(`create table if not exists schema_migration (
    version text primary key, name text not null, checksum text not null,
    applied_at timestamptz not null default now())`);
  const applied: string[] = [];
  for (const m of readMigrations(dir)) {
    const prior = (await appliedChecksums(database)).get(m.version);
    if (prior === undefined) {
      try {
        await database.exec(
          `begin;\nselect pg_advisory_xact_lock(${LOCK_KEY});\n` +
            `insert into schema_migration (version, name, checksum) values ('${m.version}', '${m.name}', '${m.checksum}');\n` +
            `${m.text}\n;commit;`,
        );
        applied.push(m.version);
        continue;
      } catch (error) {
        // Another process may have applied it while we waited for the lock.
        if (!(await appliedChecksums(database)).has(m.version)) throw error;
      }
    }
    const now = (await appliedChecksums(database)).get(m.version);
    if (now !== m.checksum) {
      throw new Error(
        `migration ${m.version}_${m.name} was edited after it was applied; add a new migration instead`,
      );
    }
  }
  return applied;
}
