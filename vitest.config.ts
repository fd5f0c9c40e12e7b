// Three projects: unit tests, and the database tests (*.db.test.ts) once on each engine.
// The db projects share one global setup that migrates and seeds a template per engine once per run.
import { defineConfig } from 'vitest/config';

const DB_TESTS = 'server/src/**/*.db.test.ts';
// Tests of what only a PostgreSQL server has: a restart of the server, a standby and its promotion,
// several server processes on one database. They start a cluster of their own (seeded-cluster.ts)
// and run in the db-postgres project; PGlite is in-process and one process by nature.
const PG_SERVER_TESTS = 'server/src/**/*.pg.test.ts';
const SETUP = './server/src/platform/db/testing/setup.ts';
const GLOBAL_SETUP = './server/src/platform/db/testing/global-setup.ts';
const EXCLUDE = ['**/node_modules/**', '**/dist/**'];

function dbProject(engine: 'pglite' | 'postgres') {
  return {
    test: {
      name: `db-${engine}`,
      include: engine === 'postgres' ? [DB_TESTS, PG_SERVER_TESTS] : [DB_TESTS],
      exclude: EXCLUDE,
      environment: 'node' as const,
      env: { QJ_TEST_ENGINE: engine },
      setupFiles: [SETUP],
      globalSetup: [GLOBAL_SETUP],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      // a test that ends without one assertion fails (a seed lacking what a test looks for, a loop
      // over nothing): no test passes by accident
      expect: { requireAssertions: true },
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...EXCLUDE, DB_TESTS, PG_SERVER_TESTS],
          environment: 'node',
          setupFiles: [SETUP],
          // property tests over thousands of random points take seconds on a busy 2-core machine
          testTimeout: 30_000,
          expect: { requireAssertions: true },
        },
      },
      dbProject('pglite'),
      dbProject('postgres'),
    ],
    teardownTimeout: 60_000,
  },
});
