// The PostgreSQL of a city-scale suite (city, assessment-postgres). By default a temporary cluster
// with fsync on, seeded here with `seed --scale city` (26–35 minutes at 5 M cases). With BENCH_PG_URL
// (and BENCH_DATA_DIR, the DATA_DIR it was seeded with) the suites reuse one database seeded once
// beforehand with the same command and the same QJ_DATA_KEY; it is left running afterwards. Suites
// that write (intake, import, grading) add to it, so run the grading before the city suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTempCluster } from '../../server/src/platform/db/testing/pg-cluster.ts';
import { run } from '../cases.ts';

/** The data key every city-scale suite seeds and serves with. */
export const BENCH_DATA_KEY = '0123456789abcdef0123456789abcdef';

export interface CityPostgres {
  url: string;
  env: Record<string, string>;
  /** The seed's time and last output line; null when the database was seeded beforehand. */
  seed: { ms: number; stdout: string } | null;
  stop(): Promise<void>;
}

export async function cityPostgres(cases: number, prefix: string): Promise<CityPostgres> {
  const given = process.env.BENCH_PG_URL;
  if (given) {
    const dataDir = process.env.BENCH_DATA_DIR;
    if (!dataDir)
      throw new Error('BENCH_PG_URL needs BENCH_DATA_DIR: the DATA_DIR the database was seeded with');
    const env = { DATA_DIR: dataDir, DATABASE_URL: given, QJ_DATA_KEY: BENCH_DATA_KEY };
    return { url: given, env, seed: null, stop: async () => {} };
  }
  const cluster = await startTempCluster({ durable: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env = { DATA_DIR: dataDir, DATABASE_URL: cluster.url, QJ_DATA_KEY: BENCH_DATA_KEY };
  const stop = async () => {
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const seed = run(['seed', '--scale', 'city', '--cases', String(cases)], env);
    return { url: cluster.url, env, seed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
