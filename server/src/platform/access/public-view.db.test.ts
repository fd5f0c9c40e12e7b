// Issue 10 item 3: one rule for what the public sees (public-view.ts), on every public path.
//  - following a case needs its number AND the tracking code given at intake (response, SMS);
//    a wrong code, a neighbouring number, a 110 / 信访 case and a case without a code answer one 404;
//  - no personal data and no internal notes in tracking or in Open311 reads;
//  - rate limits on sign-in, the public report, tracking and Open311 writes answer 429 in the error shape.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoApiKey } from '../../cases/api-key.ts';
import { DEFAULT_SEED } from '../../demo/seed.ts';
import { decryptPii } from '../crypto/crypto.ts';
import type { Database } from '../db/engine.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';

type Err = { code: string; message_zh: string; message_en: string; details?: Record<string, unknown> };
interface Tracked {
  caseNo: string;
  state: string;
  steps: { action: string; actionName: string; at: string }[];
}

let database: Database;
let server: TestServer;
let point: { lng: number; lat: number };
const SECRET_NOTE = '内部意见：联系人陈大文 13812345678 家中有矛盾';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const g = await database.db
    .selectFrom('grid')
    .select(['center_lng', 'center_lat'])
    .where('code', 'like', '440704%')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  point = { lng: g.center_lng, lat: g.center_lat };
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function external(system: string, n: string) {
  const res = await fetch(`${server.url}/api/external/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': demoApiKey(system, DEFAULT_SEED) },
    body: JSON.stringify({
      externalId: `PUBLIC-${system}-${n}-${Date.now()}`,
      title: '路灯不亮',
      description: '反映人陈大文，电话 13812345678，路灯坏了',
      lng: point.lng,
      lat: point.lat,
      reporterName: '陈大文',
      reporterPhone: '13812345678',
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { caseNo: string; trackingCode: string | null };
}

const track = (caseNo: string, code: string) =>
  server.client().post<Tracked & Err>('/api/cases/track', { caseNo, code });

describe('following a case needs its number and its tracking code', () => {
  let c: { caseNo: string; trackingCode: string | null };
  beforeAll(async () => {
    c = await external('hotline_12345', 'a');
  });

  test('intake gives a code of 8 unambiguous characters; the SMS receipt carries it sealed', async () => {
    expect(c.trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const sms = await database.db
      .selectFrom('sms_message')
      .innerJoin('civic_case', 'civic_case.id', 'sms_message.case_id')
      .select(['sms_message.template', 'sms_message.params'])
      .where('civic_case.case_no', '=', c.caseNo)
      .executeTakeFirstOrThrow();
    expect(sms.template).toBe('QJ_CASE_RECEIVED');
    const params = sms.params as Record<string, string>;
    expect(JSON.stringify(params)).not.toContain(c.trackingCode as string);
    expect(decryptPii(params.codeEnc as string)).toBe(c.trackingCode);
    expect(params.trackingPath).toBe(`/public/track/${c.caseNo}`);
  });

  test('number and code: the state and the timeline, nothing personal, no notes', async () => {
    const town = await server.as('440704001');
    const id = await database.db
      .selectFrom('civic_case')
      .select(['id', 'version'])
      .where('case_no', '=', c.caseNo)
      .executeTakeFirstOrThrow();
    const filed = await town.post(`/api/cases/${id.id}/transitions`, {
      action: 'file',
      version: id.version,
      categoryCode: 'C01-02',
      note: SECRET_NOTE,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const res = await track(
      c.caseNo,
      `${(c.trackingCode as string).slice(0, 4).toLowerCase()}-${(c.trackingCode as string).slice(4)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.caseNo).toBe(c.caseNo);
    expect(res.body.steps.map((s) => s.action)).toEqual(['report', 'file']);
    const text = JSON.stringify(res.body);
    for (const secret of ['陈大文', '13812345678', '138****5678', '内部意见', '路灯坏了'])
      expect(text).not.toContain(secret);
  });

  test.each([
    ['a wrong code', (x: { caseNo: string; trackingCode: string | null }) => [x.caseNo, 'AAAAAAAA']],
    [
      'the neighbouring number with this code',
      (x: { caseNo: string; trackingCode: string | null }) => [
        `${x.caseNo.slice(0, -1)}${(Number(x.caseNo.at(-1)) + 1) % 10}`,
        x.trackingCode as string,
      ],
    ],
    ['no code', (x: { caseNo: string; trackingCode: string | null }) => [x.caseNo, ' ']],
  ])('%s: the one 404', async (_name, args) => {
    const [no, code] = args(c) as [string, string];
    const res = await track(no, code);
    expect([400, 404]).toContain(res.status);
    if (res.status === 404) {
      expect(res.body.code).toBe('CASE_NOT_FOUND');
      expect(res.body.message_en).toContain('tracking code');
    }
  });

  test('a 110 or 信访 case gets no code and is never shown: not tracked, not in Open311', async () => {
    for (const system of ['police_110', 'petition']) {
      const p = await external(system, 'b');
      expect(p.trackingCode).toBeNull();
      const stored = await database.db
        .selectFrom('civic_case')
        .select('tracking_code_enc')
        .where('case_no', '=', p.caseNo)
        .executeTakeFirstOrThrow();
      expect(stored.tracking_code_enc).toBeNull();
      expect((await track(p.caseNo, 'AAAAAAAA')).status).toBe(404);
      const one = await fetch(`${server.url}/open311/v2/requests/${p.caseNo}.json`);
      expect(one.status).toBe(404);
      const list = (await (
        await fetch(`${server.url}/open311/v2/requests.json?service_request_id=${p.caseNo}`)
      ).json()) as unknown[];
      expect(list).toEqual([]);
    }
  });

  test('a case without a code (history, the demo) cannot be followed publicly', async () => {
    const old = await database.db
      .selectFrom('civic_case')
      .select('case_no')
      .where('tracking_code_enc', 'is', null)
      .where('channel', '=', 'resident')
      .executeTakeFirstOrThrow();
    expect((await track(old.case_no, 'AAAAAAAA')).status).toBe(404);
  });

  test('Open311 reads: no personal data, and the status note is the action, never staff’s text', async () => {
    const res = await fetch(`${server.url}/open311/v2/requests/${c.caseNo}.json`);
    const [r] = (await res.json()) as { status_notes: string; description: string }[];
    expect(r?.status_notes).toContain('立案');
    const text = JSON.stringify(r);
    for (const secret of ['陈大文', '13812345678', '内部意见']) expect(text).not.toContain(secret);
  });
});

describe('rate limits answer 429 in the error shape', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer(database, {
      RATE_LIMIT_LOGIN: '3',
      RATE_LIMIT_PUBLIC_REPORT: '2',
      RATE_LIMIT_TRACKING: '3',
      RATE_LIMIT_OPEN311_WRITE: '2',
    });
  });
  afterAll(async () => {
    await limited?.close();
  });

  const expect429 = (res: { status: number; body: unknown; headers: Headers }) => {
    expect(res.status).toBe(429);
    const body = res.body as Err;
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.message_zh).toContain('请求过于频繁');
    expect(body.message_en).toContain('Too many requests');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  };

  test("the public report: a resident's reports, not a grid worker's", async () => {
    const resident = limited.client();
    const worker = limited.client();
    // (two of the three sign-ins this address may make in the window)
    await resident.login('resident-440704');
    await worker.login('440704001015001');
    const body = { title: '垃圾未清运', description: '路口垃圾', lng: point.lng, lat: point.lat };
    for (let i = 0; i < 2; i++) expect((await resident.post('/api/cases', body)).status).toBe(201);
    expect429(await resident.post('/api/cases', body));
    for (let i = 0; i < 3; i++) expect((await worker.post('/api/cases', body)).status).toBe(201);
  });

  test('sign-in: the third attempt of the window is the last', async () => {
    const c = limited.client();
    expect((await c.login('no-such-user', 'x')).status).toBe(401);
    expect429(await c.login('4407'));
  });

  test('tracking', async () => {
    const c = limited.client();
    for (let i = 0; i < 3; i++)
      expect(
        (await c.post('/api/cases/track', { caseNo: 'JM20260101000001', code: 'AAAAAAAA' })).status,
      ).toBe(404);
    expect429(await c.post('/api/cases/track', { caseNo: 'JM20260101000001', code: 'AAAAAAAA' }));
  });

  test('Open311 writes: 429 in the Open311 error list', async () => {
    const key = demoApiKey('open311_demo', DEFAULT_SEED);
    const form = () =>
      new URLSearchParams({
        api_key: key,
        service_code: 'C01-02',
        lat: String(point.lat),
        long: String(point.lng),
        description: '路灯不亮',
      });
    const post = () =>
      fetch(`${limited.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form(),
      });
    for (let i = 0; i < 2; i++) expect((await post()).status).toBe(201);
    const res = await post();
    expect(res.status).toBe(429);
    const [e] = (await res.json()) as { code: number; description: string }[];
    expect(e?.code).toBe(429);
    expect(e?.description).toContain('Too many requests');
  });
});
