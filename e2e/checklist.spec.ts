// The monthly checklist in the browser (issue 5 item 4): a county publishes a month's organizational-
// life checklist to every branch (the demo city has published this month's already), a village
// secretary records the 主题党日 with its sign-in and marks the county's item done with it, and the
// county sees the completion rise.
import { expect, type Page, test } from '@playwright/test';
import { chooseOption, loginAs } from './fixtures.ts';

const COUNTY = '440704';
const SECRETARY = '440704001015';

async function doneCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('completion-total').textContent()) ?? '';
  const m = /(\d+)\/(\d+)/.exec(text);
  if (!m) throw new Error(`no completion figures in "${text}"`);
  return Number(m[1]);
}

test('a county publishes a monthly checklist and sees completion rise as a branch holds its meeting', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // the server may have just finished seeding: let the first page load take its time
  await page.goto('/login');
  await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 60_000 });
  const title = `组织生活清单 e2e ${Date.now()}`;
  await loginAs(page, COUNTY, { path: '/checklists' });
  await page.getByTestId('checklist-compose').click();
  await page.getByTestId('checklist-title').fill(title);
  await expect(page.getByTestId('checklist-item-0')).toHaveValue('开展主题党日活动');
  await page.getByTestId('checklist-publish').click();
  await expect(page.getByText(/已下发到 \d+ 个党组织/).first()).toBeVisible();
  await expect(page.getByTestId('completion-total')).toBeVisible();
  const before = await doneCount(page);

  // the village secretary records the theme day with its sign-in, then marks the item done with it
  const context = await browser.newContext();
  const branch = await context.newPage();
  await loginAs(branch, SECRETARY, { path: '/meetings' });
  await branch.getByTestId('meeting-new').click();
  const dialog = branch.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: '出席' }).first()).toBeChecked();
  const topic = `学习贯彻全会精神 ${Date.now()}`;
  await branch.getByTestId('meeting-topic').fill(topic);
  await branch.getByTestId('meeting-submit').click();
  await expect(dialog).toBeHidden();
  await expect(branch.getByRole('cell', { name: topic })).toBeVisible();

  await branch.goto('/checklists');
  const tasks = branch.getByTestId('branch-tasks');
  // the county's item (the city's of this month stands beside it)
  const row = tasks
    .getByRole('row', { name: /开展主题党日活动/ })
    .filter({ hasText: '江海区' })
    .first();
  await chooseOption(branch, row.locator('.ant-select'), topic);
  const mark = row.getByRole('button', { name: '标记完成' });
  await expect(mark).toBeEnabled();
  await mark.click();
  await expect(tasks.getByText(topic)).toBeVisible({ timeout: 20_000 });
  await expect(tasks.getByText('已完成').first()).toBeVisible();
  await context.close();

  // the county sees the rise
  await page.getByTestId('completion-refresh').click();
  await expect.poll(() => doneCount(page)).toBe(before + 1);
});
