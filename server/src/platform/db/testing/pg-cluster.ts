// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder, start it
// with pg_ctl on a free loopback port (socket inside the folder, trust auth), create one database,
// and on stop (or exit, or SIGINT/SIGTERM) stop the server and remove the folder.
// initdb refuses to run as root: as root the server runs as the `postgres` system user.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

import { findPostgresBinDir, PG_INSTALL_HINT } from '../pg-binaries.ts';

export { findPostgresBinDir, PG_INSTALL_HINT };

export interface TempCluster {
  /** postgres://postgres@127.0.0.1:PORT/DATABASE — a database of its own, ready to use. */
  url: string;
  port: number;
  /** The cluster's data folder (owned by `postgres` when we are root). */
  dataDir: string;
  /** The folder of the PostgreSQL binaries it runs with (pg_dump, pg_restore, … are there too). */
  binDir: string;
  /** Stops the server (fast shutdown: connections are terminated) and removes the folder. */
  stop(): Promise<void>;
  /** Stops the server and keeps its data ('immediate': a crash, as when the machine dies). */
  pause(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port after pause(). */
  resume(): Promise<void>;
  /** A standby: leaves recovery and becomes a primary (pg_ctl promote, waits until it is). */
  promote(): Promise<void>;
}

export interface TempClusterOptions {
  /** Name of the database to create (default 'qiangji'). */
  database?: string;
  /** Keep fsync and synchronous commit on (benchmarks of writes); default off, for speed. */
  durable?: boolean;
  /** More postgresql.conf lines (e.g. synchronous_standby_names). */
  settings?: string[];
  /**
   * Make a hot standby of this primary instead of a new cluster: pg_basebackup with streaming
   * replication, `application_name` = standbyName (what synchronous_standby_names names).
   */
  standbyOf?: TempCluster;
  standbyName?: string;
}

/** uid/gid of the `postgres` system user, or null when there is none. */
export function postgresUser(): { uid: number; gid: number } | null {
  try {
    const uid = Number(
      execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    const gid = Number(
      execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. Throws with its output on failure. */
function runPg(bin: string, args: string[]): string {
  const [cmd, argv] = isRoot()
    ? (['runuser', ['-u', 'postgres', '--', bin, ...args]] as const)
    : ([bin, args] as const);
  const result = spawnSync(cmd, argv, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: os.tmpdir(),
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(bin)} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

export async function startTempCluster(options: TempClusterOptions = {}): Promise<TempCluster> {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) not found; install them with: ${PG_INSTALL_HINT}`,
    );
  }
  const owner = isRoot() ? postgresUser() : null;
  if (isRoot() && !owner) {
    throw new Error(
      `running as root needs the 'postgres' system user for initdb; install it with: ${PG_INSTALL_HINT}`,
    );
  }
  const database = options.database ?? 'qiangji';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  const logFile = path.join(root, 'server.log');
  fs.mkdirSync(socketDir);
  if (owner) {
    for (const p of [root, socketDir]) fs.chownSync(p, owner.uid, owner.gid);
  }
  const pgCtl = path.join(binDir, 'pg_ctl');

  let stopped = false;
  const running = () => fs.existsSync(path.join(dataDir, 'postmaster.pid'));
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stopSync);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (running()) {
      try {
        runPg(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30']);
      } catch (error) {
        process.stderr.write(
          `warning: could not stop the temporary PostgreSQL: ${(error as Error).message}\n`,
        );
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  function onSignal(signal: NodeJS.Signals) {
    stopSync();
    // Nobody else handles the signal: end the process the way the signal would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  process.on('exit', stopSync);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let port = 0;
  const startOn = (p: number) =>
    runPg(pgCtl, ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', `-p ${p}`]);
  try {
    if (options.standbyOf) {
      const primary = options.standbyOf;
      runPg(path.join(binDir, 'pg_basebackup'), [
        '-D',
        dataDir,
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-X',
        'stream',
        '-R',
        '--no-sync',
        '--checkpoint=fast', // the default (spread) waits for most of checkpoint_timeout
      ]);
      const name = options.standbyName ?? 'qj_standby';
      fs.appendFileSync(
        path.join(dataDir, 'postgresql.auto.conf'),
        `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=${name}'\n`,
      );
    } else {
      runPg(path.join(binDir, 'initdb'), [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--no-locale',
        '--no-sync',
        '--no-instructions',
      ]);
    }
    const settings = [
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${socketDir}'`,
      'max_connections = 300',
      "shared_buffers = '128MB'",
      'log_min_messages = warning',
      ...(options.durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
      ...(options.settings ?? []),
    ];
    fs.appendFileSync(
      path.join(dataDir, 'postgresql.conf'),
      `\n# qiangji temporary cluster\n${settings.join('\n')}\n`,
    );

    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        startOn(port);
        break;
      } catch (error) {
        // Another process may have taken the port between our probe and the start: try another.
        const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
        if (attempt >= 3 || !/could not (bind|create listen)/i.test(log)) {
          throw new Error(`${(error as Error).message}\n${log}`);
        }
      }
    }
    if (!options.standbyOf) {
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await client.connect();
      try {
        await client.query(`create database "${database}"`);
      } finally {
        await client.end();
      }
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${database}`,
      port,
      dataDir,
      binDir,
      async stop() {
        stopSync();
      },
      async pause(mode = 'fast') {
        if (running()) runPg(pgCtl, ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60']);
      },
      async resume() {
        startOn(port);
      },
      async promote() {
        runPg(pgCtl, ['promote', '-D', dataDir, '-w', '-t', '60']);
      },
    };
  } catch (error) {
    stopSync();
    throw error;
  }
}
