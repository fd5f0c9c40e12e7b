// Issue 10 item 8: `npm run backup` / `npm run restore` on the engine of the project (the real
// commands, in their own processes). A backup restores into a fresh place with every row and a
// verifying audit chain; a restore over data is refused without --force; a restore with another
// data key is refused, naming QJ_DATA_KEY.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type Database, openDatabase, openPgliteDatabase } from './engine.ts';
import { createProcessDatabase, type ProcessDatabase } from './testing/server-process.ts';
import { currentEngine, TEST_DATA_KEY, withDatabase } from './testing/test-env.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
// PGlite dumps and loads its whole data folder (WASM): minutes on a loaded machine
const SLOW = 300_000;
const engine = currentEngine();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-backup-test-'));
let source: ProcessDatabase;
let fresh: { env: Record<string, string>; drop(): Promise<void> };

async function admin(statement: string) {
  const url = inject('qjTemplates').postgres?.url;
  if (!url) throw new Error('no PostgreSQL');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  source = await createProcessDatabase();
  if (engine === 'postgres') {
    const name = `qj_restore_${process.pid}_${Date.now().toString(36)}`;
    await admin(`create database ${name}`);
    const url = withDatabase(inject('qjTemplates').postgres?.url ?? '', name);
    fresh = {
      env: { DATA_DIR: path.join(tmp, 'fresh'), DATABASE_URL: url },
      drop: () => admin(`drop database if exists ${name} with (force)`),
    };
  } else {
    fresh = { env: { DATA_DIR: path.join(tmp, 'fresh'), DATABASE_URL: '' }, drop: async () => {} };
  }
}, 300_000);

afterAll(async () => {
  await source?.dispose();
  await fresh?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string>, key = TEST_DATA_KEY) {
  const r = spawnSync(process.execPath, ['server/src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, QJ_DATA_KEY: key },
    encoding: 'utf8',
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(last) as Record<string, unknown>;
  } catch {
    // an error: on stderr
  }
  return { status: r.status, json, stderr: r.stderr };
}

async function open(env: Record<string, string>): Promise<Database> {
  return env.DATABASE_URL
    ? openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 })
    : (await openPgliteDatabase({ dataDir: path.join(env.DATA_DIR as string, 'pglite') })).database;
}

async function counts(env: Record<string, string>) {
  const d = await open(env);
  try {
    const n = async (table: 'org' | 'member' | 'civic_case' | 'audit_log' | 'account') =>
      Number((await d.db.selectFrom(table).select(d.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return {
      org: await n('org'),
      member: await n('member'),
      civic_case: await n('civic_case'),
      audit_log: await n('audit_log'),
      account: await n('account'),
    };
  } finally {
    await d.close();
  }
}

describe(`backup and restore on ${engine}`, () => {
  const out = path.join(tmp, 'backup');

  test(
    'npm run backup writes the dump and a manifest; the data key is not in it',
    () => {
      const r = cli(['backup', '--out', out], source.env);
      expect(r.status, r.stderr).toBe(0);
      expect(r.json).toMatchObject({ ok: true, engine });
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(manifest).toMatchObject({ format: 'qiangji-backup/1', engine });
      expect((manifest.migrations as string[]).length).toBeGreaterThan(10);
      const everything = fs
        .readdirSync(out)
        .map((f) => fs.readFileSync(path.join(out, f)).toString('latin1'))
        .join('');
      expect(everything).not.toContain(TEST_DATA_KEY);
      // a second backup into the same folder is refused
      expect(cli(['backup', '--out', out], source.env).status).not.toBe(0);
    },
    SLOW,
  );

  test(
    'npm run restore into a fresh place: every row is there and the audit chain verifies',
    async () => {
      const r = cli(['restore', '--from', out], fresh.env);
      expect(r.status, r.stderr).toBe(0);
      expect(r.json).toMatchObject({ ok: true, audit: { ok: true } });
      expect((r.json.audit as { checked: number }).checked).toBeGreaterThan(0);
      expect(await counts(fresh.env)).toEqual(await counts(source.env));
      const verify = cli(['audit-verify'], fresh.env);
      expect(verify.status, verify.stderr).toBe(0);
      expect(verify.json).toMatchObject({ ok: true });
    },
    SLOW,
  );

  test(
    'a restore over data is refused without --force, and done with it',
    async () => {
      const refused = cli(['restore', '--from', out], fresh.env);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('--force');
      const forced = cli(['restore', '--from', out, '--force'], fresh.env);
      expect(forced.status, forced.stderr).toBe(0);
      expect(forced.json).toMatchObject({ ok: true });
      expect(await counts(fresh.env)).toEqual(await counts(source.env));
    },
    SLOW,
  );

  test(
    'a restore with another data key is refused, naming QJ_DATA_KEY',
    () => {
      const r = cli(['restore', '--from', out, '--force'], fresh.env, 'ffeeddccbbaa99887766554433221100');
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('QJ_DATA_KEY');
    },
    SLOW,
  );
});
