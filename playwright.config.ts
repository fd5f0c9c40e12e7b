// Browser tests in the machine's Chromium (never a downloaded one) against the real server,
// started here on a fresh data folder: its first start migrates and seeds the demo data.
// `npm test` builds the web app first (scripts/test.ts); to run alone: npm run build && npx playwright test
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const ROOT = import.meta.dirname;
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Qiangji@2026';

// The config is read by the runner and again by each worker: the runner picks the port and the data
// folder once and hands them down through the environment, so every process agrees.
process.env.QJ_E2E_PORT ??= '3199';
const PORT = Number(process.env.QJ_E2E_PORT);
if (!process.env.QJ_E2E_DATA_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-e2e-'));
  process.env.QJ_E2E_DATA_DIR = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
const DATA_DIR = process.env.QJ_E2E_DATA_DIR;

// Node 24 from the `node` package (runs the server's TypeScript), whatever node runs Playwright.
const localNode = path.join(ROOT, 'node_modules/.bin/node');
const NODE = fs.existsSync(localNode) ? localNode : process.execPath;

export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  // ~25 journeys of 10–90 s each and the tour (every role's pages on desk and phone, ~200 pages);
  // a loaded 2-core machine runs them at a fraction of the speed
  globalTimeout: 150 * 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `"${NODE}" server/src/main.ts serve`,
    cwd: ROOT,
    url: `${BASE_URL}/api/health`,
    // the first start seeds the demo: the org tree, 12,000 cases and a year of organizational life
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR,
      DEMO_PASSWORD,
      // the browser tests need the loop, not a year of history: 12,000 cases instead of ~300,000
      DEMO_CASES: '12000',
      DATABASE_URL: '',
      // the journeys sign in far more often than a person: no rate limit in their way
      RATE_LIMIT_LOGIN: '100000',
      RATE_LIMIT_PUBLIC_REPORT: '100000',
      RATE_LIMIT_TRACKING: '100000',
      RATE_LIMIT_OPEN311_WRITE: '100000',
    },
  },
});
