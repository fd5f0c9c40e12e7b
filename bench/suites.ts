// The workloads of issue 3 (foundation). Each returns plain figures; report.ts turns them into tables.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startTempCluster } from '../server/src/platform/db/testing/pg-cluster.ts';
import { assessmentSuites } from './assessment.ts';
import { caseSuites } from './cases.ts';
import { citySuites } from './city.ts';
import { benchLocate } from './geo/locate.ts';
import { measureMapPage } from './lib/browser.ts';
import { login, runLoad } from './lib/load.ts';
import { ROOT, startServer } from './lib/server.ts';
import { memberSuites } from './members.ts';

export interface Suite {
  title: string;
  run(): Promise<Record<string, unknown>>;
}

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

function seed(env: Record<string, string>, scale: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'server/src/main.ts'), 'seed', '--scale', scale], {
    cwd: ROOT,
    env: { ...process.env, DEMO_PASSWORD: 'Qiangji@2026', ...env },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`seed ${scale} failed`);
  return Math.round(performance.now() - t0);
}

async function scopeUsernames(url: string): Promise<{ city: string; county: string; town: string }> {
  void url;
  // Real codes from the 2023 list: 江门市, 江海区, 江海区外海街道.
  return { city: '4407', county: '440704', town: '440704001' };
}

/** 50 clients list the org subtree (page 1 of the paged list, and the tree's first level) per scope. */
async function orgLoad(url: string) {
  const users = await scopeUsernames(url);
  const out: Record<string, unknown> = {};
  for (const [scope, username] of Object.entries(users)) {
    const sessions = [];
    for (let i = 0; i < 50; i++) sessions.push(await login(url, username));
    const me = (await (
      await fetch(`${url}/api/me`, { headers: { cookie: sessions[0]?.cookie ?? '' } })
    ).json()) as {
      scope: { id: number };
    };
    out[scope] = {
      list: await runLoad({
        url,
        sessions,
        concurrency: 50,
        seconds: 10,
        paths: [
          '/api/orgs?page=1&pageSize=20',
          '/api/orgs?page=3&pageSize=20&sort=name',
          '/api/orgs?page=1&pageSize=50&level=village',
        ],
      }),
      tree: await runLoad({
        url,
        sessions,
        concurrency: 50,
        seconds: 10,
        paths: [`/api/orgs/tree?parentId=${me.scope.id}`],
      }),
    };
  }
  return out;
}

export const suites: Record<string, Suite> = {
  locate: {
    title: 'Point → grid in process over the 2,954 demo grids (issue 4)',
    async run() {
      return { ...benchLocate(), targetPointsPerSecond: 1_000_000 };
    },
  },
  restart: {
    title: 'First start with demo data, and restart to ready, on the embedded engine (PGlite)',
    async run() {
      const dataDir = tmp('qj-bench-restart-');
      const first = await startServer({ DATA_DIR: dataDir });
      await first.stop();
      const restarts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const s = await startServer({ DATA_DIR: dataDir });
        restarts.push(Math.round(s.readyMs));
        await s.stop();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      restarts.sort((a, b) => a - b);
      return {
        firstStartMs: Math.round(first.readyMs),
        restartMs: restarts,
        restartMedianMs: restarts[1],
        targetMs: 5000,
      };
    },
  },
  map: {
    title: 'Map payload for all 2,954 grids, and the map page in headless Chromium',
    async run() {
      const dataDir = tmp('qj-bench-map-');
      const server = await startServer({ DATA_DIR: dataDir });
      try {
        const session = await login(server.url, '4407');
        const grids = Buffer.from(
          await (
            await fetch(`${server.url}/api/map/grids`, {
              headers: { cookie: session.cookie, 'accept-encoding': 'identity' },
            })
          ).arrayBuffer(),
        );
        const counties = Buffer.from(
          await (
            await fetch(`${server.url}/api/map/counties`, {
              headers: { cookie: session.cookie, 'accept-encoding': 'identity' },
            })
          ).arrayBuffer(),
        );
        const gridCount = (JSON.parse(grids.toString()) as { grids: unknown[] }).grids.length;
        const page = await measureMapPage(server.url, '4407');
        return {
          grids: gridCount,
          gridPayloadBytes: grids.length,
          gridPayloadGzipBytes: gzipSync(grids).length,
          countyPayloadBytes: counties.length,
          countyPayloadGzipBytes: gzipSync(counties).length,
          targetGridPayloadBytes: 1_500_000,
          mapInteractiveMs: page,
          targetMapInteractiveMs: 3000,
        };
      } finally {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
  bundle: {
    title: 'JavaScript downloaded before the first page shows (gzip)',
    async run() {
      const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: ROOT, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('web build failed');
      const r = spawnSync(process.execPath, [path.join(ROOT, 'web/scripts/bundle-size.ts')], { cwd: ROOT });
      if (r.status !== 0) throw new Error(`bundle-size failed: ${r.stderr}`);
      return { ...(JSON.parse(r.stdout.toString()) as Record<string, unknown>), targetGzipBytes: 400_000 };
    },
  },
  'orgs-pglite': {
    title: 'Org subtree listing at city scale (~200,000 members), 50 concurrent clients, PGlite',
    async run() {
      const dataDir = tmp('qj-bench-orgs-pglite-');
      const seedMs = seed({ DATA_DIR: dataDir }, 'city');
      const server = await startServer({ DATA_DIR: dataDir });
      try {
        return { engine: 'pglite', seedCityMs: seedMs, ...(await orgLoad(server.url)), targetP95Ms: 100 };
      } finally {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
  'orgs-postgres': {
    title: 'Org subtree listing at city scale (~200,000 members), 50 concurrent clients, PostgreSQL',
    async run() {
      const cluster = await startTempCluster();
      const dataDir = tmp('qj-bench-orgs-pg-');
      try {
        // PostgreSQL takes the data key from the configuration (QJ_DATA_KEY), never a data folder
        const env = {
          DATA_DIR: dataDir,
          DATABASE_URL: cluster.url,
          QJ_DATA_KEY: '0123456789abcdef0123456789abcdef',
        };
        const seedMs = seed(env, 'city');
        const server = await startServer(env);
        try {
          return { engine: 'postgres', seedCityMs: seedMs, ...(await orgLoad(server.url)), targetP95Ms: 30 };
        } finally {
          await server.stop();
        }
      } finally {
        await cluster.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
  ...caseSuites,
  ...memberSuites,
  ...citySuites,
  ...assessmentSuites,
};
