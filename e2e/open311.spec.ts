// Open311 GeoReport v2 (issue 4): an Open311 client lists the services, posts a request with its api_key
// (form-encoded, as the spec sends it) and reads it back in JSON and XML without personal data; the
// town sees the same case in its case center in the browser.
import { expect, test } from '@playwright/test';
import { demoApiKey, townGridCentre } from './fixtures.ts';

const TOWN = '440704001';
const BASE = '/open311/v2';
const API_KEY = demoApiKey('open311_demo');

test('an Open311 client lists services, posts a request and reads it back; the town sees the case', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // where the request is: the centre of a grid of the town (read over the API as the town)
  const [long, lat] = await townGridCentre(page, TOWN);

  // the client: discovery, the service list, one definition (XML)
  const discovery = await request.get(`${BASE}/discovery.json`);
  expect(discovery.ok()).toBeTruthy();
  expect(
    ((await discovery.json()) as { endpoints: { formats: string[] }[] }).endpoints[0]?.formats,
  ).toContain('application/json');
  const services = (await (await request.get(`${BASE}/services.json`)).json()) as {
    service_code: string;
    service_name: string;
    type: string;
  }[];
  const streetLight = services.find((s) => s.service_code === 'C01-02');
  expect(streetLight?.type).toBe('realtime');
  const definition = await request.get(`${BASE}/services/C01-02.xml`);
  expect(definition.headers()['content-type']).toContain('text/xml');
  expect(await definition.text()).toContain('<datatype>singlevaluelist</datatype>');

  // POST, form-encoded with api_key
  const marker = `e2e-${Date.now()}`;
  const posted = await request.post(`${BASE}/requests.json`, {
    form: {
      api_key: API_KEY,
      service_code: 'C01-02',
      lat: String(lat),
      long: String(long),
      address_string: '江海区 Open311 测试路口',
      first_name: '小明',
      last_name: '梁',
      phone: '13912345678',
      email: 'liang@example.com',
      description: `路口路灯整晚不亮（${marker}），请梁小明 13912345678 回访`,
      'attribute[urgent]': 'no',
    },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const [created] = (await posted.json()) as { service_request_id: string; service_notice: string }[];
  const caseNo = created?.service_request_id ?? '';
  expect(caseNo).toMatch(/^JM\d{14}$/);

  // read it back: one request (JSON), the filtered list (XML); no personal data in either
  const one = await request.get(`${BASE}/requests/${caseNo}.json`);
  const [r] = (await one.json()) as Record<string, unknown>[];
  expect(r).toMatchObject({ service_request_id: caseNo, status: 'open', service_code: 'C01-02' });
  expect(String(r?.description)).toContain(marker);
  const listed = await request.get(`${BASE}/requests.xml?service_request_id=${caseNo}`);
  const xml = await listed.text();
  expect(xml).toContain(`<service_request_id>${caseNo}</service_request_id>`);
  for (const text of [JSON.stringify(r), xml]) {
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('梁小明');
    expect(text).not.toContain('liang@example.com');
  }
  // a wrong key is refused with the spec's 403 error list
  const refused = await request.post(`${BASE}/requests.xml`, {
    form: {
      api_key: 'qj_not_a_key_000000000000',
      service_code: 'C01-02',
      lat: String(lat),
      long: String(long),
    },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('<errors>');

  // the town finds it in its case center and opens it
  // (the page shares the session the town signed in with over the API; the first load may be slow)
  await page.goto(`/cases?q=${encodeURIComponent(caseNo)}`);
  await expect(page.getByTestId('current-account')).toBeVisible({ timeout: 30_000 });
  const row = page.getByTestId('case-row').filter({ hasText: caseNo });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await expect(row).toContainText('其他系统');
  await row.getByTestId('case-link').click();
  await expect(page.getByTestId('case-no')).toHaveText(caseNo, { timeout: 30_000 });
  await expect(page.getByTestId('case-title')).toContainText(marker);
  await page.screenshot({ path: 'test-results/open311-case.png', fullPage: true });
});
