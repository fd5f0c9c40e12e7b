// Real server processes (`node server/src/main.ts serve`) on a fresh copy of the seeded test database
// of the current engine: for tests that kill a server or run two of them (crash safety, several
// instances). PGlite: a data folder loaded from the template; PostgreSQL: a database made from it.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { UNTHROTTLED } from '../../http/testing/test-server.ts';
import { openPgliteDatabase } from '../engine.ts';
import { currentEngine, TEST_DATA_KEY, TEST_PASSWORD, withDatabase } from './test-env.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const MAIN = path.join(ROOT, 'server/src/main.ts');

/** The environment of a server process on its own copy of the seeded test database. */
export interface ProcessDatabase {
  engine: 'pglite' | 'postgres';
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function createProcessDatabase(): Promise<ProcessDatabase> {
  const engine = currentEngine();
  const t = inject('qjTemplates');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-proc-'));
  if (engine === 'pglite') {
    if (!t.pglite) throw new Error('the PGlite template is missing');
    const blob = new Blob([fs.readFileSync(t.pglite.seeded)]);
    const { database } = await openPgliteDatabase({
      dataDir: path.join(dataDir, 'pglite'),
      loadDataDir: blob,
    });
    await database.close();
    return {
      engine,
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!t.postgres) throw new Error('the PostgreSQL template is missing');
  const source = t.postgres;
  const name = `qj_proc_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name} template ${source.seeded}`);
  return {
    engine,
    env: { DATA_DIR: dataDir, DATABASE_URL: withDatabase(source.url, name) },
    dispose: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A server process's environment for a PostgreSQL at `databaseUrl` (a test's own cluster). */
export function processDatabaseAt(databaseUrl: string): ProcessDatabase {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-proc-'));
  return {
    engine: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown of any kind. */
  kill(): Promise<void>;
}

/** Starts `main.ts serve` on the database and waits until /api/health answers. */
export async function startServerProcess(
  db: ProcessDatabase,
  extraEnv: Record<string, string> = {},
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, [MAIN, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...db.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      QJ_DATA_KEY: TEST_DATA_KEY,
      DEMO_PASSWORD: TEST_PASSWORD,
      ...UNTHROTTLED,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (d) => {
    output += d;
  });
  proc.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${output}`);
    if (Date.now() - started > timeoutMs) {
      proc.kill('SIGKILL');
      throw new Error(`server not ready in ${timeoutMs} ms:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
    });
  return {
    url,
    proc,
    output: () => output,
    async stop() {
      const done = exited();
      proc.kill('SIGTERM');
      await done;
    },
    async kill() {
      const done = exited();
      proc.kill('SIGKILL');
      await done;
    },
  };
}
