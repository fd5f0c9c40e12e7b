// 组织关系转接 in the browser (issue 5 item 3): a member moves between branches of two towns. The
// sending village secretary issues the introduction letter, the receiving secretary confirms it and
// returns the receipt, and the member appears in the receiving branch's member list.
import { expect as baseExpect, type Page, test } from '@playwright/test';
import { loginAs, logout } from './fixtures.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

const SENDING = '440704001015'; // 桥南社区, 江南街道
const RECEIVING = '440704004001'; // 墟镇社区, another town of 江海区

async function pickFirstOption(page: Page, input: string, typed?: string): Promise<string> {
  await page.locator(input).click();
  if (typed) await page.locator(input).fill(typed);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await expect(option).toBeVisible();
  if (typed) await expect(option).toContainText(typed);
  const label = (await option.getAttribute('title')) ?? (await option.textContent()) ?? '';
  await option.click();
  return label;
}

test('a member moves between two branches by transfer', async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, SENDING, { path: '/transfers' });
  await page.getByRole('button', { name: /开具介绍信/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const memberLabel = await pickFirstOption(page, '#memberId');
  const memberName = memberLabel.split(' · ')[0] as string;
  await pickFirstOption(page, '#toOrgId', RECEIVING);
  await dialog.getByRole('button', { name: /开\s*具/ }).click();
  await expect(dialog).toBeHidden();
  const outgoing = page.locator('.ant-table-row', { hasText: memberName }).first();
  await expect(outgoing).toContainText('待接收');
  await expect(outgoing.getByRole('button', { name: /撤\s*回/ })).toBeVisible();

  await logout(page);
  await loginAs(page, RECEIVING, { path: '/transfers' });
  await page.getByText('转入', { exact: true }).click();
  const incoming = page.locator('.ant-table-row', { hasText: memberName }).first();
  await expect(incoming).toContainText('待接收');
  await incoming.getByRole('button', { name: '确认接收' }).click();
  await expect(incoming).toContainText('已接收待回执');
  await incoming.getByRole('button', { name: '退回回执' }).click();
  await expect(incoming).toContainText('已办结');

  // the member now belongs to the receiving branch
  const res = await page.request.get('/api/transfers?direction=in');
  const body = (await res.json()) as { items: { member: { name: string }; toOrg: { id: number } }[] };
  const transfer = body.items.find((t) => t.member.name === memberName);
  expect(transfer).toBeTruthy();
  await page.goto(`/orgs/${transfer?.toOrg.id}`);
  const search = page
    .locator('input[data-testid="member-search"], [data-testid="member-search"] input')
    .first();
  await search.fill(memberName);
  await search.press('Enter');
  await expect(page.locator('.ant-table-row', { hasText: memberName }).first()).toBeVisible();
});
