// `npm run bench -- village-pglite village-postgres` (issue 14): the village reads at demo scale —
// every village's year of decisions (四议两公开), 村务公开 items and questions, power use and cadres,
// as `seed --scale demo` makes them (cases held at BENCH_VILLAGE_CASES, default 12,000: the village
// reads never touch cases). Per engine: the validity figures (deliberation-figures) and the
// publication figures of the city, of the largest county seen from the city and of a county signed in
// as itself; the county's publication calendar (first page, and its overdue items); the decision list;
// and a village's public page without sign-in. One client at a time (latency), then the county's
// figures under 10 clients. Target: a county's validity and publication figures < 200 ms.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTempCluster } from '../server/src/platform/db/testing/pg-cluster.ts';
import { type LoadResult, login, runLoad, type Session } from './lib/load.ts';
import { ROOT, startServer } from './lib/server.ts';

const CASES = process.env.BENCH_VILLAGE_CASES ?? '12000';
const SECONDS = Number(process.env.BENCH_VILLAGE_SECONDS ?? 5);
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const NO_LIMITS = {
  RATE_LIMIT_LOGIN: '100000',
  RATE_LIMIT_PUBLIC_REPORT: '100000',
  RATE_LIMIT_TRACKING: '100000',
  RATE_LIMIT_OPEN311_WRITE: '100000',
};

function seedDemo(env: Record<string, string>): number {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'server/src/main.ts'), 'seed', '--scale', 'demo', '--cases', CASES],
    { cwd: ROOT, env: { ...process.env, DEMO_PASSWORD: 'Qiangji@2026', ...env }, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('seed --scale demo failed');
  return Math.round(performance.now() - t0);
}

async function getJson<T>(url: string, session: Session): Promise<T> {
  const res = await fetch(url, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Figures {
  base: { id: number; name: string };
  rows: { org: { id: number; code: string; name: string }; total: number }[];
}

/** The workloads against a running server with the demo. */
async function villageLoad(url: string) {
  const city = await login(url, '4407');
  const county = await login(url, '440704');
  const anonymous: Session = { cookie: '' };
  // the county with the most matters, as the city sees the counties
  const perCounty = await getJson<Figures>(`${url}/api/deliberation-figures`, city);
  const largest = [...perCounty.rows].sort((a, b) => b.total - a.total)[0];
  if (!largest) throw new Error('no county in the deliberation figures: was the demo seeded?');
  const one = (session: Session, p: string, concurrency = 1): Promise<LoadResult> =>
    runLoad({ url, sessions: [session], paths: [p], concurrency, seconds: SECONDS, warmupRequests: 5 });
  return {
    largestCounty: { name: largest.org.name, matters: largest.total },
    oneClient: {
      cityDeliberationFigures: await one(city, '/api/deliberation-figures'),
      cityPublicationFigures: await one(city, '/api/publication-figures'),
      largestCountyDeliberationFigures: await one(city, `/api/deliberation-figures?orgId=${largest.org.id}`),
      largestCountyPublicationFigures: await one(city, `/api/publication-figures?orgId=${largest.org.id}`),
      countyDeliberationFigures: await one(county, '/api/deliberation-figures'),
      countyPublicationFigures: await one(county, '/api/publication-figures'),
      countyCalendarFirstPage: await one(county, '/api/publications?page=1&pageSize=20'),
      countyCalendarOverdue: await one(county, '/api/publications?page=1&pageSize=20&state=overdue'),
      countyDecisionList: await one(county, '/api/deliberations?page=1&pageSize=20'),
      publicVillagePage: await one(anonymous, '/api/public/villages/440704001015'),
    },
    tenClients: {
      largestCountyDeliberationFigures: await one(
        city,
        `/api/deliberation-figures?orgId=${largest.org.id}`,
        10,
      ),
      largestCountyPublicationFigures: await one(
        city,
        `/api/publication-figures?orgId=${largest.org.id}`,
        10,
      ),
      publicVillagePage: await one(anonymous, '/api/public/villages/440704001015', 10),
    },
    targetCountyFiguresMs: 200,
  };
}

export const villageSuites = {
  'village-pglite': {
    title: 'Village decisions, 村务公开 and the public page at demo scale on PGlite (issue 14)',
    async run() {
      const dataDir = tmp('qj-bench-village-pglite-');
      try {
        const env = { DATA_DIR: dataDir, ...NO_LIMITS };
        const seedMs = seedDemo(env);
        const server = await startServer(env);
        try {
          return { engine: 'pglite', cases: Number(CASES), seedMs, ...(await villageLoad(server.url)) };
        } finally {
          await server.stop();
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
  'village-postgres': {
    title: 'Village decisions, 村务公开 and the public page at demo scale on PostgreSQL (issue 14)',
    async run() {
      const cluster = await startTempCluster();
      const dataDir = tmp('qj-bench-village-pg-');
      try {
        const env = {
          DATA_DIR: dataDir,
          DATABASE_URL: cluster.url,
          QJ_DATA_KEY: '0123456789abcdef0123456789abcdef',
          ...NO_LIMITS,
        };
        const seedMs = seedDemo(env);
        const server = await startServer(env);
        try {
          return { engine: 'postgres', cases: Number(CASES), seedMs, ...(await villageLoad(server.url)) };
        } finally {
          await server.stop();
        }
      } finally {
        await cluster.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
};
