// 三员分立: the system, security and audit administrators each see one page and nothing else.
import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

const ADMINS = [
  { username: 'sysadmin', path: '/admin/accounts', menu: '账号管理', page: 'accounts-page' },
  { username: 'secadmin', path: '/admin/security', menu: '安全设置', page: 'security-page' },
  { username: 'auditadmin', path: '/admin/audit', menu: '审计日志', page: 'audit-page' },
] as const;

const BUSINESS_PATHS = ['/orgs', '/map'];

for (const admin of ADMINS) {
  test(`${admin.username} sees only ${admin.menu}`, async ({ page }) => {
    await loginAs(page, admin.username);
    const menu = page.getByTestId('side-menu').locator('[data-testid^="menu-"]');
    await expect(menu).toHaveCount(1);
    await expect(menu).toHaveText(admin.menu);

    // home sends an administrator to their own page
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`${admin.path}$`));
    await expect(page.getByTestId(admin.page)).toBeVisible();

    for (const other of ADMINS.filter((a) => a !== admin)) {
      await expect(page.getByTestId(`menu-${other.path}`)).toHaveCount(0);
      await page.goto(other.path);
      await expect(page.getByTestId('forbidden')).toBeVisible();
      await expect(page.getByTestId(other.page)).toHaveCount(0);
    }
    for (const path of BUSINESS_PATHS) {
      await page.goto(path);
      await expect(page.getByTestId('forbidden')).toBeVisible();
    }
  });
}

test('the audit administrator sees the sign-in events and can verify the chain', async ({
  browser,
  page,
}) => {
  // another person signs in elsewhere first: the audit trail must show it
  const elsewhere = await browser.newPage();
  await loginAs(elsewhere, 'sysadmin');
  await elsewhere.close();
  await loginAs(page, 'auditadmin');
  await page.goto('/admin/audit');
  const table = page.getByTestId('audit-table');
  await expect(
    table.locator('tbody tr').filter({ hasText: 'sysadmin' }).filter({ hasText: '登录' }).first(),
  ).toBeVisible();
  await expect(
    table.locator('tbody tr').filter({ hasText: 'auditadmin' }).filter({ hasText: '登录' }).first(),
  ).toBeVisible();

  // filter by actor on the server
  await page.getByTestId('audit-actor').fill('sysadmin');
  await page.getByTestId('audit-search').click();
  await expect(table.locator('tbody tr').first()).toContainText('sysadmin');
  await expect(table.locator('tbody tr').filter({ hasText: 'auditadmin' })).toHaveCount(0);

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('审计链完整');
});
