// `npm run bench -- city` (issue 13): a year of Jiangmen — BENCH_CITY_CASES cases (default 5,000,000)
// and 200,000 members — on a temporary PostgreSQL with fsync on, then the same workloads on PGlite at
// the demo scale (~300,000 cases), with the ratio. Lists are walked as the web walks them: the first
// page, then pages by nextCursor. With BENCH_PIN=1 the load generator runs on CPU 0 and the server
// and PostgreSQL on CPU 1 (taskset); the CPU time each side spent is reported for every workload.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPgliteDatabase } from '../server/src/platform/db/engine.ts';
import { categoryCodes, gridCenters, importHistory, intakeLoad, lastJson, run, timed } from './cases.ts';
import { cityPostgres } from './lib/city-postgres.ts';
import { type LoadResult, login, runLoad, type Session } from './lib/load.ts';
import { startServer } from './lib/server.ts';

const CASES = Number(process.env.BENCH_CITY_CASES ?? 5_000_000);
const PIN = process.env.BENCH_PIN === '1';
// the walks sign in every town's, county's and department's account: no login or write limits here
const NO_LIMITS = {
  RATE_LIMIT_LOGIN: '100000',
  RATE_LIMIT_PUBLIC_REPORT: '100000',
  RATE_LIMIT_TRACKING: '100000',
  RATE_LIMIT_OPEN311_WRITE: '100000',
};
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** CPU seconds (user + system) of processes, from /proc: the server, PostgreSQL, this process. */
function cpuOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  return ticks / 100;
}

function postgresPids(): number[] {
  try {
    return execFileSync('pgrep', ['-u', 'postgres'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds of each PostgreSQL process now. */
function postgresCpu(): Map<number, number> {
  return new Map(postgresPids().map((pid) => [pid, cpuOf([pid])]));
}

/** What PostgreSQL's processes spent since `before` (a process that ended meanwhile is not counted). */
function postgresSince(before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, cpu] of postgresCpu()) sum += cpu - (before.get(pid) ?? 0);
  return sum;
}

/** Runs a workload and reports where the CPU went meanwhile. */
async function withCpu<T>(serverPid: number | undefined, work: () => Promise<T>) {
  const pg0 = postgresCpu();
  const before = { server: serverPid ? cpuOf([serverPid]) : 0, self: process.cpuUsage() };
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(before.self);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    result,
    cpu: {
      seconds: round(seconds),
      server: round((serverPid ? cpuOf([serverPid]) : 0) - before.server),
      postgres: round(postgresSince(pg0)),
      loadGenerator: round((self.user + self.system) / 1e6),
    },
  };
}

/** The first page, then pages by the cursor each answers: `depth` pages deep, over and over. */
async function walkLoad(
  url: string,
  sessions: Session[],
  first: string,
  concurrency: number,
  seconds: number,
  depth = 5,
) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      const cookie = (sessions[w % sessions.length] as Session).cookie;
      while (performance.now() < deadline) {
        let cursor: string | null = null;
        for (let page = 0; page < depth && performance.now() < deadline; page++) {
          const t0 = performance.now();
          const res = await fetch(`${url}${first}${cursor ? `&cursor=${cursor}` : ''}`, {
            headers: { cookie },
          });
          const body = (await res.json()) as { nextCursor?: string | null };
          latencies.push(performance.now() - t0);
          if (!res.ok) errors++;
          cursor = body.nextCursor ?? null;
          if (!cursor) break;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0) * 10) /
    10;
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors,
    seconds: Math.round(elapsed * 10) / 10,
    rps: Math.round((latencies.length / elapsed) * 10) / 10,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: at(1),
  } satisfies LoadResult;
}

async function sessionsOf(url: string, username: string, n: number) {
  const out: Session[] = [];
  for (let i = 0; i < n; i++) out.push(await login(url, username));
  return out;
}

async function scopeId(url: string, cookie: string): Promise<number> {
  const me = (await (await fetch(`${url}/api/me`, { headers: { cookie } })).json()) as {
    scope: { id: number };
  };
  return me.scope.id;
}

/** Every read workload of the targets, on a running server. */
export async function readWorkloads(url: string, serverPid: number | undefined) {
  const town = await sessionsOf(url, '440704001', 50);
  const dept = await sessionsOf(url, '440704-urban_management', 50);
  const worker = await sessionsOf(url, '440704001015001', 20);
  const county = await sessionsOf(url, '440704', 50);
  const city = await sessionsOf(url, '4407', 50);
  const open = 'state=dispatched,in_handling,returned,extension_requested';
  const out: Record<string, unknown> = {};
  const measure = async (name: string, work: () => Promise<unknown>) => {
    const { result, cpu } = await withCpu(serverPid, work);
    out[name] = result;
    out[`${name}Cpu`] = cpu;
  };
  await measure('townList50', () =>
    walkLoad(url, town, '/api/cases?pageSize=20&sort=deadline&order=asc', 50, 10),
  );
  await measure('townList20', () =>
    walkLoad(url, town, '/api/cases?pageSize=20&sort=createdAt&order=desc', 20, 10),
  );
  await measure('departmentQueue50', () =>
    walkLoad(url, dept, `/api/cases?${open}&sort=deadline&order=asc&pageSize=20`, 50, 10),
  );
  await measure('departmentQueue20', () =>
    walkLoad(url, dept, `/api/cases?${open}&sort=deadline&order=asc&pageSize=20`, 20, 10),
  );
  await measure('gridWorkerTasks50', () =>
    walkLoad(url, worker, '/api/cases?pageSize=20&sort=deadline&order=asc', 50, 10),
  );
  const countyId = await scopeId(url, county[0]?.cookie ?? '');
  const cityId = await scopeId(url, city[0]?.cookie ?? '');
  await measure('memberListCounty50', () =>
    walkLoad(url, county, `/api/orgs/${countyId}/members?pageSize=20`, 50, 10),
  );
  await measure('memberListCity50', () =>
    walkLoad(url, city, `/api/orgs/${cityId}/members?pageSize=20`, 50, 10),
  );
  const month = `from=${encodeURIComponent(new Date(Date.now() - 30 * 86_400_000).toISOString())}`;
  for (const [name, who] of [
    ['statsCity', city[0]],
    ['statsCounty', county[0]],
    ['statsTown', town[0]],
  ] as const) {
    out[name] = await timed(url, who?.cookie ?? '', '/api/case-stats');
    out[`${name}Month`] = await timed(url, who?.cookie ?? '', `/api/case-stats?${month}`);
  }
  await measure('statsCounty20', () =>
    runLoad({ url, sessions: county, concurrency: 20, seconds: 10, paths: ['/api/case-stats'] }),
  );
  const page = (await (
    await fetch(`${url}/api/cases?pageSize=50`, { headers: { cookie: town[0]?.cookie ?? '' } })
  ).json()) as { items: { id: number }[] };
  await measure('caseDetail20', () =>
    runLoad({
      url,
      sessions: town,
      concurrency: 20,
      seconds: 10,
      paths: page.items.map((c) => `/api/cases/${c.id}`),
    }),
  );
  return out;
}

function pin(): void {
  if (!PIN) return;
  spawnSync('taskset', ['-pc', '0', String(process.pid)], { stdio: 'ignore' });
}

async function onPostgres() {
  const db = await cityPostgres(CASES, 'qj-bench-city-');
  const { env } = db;
  try {
    if (PIN)
      for (const pid of postgresPids()) spawnSync('taskset', ['-pc', '1', String(pid)], { stdio: 'ignore' });
    const centers = await gridCenters(db.url);
    const server = await startServer({ ...env, ...NO_LIMITS });
    const serverPid = server.proc.pid;
    if (PIN && serverPid) spawnSync('taskset', ['-pc', '1', String(serverPid)], { stdio: 'ignore' });
    try {
      const admin = await login(server.url, '4407');
      const codes = await categoryCodes(server.url, admin.cookie);
      const reads = await readWorkloads(server.url, serverPid);
      const intake = await withCpu(serverPid, () => intakeLoad(server.url, centers, codes));
      await server.stop();
      const imported = importHistory(env, centers, codes, 200_000);
      return {
        engine: 'postgres',
        cases: CASES,
        seedMs: db.seed?.ms ?? null,
        seededBeforehand: db.seed === null,
        ...(db.seed ? { seed: lastJson(db.seed.stdout) } : {}),
        ...reads,
        intake: intake.result,
        intakeCpu: intake.cpu,
        import: imported,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await db.stop();
  }
}

async function onPglite() {
  const dataDir = tmp('qj-bench-city-pglite-');
  const env = { DATA_DIR: dataDir };
  try {
    const seed = run(['seed', '--scale', 'demo'], env);
    const { database } = await openPgliteDatabase({ dataDir: path.join(dataDir, 'pglite') });
    const centers = (
      await database.db.selectFrom('grid').select(['center_lng', 'center_lat']).orderBy('id').execute()
    ).map((g): [number, number] => [g.center_lng, g.center_lat]);
    await database.close();
    const server = await startServer({ ...env, ...NO_LIMITS });
    try {
      const admin = await login(server.url, '4407');
      const codes = await categoryCodes(server.url, admin.cookie);
      const reads = await readWorkloads(server.url, server.proc.pid);
      const intake = await withCpu(server.proc.pid, () => intakeLoad(server.url, centers, codes, 10));
      await server.stop();
      const imported = importHistory(env, centers, codes, 50_000);
      return {
        engine: 'pglite',
        seedMs: seed.ms,
        seed: lastJson(seed.stdout),
        ...reads,
        intake: intake.result,
        intakeCpu: intake.cpu,
        import: imported,
      };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** PostgreSQL's figure over PGlite's, for each load workload (req/s) and timed request (median). */
function ratios(pgFigures: Record<string, unknown>, pgliteFigures: Record<string, unknown>) {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(pgFigures)) {
    const w = pgliteFigures[k] as Record<string, number> | undefined;
    const a = v as Record<string, number>;
    if (!w || typeof a !== 'object' || a === null) continue;
    if (typeof a.rps === 'number' && w.rps) out[`${k}.rps`] = Math.round((a.rps / w.rps) * 100) / 100;
    if (typeof a.median === 'number' && a.median)
      out[`${k}.speedup`] = Math.round(((w.median ?? 0) / a.median) * 100) / 100;
  }
  return out;
}

export const citySuites = {
  city: {
    title: `A year of Jiangmen (issue 13): ${CASES.toLocaleString('en')} cases and 200,000 members on PostgreSQL (fsync on), the same workloads on PGlite at ~300,000 cases, and the ratio`,
    async run() {
      pin();
      const loadAvgBefore = os.loadavg();
      const postgres = await onPostgres();
      const pglite = process.env.BENCH_SKIP_PGLITE === '1' ? null : await onPglite();
      return {
        loadAverageBefore: loadAvgBefore.map((x) => Math.round(x * 100) / 100),
        loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
        pinned: PIN,
        postgres,
        ...(pglite ? { pglite, ratio: ratios(postgres, pglite) } : {}),
        targets: {
          listP95Ms50Clients: 50,
          listReqPerS20Connections: 1_100,
          memberListP95Ms: 50,
          statsCityCountyTownMs: [100, 30, 20],
          statsCountyReqPerS20: 300,
          caseDetailReqPerS20: 2_000,
          intakePerSecond: 1_000,
          intakeP99Ms: 100,
          importPerSecond: 20_000,
        },
      };
    },
  },
};
