// Open311 GeoReport v2 over real HTTP on both engines: discovery, services, definitions, POST (form and
// JSON), GET with filters, one request, tokens, the errors in JSON and XML, no personal data in public
// reads, and the created case in the town's case list.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKeyHash } from '../cases/api-key.ts';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { shortVillageName } from './open311-format.ts';

const API_KEY = 'qj_open311_test_0123456789abcdef0123456789abcdef';
const BASE = '/open311/v2';

let database: Database;
let server: TestServer;
let grid: {
  id: number;
  center_lng: number;
  center_lat: number;
  village_org_id: number;
  village_name: string;
};
let dispatcher: TestClient;
let place = '';

const xml = new XMLParser({ parseTagValue: false });

interface Res {
  status: number;
  type: string;
  text: string;
  json: unknown;
}

async function call(method: string, path: string, body?: string, contentType?: string): Promise<Res> {
  const res = await fetch(server.url + path, {
    method,
    ...(body !== undefined ? { body, headers: { 'content-type': contentType ?? 'application/json' } } : {}),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, text, json: type.includes('json') ? JSON.parse(text) : undefined };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

function postForm(fields: Record<string, string>, format = 'xml') {
  return call('POST', `${BASE}/requests.${format}`, form(fields), FORM);
}

function postJson(body: Record<string, unknown>, format = 'json') {
  return call('POST', `${BASE}/requests.${format}`, JSON.stringify(body));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await db
    .insertInto('external_system')
    .values({ code: 'open311_test', name: 'Open311 测试客户端', api_key_hash: apiKeyHash(API_KEY) })
    .execute();
  server = await startTestServer(database);
  grid = await db
    .selectFrom('grid')
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .innerJoin('division', 'division.code', 'village.division_code')
    .select([
      'grid.id',
      'grid.center_lng',
      'grid.center_lat',
      'grid.village_org_id',
      'division.name as village_name',
    ])
    .where('grid.county_code', '=', '440704')
    .orderBy('grid.id')
    .executeTakeFirstOrThrow();
  const town = await db
    .selectFrom('org as village')
    .innerJoin('org as town', 'town.id', 'village.parent_id')
    .innerJoin('division as town_division', 'town_division.code', 'town.division_code')
    .innerJoin('division as county', 'county.code', 'town.county_code')
    .select(['town.code', 'town_division.name as town_name', 'county.name as county_name'])
    .where('village.id', '=', grid.village_org_id)
    .executeTakeFirstOrThrow();
  dispatcher = await server.as(town.code);
  place = `${shortVillageName(grid.village_name)}，${town.town_name}，${town.county_name}`;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('discovery and services', () => {
  test('discovery in JSON and XML names this endpoint and both formats', async () => {
    const j = await call('GET', `${BASE}/discovery.json`);
    expect(j.status).toBe(200);
    expect(j.type).toBe('application/json; charset=utf-8');
    const d = j.json as { endpoints: { url: string; formats: string[]; specification: string }[] };
    expect(d.endpoints[0]).toMatchObject({
      url: `${server.url}${BASE}`,
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    const x = await call('GET', `${BASE}/discovery.xml`);
    expect(x.type).toBe('text/xml; charset=utf-8');
    expect(x.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml.parse(x.text).discovery.endpoints.endpoint.formats.format).toEqual([
      'text/xml',
      'application/json',
    ]);
  });

  test('services: every sub-category, realtime, with metadata and its class as group', async () => {
    const j = await call('GET', `${BASE}/services.json`);
    const list = j.json as Record<string, unknown>[];
    const subs = await database.db
      .selectFrom('case_category')
      .select('code')
      .where('parent_code', 'is not', null)
      .where('active', '=', true)
      .execute();
    expect(list).toHaveLength(subs.length);
    expect(list.find((s) => s.service_code === 'C01-02')).toMatchObject({
      metadata: true,
      type: 'realtime',
      group: '公用设施',
    });
    expect(list.every((s) => typeof s.keywords === 'string' && typeof s.service_name === 'string')).toBe(
      true,
    );
    const x = xml.parse((await call('GET', `${BASE}/services.xml`)).text);
    expect(x.services.service).toHaveLength(subs.length);
  });

  test('a service definition with its attributes; an unknown code is 404 in either format', async () => {
    const j = await call('GET', `${BASE}/services/C01-02.json`);
    expect(j.status).toBe(200);
    const def = j.json as {
      service_code: string;
      attributes: { code: string; datatype: string; values?: unknown[] }[];
    };
    expect(def.service_code).toBe('C01-02');
    expect(def.attributes.map((a) => [a.code, a.datatype])).toEqual([
      ['urgent', 'singlevaluelist'],
      ['title', 'string'],
    ]);
    const x = xml.parse((await call('GET', `${BASE}/services/C01-02.xml`)).text);
    expect(x.service_definition.attributes.attribute[0].values.value).toHaveLength(2);

    const nj = await call('GET', `${BASE}/services/ZZ-99.json`);
    expect(nj.status).toBe(404);
    expect(nj.json).toEqual([{ code: 404, description: expect.stringContaining('Unknown service_code') }]);
    const nx = await call('GET', `${BASE}/services/ZZ-99.xml`);
    expect(nx.status).toBe(404);
    expect(xml.parse(nx.text).errors.error.description).toContain('未知的服务代码');
  });
});

let formCase = '';
let jsonCase = '';

describe('POST requests', () => {
  test('a form post becomes a case of the external channel, with its reporter kept private', async () => {
    const r = await postForm({
      api_key: API_KEY,
      service_code: 'C01-02',
      lat: String(grid.center_lat),
      long: String(grid.center_lng),
      address_string: '江海区某路 12 号',
      first_name: '大文',
      last_name: '陈',
      phone: '13812345678',
      email: 'chen@example.com',
      description: '路灯晚上不亮\n陈大文 13812345678 反映',
      media_url: 'https://example.org/photo/1.jpg',
      device_id: 'dev-1',
      account_id: 'acc-9',
      'attribute[urgent]': 'yes',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.type).toBe('text/xml; charset=utf-8');
    const req = xml.parse(r.text).service_requests.request;
    expect(req.service_request_id).toMatch(/^JM\d{14}$/);
    expect(req.account_id).toBe('acc-9');
    expect(req.service_notice).toContain('Accepted as case');
    formCase = req.service_request_id;
    const row = await database.db
      .selectFrom('civic_case')
      .selectAll()
      .where('case_no', '=', formCase)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'external',
      external_system: 'open311_test',
      category_code: 'C01-02',
      grid_id: grid.id,
      reporter_name: '陈大文',
      reporter_phone_masked: '138****5678',
      urgent: true,
      title: '路灯晚上不亮',
    });
    expect(row.external_id).toMatch(/^o311-/);
    const step = await database.db
      .selectFrom('case_step')
      .select('details')
      .where('case_id', '=', row.id)
      .where('action', '=', 'report')
      .executeTakeFirstOrThrow();
    const open311 = (step.details as { open311: Record<string, string> }).open311;
    expect(open311).toMatchObject({ mediaUrl: 'https://example.org/photo/1.jpg', deviceId: 'dev-1' });
    expect(open311.emailEnc).not.toContain('example.com');
  });

  test('a JSON post with an attribute object; its optional external_id makes a resend answer the same case', async () => {
    const body = {
      api_key: API_KEY,
      service_code: 'C01-02',
      lat: grid.center_lat,
      long: grid.center_lng,
      description: '井边路灯闪烁',
      attribute: { urgent: 'no', title: '路灯闪烁' },
      external_id: 'client-42',
    };
    const r = await postJson(body);
    expect(r.status, r.text).toBe(201);
    const [first] = r.json as { service_request_id: string; account_id: null }[];
    expect(first?.account_id).toBeNull();
    jsonCase = first?.service_request_id ?? '';
    const again = await postJson(body);
    expect(again.status).toBe(200);
    expect((again.json as { service_request_id: string }[])[0]?.service_request_id).toBe(jsonCase);
    const other = await postJson({ ...body, description: '别的内容' });
    expect(other.status).toBe(400);
  });

  test('without lat/long an address naming a village is located to that village', async () => {
    const address = `${shortVillageName(grid.village_name)}文化广场旁`;
    const r = await postJson({
      api_key: API_KEY,
      service_code: 'C01-02',
      address_string: address,
    });
    expect(r.status, r.text).toBe(201);
    const no = (r.json as { service_request_id: string }[])[0]?.service_request_id ?? '';
    const row = await database.db
      .selectFrom('civic_case')
      .select(['village_org_id', 'address'])
      .where('case_no', '=', no)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ village_org_id: grid.village_org_id, address });
    const unknown = await postJson({ api_key: API_KEY, service_code: 'C01-02', address_string: '火星某路' });
    expect(unknown.status).toBe(400);
  });

  test('403 without or with a wrong api_key, in JSON and XML', async () => {
    const fields = { service_code: 'C01-02', lat: '22.5', long: '113.1' };
    const missing = await postForm(fields, 'json');
    expect(missing.status).toBe(403);
    expect(missing.json).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const wrong = await postForm({ ...fields, api_key: 'qj_wrong_key_0123456789abcdef' }, 'xml');
    expect(wrong.status).toBe(403);
    expect(xml.parse(wrong.text).errors.error.code).toBe('403');
  });

  test('400 and 404 for bad input, in the requested format', async () => {
    const base = { api_key: API_KEY, service_code: 'C01-02' };
    const cases: [Record<string, string>, number, string][] = [
      [{ ...base, service_code: 'ZZ-99', lat: '22.5', long: '113.1' }, 404, 'Unknown service_code'],
      [{ api_key: API_KEY, lat: '22.5', long: '113.1' }, 400, 'service_code was not provided'],
      [base, 400, 'A location is required'],
      [{ ...base, lat: '22.5' }, 400, 'lat and long must be sent together'],
      [{ ...base, lat: '', long: '', address_string: '' }, 400, 'A location is required'],
      [{ ...base, lat: '48.85', long: '2.35' }, 400, 'outside China'],
      [{ ...base, lat: 'north', long: '113.1' }, 400, 'not WGS-84'],
      [{ ...base, lat: '22.5', long: '113.1', 'attribute[colour]': 'red' }, 400, 'Unknown attribute'],
      [{ ...base, lat: '22.5', long: '113.1', 'attribute[urgent]': 'maybe' }, 400, 'yes or no'],
      [{ ...base, lat: '22.5', long: '113.1', media_url: 'javascript:alert(1)' }, 400, 'media_url'],
    ];
    for (const [fields, status, text] of cases) {
      const j = await postForm(fields, 'json');
      expect(j.status, JSON.stringify(fields)).toBe(status);
      expect((j.json as { description: string }[])[0]?.description).toContain(text);
      const x = await postForm(fields, 'xml');
      expect(x.status).toBe(status);
      expect(xml.parse(x.text).errors.error.code).toBe(String(status));
    }
    const malformed = await call('POST', `${BASE}/requests.json`, '{"api_key":', 'application/json');
    expect(malformed.status).toBe(400);
    expect((malformed.json as { description: string }[])[0]?.description).toContain('not valid JSON');
  });

  test('the routes are in the OpenAPI document like every other route', async () => {
    const doc = (await call('GET', '/api/openapi.json')).json as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/open311/v2/requests.{format}',
        '/open311/v2/services/{service_code}.{format}',
      ]),
    );
  });

  test('an unknown format is 400 (XML unless Accept asks for JSON); an unknown resource is 404', async () => {
    const r = await call('GET', `${BASE}/services.csv`);
    expect(r.status).toBe(400);
    expect(xml.parse(r.text).errors.error.description).toContain('Unknown format');
    const j = await fetch(`${server.url}${BASE}/services.csv`, { headers: { accept: 'application/json' } });
    expect(j.status).toBe(400);
    expect(((await j.json()) as { code: number }[])[0]?.code).toBe(400);
    const none = await call('GET', `${BASE}/nothing-here.json`);
    expect(none.status).toBe(404);
  });
});

describe('GET requests', () => {
  test('one request: status, agency, times in +08:00, media_url, and no personal data', async () => {
    const j = await call('GET', `${BASE}/requests/${formCase}.json`);
    expect(j.status).toBe(200);
    const [r] = j.json as Record<string, unknown>[];
    expect(r).toMatchObject({
      service_request_id: formCase,
      status: 'open',
      status_notes: '已受理 / received',
      service_code: 'C01-02',
      agency_responsible: null,
      address: '江海区某路 12 号',
      media_url: 'https://example.org/photo/1.jpg',
      lat: grid.center_lat,
      long: grid.center_lng,
    });
    expect(r?.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(r?.expected_datetime).toMatch(/\+08:00$/);
    for (const format of ['json', 'xml']) {
      const text = (await call('GET', `${BASE}/requests/${formCase}.${format}`)).text;
      expect(text).not.toContain('13812345678');
      expect(text).not.toContain('陈大文');
      expect(text).not.toContain('example.com');
      expect(text).not.toContain('acc-9');
    }
    const x = xml.parse((await call('GET', `${BASE}/requests/${formCase}.xml`)).text);
    expect(x.service_requests.request.service_request_id).toBe(formCase);
    const missing = await call('GET', `${BASE}/requests/JM00000000000000.xml`);
    expect(missing.status).toBe(404);
  });

  test('the list: last 90 days by default, filters by id, service_code, status and dates', async () => {
    const all = (await call('GET', `${BASE}/requests.json`)).json as {
      service_request_id: string;
      address: string;
    }[];
    expect(all.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([formCase, jsonCase]));
    // without an address of its own a request shows its village, town and county
    expect(all.find((r) => r.service_request_id === jsonCase)?.address).toBe(place);
    expect(all.length).toBeLessThanOrEqual(1000);

    const byId = (
      await call('GET', `${BASE}/requests.json?service_request_id=${formCase},${jsonCase}&status=closed`)
    ).json as { service_request_id: string }[];
    expect(byId.map((r) => r.service_request_id).sort()).toEqual([formCase, jsonCase].sort());

    const open = (await call('GET', `${BASE}/requests.json?service_code=C01-02&status=open`)).json as {
      service_code: string;
      status: string;
    }[];
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.every((r) => r.service_code === 'C01-02' && r.status === 'open')).toBe(true);

    const closed = (await call('GET', `${BASE}/requests.json?service_code=C01-02&status=closed`)).json as {
      service_request_id: string;
    }[];
    const both = (await call('GET', `${BASE}/requests.json?service_code=C01-02&status=open&status=closed`))
      .json as unknown[];
    expect(both.length).toBe(open.length + closed.length);
    expect(closed.map((r) => r.service_request_id)).not.toContain(formCase);

    const past = (
      await call('GET', `${BASE}/requests.json?start_date=2010-01-01T00:00:00Z&end_date=2010-02-01T00:00:00Z`)
    ).json as unknown[];
    expect(past).toEqual([]);
    const x = await call(
      'GET',
      `${BASE}/requests.xml?start_date=2010-01-01T00:00:00Z&end_date=2010-02-01T00:00:00Z`,
    );
    expect(x.text).toContain('<service_requests></service_requests>');
  });

  test('bad filters are 400 in the requested format', async () => {
    for (const [query, text] of [
      ['start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', '90 days'],
      ['start_date=yesterday', 'w3 datetime'],
      ['status=pending', 'open or closed'],
    ] as const) {
      const j = await call('GET', `${BASE}/requests.json?${query}`);
      expect(j.status).toBe(400);
      expect((j.json as { description: string }[])[0]?.description).toContain(text);
      const x = await call('GET', `${BASE}/requests.xml?${query}`);
      expect(x.status).toBe(400);
      expect(xml.parse(x.text).errors.error.code).toBe('400');
    }
  });

  test('a token resolves at once to its service_request_id; an unknown one is 404', async () => {
    const t = await call('GET', `${BASE}/tokens/${formCase}.json`);
    expect(t.json).toEqual([{ service_request_id: formCase, token: formCase }]);
    const x = xml.parse((await call('GET', `${BASE}/tokens/${formCase}.xml`)).text);
    expect(x.service_requests.request).toEqual({ service_request_id: formCase, token: formCase });
    expect((await call('GET', `${BASE}/tokens/nope.json`)).status).toBe(404);
  });
});

describe('the same case loop', () => {
  test("the town sees the Open311 case in its list; a rejection shows as closed with the public reason, not staff's note", async () => {
    const list = await dispatcher.get<{ items: { caseNo: string; id: number; channel: string }[] }>(
      `/api/cases?q=${formCase}`,
    );
    expect(list.status).toBe(200);
    const item = list.body.items.find((i) => i.caseNo === formCase);
    expect(item?.channel).toBe('external');
    const detail = await dispatcher.get<{ version: number }>(`/api/cases/${item?.id}`);
    const rejected = await dispatcher.post(`/api/cases/${item?.id}/transitions`, {
      action: 'reject',
      version: detail.body.version,
      rejectReason: 'not_our_responsibility',
      note: '请陈大文致电 13812345678 联系供电局',
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const [r] = (await call('GET', `${BASE}/requests/${formCase}.json`)).json as Record<string, string>[];
    expect(r?.status).toBe('closed');
    expect(r?.status_notes).toContain('不予立案');
    // no internal notes: the action and the public reason, not what staff typed (issue 10 item 3)
    expect(r?.status_notes).not.toContain('138****5678');
    expect(r?.status_notes).not.toContain('13812345678');
    expect(r?.status_notes).not.toContain('陈大文');
    expect(r?.updated_datetime).toMatch(/\+08:00$/);
    const closed = (await call('GET', `${BASE}/requests.json?status=closed&service_code=C01-02`)).json as {
      service_request_id: string;
    }[];
    expect(closed.map((c) => c.service_request_id)).toContain(formCase);
  });
});
