// The grid governance loop in the browser (issue 4): a grid worker on a phone reports a case while
// offline and it is sent once when the network returns; the town files and dispatches it; the
// department accepts it and feeds back; the grid worker verifies it; it is evaluated. And a
// resident reports from the public page with a point picked on the map, follows and evaluates it.
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { chooseOption, DEMO_PASSWORD, loginAs } from './fixtures.ts';

const GRID = '440704001015001';
const TOWN = '440704001';
const DEPARTMENT = '440704-urban_management';
const DEPARTMENT_NAME = '江门市江海区城市管理和综合执法局';
const RESIDENT = 'resident-440704';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function newContext(
  browser: Browser,
  baseURL: string | undefined,
  phone = false,
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(phone ? PHONE : { viewport: { width: 1440, height: 900 } }),
  });
}

/** Opens a case's page and does one action through its dialog. */
async function act(
  page: Page,
  action: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden();
}

function pickOption(page: Page, testId: string, text: string) {
  return chooseOption(page, page.getByTestId(testId), text);
}

function centroid(ring: [number, number][]): { longitude: number; latitude: number } {
  const n = ring.length;
  return {
    longitude: ring.reduce((s, p) => s + p[0], 0) / n,
    latitude: ring.reduce((s, p) => s + p[1], 0) / n,
  };
}

test('a grid worker reports offline on a phone; town, department and grid worker close the loop', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const phone = await newContext(browser, baseURL, true);
  const worker = await phone.newPage();
  await loginAs(worker, GRID, { path: '/cases/new' });
  await expect(worker.getByTestId('report-form')).toBeVisible();

  // stand in the middle of the worker's grid
  const grids = (await (await worker.request.get('/api/map/grids')).json()) as {
    grids: { code: string; boundary: [number, number][][] }[];
  };
  const grid = grids.grids.find((g) => g.code === GRID);
  expect(grid).toBeTruthy();
  await phone.grantPermissions(['geolocation']);
  await phone.setGeolocation({ ...centroid(grid?.boundary[0] ?? []), accuracy: 8 });

  const title = `路灯不亮 e2e ${Date.now()}`;
  await worker.getByTestId('report-title').fill(title);
  await worker.getByTestId('report-description').fill('桥南社区主干道路灯连续三晚不亮，夜间行人通行不便。');
  await worker
    .getByTestId('report-photos')
    .setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PNG });
  await worker.getByTestId('report-gps').click();
  await expect(worker.getByTestId('report-location')).toBeVisible();
  await worker.getByTestId('report-suggest').click();
  await worker.getByTestId('suggested-category').first().click();

  // count the reports that leave the phone
  let posts = 0;
  worker.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/cases') posts++;
  });

  await phone.setOffline(true);
  await expect(worker.getByTestId('offline-banner')).toBeVisible();
  await worker.getByTestId('report-submit').click();
  const queued = worker.getByTestId('outbox-item');
  await expect(queued).toHaveCount(1);
  await expect(queued).toHaveAttribute('data-status', 'pending');
  await expect(queued).toContainText('待发送');
  await expect(queued).toContainText(title);
  await worker.screenshot({ path: 'test-results/cases-phone-queued.png', fullPage: true });

  await phone.setOffline(false);
  const sent = worker.getByTestId('report-sent');
  await expect(sent).toHaveCount(1, { timeout: 20_000 });
  await expect(worker.getByTestId('outbox')).toBeHidden();
  const caseNo = (await sent.getAttribute('data-case-no')) ?? '';
  const caseId = Number(await sent.getAttribute('data-case-id'));
  expect(caseNo).toMatch(/^JM\d+/);
  await worker.screenshot({ path: 'test-results/cases-phone-sent.png', fullPage: true });
  // once: one POST and one case with this title
  await worker.waitForTimeout(500);
  expect(posts).toBe(1);
  const found = (await (await worker.request.get(`/api/cases?q=${encodeURIComponent(title)}`)).json()) as {
    total: number;
  };
  expect(found.total).toBe(1);

  // the town files it, then dispatches it from the command center's batch dispatch
  const desk = await newContext(browser, baseURL);
  const town = await desk.newPage();
  await loginAs(town, TOWN, { path: `/cases/${caseId}` });
  await expect(town.getByTestId('case-no')).toHaveText(caseNo);
  if (await town.getByTestId('action-file').isVisible()) {
    await act(town, 'file');
    await expect(town.getByTestId('case-page')).toHaveAttribute('data-state', 'filed');
  }
  await town.goto(`/cases?q=${encodeURIComponent(caseNo)}`);
  const row = town.getByTestId('case-row').filter({ hasText: caseNo });
  await expect(row).toHaveCount(1);
  await row.locator('input[type=checkbox]').check();
  await town.getByTestId('batch-dispatch').click();
  await pickOption(town, 'batch-department', DEPARTMENT_NAME);
  await town.getByTestId('batch-dispatch-submit').click();
  await expect(town.getByTestId('case-row').filter({ hasText: caseNo })).toHaveAttribute(
    'data-state',
    'dispatched',
  );
  await town.screenshot({ path: 'test-results/cases-command-center.png' });

  // the department accepts and feeds back with a photo
  const deptContext = await newContext(browser, baseURL);
  const dept = await deptContext.newPage();
  await loginAs(dept, DEPARTMENT, { path: `/cases/${caseId}` });
  await act(dept, 'accept');
  await expect(dept.getByTestId('case-page')).toHaveAttribute('data-state', 'in_handling');
  await act(dept, 'feedback', async (dialog) => {
    await dialog.getByTestId('action-note').fill('已更换路灯灯泡并检修线路，夜间照明恢复。');
    await dialog
      .getByTestId('action-photos')
      .setInputFiles({ name: 'fixed.png', mimeType: 'image/png', buffer: PNG });
  });
  await expect(dept.getByTestId('case-page')).toHaveAttribute('data-state', 'handled');

  // the grid worker verifies on the phone
  await worker.goto(`/cases/${caseId}`);
  await act(worker, 'verify_pass');
  await expect(worker.getByTestId('case-page')).toHaveAttribute('data-state', 'closed');
  await worker.screenshot({ path: 'test-results/cases-phone-case.png', fullPage: true });

  // the grid worker reported it, so the town makes the return visit (回访) and records the evaluation
  await town.goto(`/cases/${caseId}`);
  await act(town, 'evaluate', async (dialog) => {
    await dialog.getByTestId('evaluation-satisfied').click();
  });
  await expect(town.getByTestId('case-page')).toHaveAttribute('data-state', 'evaluated');
  await expect(town.getByTestId('case-evaluation')).toHaveText('满意');
  const actions = await town
    .getByTestId('timeline-step')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  expect(actions).toEqual(
    expect.arrayContaining(['dispatch', 'accept', 'feedback', 'verify_pass', 'evaluate']),
  );
  await town.screenshot({ path: 'test-results/cases-case-page.png', fullPage: true });
  await Promise.all([phone.close(), desk.close(), deptContext.close()]);
});

test('a resident reports on the public page with a point on the map, follows it and evaluates it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const context = await newContext(browser, baseURL, true);
  const page = await context.newPage();
  // following needs no sign-in
  await page.goto('/public/track');
  await expect(page.getByTestId('public-track-page')).toBeVisible();
  await page.goto('/public/report');
  await expect(page.getByTestId('public-sign-in-hint')).toBeVisible();

  const login = await page.request.post('/api/auth/login', {
    data: { username: RESIDENT, password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBeTruthy();
  await page.goto('/public/report');
  await expect(page.getByTestId('public-account')).toBeVisible();
  const title = `小区门口垃圾堆放 e2e ${Date.now()}`;
  await page.getByTestId('report-title').fill(title);
  await page.getByTestId('report-description').fill('小区东门垃圾连续两天没有清运，气味很大。');
  await page.getByTestId('report-pick').click();
  const picker = page.getByTestId('point-picker');
  await expect(picker).toHaveAttribute('data-ready', 'true');
  // the map may still be drawing its outlines when first ready: click again until the point is read
  await expect(async () => {
    await picker.click();
    await expect(page.getByTestId('report-location')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId('report-submit').click();
  const sent = page.getByTestId('report-sent');
  await expect(sent).toHaveCount(1);
  const caseNo = (await sent.getAttribute('data-case-no')) ?? '';
  const caseId = Number(await sent.getAttribute('data-case-id'));
  // the receipt gives the tracking code that, with the number, follows the case publicly
  const code = (await sent.getAttribute('data-tracking-code')) ?? '';
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await expect(sent.getByTestId('report-tracking-code')).toContainText(code);
  await page.screenshot({ path: 'test-results/cases-public-report.png', fullPage: true });

  // the city moves it through the loop over the API (the UI of these steps is the test above)
  const city = await newContext(browser, baseURL);
  const cityPage = await city.newPage();
  await loginAs(cityPage, '4407', { path: `/cases/${caseId}` });
  const csrf = (await city.cookies()).find((c) => c.name === 'qj_csrf')?.value ?? '';
  const step = async (body: Record<string, unknown>) => {
    const detail = (await (await cityPage.request.get(`/api/cases/${caseId}`)).json()) as { version: number };
    const res = await cityPage.request.post(`/api/cases/${caseId}/transitions`, {
      headers: { 'x-csrf-token': csrf },
      data: { ...body, version: detail.version },
    });
    expect(res.ok(), await res.text()).toBeTruthy();
    return (await res.json()) as { state: string; lng: number; lat: number };
  };
  const detail = (await (await cityPage.request.get(`/api/cases/${caseId}`)).json()) as {
    state: string;
    lng: number;
    lat: number;
    categoryCode: string | null;
  };
  if (detail.state === 'reported')
    await step({ action: 'file', categoryCode: detail.categoryCode ?? 'E01-01' });
  await step({
    action: 'whistle',
    departmentIds: [await someDepartment(cityPage, detail)],
    note: '请环卫部门清运',
  });
  const parts = (await (await cityPage.request.get(`/api/cases/${caseId}`)).json()) as {
    summons: { departmentId: number }[];
  };
  for (const p of parts.summons) {
    for (const verb of ['report', 'complete']) {
      const r = await cityPage.request.post(`/api/cases/${caseId}/summons/${p.departmentId}/${verb}`, {
        headers: { 'x-csrf-token': csrf },
        data: { note: '已清运' },
      });
      expect(r.ok(), await r.text()).toBeTruthy();
    }
  }
  const photo = await cityPage.request.post('/api/attachments', {
    headers: { 'x-csrf-token': csrf },
    data: { mime: 'image/png', dataBase64: PNG.toString('base64') },
  });
  expect(photo.ok(), await photo.text()).toBeTruthy();
  const photoId = ((await photo.json()) as { id: number }).id;
  await step({ action: 'feedback', note: '已清运完毕', attachments: [photoId] });
  expect((await step({ action: 'verify_pass' })).state).toBe('closed');

  // the number alone shows nothing; with the tracking code the resident follows it and evaluates it
  await page.goto('/public/track');
  await page.getByTestId('track-case-no').fill(caseNo);
  await page.getByTestId('track-code').fill('AAAAAAAA');
  await page.getByTestId('track-submit').click();
  await expect(page.getByTestId('track-not-found')).toBeVisible();
  await page.getByTestId('track-code').fill(code.toLowerCase());
  await page.getByTestId('track-submit').click();
  await expect(page.getByTestId('track-result')).toHaveAttribute('data-state', 'closed');
  await page.getByTestId('evaluation-basically_satisfied').click();
  await page.getByTestId('public-evaluate-submit').click();
  await expect(page.getByTestId('track-result')).toHaveAttribute('data-state', 'evaluated');
  await page.screenshot({ path: 'test-results/cases-public-track.png', fullPage: true });
  await Promise.all([context.close(), city.close()]);
});

async function someDepartment(page: Page, c: { lng: number; lat: number }): Promise<number> {
  const s = (await (
    await page.request.get(
      `/api/cases/suggest?text=${encodeURIComponent('垃圾清运')}&lng=${c.lng}&lat=${c.lat}`,
    )
  ).json()) as { departments: { id: number }[] };
  const id = s.departments[0]?.id;
  expect(id).toBeTruthy();
  return id as number;
}
