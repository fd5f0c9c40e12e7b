// Issue 4 item 11: two server instances against one PostgreSQL behave as one. On the db-postgres
// project this starts TWO real server processes (`node server/src/main.ts serve`) on one database, with
// a loopback webhook receiver and the loopback SMS provider, and proves: a session made on A works on B;
// every webhook delivery arrives once; every automatic red card is applied once; every SMS is sent once.
// PGlite is one process by nature (the data folder is locked against a second one): on db-pglite the
// same jobs run twice concurrently in one process over the same database and must still act once.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoApiKey } from '../cases/api-key.ts';
import { runEscalation } from '../cases/escalation.job.ts';
import { runWebhookDeliveries } from '../cases/webhook.job.ts';
import { DEFAULT_SEED } from '../demo/seed.ts';
import { type Database, openDatabase } from '../platform/db/engine.ts';
import { freePort } from '../platform/db/testing/pg-cluster.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import {
  currentEngine,
  TEST_DATA_KEY,
  TEST_PASSWORD,
  withDatabase,
} from '../platform/db/testing/test-env.ts';
import { startTestServer } from '../platform/http/testing/test-server.ts';
import { HttpSmsGateway } from './sms/sms-gateway.ts';
import { runSmsOutbox } from './sms/sms-outbox.ts';
import { type SmsLoopback, startSmsLoopback } from './sms/testing/sms-loopback.ts';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const engine = currentEngine();
const CASES = 12;
/** the reporter's receipt with the tracking code, the department's dispatch notice and the red card */
const SMS_PER_CASE = 3;
const key = demoApiKey('hotline_12345', DEFAULT_SEED);

let database: Database;
let receiver: WebhookReceiver;
let sms: SmsLoopback;
let point: { lng: number; lat: number };
let townCode: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sms = await startSmsLoopback();
  cleanups.push(
    () => receiver.close(),
    () => sms.close(),
  );
  if (engine === 'postgres') {
    const t = inject('qjTemplates').postgres;
    if (!t) throw new Error('the PostgreSQL template is missing');
    const name = `qj_test_two_${process.pid}_${Date.now().toString(36)}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`create database ${name} template ${t.seeded}`);
    const url = withDatabase(t.url, name);
    database = await openDatabase({ databaseUrl: url, poolSize: 4 });
    cleanups.push(async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    });
    process.env.QJ_TWO_DB_URL = url;
  } else {
    database = await createTestDatabase();
    cleanups.push(() => database.close());
  }
  const grid = await database.db
    .selectFrom('grid')
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .innerJoin('org as town', 'town.id', 'village.parent_id')
    .select(['grid.center_lng', 'grid.center_lat', 'town.code as town_code'])
    .where('grid.county_code', '=', '440704')
    .orderBy('grid.id')
    .executeTakeFirstOrThrow();
  point = { lng: grid.center_lng, lat: grid.center_lat };
  townCode = grid.town_code;
}, 120_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
}, 60_000);

interface Proc {
  url: string;
  child: ChildProcess;
  output: string[];
}

async function startServer(databaseUrl: string): Promise<Proc> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-two-'));
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join(ROOT, 'server/src/main.ts'), 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      QJ_DATA_KEY: TEST_DATA_KEY,
      DEMO_PASSWORD: TEST_PASSWORD,
      PUBLIC_URL: 'https://wg.example.gov.cn',
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_APP_ID: sms.appId,
      SMS_GATEWAY_KEY: sms.key,
      ESCALATION_INTERVAL_MS: '300',
      WEBHOOK_INTERVAL_MS: '150',
      SMS_INTERVAL_MS: '150',
    },
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  cleanups.push(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${output.join('')}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, output };
    if (Date.now() - started > 90_000) throw new Error(`server did not start:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 60_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A signed-in session as raw cookie + CSRF token, usable against any instance. */
async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async call<T>(
      url: string,
      method: string,
      p: string,
      body?: unknown,
    ): Promise<{ status: number; body: T }> {
      const r = await fetch(`${url}${p}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: r.status, body: (await r.json()) as T };
    },
  };
}

async function externalCase(base: string, externalId: string) {
  const res = await fetch(`${base}/api/external/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({
      externalId,
      title: '井盖缺失',
      categoryCode: 'C01-01',
      ...point,
      reporterPhone: '13712345678',
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { caseNo: string }).caseNo;
}

async function counts() {
  const one = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
  return {
    deliveries: await one(
      database.db
        .selectFrom('webhook_delivery')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    undelivered: await one(
      database.db
        .selectFrom('webhook_delivery')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('delivered_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ),
    sms: await one(
      database.db
        .selectFrom('sms_message')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    unsent: await one(
      database.db
        .selectFrom('sms_message')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '!=', 'sent')
        .executeTakeFirstOrThrow(),
    ),
  };
}

/** Every delivery arrived once, every SMS was posted once, every case has exactly one red card. */
async function expectExactlyOnce(caseIds: number[]) {
  const ids = receiver.received.map((r) => r.deliveryId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe((await counts()).deliveries);
  expect(sms.requests).toBe(sms.messages.length);
  expect(sms.messages.length).toBe((await counts()).sms);
  const supervise = await database.db
    .selectFrom('case_step')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('action', '=', 'supervise')
    .where('case_id', 'in', caseIds)
    .groupBy('case_id')
    .execute();
  expect(supervise.map((s) => Number(s.n))).toEqual(caseIds.map(() => 1));
  const redCards = sms.messages.filter((m) => m.templateId === 'QJ_CASE_RED_CARD');
  expect(redCards).toHaveLength(caseIds.length);
  expect(new Set(redCards.map((m) => m.params.caseNo)).size).toBe(caseIds.length);
}

async function makeOverdue(caseIds: number[]) {
  const long = new Date(Date.now() - 30 * 86_400_000);
  await database.db
    .updateTable('civic_case')
    .set({ step_started_at: long, step_deadline: new Date(long.getTime() + 3_600_000) })
    .where('id', 'in', caseIds)
    .execute();
}

async function caseIdsOf(caseNos: string[]) {
  const rows = await database.db
    .selectFrom('civic_case')
    .select('id')
    .where('case_no', 'in', caseNos)
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

// each engine registers only its own variant (a skipped test fails the run: scripts/test.ts)
const onEngine = (e: string) => (e === engine ? describe : () => {});
onEngine('postgres')('two server processes on one PostgreSQL', () => {
  test('share sessions and deliver each webhook, red card and SMS exactly once', {
    timeout: 240_000,
  }, async () => {
    const url = process.env.QJ_TWO_DB_URL as string;
    const [a, b] = await Promise.all([startServer(url), startServer(url)]);
    if (!a || !b) throw new Error('servers did not start');
    // a session made on A is valid on B
    const dispatcher = await signIn(a.url, townCode);
    expect((await dispatcher.call<{ account: { username: string } }>(b.url, 'GET', '/api/me')).status).toBe(
      200,
    );
    const water = await signIn(b.url, '440704-water');
    expect(
      (
        await water.call(a.url, 'PUT', '/api/notifications/sms-contact', {
          phone: '13900000001',
          enabled: true,
        })
      ).status,
    ).toBe(200);
    const hook = await fetch(`${b.url}/api/external/webhook`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ url: receiver.url, secret: receiver.secret }),
    });
    expect(hook.status).toBe(200);

    const caseNos: string[] = [];
    for (let i = 0; i < CASES; i++) caseNos.push(await externalCase(i % 2 ? a.url : b.url, `TWO-${i}`));
    const caseIds = await caseIdsOf(caseNos);
    // file and dispatch each case, alternating the instance (and so the job that picks it up)
    await Promise.all(
      caseIds.map(async (id, i) => {
        const [x, y] = i % 2 ? [a.url, b.url] : [b.url, a.url];
        const filed = await dispatcher.call<{ version: number }>(x, 'POST', `/api/cases/${id}/transitions`, {
          action: 'file',
          version: 1,
        });
        expect(filed.status).toBe(200);
        const sent = await dispatcher.call(y, 'POST', `/api/cases/${id}/transitions`, {
          action: 'dispatch',
          version: filed.body.version,
        });
        expect(sent.status).toBe(200);
      }),
    );
    // both escalation jobs now race for every case
    await makeOverdue(caseIds);
    await waitFor('red cards', async () => {
      const n = await database.db
        .selectFrom('civic_case')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', caseIds)
        .where('supervision', '=', 'red')
        .executeTakeFirstOrThrow();
      return Number(n.n) === caseIds.length;
    });
    // webhooks: file, dispatch, supervise per case; SMS: the reporter's receipt (with the tracking code),
    // dispatch and red card per case
    await waitFor('deliveries and SMS', async () => {
      const c = await counts();
      return (
        c.deliveries === 3 * CASES && c.undelivered === 0 && c.sms === SMS_PER_CASE * CASES && c.unsent === 0
      );
    });
    await new Promise((r) => setTimeout(r, 1000)); // a few more job rounds on both: nothing more may happen
    await expectExactlyOnce(caseIds);
    // per case, the receiver saw the changes in order
    for (const caseNo of caseNos) {
      const seen = receiver.received.filter((r) => r.payload.caseNo === caseNo).map((r) => r.payload.action);
      expect(seen).toEqual(['file', 'dispatch', 'supervise']);
    }
  });
});

onEngine('pglite')('one process (PGlite): jobs racing each other', () => {
  test('two runs of each job at once still act once', { timeout: 120_000 }, async () => {
    await database.db
      .updateTable('external_system')
      .set({
        webhook_url: receiver.url,
        webhook_secret_enc: (await import('../platform/crypto/crypto.ts')).encryptPii(receiver.secret),
      })
      .where('code', '=', 'hotline_12345')
      .execute();
    const server = await startTestServer(database);
    cleanups.push(() => server.close());
    const dispatcher = await signIn(server.url, townCode);
    const water = await signIn(server.url, '440704-water');
    await water.call(server.url, 'PUT', '/api/notifications/sms-contact', {
      phone: '13900000001',
      enabled: true,
    });
    const caseNos: string[] = [];
    for (let i = 0; i < CASES; i++) caseNos.push(await externalCase(server.url, `ONE-${i}`));
    const caseIds = await caseIdsOf(caseNos);
    for (const id of caseIds) {
      const filed = await dispatcher.call<{ version: number }>(
        server.url,
        'POST',
        `/api/cases/${id}/transitions`,
        {
          action: 'file',
          version: 1,
        },
      );
      await dispatcher.call(server.url, 'POST', `/api/cases/${id}/transitions`, {
        action: 'dispatch',
        version: filed.body.version,
      });
    }
    await makeOverdue(caseIds);
    await Promise.all([runEscalation(database.db, 'pglite'), runEscalation(database.db, 'pglite')]);
    const gateway = new HttpSmsGateway({
      url: sms.url,
      appId: sms.appId,
      key: sms.key,
      signName: '江门网格',
    });
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        runWebhookDeliveries(database.db),
        runWebhookDeliveries(database.db),
        runSmsOutbox(database.db, gateway, { publicUrl: 'https://wg.example.gov.cn' }),
        runSmsOutbox(database.db, gateway, { publicUrl: 'https://wg.example.gov.cn' }),
      ]);
    }
    expect(await counts()).toEqual({
      deliveries: 3 * CASES,
      undelivered: 0,
      sms: SMS_PER_CASE * CASES,
      unsent: 0,
    });
    await expectExactlyOnce(caseIds);
  });
});
