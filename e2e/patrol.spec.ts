// 巡查打卡 in the browser (issue 4 §4): a grid worker on a phone, with the position granted, starts a
// patrol, checks in, checks in again while offline (kept on the phone, sent once when the network
// returns), ends the patrol with its distance; the town sees the grid patrolled on its coverage page.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, loginAs } from './fixtures.ts';

const GRID = '440704001015001';
const TOWN = '440704001';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

function centroid(ring: [number, number][]): { longitude: number; latitude: number } {
  const n = ring.length;
  return {
    longitude: ring.reduce((s, p) => s + p[0], 0) / n,
    latitude: ring.reduce((s, p) => s + p[1], 0) / n,
  };
}

test('a grid worker patrols on a phone, checks in offline once, and the town sees the coverage', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const phone = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...PHONE,
    permissions: ['geolocation'],
    geolocation: { longitude: 113.08, latitude: 22.58, accuracy: 10 },
  });
  const worker = await phone.newPage();
  await loginAs(worker, GRID, { path: '/patrols' });
  await expect(worker.getByTestId('patrol-page')).toBeVisible();

  // stand in the worker's grid: its centroid, then halfway to a corner
  const grids = (await (await worker.request.get('/api/map/grids')).json()) as {
    grids: { code: string; boundary: [number, number][][] }[];
  };
  const ring = grids.grids.find((g) => g.code === GRID)?.boundary[0] ?? [];
  expect(ring.length).toBeGreaterThan(2);
  const center = centroid(ring);
  const corner = ring[0] as [number, number];
  const halfway = {
    longitude: (center.longitude + corner[0]) / 2,
    latitude: (center.latitude + corner[1]) / 2,
  };
  await phone.setGeolocation({ ...center, accuracy: 8 });

  let checkinsReceived = 0;
  worker.on('response', (r) => {
    const url = new URL(r.url());
    if (r.request().method() === 'POST' && url.pathname === '/api/patrols/checkins' && r.ok())
      checkinsReceived++;
  });

  const status = worker.getByTestId('patrol-status');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await worker.getByTestId('patrol-start').click();
  await expect(status).toHaveAttribute('data-state', 'active');
  await expect(worker.getByTestId('patrol-outbox')).toBeHidden();

  await worker.getByTestId('patrol-checkin').click();
  const items = worker.getByTestId('checkin-item');
  await expect(items.and(worker.locator('[data-status="sent"]'))).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-outside', 'false');

  // offline: the check-in waits on the phone
  await phone.setGeolocation({ ...halfway, accuracy: 8 });
  await phone.setOffline(true);
  await expect(worker.getByTestId('patrol-offline')).toBeVisible();
  await worker.getByTestId('patrol-checkin').click();
  await expect(items.and(worker.locator('[data-status="pending"]'))).toHaveCount(1);
  await expect(worker.getByTestId('patrol-outbox')).toHaveAttribute('data-count', '1');
  await expect(items.first()).toContainText('待发送');
  await worker.screenshot({ path: 'test-results/patrol-phone-offline.png', fullPage: true });
  expect(checkinsReceived).toBe(1);

  // back online: sent once
  await phone.setOffline(false);
  await expect(worker.getByTestId('patrol-outbox')).toBeHidden({ timeout: 20_000 });
  await expect(items.and(worker.locator('[data-status="sent"]'))).toHaveCount(2);
  await worker.waitForTimeout(500);
  expect(checkinsReceived).toBe(2);
  const mine = (await (await worker.request.get('/api/patrols/mine')).json()) as {
    checkins: { outsideOwnGrids: boolean }[];
    open: { checkinCount: number } | null;
  };
  expect(mine.checkins).toHaveLength(2);
  expect(mine.checkins.every((c) => !c.outsideOwnGrids)).toBe(true);
  await expect(worker.getByTestId('patrol-route-map')).toHaveAttribute('data-points', '2');

  await worker.getByTestId('patrol-end').click();
  await expect(status).toHaveAttribute('data-state', 'idle');
  const done = worker.getByTestId('patrol-item');
  await expect(done).toHaveCount(1);
  await expect(done).toHaveAttribute('data-count', '2');
  expect(Number(await done.getAttribute('data-distance'))).toBeGreaterThan(0);
  await worker.screenshot({ path: 'test-results/patrol-phone-ended.png', fullPage: true });
  await phone.close();

  // the town's coverage: this grid patrolled this week, the worker counted
  const desk = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const town = await desk.newPage();
  // signed in like loginAs, with more time: on the desk the shell waits for the page's chunk
  const signIn = await town.request.post('/api/auth/login', {
    data: { username: TOWN, password: DEMO_PASSWORD },
  });
  expect(signIn.ok()).toBe(true);
  await town.goto('/patrols/coverage');
  await expect(town.getByTestId('coverage-page')).toBeVisible({ timeout: 30_000 });
  await expect(town.getByTestId('current-account')).toBeVisible();
  await expect(town.getByTestId('coverage-patrolled')).toHaveAttribute('data-value', /^[1-9]/);
  await town.getByTestId('coverage-page').getByRole('switch').click();
  await expect(town.locator(`[data-testid="coverage-grid"][data-code="${GRID}"]`)).toHaveCount(0);
  await town.getByTestId('coverage-page').getByRole('switch').click();
  await town.getByRole('tab', { name: '网格员' }).click();
  await expect(town.locator(`[data-testid="coverage-worker"][data-username="${GRID}"]`)).toBeVisible();
  await town.screenshot({ path: 'test-results/patrol-coverage.png', fullPage: true });
  await desk.close();
});
