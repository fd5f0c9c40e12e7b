// Commands: serve (default) | migrate | seed [--scale test|demo|city] [--seed N] [--cases N] |
// backup [--out DIR] | restore --from DIR [--force] |
// import-cases --system <code> --file <history.jsonl> [--mode keep_good|all_or_nothing] | audit-verify |
// train-classifier | openapi (writes docs/openapi.json)
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { deleteStaleSessions } from './auth/session.repository.ts';
import { demoApiKey } from './cases/api-key.ts';
import { startCaseStatsFoldJob } from './cases/case-stats-fold.job.ts';
import { trainClassifier } from './cases/classifier/classifier-training.ts';
import { startEscalationJob } from './cases/escalation.job.ts';
import { importCommand } from './cases/import/import-command.ts';
import { EXTERNAL_SYSTEMS } from './demo/cases-departments.ts';
import { DEFAULT_SEED, seedDemo } from './demo/seed.ts';
import { startDeliveryJobs } from './notifications/jobs.ts';
import { appendAudit, verifyAuditChain } from './platform/audit/audit.ts';
import { type Config, loadConfig } from './platform/config/config.ts';
import { hasDataKey, loadDataKey, setDataKey } from './platform/crypto/crypto.ts';
import { checkDataKey, missingKeyMessage } from './platform/crypto/key-check.ts';
import { backup, restore } from './platform/db/backup.ts';
import { lockDataDir } from './platform/db/data-dir-lock.ts';
import { type Database, openDatabase } from './platform/db/engine.ts';
import { migrate } from './platform/db/migrate.ts';
import { writeOpenApiDocument } from './system/openapi-document.ts';
import { demoLogins, isEmpty } from './system/system.repository.ts';
import { startVillageJobs } from './village-cadres/village-jobs.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

export async function openConfigured(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    // several servers share a PostgreSQL: the key is configuration, never a file of one of them
    if (!config.dataKey) throw new Error(missingKeyMessage(randomBytes(16).toString('hex')));
    setDataKey(config.dataKey);
    const database = await openDatabase({ databaseUrl: config.databaseUrl });
    try {
      await migrate(database);
      await checkDataKey(database.db, 'DATABASE_URL');
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }
  setDataKey(loadDataKey(config.dataDir, config.dataKey));
  const release = lockDataDir(config.dataDir);
  process.once('exit', release);
  const database = await openDatabase({ dataDir: path.join(config.dataDir, 'pglite') });
  const close = database.close;
  const closeAll = async () => {
    await close();
    release();
  };
  try {
    await migrate(database);
    await checkDataKey(database.db, `DATA_DIR (${config.dataDir})`);
  } catch (error) {
    await closeAll();
    throw error;
  }
  return { ...database, close: closeAll };
}

export async function runSeed(
  database: Database,
  scale: 'test' | 'demo' | 'city',
  password: string,
  seed?: number,
  cases?: number,
) {
  let lastStep = '';
  const summary = await seedDemo(database, {
    scale,
    password,
    ...(seed === undefined ? {} : { seed }),
    ...(cases === undefined ? {} : { cases }),
    onProgress(step, done, total) {
      if (step !== lastStep || done === total || (step === 'cases' && done % 50_000 === 0)) {
        process.stdout.write(`  生成演示数据 / seeding ${step}: ${done}/${total}\n`);
        lastStep = step;
      }
    },
  });
  // Fresh statistics and no dead rows from the totals pass: the planner needs both at city scale.
  await database.exec('vacuum analyze org');
  await database.exec('analyze');
  await database.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actorId: null,
      actorUsername: 'system',
      role: 'system',
      scopeOrgId: null,
      action: 'demo.seed',
      targetType: 'database',
      targetId: scale,
      after: summary,
      clientIp: 'local',
    }),
  );
  return summary;
}

async function serve(config: Config) {
  const started = Date.now();
  const database = await openConfigured(config);
  if (await isEmpty(database.db)) {
    if (!config.demoMode)
      throw new Error('empty database and DEMO_MODE=0: load data with `npm run seed` first');
    console.log('首次启动：生成江门市演示数据 / first start: generating the Jiangmen demo data …');
    const summary = await runSeed(database, 'demo', config.demoPassword, undefined, config.demoCases);
    console.log(`  完成 / done in ${(summary.ms / 1000).toFixed(1)} s`);
  }
  const app = await buildApp({ database, db: database.db, config, version: VERSION }, { logger: true });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  console.log(`\n强基 Qiangji ${VERSION} 已启动 / ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  地址 / URL:        ${url}`);
  console.log(`  接口文档 / API docs: ${url}api/docs`);
  console.log(
    `  数据库 / database:  ${database.engine}${database.engine === 'pglite' ? ` (${path.join(config.dataDir, 'pglite')})` : ''}`,
  );
  if (config.demoMode) {
    console.log(`  演示账号 / demo accounts (密码 / password: ${config.demoPassword}):`);
    for (const r of await demoLogins(database.db)) console.log(`    ${r.username.padEnd(16)} ${r.name}`);
    console.log('    sysadmin         系统管理员 / system administrator');
    console.log('    secadmin         安全管理员 / security administrator');
    console.log('    auditadmin       审计管理员 / audit administrator');
    console.log(
      '    440704-urban_management  职能部门（<区县代码>-<部门类别>）/ department staff (<county>-<kind>)',
    );
    console.log('    resident-440704  居民 / resident');
    console.log('  对接系统接口密钥 / external system API keys (x-api-key; Open311: api_key; demo seed):');
    for (const s of EXTERNAL_SYSTEMS)
      console.log(`    ${s.code.padEnd(16)} ${demoApiKey(s.code, DEFAULT_SEED)}`);
  }
  // Idle sessions are refused on use; this sweep only keeps the table small.
  const sweep = setInterval(() => {
    void deleteStaleSessions(database.db).catch(() => {});
  }, 600_000);
  sweep.unref();
  // automatic supervision of open cases (every minute); the statistics roll-ups' fold; webhook
  // deliveries and SMS
  const stopEscalation = startEscalationJob(database.db, database.engine, config.jobs.escalationMs);
  const stopFold = startCaseStatsFoldJob(database.db, database.engine, config.jobs.foldMs);
  const stopDeliveries = startDeliveryJobs(database.db, config);
  // 村务公开 calendar and overdue alerts, decisions' validity over time (issue 14)
  const stopVillage = startVillageJobs(database.db);
  if (!config.sms.url) console.log('  短信 / SMS: 未配置 SMS_GATEWAY_URL，写入日志 / no gateway: logged');
  const stop = async () => {
    clearInterval(sweep);
    stopEscalation();
    stopFold();
    stopDeliveries();
    stopVillage();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string' },
      cases: { type: 'string' },
      force: { type: 'boolean' },
      file: { type: 'string' },
      system: { type: 'string' },
      mode: { type: 'string', default: 'keep_good' },
      out: { type: 'string' },
      from: { type: 'string' },
    },
  });
  const command = positionals[0] ?? 'serve';
  const config = loadConfig();
  if (command === 'serve') return serve(config);
  if (command === 'openapi') {
    console.log(`written / 已生成: ${path.relative(process.cwd(), await writeOpenApiDocument())}`);
    return;
  }
  if (command === 'backup' || command === 'restore') {
    return backupCommand(command, config, {
      out: values.out,
      from: values.from,
      force: values.force === true,
    });
  }
  const database = await openConfigured(config);
  try {
    if (command === 'migrate') {
      console.log('migrations applied / 迁移完成');
    } else if (command === 'seed') {
      const scale = values.scale as 'test' | 'demo' | 'city';
      if (!['test', 'demo', 'city'].includes(scale)) throw new Error('--scale must be test, demo or city');
      if (!(await isEmpty(database.db))) {
        throw new Error(
          'the database already holds data: remove DATA_DIR (or use an empty DATABASE_URL) and run again',
        );
      }
      const summary = await runSeed(
        database,
        scale,
        config.demoPassword,
        values.seed ? Number(values.seed) : undefined,
        values.cases ? Number(values.cases) : undefined,
      );
      console.log(JSON.stringify(summary));
    } else if (command === 'import-cases') {
      if (!values.file || !values.system)
        throw new Error('import-cases needs --file <history.jsonl> --system <code>');
      const mode = values.mode === 'all_or_nothing' ? 'all_or_nothing' : 'keep_good';
      const result = await importCommand(database.db, { file: values.file, system: values.system, mode });
      for (const p of result.problems.slice(0, 200)) console.log(`  ${p.message_zh} / ${p.message_en}`);
      if (result.problems.length > 200) console.log(`  … ${result.problems.length - 200} more`);
      const { problems, ...summary } = result;
      console.log(JSON.stringify({ ...summary, problems: problems.length }));
      if (!result.written && problems.length > 0) process.exitCode = 1;
    } else if (command === 'train-classifier') {
      console.log(JSON.stringify(await trainClassifier(database.db, 'system')));
    } else if (command === 'audit-verify') {
      const result = await verifyAuditChain(database.db);
      console.log(JSON.stringify(result));
      if (!result.ok) process.exitCode = 1;
    } else {
      throw new Error(
        `unknown command ${command}: use serve | migrate | seed | import-cases | audit-verify | train-classifier | backup | restore | openapi`,
      );
    }
  } finally {
    await database.close();
  }
}

/** npm run backup -- [--out DIR] | npm run restore -- --from DIR [--force] (platform/db/backup.ts). */
async function backupCommand(
  command: 'backup' | 'restore',
  config: Config,
  args: { out?: string | undefined; from?: string | undefined; force: boolean },
) {
  if (config.databaseUrl) {
    if (!config.dataKey) throw new Error(missingKeyMessage(randomBytes(16).toString('hex')));
    setDataKey(config.dataKey);
  } else {
    if (command === 'restore' && !hasDataKey(config.dataDir, config.dataKey)) {
      throw new Error(
        '恢复需要备份时所用的数据密钥：请设置 QJ_DATA_KEY（或把原 DATA_DIR/keys.json 复制到新 DATA_DIR）。' +
          ' / A restore needs the data key the backup was made with: set QJ_DATA_KEY (or copy the old DATA_DIR/keys.json).',
      );
    }
    setDataKey(loadDataKey(config.dataDir, config.dataKey));
  }
  const target = config.databaseUrl
    ? { databaseUrl: config.databaseUrl }
    : { pgliteDir: path.join(config.dataDir, 'pglite') };
  // the embedded engine is one process: hold the data folder's lock (refused while a server runs)
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    if (command === 'backup') {
      const out = path.resolve(args.out ?? `backup-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      const manifest = await backup(target, out, VERSION);
      console.log(JSON.stringify({ ok: true, out, ...manifest }));
      return;
    }
    if (!args.from) throw new Error('restore needs --from <backup folder>');
    const result = await restore(path.resolve(args.from), target, args.force);
    console.log(
      JSON.stringify({ ok: result.audit.ok, audit: result.audit, keptAside: result.keptAside ?? null }),
    );
    if (!result.audit.ok) process.exitCode = 1;
  } finally {
    release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
