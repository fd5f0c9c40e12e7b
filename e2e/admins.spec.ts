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
    // the actor by name (the sign-in name is the cell's title)
    table.locator('tbody tr').filter({ hasText: '系统管理员' }).filter({ hasText: '登录' }).first(),
  ).toBeVisible();
  await expect(
    table.locator('tbody tr').filter({ hasText: '审计管理员' }).filter({ hasText: '登录' }).first(),
  ).toBeVisible();

  // filter by actor on the server
  await page.getByTestId('audit-actor').fill('sysadmin');
  await page.getByTestId('audit-search').click();
  await expect(table.locator('tbody tr').first()).toContainText('系统管理员');
  await expect(table.locator('tbody tr').filter({ hasText: '审计管理员' })).toHaveCount(0);

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('审计链完整');
});

test('三员分立: the system administrator asks, the security administrator approves, the account signs in and must change its password', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const username = `e2e-staff-${Date.now().toString(36)}`;
  const password = 'Initial#2026pw';
  const sysContext = await browser.newContext();
  const sys = await sysContext.newPage();
  await loginAs(sys, 'sysadmin', { path: '/admin/accounts' });
  await sys.getByTestId('create-account').click();
  const dialog = sys.getByTestId('create-account-dialog');
  await dialog.getByRole('textbox', { name: /账号$/ }).fill(username);
  await dialog.getByLabel('姓名 / 名称').fill('端到端测试员');
  const scope = dialog.getByTestId('scope-org-select');
  await scope.click();
  await sys.keyboard.type('440704001015');
  await sys.locator('.ant-select-item-option').filter({ hasText: '440704001015' }).first().click();
  await dialog.getByLabel('初始密码').fill(password);
  await sys.getByRole('button', { name: /保\s*存/ }).click();
  const asked = sys.getByTestId(`role-request-${username}`);
  await expect(asked.getByTestId('role-request-state')).toHaveAttribute('data-state', 'pending');

  // it cannot sign in before the approval
  const early = await sys.request.post('/api/auth/login', { data: { username, password } });
  expect((await early.json()).code).toBe('AUTH_PENDING_APPROVAL');

  const secContext = await browser.newContext();
  const sec = await secContext.newPage();
  await loginAs(sec, 'secadmin', { path: '/admin/security' });
  const row = sec.getByTestId('role-requests-decide').getByTestId(`role-request-${username}`);
  await row.getByTestId(`approve-${username}`).click();
  await sec
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row).toHaveCount(0);
  await sec.screenshot({ path: 'test-results/admins-role-requests.png', fullPage: true });

  await sys.reload();
  await expect(sys.getByTestId(`role-request-${username}`).getByTestId('role-request-state')).toHaveAttribute(
    'data-state',
    'approved',
  );

  // the new account signs in and is held at the password change
  const newContext = await browser.newContext();
  const staff = await newContext.newPage();
  await loginAs(staff, username, { password, via: 'form' });
  // antd keeps the test id on the modal's root, which has no box of its own: the dialog inside shows
  await expect(staff.getByTestId('change-password-dialog').getByRole('dialog')).toBeVisible();
  await Promise.all([sysContext.close(), secContext.close(), newContext.close()]);
});
