// `npm test`: every test, in order, stopping at the first stage that fails.
//   system → typecheck → lint → vitest (unit, db-pglite, db-postgres) → build web → playwright
// The PostgreSQL of the db-postgres project is a temporary cluster started here (QJ_TEST_PG_URL)
// and removed afterwards. The last line is `N passed, N failed` over all tests run.
//   npm test                    all stages
//   npm test -- --from vitest   start at a later stage (system checks still run first)
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  startTempCluster,
  type TempCluster,
} from '../server/src/platform/db/testing/pg-cluster.ts';
import { ensureSystem } from './ensure-system.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-test-run-'));

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface StageResult {
  name: string;
  ok: boolean;
  ms: number;
  counts?: Counts;
  note?: string;
}

const STAGES = ['system', 'typecheck', 'lint', 'vitest', 'build', 'playwright'];
const fromArg = process.argv.find((a) => a.startsWith('--from'));
const from = fromArg
  ? fromArg.includes('=')
    ? fromArg.split('=')[1]
    : process.argv[process.argv.indexOf(fromArg) + 1]
  : 'system';
if (!from || !STAGES.includes(from)) {
  console.error(`--from takes one of: ${STAGES.join(', ')}`);
  process.exit(2);
}
const fromIndex = STAGES.indexOf(from);

const results: StageResult[] = [];
let current: ChildProcess | undefined;
let cluster: TempCluster | undefined;

class StageError extends Error {
  counts: Counts | undefined;
  constructor(message: string, counts?: Counts) {
    super(message);
    this.counts = counts;
  }
}

function cleanup() {
  fs.rmSync(TMP, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    current?.kill(signal);
    void cluster?.stop();
    cleanup();
    process.exit(130);
  });
}

/** Runs a command in the repo; a command still running after `timeoutMs` is stopped (exit 124). */
function run(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 20 * 60_000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(
        `\n${path.basename(args[0] ?? cmd)} still running after ${seconds(timeoutMs)}: stopping it`,
      );
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve(timedOut ? 124 : (code ?? (signal ? 128 : 1)));
    });
  });
}

async function mustRun(
  what: string,
  cmd: string,
  args: string[],
  env?: Record<string, string>,
): Promise<void> {
  const code = await run(cmd, args, env);
  if (code !== 0) throw new StageError(`${what} exited with code ${code}`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function describeCounts(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}

async function stage(name: string, body: () => Promise<Counts | undefined>): Promise<void> {
  if (name !== 'system' && STAGES.indexOf(name) < fromIndex) {
    console.log(`\n━━ ${name}: not run (--from ${from})`);
    return;
  }
  console.log(`\n━━ ${name} ${'━'.repeat(Math.max(3, 60 - name.length))}`);
  const started = performance.now();
  try {
    const counts = await body();
    const ms = performance.now() - started;
    if (counts && counts.failed > 0) throw new StageError(`${counts.failed} test(s) failed`, counts);
    if (counts && counts.skipped > 0) {
      throw new StageError(
        `${counts.skipped} test(s) skipped: a test never silently skips (remove the skip or fix the test)`,
        counts,
      );
    }
    if (counts && counts.passed === 0) throw new StageError('no test ran', counts);
    results.push({ name, ok: true, ms, ...(counts ? { counts } : {}) });
    console.log(`━━ ${name}: ok in ${seconds(ms)}${counts ? ` (${describeCounts(counts)})` : ''}`);
  } catch (error) {
    const ms = performance.now() - started;
    const message = error instanceof Error ? error.message : String(error);
    const counts = error instanceof StageError ? error.counts : undefined;
    results.push({ name, ok: false, ms, note: message, ...(counts ? { counts } : {}) });
    console.error(`\n✗ stage '${name}' failed after ${seconds(ms)}: ${message}`);
    finish(1);
  }
}

function finish(code: number): never {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  console.log('\n━━ summary ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━');
  for (const r of results) {
    const counts = r.counts ? `  ${describeCounts(r.counts)}` : '';
    console.log(
      `${r.ok ? '✓' : '✗'} ${r.name.padEnd(12)} ${seconds(r.ms).padStart(8)}${counts}${r.ok ? '' : `  FAILED: ${r.note}`}`,
    );
    passed += r.counts?.passed ?? 0;
    failed += r.counts?.failed ?? 0;
    skipped += r.counts?.skipped ?? 0;
    // A stage that failed without failing tests (type errors, lint, a build) counts as one failure.
    if (!r.ok && !r.counts?.failed) failed += 1;
  }
  const total = results.reduce((s, r) => s + r.ms, 0);
  console.log(`total ${seconds(total)}${code === 0 ? '' : ' — stopped at the first failing stage'}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  cleanup();
  process.exit(code);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  numTotalTests: number;
  success: boolean;
}

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
}

async function portFor(preferred: number): Promise<number> {
  const net = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(preferred, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
  return free ? preferred : freePort();
}

// ── stages ───────────────────────────────────────────────────────────────────────────────────────

await stage('system', async () => {
  ensureSystem();
  return undefined;
});

await stage('typecheck', async () => {
  await mustRun('npm run typecheck', 'npm', ['run', '--silent', 'typecheck']);
  return undefined;
});

await stage('lint', async () => {
  await mustRun('npm run lint', 'npm', ['run', '--silent', 'lint']);
  return undefined;
});

await stage('vitest', async () => {
  const startedPg = performance.now();
  cluster = await startTempCluster({ database: 'qj_admin' });
  console.log(`temporary PostgreSQL at ${cluster.url} (${seconds(performance.now() - startedPg)})`);
  const report = path.join(TMP, 'vitest.json');
  try {
    const code = await run(
      NODE,
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
      ],
      { QJ_TEST_PG_URL: cluster.url },
      45 * 60_000,
    );
    const json = readJson<VitestJson>(report);
    if (!json) throw new StageError(`vitest exited with code ${code} and wrote no report`);
    const counts = {
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
    };
    if (code !== 0 && counts.failed === 0) {
      throw new StageError(
        `vitest exited with code ${code} (${json.numFailedTestSuites} file(s) failed to run)`,
        {
          ...counts,
          failed: Math.max(1, json.numFailedTestSuites),
        },
      );
    }
    return counts;
  } finally {
    await cluster.stop();
    cluster = undefined;
  }
});

await stage('build', async () => {
  await mustRun('npm run build -w web', 'npm', ['run', 'build', '-w', 'web']);
  return undefined;
});

await stage('playwright', async () => {
  const report = path.join(TMP, 'playwright.json');
  const dataDir = path.join(TMP, 'e2e-data');
  fs.mkdirSync(dataDir);
  const port = await portFor(3199);
  const code = await run(
    NODE,
    ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      QJ_E2E_PORT: String(port),
      QJ_E2E_DATA_DIR: dataDir,
    },
    50 * 60_000,
  );
  const json = readJson<PlaywrightJson>(report);
  if (!json) throw new StageError(`playwright exited with code ${code} and wrote no report`);
  const { expected, unexpected, flaky, skipped } = json.stats;
  const counts = { passed: expected, failed: unexpected + flaky, skipped };
  if (code !== 0 && counts.failed === 0) {
    const why = json.errors?.map((e) => e.message?.split('\n')[0]).join('; ');
    throw new StageError(`playwright exited with code ${code}${why ? `: ${why}` : ''}`, {
      ...counts,
      failed: 1,
    });
  }
  return counts;
});

finish(0);
