// 四议两公开 in the browser (issue 14): a village secretary opens a matter and takes it through the six
// steps, entering the date each happened, the attendees from the rosters and the votes; the party
// assembly with too few members present is refused with the rule's message (nothing recorded), then
// held again with enough; the resolution and the results are published and the matter is validly made.
import { expect as baseExpect, type Locator, type Page, test } from '@playwright/test';
import { chooseOption, loginAs } from './fixtures.ts';

const expect = baseExpect.configure({ timeout: 30_000 });
const SECRETARY = '440704001015';

function daysFromToday(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** Types a date into an antd DatePicker (its test id sits on the input) and commits it. */
async function setDate(input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

const form = (page: Page) => page.getByTestId('step-form');

async function submitStep(page: Page, stepName: string) {
  await form(page).getByTestId('step-submit').click();
  await expect(page.getByTestId('recorded-steps')).toContainText(stepName);
}

/** A meeting step: the date, every attendee on the roster (or only `only` of them), all voting yes. */
async function meeting(page: Page, stepName: string, on: string, only?: number) {
  await expect(form(page)).toContainText(stepName);
  await setDate(form(page).getByTestId('step-date'), on);
  const boxes = form(page).getByTestId('attendees').locator('input[type="checkbox"]');
  await expect(boxes.first()).toBeVisible();
  const n = await boxes.count();
  if (only === undefined) await form(page).getByTestId('attendees-all').click();
  else for (let i = 0; i < only; i++) await boxes.nth(i).click();
  const present = only ?? n;
  await form(page).getByTestId('vote-yes').fill(String(present));
  await form(page).getByTestId('step-minutes').fill(`${stepName}：应到 ${n} 人，实到 ${present} 人。`);
  return { due: n, present };
}

async function publication(page: Page, stepName: string, on: string, text: string, implementedOn?: string) {
  await expect(form(page)).toContainText(stepName);
  await setDate(form(page).getByTestId('step-date'), on);
  await form(page).getByTestId('step-content').fill(text);
  if (implementedOn) await setDate(form(page).getByTestId('step-implemented'), implementedOn);
}

test('a village secretary takes a matter through 四议两公开; a party assembly without quorum is refused', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/login');
  await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 60_000 });
  await loginAs(page, SECRETARY);
  await page.getByRole('menuitem', { name: '村级决策' }).click();
  await expect(page.getByTestId('deliberations-page')).toBeVisible();

  // a new matter
  await page.getByTestId('new-matter').click();
  const dialog = page.getByRole('dialog');
  const title = `村道硬底化工程（浏览器测试 ${Date.now() % 100000}）`;
  await dialog.getByTestId('matter-title').fill(title);
  await chooseOption(page, dialog.getByTestId('matter-category'), '村级工程建设与大额资金使用');
  await dialog.getByTestId('matter-amount').fill('120000');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page).toHaveURL(/\/deliberations\/\d+$/);
  await expect(page.getByTestId('matter-title')).toHaveText(title);

  // 1 提议, 2 商议
  await meeting(page, '村党组织提议', daysFromToday(-30));
  await submitStep(page, '村党组织提议');
  await meeting(page, '村“两委”会议商议', daysFromToday(-28));
  await submitStep(page, '村“两委”会议商议');

  // 3 审议: too few members present is refused with the rule, and nothing is recorded
  const few = await meeting(page, '党员大会审议', daysFromToday(-25), 1);
  await form(page).getByTestId('step-submit').click();
  const error = form(page).getByTestId('step-error');
  await expect(error).toContainText('【会议不足法定人数】');
  await expect(error).toContainText(`应到 ${few.due} 人，实到 1 人`);
  await expect(error).toContainText('请重新召集');
  await expect(page.getByTestId('recorded-steps')).not.toContainText('党员大会审议');
  // held again with every member present
  await meeting(page, '党员大会审议', daysFromToday(-24));
  await submitStep(page, '党员大会审议');

  // 4 决议 by the representatives
  await meeting(page, '村民会议或村民代表会议决议', daysFromToday(-20));
  await submitStep(page, '村民会议或村民代表会议决议');

  // 5 决议公开 (5 days' notice), 6 实施结果公开
  await publication(
    page,
    '决议公开',
    daysFromToday(-18),
    `经村民代表会议决议：${title}，涉及金额 120,000 元。`,
  );
  await submitStep(page, '决议公开');
  await publication(
    page,
    '实施结果公开',
    daysFromToday(-5),
    '工程已完工并通过验收，实际支出 118,600 元。',
    daysFromToday(-12),
  );
  await submitStep(page, '实施结果公开');

  await expect(page.getByTestId('validity-tag').first()).toHaveText('合规有效');
  await expect(page.getByTestId('matter-page')).toContainText('程序合规，决议有效');
  await expect(page.getByTestId('step-form')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
