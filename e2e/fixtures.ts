// Shared helpers of the browser tests. Every demo account has the demo password (DEMO_PASSWORD,
// which playwright.config.ts also gives the server it starts).
import { createHmac } from 'node:crypto';
import { expect, type Locator, type Page } from '@playwright/test';

/** The demo API key of an external system (server/src/cases/api-key.ts demoApiKey, demo seed 4407). */
export function demoApiKey(system: string): string {
  const hex = createHmac('sha256', 'qiangji-demo-4407').update(system).digest('hex');
  return `qj_${system}_${hex.slice(0, 32)}`;
}

/** Signs `page` in over the API as `town` and answers the centre [lng, lat] of the town's first grid. */
export async function townGridCentre(page: Page, town: string): Promise<[number, number]> {
  const signedIn = await page.request.post('/api/auth/login', {
    data: { username: town, password: DEMO_PASSWORD },
  });
  expect(signedIn.ok()).toBeTruthy();
  const grids = (await (await page.request.get('/api/map/grids')).json()) as {
    grids: { code: string; boundary: [number, number][][] }[];
  };
  const ring = grids.grids.find((g) => g.code.startsWith(town))?.boundary[0] ?? [];
  expect(ring.length).toBeGreaterThan(2);
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
}

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Qiangji@2026';

export interface LoginOptions {
  password?: string;
  /** Where to go once signed in (default '/'). */
  path?: string;
  /** 'api' (default): sign in through /api/auth/login, the page shares the cookies; 'form': type into the sign-in page. */
  via?: 'api' | 'form';
}

/**
 * Signs `page` in as a demo account and opens `path`, waiting until the signed-in shell shows the
 * account. Any earlier session of the page's context is replaced.
 */
export async function loginAs(page: Page, username: string, options: LoginOptions = {}): Promise<void> {
  const password = options.password ?? DEMO_PASSWORD;
  if (options.via === 'form') {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await expect(page).not.toHaveURL(/\/login(\?|$)/);
    if (options.path) await page.goto(options.path);
  } else {
    const res = await page.request.post('/api/auth/login', { data: { username, password } });
    if (!res.ok()) {
      throw new Error(
        `loginAs(${username}): POST /api/auth/login answered ${res.status()} ${await res.text()}`,
      );
    }
    await page.goto(options.path ?? '/');
  }
  // a loaded machine takes seconds to run the shell's scripts after the page has arrived
  await expect(page.getByTestId('current-account')).toBeVisible({ timeout: 30_000 });
}

/** Signs the page's context out (the server ends the session; cookies are dropped). */
export async function logout(page: Page): Promise<void> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'qj_csrf')?.value;
  await page.request.post('/api/auth/logout', { headers: csrf ? { 'x-csrf-token': csrf } : {}, data: {} });
  await page.context().clearCookies();
}

/**
 * Picks the option `text` of the antd Select `select`. A click on a list still opening (or on the
 * last list still closing) can miss, so it picks again until the field shows the option. `typed`
 * narrows a searchable list first.
 */
export async function chooseOption(page: Page, select: Locator, text: string, typed?: string): Promise<void> {
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first();
  await expect(async () => {
    if (!((await select.textContent()) ?? '').includes(text)) {
      if (!(await option.isVisible())) {
        await select.click();
        if (typed) await page.keyboard.type(typed);
      }
      await option.click({ timeout: 5_000 });
    }
    await expect(select).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
