// The public village page on a phone (issue 14): a villager opens 桥南社区's 村务公开 page without
// signing in (390×844), reads a published item with its photo, asks a question about it and is told
// the reply deadline; the village's secretary answers it; the answer shows on the public page.
import { expect as baseExpect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

const expect = baseExpect.configure({ timeout: 30_000 });
const VILLAGE = '440704001015';

test('a villager asks on the public page on a phone, and the village answers', async ({ browser }) => {
  test.setTimeout(180_000);
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: true,
    hasTouch: true,
  });
  const villager = await phone.newPage();
  await villager.goto(`/public/villages/${VILLAGE}`);
  await expect(villager.getByTestId('public-village-name')).toContainText('桥南社区', { timeout: 60_000 });
  const item = villager.getByTestId('public-item').first();
  await expect(item).toBeVisible();
  // nothing wider than the phone
  const overflow = await villager.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expect(villager.getByTestId('public-photo').first()).toBeVisible();

  const question = `请问本期公开的支出明细在哪里可以查看？（测试 ${Date.now() % 100000}）`;
  await item.getByTestId('ask-open').click();
  await villager.getByTestId('ask-question').fill(question);
  await villager.getByTestId('ask-phone').fill('13800138000');
  await villager.getByTestId('ask-submit').click();
  await expect(villager.getByTestId('ask-done')).toContainText('前答复');
  await villager.getByRole('button', { name: '知道了' }).click();
  await expect(villager.getByTestId('public-question').filter({ hasText: question })).toContainText('前答复');
  // the page shows no villager's phone number or name
  expect(await villager.content()).not.toContain('13800138000');

  // the village answers
  const office = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const secretary = await office.newPage();
  await loginAs(secretary, VILLAGE);
  // the question reached the village's bell, and opening it leads to the questions to answer
  await secretary.getByTestId('notification-bell').click();
  const notice = secretary
    .getByTestId('notification-list')
    .locator('.qj-notice')
    .filter({ hasText: '村民提问' });
  await notice.first().click();
  await expect(secretary).toHaveURL(/\/village-affairs\?tab=questions/);
  const row = secretary.getByTestId('question-row').filter({ hasText: question });
  await expect(row).toBeVisible();
  await expect(row).toContainText('138****8000');
  await secretary.locator('tr', { has: row }).getByTestId('reply-open').click();
  const answer = '您好，明细已张贴在社区公开栏附表，也可到社区居委会查阅原始凭证。';
  await secretary.getByTestId('reply-text').fill(answer);
  await secretary.getByTestId('reply-submit').click();
  await expect(secretary.getByTestId('question-row').filter({ hasText: question })).toHaveCount(0);

  await villager.reload();
  await expect(
    villager.getByTestId('public-question').filter({ hasText: question }).getByTestId('public-reply'),
  ).toContainText(answer);
  await phone.close();
  await office.close();
});
