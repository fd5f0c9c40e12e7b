// Party dues in the browser (issue 5 item 5): a village secretary declares a member's base, sees the
// month owed, records the month's payments and sees the arrears fall.
import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

const SECRETARY = '440704001015';

test("a secretary records a month's payments and sees arrears fall", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/login');
  await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 60_000 });
  await loginAs(page, SECRETARY, { path: '/dues' });
  await expect(page.getByTestId('dues-totals')).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('spinbutton', { name: /^申报基数/ }) })
    .first();
  await row.getByRole('spinbutton', { name: /^申报基数/ }).fill('6000');
  await row.getByRole('button', { name: '申报基数' }).click();
  // 6,000 yuan: 1.5 % = 90 yuan in service, 1 % = 60 yuan retired, owed for this month
  await expect(row).toContainText(/1 个月 · (90|60)\.00 元/);
  await expect(row.getByTestId(/^arrears-/)).toContainText('1 个月');
  await page.getByRole('button', { name: '按应交填写未交者' }).click();
  await page.getByTestId('dues-record').click();
  await expect(page.getByText(/已登记 \d+ 人的党费/)).toBeVisible();
  await expect(row.getByTestId(/^arrears-/)).toHaveText('—');
});
