// Issue 10 item 5: a real server process on a PostgreSQL cluster of its own survives terminated
// connections and a stop of the database server under traffic. While the database is down every
// answer is 503 DATABASE_UNAVAILABLE (health too) and the log has a few lines, not a stack per
// request; when it comes back the server recovers by itself, and every acknowledged case is there.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoApiKey } from '../../cases/api-key.ts';
import { DEFAULT_SEED } from '../../demo/seed.ts';
import type { TempCluster } from './testing/pg-cluster.ts';
import { startSeededCluster } from './testing/seeded-cluster.ts';
import {
  type ProcessDatabase,
  processDatabaseAt,
  type ServerProcess,
  startServerProcess,
} from './testing/server-process.ts';
import { TEST_PASSWORD } from './testing/test-env.ts';

const key = demoApiKey('hotline_12345', DEFAULT_SEED);
const PREFIX = `RESTART-${Date.now().toString(36)}-`;
const DOWN_MS = 10_000;

let cluster: TempCluster;
let pdb: ProcessDatabase;
let server: ServerProcess;
let point: { lng: number; lat: number };

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  cluster = await startSeededCluster();
  const [g] = await sql<{ lng: number; lat: number }>(
    'select center_lng as lng, center_lat as lat from grid order by id limit 1',
  );
  if (!g) throw new Error('no grid in the seeded template');
  point = g;
  pdb = processDatabaseAt(cluster.url);
  // the timed jobs run every second, so they too meet the outage
  server = await startServerProcess(pdb, {
    ESCALATION_INTERVAL_MS: '1000',
    WEBHOOK_INTERVAL_MS: '500',
    SMS_INTERVAL_MS: '500',
  });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await pdb?.dispose();
  await cluster?.stop();
});

interface Answer {
  status: number;
  code?: string;
}

async function call(path: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const res = await fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      // not JSON
    }
    return { status: res.status, ...(code ? { code } : {}) };
  } catch (error) {
    return { status: 0, code: (error as Error).message };
  }
}

const intake = (n: number) =>
  call('/api/external/cases', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({
      externalId: `${PREFIX}${n}`,
      title: `来电反映第 ${n} 号问题`,
      description: '路灯不亮',
      lng: point.lng,
      lat: point.lat,
    }),
  });

async function signIn(): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: '4407', password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('qj_session='))
      ?.split(';')[0] ?? ''
  );
}

describe('database faults on PostgreSQL', () => {
  test('connections terminated by the server are replaced; no request fails after the first', async () => {
    const cookie = await signIn();
    // fill the pool with several connections, then terminate every one of them
    await Promise.all(Array.from({ length: 8 }, () => call('/api/me', { headers: { cookie } })));
    const killed = await sql<{ pid: number }>(
      `select pg_terminate_backend(pid) as ok, pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    expect(killed.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => call('/api/me', { headers: { cookie } })),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(server.proc.exitCode).toBeNull();
  });

  test('a stop of PostgreSQL under traffic: 503 DATABASE_UNAVAILABLE while down, recovery within seconds', async () => {
    const cookie = await signIn();
    const acked = new Set<number>();
    // `at`: when the request was sent, `end`: when its answer came (pg_ctl runs synchronously here)
    const log: { at: number; end: number; what: string; answer: Answer }[] = [];
    const timed = async (what: string, fn: () => Promise<Answer>) => {
      const at = Date.now();
      const answer = await fn();
      log.push({ at, end: Date.now(), what, answer });
      return answer;
    };
    let n = 0;
    let stop = false;
    const traffic = Promise.all([
      (async () => {
        while (!stop) {
          const i = n++;
          const a = await timed('intake', () => intake(i));
          if (a.status === 201) acked.add(i);
          await new Promise((r) => setTimeout(r, 50));
        }
      })(),
      (async () => {
        while (!stop) {
          await timed('health', () => call('/api/health'));
          await timed('me', () => call('/api/me', { headers: { cookie } }));
          await new Promise((r) => setTimeout(r, 50));
        }
      })(),
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    const outputBefore = server.output().length;

    await cluster.pause('fast');
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, DOWN_MS));
    const resumedAt = Date.now();
    await cluster.resume();
    const down = log.filter((e) => e.at > stoppedAt && e.end < resumedAt);
    // recovered: the first 200 of health after the restart
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - resumedAt < 30_000) {
      const h = await call('/api/health');
      if (h.status === 200) recoveredAt = Date.now();
      else await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1500));
    stop = true;
    await traffic;

    // while down: only 503 DATABASE_UNAVAILABLE (health included), never a 500, never a hang
    expect(down.length).toBeGreaterThan(20);
    const downAnswers = down;
    for (const e of downAnswers) {
      expect(e.answer, `${e.what} while down`).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    }
    expect(downAnswers.some((e) => e.what === 'health')).toBe(true);
    expect(log.filter((e) => e.answer.status === 500 || e.answer.status === 0)).toEqual([]);

    // back by itself within seconds of the database's return
    expect(recoveredAt).toBeGreaterThan(0);
    const recoveryMs = recoveredAt - resumedAt;
    console.log(`[db-restart] down ${DOWN_MS} ms; recovered ${recoveryMs} ms after PostgreSQL started again`);
    expect(recoveryMs).toBeLessThan(5_000);
    const after = log.filter((e) => e.at > recoveredAt + 200);
    expect(after.length).toBeGreaterThan(0);
    for (const e of after) expect(e.answer.status, e.what).toBeLessThan(300);

    // the process lived through it, and logged lines, not a stack per request
    expect(server.proc.exitCode).toBeNull();
    const output = server.output().slice(outputBefore);
    expect(output).not.toMatch(/\n\s+at /);
    const lines = output.split('\n').filter((l) => l.trim());
    expect(lines.length).toBeLessThan(12);
    expect(output).toContain('数据库不可用');
    expect(output).toContain('数据库已恢复');

    // every acknowledged case is there, once
    const rows = await sql<{ external_id: string }>(
      'select external_id from civic_case where external_id like $1',
      [`${PREFIX}%`],
    );
    const stored = rows.map((r) => Number(r.external_id.slice(PREFIX.length)));
    for (const i of acked) expect(stored).toContain(i);
    expect(new Set(stored).size).toBe(stored.length);
  });
});
