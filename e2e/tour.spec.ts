// The tour: every demo role signs in and opens every page of its own menu, on a desk (1440×900) and
// on a phone (390×844). A page fails the tour on a console error, a failed request it did not expect,
// a raw code in visible text (【ABC_DEF】, #1234, snake_case), English words in the Chinese interface,
// a page wider than the phone, or an empty main area. Every screenshot is kept under
// test-results/tour/ for a person to look at. Pages come from the menu the account is shown, so a
// page added to the menu later is toured without a change here.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './fixtures.ts';
import { tourProblems, visiblePageText } from './support/tour-checks.ts';

/** One account of each demo role (README: demo accounts). */
const ROLES = [
  { key: 'city', username: '4407' },
  { key: 'county', username: '440704' },
  { key: 'town', username: '440704001' },
  { key: 'secretary', username: '440704001015' },
  { key: 'grid-worker', username: '440704001015001' },
  { key: 'department', username: '440704-urban_management' },
  { key: 'resident', username: 'resident-440704' },
  { key: 'member', username: 'member-440704001015' },
  { key: 'sysadmin', username: 'sysadmin' },
  { key: 'secadmin', username: 'secadmin' },
  { key: 'auditadmin', username: 'auditadmin' },
] as const;

const VIEWPORTS = [
  { key: 'desk', width: 1440, height: 900 },
  { key: 'phone', width: 390, height: 844 },
] as const;

const OUT = path.join(import.meta.dirname, '..', 'test-results', 'tour');

/** The pages of the signed-in account's menu, read from the shell (data-menu-path on every entry). */
async function menuPaths(page: Page): Promise<string[]> {
  const paths = await page
    .locator('[data-menu-path]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-path') ?? ''));
  return [...new Set(paths.filter(Boolean))];
}

/** Waits until the page has loaded what it shows: no request in flight, no spinner. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
  // a loaded machine answers the city's roll-ups (a year of meetings) in tens of seconds
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0, { timeout: 90_000 });
  await page.waitForTimeout(300);
}

fs.mkdirSync(OUT, { recursive: true });

// QJ_TOUR_ROLES=town,grid-worker narrows a run while mending pages; npm test tours every role
const only = process.env.QJ_TOUR_ROLES?.split(',');
for (const role of ROLES.filter((r) => !only || only.includes(r.key))) {
  for (const vp of VIEWPORTS) {
    test(`tour: ${role.key} on ${vp.key}`, async ({ page }) => {
      // a busy machine loads a page in seconds; the city's menu has eighteen of them
      test.setTimeout(20 * 60_000);
      await page.setViewportSize({ width: vp.width, height: vp.height });
      const problems: string[] = [];
      let where = 'sign-in';
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`${where}: console error: ${msg.text()}`);
      });
      page.on('pageerror', (error) =>
        // the first frames name the script and line that threw (the bundle's chunks keep their names)
        problems.push(
          `${where}: uncaught: ${error.message} ${error.stack?.split('\n').slice(1, 4).join(' ') ?? ''}`,
        ),
      );
      page.on('requestfailed', (request) => {
        const failure = request.failure()?.errorText ?? '';
        // a request cut short by leaving the page is not a failure of the page
        if (failure.includes('ERR_ABORTED')) return;
        problems.push(`${where}: request failed: ${request.method()} ${request.url()} ${failure}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400)
          problems.push(`${where}: ${response.status()} ${response.request().method()} ${response.url()}`);
      });

      const signedIn = await page.request.post('/api/auth/login', {
        data: { username: role.username, password: DEMO_PASSWORD },
      });
      expect(signedIn.ok(), `${role.username} signs in`).toBeTruthy();
      await page.goto('/');
      await expect(page.getByTestId('current-account')).toBeVisible({ timeout: 60_000 });
      await settle(page);
      const paths = await menuPaths(page);
      expect(paths.length, `${role.key}: the menu offers pages`).toBeGreaterThan(0);
      for (const p of paths) {
        where = `${role.key} ${vp.key} ${p}`;
        await page.goto(p);
        await settle(page);
        const file = `${role.key}-${vp.key}${p === '/' ? '-home' : p.replaceAll('/', '-')}.png`;
        await page.screenshot({ path: path.join(OUT, file), fullPage: true });
        const text = await visiblePageText(page);
        for (const problem of tourProblems(text)) problems.push(`${where}: ${problem}`);
        const layout = await page.evaluate(() => {
          const main = document.querySelector('[data-testid="main"]');
          return {
            scrollWidth: document.documentElement.scrollWidth,
            width: window.innerWidth,
            // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, hidden text excluded
            mainText: (main as HTMLElement | null)?.innerText.trim().length ?? 0,
            mainGraphics: main?.querySelectorAll('canvas, svg, img').length ?? 0,
          };
        });
        if (vp.key === 'phone' && layout.scrollWidth > layout.width + 1)
          problems.push(`${where}: wider than the phone (${layout.scrollWidth} px > ${layout.width} px)`);
        if (layout.mainText < 20 && layout.mainGraphics === 0)
          problems.push(`${where}: the main area is empty`);
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
}
