// Signing in: errors come from the server and are shown in the user's language.
import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

test('a wrong password shows the server message in Chinese', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByTestId('demo-hint')).toContainText('演示账号');
  await page.getByTestId('login-username').fill('no-such-account');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码不正确');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password for a real account says how many attempts are left, and English works', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('440704004');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('再失败');

  await page.getByTestId('lang-switch').click();
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('incorrect');
  await page.getByTestId('lang-switch').click();

  // a good sign-in clears the failed attempts, so the test can run again
  await loginAs(page, '440704004');
  await expect(page.getByTestId('account-scope')).toHaveText('中共外海街道工作委员会');
});

test('a page asked for before signing in opens after signing in', async ({ page }) => {
  await page.goto('/orgs');
  await expect(page).toHaveURL(/\/login$/);
  await loginAs(page, '440704');
  await page.goto('/orgs');
  await expect(page.getByTestId('org-tree')).toBeVisible();
});
