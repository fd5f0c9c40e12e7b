// Shared helpers of the browser tests. Every demo account has the demo password (DEMO_PASSWORD,
// which playwright.config.ts also gives the server it starts).
import { expect, type Page } from '@playwright/test';

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
  await expect(page.getByTestId('current-account')).toBeVisible();
}

/** Signs the page's context out (the server ends the session; cookies are dropped). */
export async function logout(page: Page): Promise<void> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'qj_csrf')?.value;
  await page.request.post('/api/auth/logout', { headers: csrf ? { 'x-csrf-token': csrf } : {}, data: {} });
  await page.context().clearCookies();
}
