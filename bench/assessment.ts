// `npm run bench -- assessment-postgres` (issue 15): the year's grading of village secretaries
// (分级分档) on a temporary PostgreSQL with fsync on, at city scale — 200,000 members and
// BENCH_ASSESSMENT_CASES cases (default 5,000,000, as the city suite). The demo computes this year's
// round in six counties (some approved or published, which locks them), so the bench first clears
// this year's demo rounds; then 江海区 grades its villages (a county), and the city grades all seven
// counties at once (1,348 villages), each BENCH_ASSESSMENT_RUNS times (a draft round is recomputed in
// place). The server answers its own timing (figures, total); the wall time includes HTTP.
import os from 'node:os';
import pg from 'pg';
import { cityPostgres } from './lib/city-postgres.ts';
import { startServer } from './lib/server.ts';

const CASES = Number(process.env.BENCH_ASSESSMENT_CASES ?? 5_000_000);
const RUNS = Number(process.env.BENCH_ASSESSMENT_RUNS ?? 3);

async function signIn(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Qiangji@2026' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken };
}

interface RunAnswer {
  villages: number;
  ms: { figures: number; total: number };
}

/** Grades the year RUNS times as `username`; each run's villages, server figures/total and wall time. */
async function grade(url: string, username: string, year: number) {
  const headers = await signIn(url, username);
  const runs: { villages: number; figuresMs: number; totalMs: number; wallMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/assessment/rounds`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ year }),
    });
    const wallMs = Math.round(performance.now() - t0);
    if (res.status !== 201) throw new Error(`grading as ${username}: ${res.status} ${await res.text()}`);
    const r = (await res.json()) as RunAnswer;
    runs.push({ villages: r.villages, figuresMs: r.ms.figures, totalMs: r.ms.total, wallMs });
    console.log(`  ${username}: ${r.villages} villages, ${r.ms.total} ms (${wallMs} ms wall)`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    villages: runs[0]?.villages ?? 0,
    runs,
    medianTotalMs: median(runs.map((r) => r.totalMs)),
    medianFiguresMs: median(runs.map((r) => r.figuresMs)),
    medianWallMs: median(runs.map((r) => r.wallMs)),
  };
}

/** This year's demo rounds removed (their assessments, indicators and appeals first). */
async function clearYear(databaseUrl: string, year: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    const rounds = 'select id from assessment_round where year = $1';
    const assessments = `select id from assessment where round_id in (${rounds})`;
    await client.query(`delete from assessment_appeal where assessment_id in (${assessments})`, [year]);
    await client.query(`delete from assessment_indicator where assessment_id in (${assessments})`, [year]);
    await client.query(`delete from assessment where round_id in (${rounds})`, [year]);
    await client.query('delete from assessment_round where year = $1', [year]);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

export const assessmentSuites = {
  'assessment-postgres': {
    title:
      'Grading the village secretaries of a county and of the whole city (1,348 villages) on PostgreSQL at city scale',
    async run() {
      const db = await cityPostgres(CASES, 'qj-bench-assessment-');
      const { env } = db;
      try {
        const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
        await clearYear(db.url, year);
        const server = await startServer(env);
        try {
          const county = await grade(server.url, '440704', year);
          const city = await grade(server.url, '4407', year);
          return {
            engine: 'postgres (fsync on)',
            scale: 'city',
            members: 200_000,
            cases: CASES,
            seedMs: db.seed?.ms ?? null,
            seededBeforehand: db.seed === null,
            loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
            year,
            county: { name: '江海区 (440704)', ...county },
            city: { name: '江门市 (4407), 7 counties', ...city },
            targetCityMs: 10_000,
          };
        } finally {
          await server.stop();
        }
      } finally {
        await db.stop();
      }
    },
  },
};
