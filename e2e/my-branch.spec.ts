// "My branch": the village secretary of 桥南社区 opens one screen with the branch's members, the
// recruitment pipeline, this month's checklist, the last meetings, the dues placeholder and the
// warnings of the org checks (the demo plants an election due within 6 months for this village).
// A member of the village opens "my records" and sees only their own membership.
import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

test('the village secretary sees members, pipeline, checklist and warnings', async ({ page }) => {
  await loginAs(page, '440704001015', { path: '/' });
  await page.getByRole('menuitem', { name: '我的支部' }).click();
  await expect(page).toHaveURL(/\/my-branch$/);
  const members = page.getByTestId('branch-members');
  await expect(members).toContainText('党员总数');
  await expect(members).toContainText('正式党员');
  await expect(members.getByRole('link', { name: '查看党员名册' })).toBeVisible();
  await expect(page.getByTestId('branch-pipeline')).toContainText('积极分子');
  await expect(page.getByTestId('branch-checklist')).toContainText('本月组织生活清单');
  await expect(page.getByTestId('branch-meetings')).toContainText('最近会议');
  // the dues module's figures, or the placeholder where dues are not readable
  await expect(page.getByTestId('branch-dues')).toContainText(/应交|党费模块/);
  const warnings = page.getByTestId('branch-warnings');
  await expect(warnings).toContainText('换届将到期');
  // the rule by its name, never its code
  await expect(warnings).toContainText('【即将换届】');
  await expect(warnings).not.toContainText('ORG_TERM_DUE');
});

test('a member opens my records and sees their own membership', async ({ page }) => {
  await loginAs(page, 'member-440704001015', { path: '/' });
  await expect(page).toHaveURL(/\/my-records$/);
  const card = page.getByTestId('records-membership');
  await expect(card).toContainText('所在党组织');
  await expect(card).toContainText('正式党员');
  await expect(page.getByTestId('records-dues')).toContainText('我的党费');
  await expect(page.getByTestId('records-training')).toContainText('我的培训');
  await expect(page.getByRole('menuitem', { name: '我的支部' })).toHaveCount(0);
});
