// Issue 10 item 5: beyond one database server. The test builds a primary and a hot standby with the
// machine's PostgreSQL binaries (pg_basebackup, streaming replication, synchronous commit to the
// standby), starts a real server process on the multi-host URL
//   postgres://…@primary,standby/qiangji?target_session_attrs=read-write
// and streams 12345 intake at it. The primary crashes (immediate stop) and the standby is promoted
// while intake runs: the server follows the new primary by itself, and no acknowledged case is lost.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoApiKey } from '../../cases/api-key.ts';
import { DEFAULT_SEED } from '../../demo/seed.ts';
import { startTempCluster, type TempCluster } from './testing/pg-cluster.ts';
import { SEEDED_DATABASE, startSeededCluster } from './testing/seeded-cluster.ts';
import {
  type ProcessDatabase,
  processDatabaseAt,
  type ServerProcess,
  startServerProcess,
} from './testing/server-process.ts';
import { TEST_DATA_KEY } from './testing/test-env.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const key = demoApiKey('hotline_12345', DEFAULT_SEED);
const PREFIX = `FAILOVER-${Date.now().toString(36)}-`;
const STANDBY = 'qj_standby';

let primary: TempCluster;
let standby: TempCluster;
let pdb: ProcessDatabase;
let server: ServerProcess;
let point: { lng: number; lat: number };

async function query<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const t0 = Date.now();
  primary = await startSeededCluster();
  const t1 = Date.now();
  standby = await startTempCluster({ standbyOf: primary, standbyName: STANDBY, database: SEEDED_DATABASE });
  console.log(`[failover] primary seeded in ${t1 - t0} ms, standby made in ${Date.now() - t1} ms`);
  // synchronous commit to the standby: a COMMIT returns once the standby has flushed it to its WAL
  // (fsync stays off in these throwaway clusters: the test crashes a server process, not the machine)
  await query(primary.url, 'alter system set synchronous_commit = on');
  await query(primary.url, `alter system set synchronous_standby_names = '${STANDBY}'`);
  await query(primary.url, 'select pg_reload_conf()');
  for (let i = 0; ; i++) {
    const rows = await query<{ sync_state: string }>(
      primary.url,
      'select sync_state from pg_stat_replication where application_name = $1',
      [STANDBY],
    );
    if (rows[0]?.sync_state === 'sync') break;
    if (i > 100) throw new Error(`the standby is not synchronous: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const [g] = await query<{ lng: number; lat: number }>(
    primary.url,
    'select center_lng as lng, center_lat as lat from grid order by id limit 1',
  );
  if (!g) throw new Error('no grid');
  point = g;
  const hosts = `127.0.0.1:${primary.port},127.0.0.1:${standby.port}`;
  pdb = processDatabaseAt(`postgres://postgres@${hosts}/${SEEDED_DATABASE}?target_session_attrs=read-write`);
  server = await startServerProcess(pdb, { ESCALATION_INTERVAL_MS: '600000' });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await pdb?.dispose();
  await standby?.stop();
  await primary?.stop();
});

async function intake(n: number): Promise<number> {
  try {
    const res = await fetch(`${server.url}/api/external/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        externalId: `${PREFIX}${n}`,
        title: `来电反映第 ${n} 号问题`,
        description: '路灯不亮',
        lng: point.lng,
        lat: point.lat,
      }),
      signal: AbortSignal.timeout(20_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

describe('failover to a promoted standby', () => {
  test('the server follows the new primary and no acknowledged case is lost', async () => {
    // the standby is read-only until promoted: writes go to the primary
    expect((await query<{ r: boolean }>(standby.url, 'select pg_is_in_recovery() as r'))[0]?.r).toBe(true);

    const acked = new Set<number>();
    const statuses = new Map<number, number>();
    let next = 0;
    let crashedAt = 0;
    let firstAfter = 0;
    let stop = false;
    const clients = Array.from({ length: 4 }, async () => {
      while (!stop) {
        const n = next++;
        const status = await intake(n);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) {
          acked.add(n);
          if (crashedAt && !firstAfter) firstAfter = Date.now();
        }
      }
    });
    const until = async (cond: () => boolean, ms: number) => {
      const t0 = Date.now();
      while (!cond() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 50));
    };
    await until(() => acked.size >= 30, 60_000);
    const ackedBefore = acked.size;
    expect(ackedBefore).toBeGreaterThanOrEqual(30);

    // the primary dies (no shutdown of any kind), the standby is promoted
    await primary.pause('immediate');
    crashedAt = Date.now();
    await standby.promote();
    const promotedAt = Date.now();
    await until(() => firstAfter > 0 && acked.size >= ackedBefore + 30, 60_000);
    stop = true;
    await Promise.all(clients);

    expect(firstAfter).toBeGreaterThan(0);
    console.log(
      `[failover] ${ackedBefore} acknowledged before the crash, ${acked.size} in all; promotion took ` +
        `${promotedAt - crashedAt} ms; first acknowledged write on the new primary ${firstAfter - crashedAt} ms ` +
        `after the crash; answers ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    // while the cluster had no primary the answers were 503 DATABASE_UNAVAILABLE, never 500
    expect([...statuses.keys()].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(server.proc.exitCode).toBeNull();

    // every acknowledged case is on the new primary, once
    const rows = await query<{ external_id: string }>(
      standby.url,
      'select external_id from civic_case where external_id like $1',
      [`${PREFIX}%`],
    );
    const stored = rows.map((r) => Number(r.external_id.slice(PREFIX.length)));
    const lost = [...acked].filter((n) => !stored.includes(n));
    console.log(`[failover] acknowledged cases lost: ${lost.length}`);
    expect(lost).toEqual([]);
    expect(new Set(stored).size).toBe(stored.length);

    // and the audit chain verifies there
    const verify = spawnSync(process.execPath, ['server/src/main.ts', 'audit-verify'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: standby.url, QJ_DATA_KEY: TEST_DATA_KEY },
      encoding: 'utf8',
    });
    expect(verify.status, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ ok: true });
  });
});
