// A PostgreSQL cluster of a test's own, holding a copy of the run's seeded template: for tests that
// stop, restart or fail over their database server (the run's shared cluster must stay up for the
// other files). The copy is pg_dump (custom format) of the template, pg_restore'd into the new cluster.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { startTempCluster, type TempCluster, type TempClusterOptions } from './pg-cluster.ts';
import { withDatabase } from './test-env.ts';

export const SEEDED_DATABASE = 'qiangji';

function run(bin: string, args: string[]): void {
  const r = spawnSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr}`);
}

/** Starts a cluster (options as startTempCluster) whose database `qiangji` is the seeded template. */
export async function startSeededCluster(options: TempClusterOptions = {}): Promise<TempCluster> {
  const t = inject('qjTemplates').postgres;
  if (!t) throw new Error('the PostgreSQL template is missing: run in the db-postgres project');
  const cluster = await startTempCluster({ ...options, database: SEEDED_DATABASE });
  const dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qj-seeded-')), 'template.dump');
  try {
    run(path.join(cluster.binDir, 'pg_dump'), [
      '--format=custom',
      '--no-owner',
      `--file=${dump}`,
      withDatabase(t.url, t.seeded),
    ]);
    run(path.join(cluster.binDir, 'pg_restore'), ['--no-owner', `--dbname=${cluster.url}`, dump]);
  } catch (error) {
    await cluster.stop();
    throw error;
  } finally {
    fs.rmSync(path.dirname(dump), { recursive: true, force: true });
  }
  return cluster;
}
