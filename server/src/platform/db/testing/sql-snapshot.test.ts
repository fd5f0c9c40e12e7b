// The SQL snapshot harness itself: what it records, and that a missing or different snapshot fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { formatSql, recordSql, sqlSnapshot } from './sql-snapshot.ts';

interface T {
  org: { id: number; path: string; name: string };
}

const db = new Kysely<T>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-sql-snapshot-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const subtree = (k: Kysely<T>, scope: string) =>
  k.selectFrom('org').select(['id', 'name']).where('path', 'like', `${scope}%`).orderBy('id').execute();

describe('sql snapshots', () => {
  test('records compiled text and parameter count (not values), in transactions and raw sql too', async () => {
    const recording = recordSql(db);
    await subtree(recording.db, '/1/');
    await recording.db.transaction().execute(async (trx) => {
      await sql`update   org
         set name = ${'x'} where id = ${1}`.execute(trx);
    });
    expect(recording.statements).toEqual([
      { sql: 'select "id", "name"\nfrom "org"\nwhere "path" like $1\norder by "id"', parameters: 1 },
      { sql: 'update org\nset name = $1\nwhere id = $2', parameters: 2 },
    ]);
  });

  test('a missing file or entry fails; a different statement fails; the same passes', async () => {
    const file = path.join(dir, 'org.repository.sql');
    const snapshot = sqlSnapshot(file);
    await expect(snapshot.record('subtree', db, (k) => subtree(k, '/1/'))).rejects.toThrow(
      /no SQL snapshot "subtree".*QJ_UPDATE_SQL=1/,
    );
    fs.writeFileSync(
      file,
      '-- header\n\n-- @ subtree\n-- #1 (1 parameter)\nselect "id", "name"\nfrom "org"\nwhere "path" like $1\norder by "id"\n',
    );
    // values do not matter: another scope compiles to the same text
    await sqlSnapshot(file).record('subtree', db, (k) => subtree(k, '/9/'));
    const forgotFilter = (k: Kysely<T>) => k.selectFrom('org').select(['id', 'name']).orderBy('id').execute();
    await expect(sqlSnapshot(file).record('subtree', db, forgotFilter)).rejects.toThrow(
      /the SQL of "subtree" differs/,
    );
  });

  test('verify fails on an entry no test recorded', async () => {
    const file = path.join(dir, 'two.repository.sql');
    fs.writeFileSync(file, '-- @ a\n-- (no statement)\n\n-- @ b\n-- (no statement)\n');
    const snapshot = sqlSnapshot(file);
    await snapshot.record('a', db, async () => undefined);
    expect(() => snapshot.verify()).toThrow(/no test recorded: b/);
  });

  test('formatting ignores the source layout and keeps quoted text', () => {
    expect(formatSql(`select  'a  from b'  as "x  where"\n\n   from t where (select 1 from u) > 0`)).toBe(
      `select 'a  from b' as "x  where"\nfrom t\nwhere (select 1\n  from u) > 0`,
    );
  });
});
