// Org checks and 换届 in the browser (issue 5 item 7): the 江海区 county committee opens 组织设置与换届,
// sees the counts by kind, filters the overdue elections and exports them to Excel, opens the first
// overdue org, has a committee of the wrong size refused with the rule's Chinese message, records the
// election with a committee of the right size, and the org no longer shows as overdue.
// Which orgs are overdue is fixed by the demo seed (server/src/demo/org-life/org-check-demo.ts: the same
// seed gives the same orgs, anchored on today; with the current seed the first is 江翠社区).
import { expect, type Page, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

const COUNTY = '440704';

async function overdueCount(page: Page): Promise<number> {
  const text = ((await page.getByTestId('count-term_overdue').textContent()) ?? '').trim();
  const m = /(\d+)$/.exec(text);
  if (!m) throw new Error(`no overdue count in "${text}"`);
  return Number(m[1]);
}

/**
 * Picks the first full member the committee row offers (members already chosen are not offered).
 * The options arrive from the server after the popup opens and may be redrawn under the click, so
 * the pick is retried until the row shows the chosen member.
 */
async function pickMember(page: Page, row: number) {
  const select = page.getByTestId(`committee-member-${row}`);
  await expect(async () => {
    await select.click();
    // this select's own popup (an earlier one may still be fading out)
    const list = await select.locator('input').getAttribute('aria-controls');
    const option = page.locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`).first();
    await expect(option).toBeVisible({ timeout: 5_000 });
    await option.click();
    await expect(select).toContainText('·', { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
}

test('a county records an overdue election and the org leaves the overdue list', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // the server may have just finished seeding: let the first page load take its time
  await page.goto('/login');
  await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 60_000 });
  await loginAs(page, COUNTY, { path: '/' });
  await page.getByRole('menuitem', { name: '组织设置与换届' }).click();
  await expect(page).toHaveURL(/\/org-checks$/);
  await expect(page.getByTestId('checked-orgs')).toContainText('共检查');
  for (const label of ['换届已逾期', '换届将到期', '委员会人数不符', '正式党员不足 3 名'])
    await expect(page.getByTestId('org-checks-page')).toContainText(label);
  const before = await overdueCount(page);
  expect(before).toBeGreaterThan(0);

  // the overdue card filters the list
  await page.getByTestId('count-term_overdue').click();
  await expect(page.getByTestId('kind-filter')).toContainText('换届已逾期');
  const rows = page.getByTestId('findings').locator('tbody tr[data-row-key]');
  // the rule by its name, never its code
  await expect(rows.first()).toContainText('【换届逾期】');
  await expect(rows.first()).not.toContainText('ORG_TERM_OVERDUE');
  await expect(rows.filter({ hasNotText: '换届已逾期' })).toHaveCount(0);
  await expect(rows.first()).toContainText(/\d+ 天/);

  // the filtered findings as Excel
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('org-checks-export').click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/组织设置与换届检查.*\.xlsx$/);

  // the first overdue org: its terms and committee
  const first = rows.first();
  const key = (await first.getAttribute('data-row-key')) ?? '';
  const orgName = (await first.getByTestId('finding-org').textContent()) ?? '';
  expect(key).toMatch(/^\d+-term_overdue$/);
  await first.getByTestId('finding-open').click();
  const drawer = page.getByTestId('org-terms-drawer');
  await expect(drawer.getByText(orgName).first()).toBeVisible();
  await expect(drawer.getByTestId('org-findings')).toContainText('换届已逾期');
  await expect(drawer.getByTestId('org-terms')).toContainText('本届');
  const figures = (await drawer.getByTestId('org-figures').textContent()) ?? '';
  const full = Number(/其中正式党员 (\d+) 名/.exec(figures)?.[1]);
  expect(full).toBeGreaterThan(0);
  const committee = full >= 7;
  await expect(drawer.getByTestId('election-hint')).toContainText(`正式党员 ${full} 名`);

  // a committee of the wrong size: the server refuses it with the rule's message
  await pickMember(page, 0);
  if (!committee) {
    await drawer.getByTestId('committee-add').click();
    await pickMember(page, 1);
    await drawer.getByTestId('committee-add').click();
    await pickMember(page, 2);
  }
  await drawer.getByTestId('election-submit').click();
  await expect(drawer.getByTestId('election-error')).toContainText('【委员会组成】');
  await expect(drawer.getByTestId('election-error')).toContainText(`正式党员 ${full} 名`);

  // the right size: secretary, deputy and a member (7+ full members), or a secretary alone
  if (committee) {
    await drawer.getByTestId('committee-add').click();
    await pickMember(page, 1);
    await drawer.getByTestId('committee-add').click();
    await pickMember(page, 2);
  } else {
    await drawer.getByRole('button', { name: '移除' }).last().click();
    await drawer.getByRole('button', { name: '移除' }).last().click();
  }
  await drawer.getByTestId('election-submit').click();
  await expect(page.getByText('已登记换届选举')).toBeVisible();
  await expect(drawer.getByTestId('org-findings')).not.toContainText('换届已逾期');
  await expect(drawer.getByTestId('org-committee').locator('tbody tr')).toHaveCount(committee ? 3 : 1);
  await expect(drawer.getByTestId('org-terms').locator('tbody tr')).toHaveCount(2);
  await drawer.locator('.ant-drawer-close').click();

  // the list and the count no longer hold the org
  await expect.poll(() => overdueCount(page)).toBe(before - 1);
  await expect(page.locator(`tr[data-row-key="${key}"]`)).toHaveCount(0);
  await page.getByTestId('org-search').locator('input').fill(orgName);
  await page.getByTestId('org-search').locator('input').press('Enter');
  await expect(page.getByTestId('findings')).toContainText('没有发现此类问题');
  await page.screenshot({ path: testInfo.outputPath('org-checks.png') });
});
