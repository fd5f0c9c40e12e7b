// The town's oversight of village decisions in the browser (issue 14): 江南街道 opens 村级治理监督, sees
// per village the decisions' validity, 村务公开 compliance and power use, follows the count of matters
// not validly made to the list, and opens one to read which rule it broke.
import { expect as baseExpect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

const expect = baseExpect.configure({ timeout: 30_000 });
const COUNTY = '440704';

test('the county and the town see a matter that was not validly made, and why', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/login');
  await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 60_000 });
  await loginAs(page, COUNTY);
  await page.getByRole('menuitem', { name: '村级治理监督' }).click();
  const table = page.getByTestId('governance-table');
  await expect(table).toContainText('合计');
  for (const head of ['村级决策', '合规率', '村务公开', '按期率', '小微权力', '待核查'])
    await expect(table).toContainText(head);
  await expect(page.getByTestId('governance-breaches')).toContainText(
    /决议逾期公开|会议不足法定人数|缺少程序步骤|公示期内即实施/,
  );

  // drill down from the county to a town, then follow a village's count of invalid matters
  await page.getByTestId('governance-drill').first().click();
  await expect(page).toHaveURL(/orgId=\d+/);
  const invalid = page.getByTestId('governance-invalid').first();
  await expect(invalid).toBeVisible();
  await invalid.click();
  await expect(page).toHaveURL(/\/deliberations\?.*validity=invalid/);
  const rows = page.getByTestId('matters').locator('tbody tr[data-row-key]');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().getByTestId('validity-tag')).toHaveText('程序不合规');
  await expect(rows.first().getByTestId('breach').first()).toContainText(/【[\u4e00-\u9fa5]+】/);

  // the matter's page names the rule that broke (in words, not its code), with its figures
  await rows.first().getByTestId('matter-link').click();
  await expect(page.getByTestId('matter-breaches')).toContainText(/【[\u4e00-\u9fa5]+】/);
  await expect(page.getByTestId('step-form')).toHaveCount(0);
});
