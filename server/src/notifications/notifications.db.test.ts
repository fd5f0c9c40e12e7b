// Webhooks, SMS and in-app notifications over real HTTP on both engines: a loopback webhook receiver
// that verifies signatures, and the loopback SMS provider. Jobs are run by hand with a chosen clock.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoApiKey } from '../cases/api-key.ts';
import { runEscalation } from '../cases/escalation.job.ts';
import { runWebhookDeliveries } from '../cases/webhook.job.ts';
import { DEFAULT_SEED } from '../demo/seed.ts';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { MAX_ATTEMPTS } from '../platform/jobs/retry.ts';
import { HttpSmsGateway } from './sms/sms-gateway.ts';
import { runSmsOutbox } from './sms/sms-outbox.ts';
import { type SmsLoopback, startSmsLoopback } from './sms/testing/sms-loopback.ts';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver.ts';

let database: Database;
let server: TestServer;
let receiver: WebhookReceiver;
let sms: SmsLoopback;
let gateway: HttpSmsGateway;
let dispatcher: TestClient;
let water: TestClient;
let point: { lng: number; lat: number };
const key = demoApiKey('hotline_12345', DEFAULT_SEED);
const PUBLIC_URL = 'https://wg.example.gov.cn';
type Detail = { id: number; version: number; state: string; caseNo: string };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  receiver = await startWebhookReceiver();
  sms = await startSmsLoopback();
  gateway = new HttpSmsGateway({ url: sms.url, appId: sms.appId, key: sms.key, signName: '江门网格' });
  const grid = await database.db
    .selectFrom('grid')
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .innerJoin('org as town', 'town.id', 'village.parent_id')
    .select(['grid.center_lng', 'grid.center_lat', 'town.code as town_code'])
    .where('grid.county_code', '=', '440704')
    .orderBy('grid.id')
    .executeTakeFirstOrThrow();
  point = { lng: grid.center_lng, lat: grid.center_lat };
  dispatcher = await server.as(grid.town_code);
  water = await server.as('440704-water');
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await sms?.close();
  await server?.close();
  await database?.close();
});

const external = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

async function externalCase(externalId: string, extra: Record<string, unknown> = {}): Promise<Detail> {
  const res = await external('POST', '/api/external/cases', {
    externalId,
    title: '井盖缺失',
    categoryCode: 'C01-01',
    ...point,
    reporterName: '李四',
    reporterPhone: '13712345678',
    ...extra,
  });
  expect(res.status).toBe(201);
  const { caseNo } = (await res.json()) as { caseNo: string };
  const row = await database.db
    .selectFrom('civic_case')
    .select(['id', 'version', 'state', 'case_no'])
    .where('case_no', '=', caseNo)
    .executeTakeFirstOrThrow();
  return { id: row.id, version: row.version, state: row.state, caseNo };
}

async function act(client: TestClient, c: { id: number; version: number }, body: Record<string, unknown>) {
  const res = await client.post<Detail>(`/api/cases/${c.id}/transitions`, { version: c.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const deliveries = (caseId: number) =>
  database.db
    .selectFrom('webhook_delivery')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
const later = (ms: number) => new Date(Date.now() + ms);

describe('status webhooks', () => {
  test('a system registers its webhook; bad URLs are refused; the secret is stored encrypted', async () => {
    const bad = await external('PUT', '/api/external/webhook', {
      url: 'ftp://example.org/x',
      secret: receiver.secret,
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { code: string }).code).toBe('WEBHOOK_URL_INVALID');
    const short = await external('PUT', '/api/external/webhook', { url: receiver.url, secret: 'short' });
    expect(short.status).toBe(400);
    const put = await external('PUT', '/api/external/webhook', {
      url: receiver.url,
      secret: receiver.secret,
    });
    expect(put.status).toBe(200);
    const row = await database.db
      .selectFrom('external_system')
      .select(['webhook_url', 'webhook_secret_enc'])
      .where('code', '=', 'hotline_12345')
      .executeTakeFirstOrThrow();
    expect(row.webhook_url).toBe(receiver.url);
    expect(row.webhook_secret_enc).not.toContain(receiver.secret);
    const get = await external('GET', '/api/external/webhook');
    expect(await get.json()).toMatchObject({ url: receiver.url, registered: true });
    const anon = await fetch(`${server.url}/api/external/webhook`);
    expect(anon.status).toBe(401);
  });

  test('each change is delivered signed, in order per case, once', async () => {
    let c = await externalCase('HL-WH-1');
    c = await act(dispatcher, c, { action: 'file' });
    c = await act(dispatcher, c, { action: 'dispatch' });
    expect((await deliveries(c.id)).map((d) => d.event)).toEqual(['case.file', 'case.dispatch']);
    const before = receiver.received.length;
    // the second waits for the first: one per case per run
    expect((await runWebhookDeliveries(database.db)).delivered).toBe(1);
    expect((await runWebhookDeliveries(database.db)).delivered).toBe(1);
    expect((await runWebhookDeliveries(database.db)).claimed).toBe(0);
    const got = receiver.received.slice(before);
    expect(got.map((r) => r.event)).toEqual(['case.file', 'case.dispatch']);
    expect(got[1]?.payload).toMatchObject({
      caseNo: c.caseNo,
      externalId: 'HL-WH-1',
      state: 'dispatched',
      stateName: '已派遣',
      action: 'dispatch',
    });
    expect(receiver.badSignatures).toBe(0);
    expect((await deliveries(c.id)).every((d) => d.delivered_at !== null && d.attempts === 1)).toBe(true);
  });

  test('a failure is retried with backoff; the 10th failure gives up and the next change goes on', async () => {
    let c = await externalCase('HL-WH-2');
    c = await act(dispatcher, c, { action: 'file' });
    receiver.failNext(1);
    const first = await runWebhookDeliveries(database.db);
    expect(first).toMatchObject({ claimed: 1, failed: 1, delivered: 0 });
    const [d] = await deliveries(c.id);
    expect(d?.attempts).toBe(1);
    expect(d?.last_error).toContain('HTTP 503');
    const wait = (d?.next_attempt_at.getTime() ?? 0) - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThan(31_000);
    expect((await runWebhookDeliveries(database.db)).claimed).toBe(0);
    expect((await runWebhookDeliveries(database.db, { now: later(31_000) })).delivered).toBe(1);

    c = await act(dispatcher, c, { action: 'dispatch' });
    c = await act(water, c, { action: 'accept' });
    const [, dispatched] = await deliveries(c.id);
    if (!dispatched) throw new Error('no delivery');
    await database.db
      .updateTable('webhook_delivery')
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where('id', '=', dispatched.id)
      .execute();
    receiver.failNext(1, 500);
    expect(await runWebhookDeliveries(database.db)).toMatchObject({ claimed: 1, gaveUp: 1 });
    const gaveUp = (await deliveries(c.id))[1];
    expect(gaveUp?.attempts).toBe(MAX_ATTEMPTS);
    expect(gaveUp?.last_error).toMatch(/^gave up after 10 attempts: HTTP 500/);
    expect((await runWebhookDeliveries(database.db)).delivered).toBe(1);
    expect(receiver.received.at(-1)?.payload.action).toBe('accept');
    const status = (await (await external('GET', '/api/external/webhook')).json()) as {
      recentFailures: { gaveUp: boolean }[];
    };
    expect(status.recentFailures[0]?.gaveUp).toBe(true);
  });

  test('cases of people (not from a system) queue no deliveries', async () => {
    const count = await database.db
      .selectFrom('webhook_delivery')
      .innerJoin('civic_case', 'civic_case.id', 'webhook_delivery.case_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('civic_case.external_system', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('SMS', () => {
  const outbox = (now?: Date) =>
    runSmsOutbox(database.db, gateway, { publicUrl: PUBLIC_URL, ...(now ? { now } : {}) });

  test('staff set their SMS phone; it is stored encrypted and shown masked', async () => {
    const bad = await water.request<{ code: string }>('PUT', '/api/notifications/sms-contact', {
      phone: '12345',
      enabled: true,
    });
    expect(bad.status).toBe(422);
    const put = await water.request('PUT', '/api/notifications/sms-contact', {
      phone: '139 0000 0001',
      enabled: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ phoneMasked: '139****0001', enabled: true });
    expect((await water.get('/api/notifications/sms-contact')).body).toMatchObject({
      phoneMasked: '139****0001',
    });
    const row = await database.db.selectFrom('sms_contact').selectAll().executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13900000001');
  });

  test('intake texts the reporter the receipt, dispatch texts the department, a red card again, closing the reporter a link', async () => {
    let c = await externalCase('HL-SMS-1');
    // the receipt: the number, the tracking code and the link that opens the case (issue 10 item 3)
    // (the receipts of the cases of the tests before go out in the same run)
    expect((await outbox()).sent).toBeGreaterThanOrEqual(1);
    const receipt = sms.messages.find(
      (m) => m.templateId === 'QJ_CASE_RECEIVED' && m.params.caseNo === c.caseNo,
    );
    expect(receipt?.templateId).toBe('QJ_CASE_RECEIVED');
    const code = receipt?.params.code ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(receipt?.params.link).toBe(`${PUBLIC_URL}/public/track/${c.caseNo}?code=${code}`);
    expect(receipt?.text).toContain(code);
    const before = sms.messages.length;
    c = await act(dispatcher, c, { action: 'file' });
    c = await act(dispatcher, c, { action: 'dispatch' });
    const queued = await database.db
      .selectFrom('sms_message')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('template', '!=', 'QJ_CASE_RECEIVED')
      .execute();
    expect(queued.map((m) => [m.template, m.phone_masked, m.state])).toEqual([
      ['QJ_CASE_DISPATCHED', '139****0001', 'pending'],
    ]);
    sms.failNext(1);
    expect(await outbox()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await outbox()).toMatchObject({ claimed: 0 });
    expect(await outbox(later(31_000))).toMatchObject({ sent: 1 });
    expect(sms.messages.slice(before).map((m) => [m.templateId, m.phone])).toEqual([
      ['QJ_CASE_DISPATCHED', '13900000001'],
    ]);
    expect(sms.messages.at(-1)?.text).toContain(c.caseNo);

    // an overdue step: the escalation job raises a red card, once
    const long = new Date(Date.now() - 30 * 86_400_000);
    await database.db
      .updateTable('civic_case')
      .set({ step_started_at: long, step_deadline: new Date(long.getTime() + 3_600_000) })
      .where('id', '=', c.id)
      .execute();
    await runEscalation(database.db, database.engine);
    await runEscalation(database.db, database.engine);
    expect(await outbox()).toMatchObject({ sent: 1 });
    expect(sms.messages.at(-1)?.templateId).toBe('QJ_CASE_RED_CARD');
    c = (await water.get<Detail>(`/api/cases/${c.id}`)).body;
    c = await act(water, c, { action: 'accept' });
    const upload = await water.post<{ id: number }>('/api/attachments', {
      mime: 'image/png',
      dataBase64:
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    });
    c = await act(water, c, { action: 'feedback', note: '已更换', attachments: [upload.body.id] });
    c = await act(dispatcher, c, { action: 'verify_pass' });
    expect(c.state).toBe('closed');
    expect(await outbox()).toMatchObject({ sent: 1 });
    const closed = sms.messages.at(-1);
    expect(closed?.phone).toBe('13712345678');
    expect(closed?.params.link).toBe(`${PUBLIC_URL}/public/track/${c.caseNo}?code=${code}`);
    const rows = await database.db
      .selectFrom('sms_message')
      .select(['template', 'state', 'provider_message_id', 'attempts'])
      .where('case_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.template, r.state, r.attempts])).toEqual([
      ['QJ_CASE_RECEIVED', 'sent', 1],
      ['QJ_CASE_DISPATCHED', 'sent', 2],
      ['QJ_CASE_RED_CARD', 'sent', 1],
      ['QJ_CASE_CLOSED', 'sent', 1],
    ]);
    expect(rows.every((r) => r.provider_message_id?.startsWith('lb-'))).toBe(true);
    // the case's webhook saw the automatic supervision too
    expect((await deliveries(c.id)).map((d) => d.event)).toContain('case.supervise');
  });

  test('a permanent provider error fails the message without retrying', async () => {
    const c = await externalCase('HL-SMS-2');
    await outbox(); // its receipt (and any other pending one)
    await database.db
      .insertInto('sms_message')
      .values({
        template: 'QJ_CASE_CLOSED',
        params: JSON.stringify({ caseNo: c.caseNo, trackingPath: '/public/track/x' }),
        phone_enc: (
          await database.db
            .selectFrom('civic_case')
            .select('reporter_phone_enc')
            .where('id', '=', c.id)
            .executeTakeFirstOrThrow()
        ).reporter_phone_enc as string,
        phone_masked: '137****5678',
        case_id: c.id,
        event: 'test',
      })
      .execute();
    sms.failNext(1, 'PHONE_BLACKLISTED');
    expect(await outbox()).toMatchObject({ claimed: 1, failed: 1 });
  });
});

describe('in-app notifications', () => {
  test('unread count, mark one read, mark all read; another account’s notification is 404', async () => {
    const count = async (client: TestClient) =>
      (await client.get<{ unread: number }>('/api/notifications/unread-count')).body.unread;
    const start = await count(dispatcher);
    expect(start).toBeGreaterThan(0);
    const list = await dispatcher.get<{ items: { id: number; readAt: string | null }[] }>(
      '/api/notifications',
    );
    const unread = list.body.items.find((n) => n.readAt === null);
    if (!unread) throw new Error('no unread notification');
    expect((await dispatcher.post(`/api/notifications/${unread.id}/read`)).status).toBe(200);
    expect(await count(dispatcher)).toBe(start - 1);
    expect((await water.post<{ code: string }>(`/api/notifications/${unread.id}/read`)).status).toBe(404);
    const all = await dispatcher.post<{ updated: number }>('/api/notifications/read-all');
    expect(all.body.updated).toBe(start - 1);
    expect(await count(dispatcher)).toBe(0);
    expect((await server.client().get('/api/notifications/unread-count')).status).toBe(401);
  });
});
