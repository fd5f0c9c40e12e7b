// Vitest global setup of the db-pglite and db-postgres projects: migrates and seeds (scale 'test')
// one template per engine, once per run; createTestDatabase() then copies it for each test file.
//   PGlite: the template is a `dumpDataDir()` tarball in a temporary folder.
//   PostgreSQL: `qj_template` on the server at QJ_TEST_PG_URL (scripts/test.ts starts one), or on a
//   temporary cluster started here when that is unset.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../../demo/seed.ts';
import { type Database, openDatabase } from '../engine.ts';
import { migrate } from '../migrate.ts';
import { startTempCluster, type TempCluster } from './pg-cluster.ts';
import { dumpPglite, openTestPglite } from './pglite.ts';
import {
  currentEngine,
  TEST_PASSWORD,
  TEST_SCALE,
  type TestTemplates,
  useTestDataKey,
  withDatabase,
} from './test-env.ts';

export const PG_TEMPLATE = 'qj_template';
export const PG_TEMPLATE_EMPTY = 'qj_template_empty';
export const PG_TEST_PREFIX = 'qj_test_';

function log(line: string) {
  process.stdout.write(`[test-db] ${line}\n`);
}

async function seed(database: Database, label: string) {
  const started = performance.now();
  const summary = await seedDemo(database, { scale: TEST_SCALE, password: TEST_PASSWORD });
  log(
    `${label}: seeded scale '${TEST_SCALE}' (${summary.orgs} orgs, ${summary.grids} grids, ${summary.members} members, ` +
      `${summary.accounts} accounts) in ${Math.round(performance.now() - started)} ms`,
  );
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  useTestDataKey();
  const engine = currentEngine({
    QJ_TEST_ENGINE: project.config.env?.QJ_TEST_ENGINE ?? process.env.QJ_TEST_ENGINE,
  });
  if (engine === 'pglite') {
    const { templates, teardown } = await pgliteTemplates();
    project.provide('qjTemplates', templates);
    return teardown;
  }
  const { templates, teardown } = await postgresTemplates();
  project.provide('qjTemplates', templates);
  return teardown;
}

async function pgliteTemplates() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-pglite-template-'));
  // Removed by the teardown, or at exit when the run is interrupted.
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  try {
    const { database, pglite } = await openTestPglite();
    try {
      await migrate(database);
      const empty = path.join(dir, 'empty.tar');
      fs.writeFileSync(empty, await dumpPglite(pglite));
      await seed(database, 'pglite');
      const seeded = path.join(dir, 'seeded.tar');
      fs.writeFileSync(seeded, await dumpPglite(pglite));
      const templates: TestTemplates = { engine: 'pglite', pglite: { empty, seeded } };
      return {
        templates,
        teardown: async () => {
          removeDir();
          process.off('exit', removeDir);
        },
      };
    } finally {
      await database.close();
    }
  } catch (error) {
    removeDir();
    throw error;
  }
}

async function postgresTemplates() {
  let cluster: TempCluster | undefined;
  let url = process.env.QJ_TEST_PG_URL;
  if (!url) {
    cluster = await startTempCluster({ database: 'qj_admin' });
    url = cluster.url;
    log(`postgres: started a temporary cluster at ${url} (set QJ_TEST_PG_URL to use another server)`);
  }
  const adminUrl = url;
  const admin = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      for (const s of statements) await client.query(s);
    } finally {
      await client.end();
    }
  };
  const dropAll = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like '${PG_TEST_PREFIX}%' or datname in ($1, $2)`,
        [PG_TEMPLATE, PG_TEMPLATE_EMPTY],
      );
      for (const { datname } of rows) {
        await client.query(`alter database "${datname}" is_template false`);
        await client.query(`drop database if exists "${datname}" with (force)`);
      }
    } finally {
      await client.end();
    }
  };
  try {
    await dropAll();
    await admin([`create database ${PG_TEMPLATE_EMPTY}`]);
    const empty = await openDatabase({ databaseUrl: withDatabase(adminUrl, PG_TEMPLATE_EMPTY), poolSize: 4 });
    try {
      await migrate(empty);
    } finally {
      await empty.close();
    }
    await admin([`create database ${PG_TEMPLATE} template ${PG_TEMPLATE_EMPTY}`]);
    const seeded = await openDatabase({ databaseUrl: withDatabase(adminUrl, PG_TEMPLATE), poolSize: 4 });
    try {
      await seed(seeded, 'postgres');
      await seeded.exec('analyze');
    } finally {
      await seeded.close();
    }
    await admin([
      `alter database ${PG_TEMPLATE_EMPTY} is_template true`,
      `alter database ${PG_TEMPLATE} is_template true`,
    ]);
  } catch (error) {
    await cluster?.stop();
    throw error;
  }
  const templates: TestTemplates = {
    engine: 'postgres',
    postgres: { url: adminUrl, empty: PG_TEMPLATE_EMPTY, seeded: PG_TEMPLATE },
  };
  return {
    templates,
    teardown: async () => {
      try {
        if (!cluster) await dropAll();
      } finally {
        await cluster?.stop();
      }
    },
  };
}
