// The workloads of issue 4 (the case loop): intake over HTTP from the external API, the import of
// case history, and the department queue / town list / statistics under load at city scale.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { demoApiKey } from '../server/src/cases/api-key.ts';
import { DEFAULT_SEED } from '../server/src/demo/seed.ts';
import { openPgliteDatabase } from '../server/src/platform/db/engine.ts';
import { startTempCluster } from '../server/src/platform/db/testing/pg-cluster.ts';
import { type LoadResult, login, runLoad, runRequests } from './lib/load.ts';
import { ROOT, startServer } from './lib/server.ts';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export function run(args: string[], env: Record<string, string>): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'server/src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DEMO_PASSWORD: 'Qiangji@2026', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const stdout = r.stdout.toString();
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${stdout.slice(-2000)}`);
  return { ms: Math.round(performance.now() - t0), stdout };
}

export const lastJson = (stdout: string) =>
  JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;

/** The centers of the demo grids (points inside Jiangmen to report at). */
export async function gridCenters(databaseUrl: string): Promise<[number, number][]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ lng: number; lat: number }>(
      'select center_lng as lng, center_lat as lat from grid order by id',
    );
    return r.rows.map((x) => [x.lng, x.lat]);
  } finally {
    await client.end();
  }
}

export async function categoryCodes(url: string, cookie: string): Promise<string[]> {
  const res = await fetch(`${url}/api/case-categories`, { headers: { cookie } });
  if (!res.ok) return ['E0101'];
  const body = (await res.json()) as { classes?: { subcategories?: { code: string }[] }[] };
  const codes = (body.classes ?? []).flatMap((c) => (c.subcategories ?? []).map((s) => s.code));
  return codes.length ? codes : ['E0101'];
}

/** 50 connections POST new 12345 cases (validate, locate, route, number, audit, answer). */
export async function intakeLoad(url: string, centers: [number, number][], codes: string[], seconds = 20) {
  const key = demoApiKey('hotline_12345', DEFAULT_SEED);
  const run = Date.now().toString(36);
  return runRequests({
    url,
    concurrency: 50,
    seconds,
    make: (n) => {
      const [lng, lat] = centers[(n * 7919) % centers.length] as [number, number];
      return {
        path: '/api/external/cases',
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({
            externalId: `BENCH-${run}-${n}`,
            categoryCode: codes[n % codes.length],
            title: '市民来电反映路灯不亮',
            description: '晚上小区门口路灯不亮，影响出行，请尽快维修。',
            lng: lng + ((n % 17) - 8) * 0.0001,
            lat: lat + ((n % 13) - 6) * 0.0001,
            reporterName: '陈女士',
            reporterPhone: '13800138000',
          }),
        },
      };
    },
  });
}

/** Writes `n` finished history records as JSON lines and imports them with the command. */
export function importHistory(
  env: Record<string, string>,
  centers: [number, number][],
  codes: string[],
  n: number,
) {
  const file = path.join(tmp('qj-bench-import-'), 'history.jsonl');
  const lines: string[] = [];
  // new ids each run: a database seeded once and reused (BENCH_PG_URL) already holds the last run's
  const batch = Date.now().toString(36);
  for (let i = 0; i < n; i++) {
    const [lng, lat] = centers[(i * 104_729) % centers.length] as [number, number];
    const day = 1 + (i % 28);
    lines.push(
      JSON.stringify({
        externalId: `HIST-${batch}-${i}`,
        categoryCode: codes[i % codes.length],
        title: '历史工单：道路破损',
        description: '路面出现坑洼，已修复。',
        lng,
        lat,
        reportedAt: `2025-0${1 + (i % 9)}-${String(day).padStart(2, '0')}T09:00:00+08:00`,
        finishedAt: `2025-0${1 + (i % 9)}-${String(day).padStart(2, '0')}T17:30:00+08:00`,
        state: i % 3 === 0 ? 'evaluated' : 'closed',
        evaluation: i % 3 === 0 ? 'satisfied' : null,
      }),
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const r = run(['import-cases', '--system', 'hotline_12345', '--file', file, '--mode', 'keep_good'], env);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const result = lastJson(r.stdout) as { imported: number; ms: number };
  return {
    records: n,
    imported: result.imported,
    importMs: result.ms,
    casesPerSecond: Math.round((result.imported / result.ms) * 1000),
    commandMs: r.ms,
  };
}

/** Statistics: one client, 20 requests each (a report page is opened by one person at a time). */
export async function timed(url: string, cookie: string, p: string, times = 20) {
  const ms: number[] = [];
  for (let i = 0; i < times + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url + p, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    if (i >= 2) ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(ms[Math.floor(ms.length / 2)] ?? 0), p95: r(ms[Math.ceil(ms.length * 0.95) - 1] ?? 0) };
}

/** The department workbench, the town command center list and the statistics at one scale. */
async function queryLoad(url: string): Promise<Record<string, LoadResult | unknown>> {
  const dept = [];
  const town = [];
  for (let i = 0; i < 50; i++) dept.push(await login(url, '440704-urban_management'));
  for (let i = 0; i < 50; i++) town.push(await login(url, '440704001'));
  const city = await login(url, '4407');
  const townMe = (await (
    await fetch(`${url}/api/me`, { headers: { cookie: town[0]?.cookie ?? '' } })
  ).json()) as {
    scope: { id: number };
  };
  const open = 'state=dispatched,in_handling,returned,extension_requested';
  return {
    departmentQueue: await runLoad({
      url,
      sessions: dept,
      concurrency: 50,
      seconds: 10,
      paths: [
        `/api/cases?${open}&sort=deadline&order=asc&page=1&pageSize=20`,
        `/api/cases?${open}&sort=deadline&order=asc&page=2&pageSize=20`,
      ],
    }),
    townList: await runLoad({
      url,
      sessions: town,
      concurrency: 50,
      seconds: 10,
      paths: [
        '/api/cases?page=1&pageSize=20',
        '/api/cases?state=filed,dispatched&page=1&pageSize=20',
        '/api/cases?light=red&sort=deadline&page=1&pageSize=20',
        '/api/cases?channel=hotline_12345&page=3&pageSize=20',
      ],
    }),
    statsCityMs: await timed(url, city.cookie, '/api/case-stats'),
    statsTownMs: await timed(url, town[0]?.cookie ?? '', `/api/case-stats?scopeOrgId=${townMe.scope.id}`),
  };
}

const CASES = Number(process.env.BENCH_CITY_CASES ?? 5_000_000);

export const caseSuites = {
  'cases-postgres': {
    title: `The case loop on PostgreSQL: HTTP intake, history import, queue/list/statistics with ${CASES.toLocaleString('en')} cases`,
    async run() {
      // fsync and synchronous commit on: acknowledged writes are durable, as in production
      const cluster = await startTempCluster({ durable: true });
      const dataDir = tmp('qj-bench-cases-pg-');
      const env = {
        DATA_DIR: dataDir,
        DATABASE_URL: cluster.url,
        QJ_DATA_KEY: '0123456789abcdef0123456789abcdef',
      };
      try {
        const seed = run(['seed', '--scale', 'city', '--cases', String(CASES)], env);
        const centers = await gridCenters(cluster.url);
        const server = await startServer(env);
        try {
          const admin = await login(server.url, '4407');
          const codes = await categoryCodes(server.url, admin.cookie);
          const queries = await queryLoad(server.url);
          const intake = await intakeLoad(server.url, centers, codes);
          await server.stop();
          const imported = importHistory(env, centers, codes, 200_000);
          return {
            engine: 'postgres',
            cases: CASES,
            seedMs: seed.ms,
            seed: lastJson(seed.stdout),
            ...queries,
            intake,
            import: imported,
            targets: {
              intakePerSecond: 1000,
              intakeP99Ms: 100,
              importPerSecond: 20_000,
              queueAndListP95Ms: 50,
              statsCityMs: 300,
              statsTownMs: 50,
            },
          };
        } finally {
          await server.stop();
        }
      } finally {
        await cluster.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
  'cases-pglite': {
    title: 'The case loop on PGlite at demo scale (~300,000 cases): the same workloads, for the ratio',
    async run() {
      const dataDir = tmp('qj-bench-cases-pglite-');
      const env = { DATA_DIR: dataDir };
      try {
        const seed = run(['seed', '--scale', 'demo'], env);
        const { database } = await openPgliteDatabase({ dataDir: path.join(dataDir, 'pglite') });
        const centers = (
          await database.db.selectFrom('grid').select(['center_lng', 'center_lat']).orderBy('id').execute()
        ).map((g): [number, number] => [g.center_lng, g.center_lat]);
        await database.close();
        const server = await startServer(env);
        try {
          const admin = await login(server.url, '4407');
          const codes = await categoryCodes(server.url, admin.cookie);
          const queries = await queryLoad(server.url);
          const intake = await intakeLoad(server.url, centers, codes, 10);
          await server.stop();
          const imported = importHistory(env, centers, codes, 50_000);
          return {
            engine: 'pglite',
            seedMs: seed.ms,
            seed: lastJson(seed.stdout),
            ...queries,
            intake,
            import: imported,
          };
        } finally {
          await server.stop();
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
};
