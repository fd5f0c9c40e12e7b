// The phone's outbox (issue 10 item 7): a grid worker without a network reports a case with three
// 2 MB photos; the report waits in IndexedDB with its photos as Blobs (not data URLs in localStorage,
// which holds about 5 MB in all), and when the network returns it is sent once: three uploads, one
// case, with its three photos.
import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

const GRID = '440704001015001';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const MB = 1024 * 1024;

/** A 2 MB "photo": JPEG magic numbers around noise (the server checks the type by the first bytes). */
function photo(seed: number): Buffer {
  const bytes = Buffer.alloc(2 * MB);
  let x = seed;
  for (let i = 0; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  bytes.set([0xff, 0xd9], bytes.length - 2);
  return bytes;
}

test('a report with three 2 MB photos waits offline in IndexedDB and is sent once on reconnect', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...PHONE,
  });
  const page = await context.newPage();
  await loginAs(page, GRID, { path: '/cases/new' });
  await expect(page.getByTestId('report-form')).toBeVisible();
  const grids = (await (await page.request.get('/api/map/grids')).json()) as {
    grids: { code: string; boundary: [number, number][][] }[];
  };
  const ring = grids.grids.find((g) => g.code === GRID)?.boundary[0] ?? [];
  expect(ring.length).toBeGreaterThan(2);
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({
    longitude: ring.reduce((s, p) => s + p[0], 0) / ring.length,
    latitude: ring.reduce((s, p) => s + p[1], 0) / ring.length,
    accuracy: 8,
  });

  const title = `楼道堆放杂物 离线 ${Date.now()}`;
  await page.getByTestId('report-title').fill(title);
  await page.getByTestId('report-description').fill('三楼楼道堆满纸箱和旧家具，堵住消防通道，拍了三张照片。');
  await page
    .getByTestId('report-photos')
    .setInputFiles(
      [1, 2, 3].map((k) => ({ name: `scene-${k}.jpg`, mimeType: 'image/jpeg', buffer: photo(k) })),
    );
  await expect(page.locator('.qj-photo-thumb')).toHaveCount(3);
  await page.getByTestId('report-gps').click();
  await expect(page.getByTestId('report-location')).toBeVisible();

  const posts = { cases: 0, attachments: 0 };
  page.on('request', (r) => {
    if (r.method() !== 'POST') return;
    const path = new URL(r.url()).pathname;
    if (path === '/api/cases') posts.cases++;
    if (path === '/api/attachments') posts.attachments++;
  });

  await context.setOffline(true);
  await page.getByTestId('report-submit').click();
  const queued = page.getByTestId('outbox-item');
  await expect(queued).toHaveCount(1);
  await expect(queued).toHaveAttribute('data-status', 'pending');

  // kept in IndexedDB, photos as Blobs of 2 MB; nothing in localStorage
  const stored = await page.evaluate(
    () =>
      new Promise<{ kind: string; title: string; photos: { blob: boolean; size: number }[] }[]>(
        (resolve, reject) => {
          const open = indexedDB.open('qj-outbox');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('entries').objectStore('entries').getAll();
            all.onerror = () => reject(all.error);
            all.onsuccess = () =>
              resolve(
                (all.result as { kind: string; payload: { input: { title: string }; photos: Blob[] } }[]).map(
                  (e) => ({
                    kind: e.kind,
                    title: e.payload.input.title,
                    photos: e.payload.photos.map((p) => ({ blob: p instanceof Blob, size: p.size })),
                  }),
                ),
              );
          };
        },
      ),
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]?.kind).toBe('report');
  expect(stored[0]?.title).toBe(title);
  expect(stored[0]?.photos).toEqual([1, 2, 3].map(() => ({ blob: true, size: 2 * MB })));
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('outbox')))).toEqual(
    [],
  );
  expect(posts).toEqual({ cases: 0, attachments: 0 });

  await context.setOffline(false);
  const sent = page.getByTestId('report-sent');
  await expect(sent).toHaveCount(1, { timeout: 90_000 });
  await expect(page.getByTestId('outbox')).toBeHidden();
  await page.waitForTimeout(1000);
  expect(posts).toEqual({ cases: 1, attachments: 3 });
  const caseId = Number(await sent.getAttribute('data-case-id'));
  const detail = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as {
    title: string;
    photos: number[];
  };
  expect(detail.title).toBe(title);
  expect(detail.photos).toHaveLength(3);
  const found = (await (await page.request.get(`/api/cases?q=${encodeURIComponent(title)}`)).json()) as {
    total: number;
  };
  expect(found.total).toBe(1);
  await context.close();
});
