// 一网受理 from the 12345 hotline (issue 4): the hotline's system posts a case with its API key and
// its own work-order number; sending it again gives the same case, sending other content under the
// same number is refused; the hotline polls the progress; the town sees one case in its case center
// and files it, and the hotline's poll shows the filing.
import { expect, test } from '@playwright/test';
import { demoApiKey, townGridCentre } from './fixtures.ts';

const TOWN = '440704001';
const API_KEY = demoApiKey('hotline_12345');

test('the 12345 path is idempotent and the town sees the case once', async ({ page, request }) => {
  test.setTimeout(180_000);
  const [lng, lat] = await townGridCentre(page, TOWN);

  const marker = `GD${Date.now()}`;
  const order = {
    externalId: marker,
    categoryCode: 'C01-02',
    title: `市民来电：小区门口路灯不亮（${marker}）`,
    description: '晚上门口一片漆黑，老人出行不便。',
    lng,
    lat,
    reporterName: '陈女士',
    reporterPhone: '13800138000',
  };
  const post = (data: unknown) =>
    request.post('/api/external/cases', { headers: { 'x-api-key': API_KEY }, data });

  const first = await post(order);
  expect(first.status(), await first.text()).toBe(201);
  const { caseNo } = (await first.json()) as { caseNo: string };
  // the hotline resends (a timeout on its side): the same case, not a second one
  const again = await post(order);
  expect(again.status()).toBe(200);
  expect(((await again.json()) as { caseNo: string }).caseNo).toBe(caseNo);
  // the same work-order number with other content is refused
  const other = await post({ ...order, title: '另一张工单' });
  expect(other.status()).toBe(409);
  expect(((await other.json()) as { code: string }).code).toBe('IDEMPOTENCY_CONFLICT');
  // and without a key nothing is accepted
  const anonymous = await request.post('/api/external/cases', { data: order });
  expect(anonymous.status()).toBe(401);

  // the town's case center holds exactly one case with the marker, from the 12345 channel
  await page.goto(`/cases?q=${encodeURIComponent(marker)}`);
  await expect(page.getByTestId('current-account')).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId('case-row').filter({ hasText: marker });
  await expect(rows).toHaveCount(1, { timeout: 20_000 });
  await expect(rows).toContainText('12345');
  await rows.getByTestId('case-link').click();
  await expect(page.getByTestId('case-no')).toHaveText(caseNo, { timeout: 30_000 });

  // the town files it; the hotline's poll shows the new state
  const csrf = (await page.context().cookies()).find((c) => c.name === 'qj_csrf')?.value ?? '';
  const detail = (await (await page.request.get(`/api/cases?q=${marker}`)).json()) as {
    items: { id: number; version: number }[];
  };
  const c = detail.items[0];
  expect(c).toBeTruthy();
  const filed = await page.request.post(`/api/cases/${c?.id}/transitions`, {
    headers: { 'x-csrf-token': csrf },
    data: { action: 'file', version: c?.version },
  });
  expect(filed.status(), await filed.text()).toBe(200);
  const poll = await request.get(`/api/external/cases/${marker}`, { headers: { 'x-api-key': API_KEY } });
  expect(poll.status()).toBe(200);
  const progress = (await poll.json()) as { caseNo: string; state: string; steps: { action: string }[] };
  expect(progress).toMatchObject({ caseNo, state: 'filed' });
  expect(progress.steps.map((s) => s.action)).toEqual(['report', 'file']);
});
