// A village secretary imports members from the Excel template: the good row is kept, the bad row is
// reported with its line and reason, and the new member shows in the branch's member list.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeIdNumber } from '../server/src/platform/text/id-number.ts';
import { loginAs } from './fixtures.ts';

test('member import: keep the good rows, list the wrong ones', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, '440704001015');
  const me = (await (await page.request.get('/api/me')).json()) as { scope: { id: number } };

  const good = makeIdNumber('110101', '1985-03-12', 777);
  const bad = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
  const rows = [
    [
      '导入测试员',
      good,
      '汉族',
      '13912345678',
      '大学本科',
      '在岗职工',
      '正式党员',
      '2010-07-01',
      '2011-07-01',
    ],
    [
      '校验错误员',
      bad,
      '汉族',
      '13912345679',
      '大学本科',
      '在岗职工',
      '正式党员',
      '2010-07-01',
      '2011-07-01',
    ],
  ];
  const made = spawnSync(process.execPath, [
    path.join(import.meta.dirname, 'support/member-xlsx.ts'),
    JSON.stringify(rows),
  ]);
  if (made.status !== 0) throw new Error(made.stderr.toString());
  const file = Buffer.from(made.stdout.toString(), 'base64');

  await page.goto(`/orgs/${me.scope.id}`);
  await page.getByTestId('member-import').click();
  await page.getByText('只导入正确的行，列出错误的行').click();
  await page.getByTestId('member-import-file').setInputFiles({
    name: 'members.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await expect(page.getByTestId('member-import-result')).toContainText('已导入 1 人，1 行有误');
  await expect(page.getByTestId('member-import-problems')).toContainText(
    '第 3 行「公民身份号码」：校验位不对',
  );
  await page.keyboard.press('Escape');
  await page.getByTestId('member-search').locator('input').fill('导入测试员');
  await page.getByTestId('member-search').locator('input').press('Enter');
  await expect(page.getByTestId('member-table')).toContainText('导入测试员');
});
