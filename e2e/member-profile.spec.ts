// A village secretary adds one member from the org page (a synthetic, checksum-valid ID number),
// opens the member's profile, reveals the phone number (audited) and edits the education.
import { expect as baseExpect, type Page, test } from '@playwright/test';
import { makeIdNumber } from '../server/src/platform/text/id-number.ts';
import { loginAs } from './fixtures.ts';

const expect = baseExpect.configure({ timeout: 20_000 });
const SECRETARY = '440704001015'; // 桥南社区, 江南街道, 江海区

/** Chooses an option of a Select in the dialog, again until the field shows it (dropdowns animate). */
async function pick(page: Page, field: string, option: string) {
  const item = page.locator('.ant-modal .ant-form-item').filter({ has: page.locator(`#${field}`) });
  await expect(async () => {
    await page.locator(`.ant-modal #${field}`).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .click({ timeout: 3_000 });
    await baseExpect(item).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

async function date(page: Page, field: string, value: string) {
  const input = page.locator(`.ant-modal #${field}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('a secretary adds a member, opens the profile, reveals the phone and edits the education', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await loginAs(page, SECRETARY);
  const me = (await (await page.request.get('/api/me')).json()) as { scope: { id: number } };
  const idNumber = makeIdNumber('440704', '1986-09-03', 733);

  await page.goto(`/orgs/${me.scope.id}`);
  await page.getByTestId('member-add').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('#name').fill('档案浏览员');
  await dialog.locator('#idNumber').fill(idNumber);
  await dialog.locator('#phone').fill('13912342026');
  await date(page, 'joinedOn', '2012-07-01');
  await pick(page, 'education', '大学本科');
  await pick(page, 'occupation', '在岗职工');
  await date(page, 'convertedOn', '2013-07-01');
  // a wrong check character first: the server's reason shows under the field, nothing is added
  const wrong = `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`;
  await dialog.locator('#idNumber').fill(wrong);
  await page.getByTestId('member-form-submit').click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('校验位不对，请核对号码。');
  await page.screenshot({ path: testInfo.outputPath('member-add-refused.png') });
  await dialog.locator('#idNumber').fill(idNumber);
  await page.getByTestId('member-form-submit').click();
  await expect(dialog).toBeHidden();

  const search = page.getByTestId('member-search').locator('input');
  await search.fill('档案浏览员');
  await search.press('Enter');
  const row = page.locator('.ant-table-row', { hasText: '档案浏览员' }).first();
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: '档案浏览员' }).click();

  await expect(page).toHaveURL(/\/members\/\d+$/);
  await expect(page.getByTestId('member-name')).toHaveText('档案浏览员');
  await expect(page.getByTestId('masked-phone')).toHaveText('139****2026');
  await expect(page.getByTestId('masked-idNumber')).toHaveText(`440704********${idNumber.slice(-4)}`);
  await expect(page.getByTestId('member-history')).toContainText('登记入册');
  await expect(page.getByTestId('member-history')).toContainText('2012-07-01 起');
  await page.getByTestId('reveal-phone').click();
  await expect(page.getByTestId('revealed-phone')).toHaveText('13912342026');
  await page.screenshot({ path: testInfo.outputPath('member-profile.png'), fullPage: true });

  await page.getByTestId('member-edit').click();
  await expect(dialog).toBeVisible();
  await pick(page, 'education', '研究生');
  await page.screenshot({ path: testInfo.outputPath('member-edit.png') });
  await page.getByTestId('member-form-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('member-education')).toHaveText('研究生');
  // after a reload the phone is masked again (each reveal is a new, audited read)
  await expect(page.getByTestId('masked-phone')).toHaveText('139****2026');
});
