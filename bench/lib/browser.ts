// The map page in headless Chromium: from navigation to the grids drawn and clickable.
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function measureMapPage(url: string, username: string, runs = 3): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill('Qiangji@2026');
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      const t0 = Date.now();
      await page.goto(`${url}/map`);
      await page
        .locator('[data-testid=grid-map][data-ready=true]')
        .waitFor({ state: 'attached', timeout: 30_000 });
      times.push(Date.now() - t0);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}
