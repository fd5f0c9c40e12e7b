// 吹哨报到 (issue 4): a town summons three departments to one case; the case cannot be closed while
// any of them is not done, and closes once all three are.
import { expect, type Page, test } from '@playwright/test';
import { loginAs, logout } from './fixtures.ts';

const TOWN = '440704001';
const GRID = '440704001015001';
const SUMMONED = [
  { login: '440704-urban_management', name: '江门市江海区城市管理和综合执法局' },
  { login: '440704-water', name: '江门市江海区水务局' },
  { login: '440704-power', name: '江海供电局' },
];
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function act(
  page: Page,
  action: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByTestId('action-submit').click();
  return dialog;
}

test('a town summons three departments and the case closes only when all three are done', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginAs(page, TOWN, { path: '/cases' });
  // the town reports a case in its own grid (org_admin may report) over the API
  const grids = (await (await page.request.get('/api/map/grids')).json()) as {
    grids: { code: string; boundary: [number, number][][] }[];
  };
  const ring = grids.grids.find((g) => g.code === GRID)?.boundary[0] ?? [];
  const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const csrf = (await page.context().cookies()).find((c) => c.name === 'qj_csrf')?.value ?? '';
  const created = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrf },
    data: {
      title: `河涌黑臭、路灯倒伏 e2e ${Date.now()}`,
      description: '河涌水体发黑发臭，岸边路灯杆倒伏压住电缆，需城管、水务、供电联合处置。',
      categoryCode: 'C01-05',
      lng,
      lat,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const { case: c } = (await created.json()) as { case: { id: number; caseNo: string } };

  await page.goto(`/cases/${c.id}`);
  await expect(page.getByTestId('case-no')).toHaveText(c.caseNo);
  if (await page.getByTestId('action-file').isVisible()) {
    const dialog = await act(page, 'file');
    await expect(dialog).toBeHidden();
  }
  const whistle = await act(page, 'whistle', async (dialog) => {
    const select = dialog.getByTestId('action-departments');
    for (const d of SUMMONED) {
      // a click on an option list still re-rendering from the last search can miss: pick again
      // until the department shows among the chosen ones
      const chosen = dialog.locator('.ant-select-selection-item').filter({ hasText: d.name });
      await expect(async () => {
        if ((await chosen.count()) === 0) {
          await select.click();
          await page.keyboard.type(d.name.slice(-6));
          await page.locator('.ant-select-item-option').filter({ hasText: d.name }).first().click();
        }
        await expect(chosen).toHaveCount(1, { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
    }
    await dialog.getByTestId('action-note').fill('吹哨：请城管、水务、供电部门 2 小时内到场报到，联合处置。');
  });
  await expect(whistle).toBeHidden();
  await expect(page.getByTestId('summons-part')).toHaveCount(3);
  await expect(page.getByTestId('summons-progress')).toHaveText('已完成 0/3');

  // each department reports in and records its part; the first two, then the case is still open
  for (const [i, d] of SUMMONED.entries()) {
    await logout(page);
    await loginAs(page, d.login, { path: `/cases/${c.id}` });
    const part = page.getByTestId('summons-part').filter({ hasText: d.name });
    await part.getByTestId('summons-report').click();
    await expect(part).toHaveAttribute('data-state', 'reported');
    await part.getByTestId('summons-complete').click();
    await page.getByTestId('summons-note').fill(`${d.name}：本部门处置完毕。`);
    await page.getByTestId('summons-complete-submit').click();
    await expect(part).toHaveAttribute('data-state', 'done');

    if (i === 1) {
      // two of three done: the town cannot give feedback yet
      await logout(page);
      await loginAs(page, TOWN, { path: `/cases/${c.id}` });
      await expect(page.getByTestId('summons-progress')).toHaveText('已完成 2/3');
      // the case machine's guard offers no feedback while a summoned department is still at work
      await expect(page.getByTestId('case-page')).toBeVisible();
      await expect(page.getByTestId('action-feedback')).toHaveCount(0);
      await expect(page.getByTestId('case-page')).toHaveAttribute('data-state', 'in_handling');
    }
  }

  await logout(page);
  await loginAs(page, TOWN, { path: `/cases/${c.id}` });
  await expect(page.getByTestId('summons-progress')).toHaveText('已完成 3/3');
  const feedback = await act(page, 'feedback', async (dialog) => {
    await dialog.getByTestId('action-note').fill('三个部门均已完成，现场恢复正常。');
    await dialog
      .getByTestId('action-photos')
      .setInputFiles({ name: 'b.png', mimeType: 'image/png', buffer: PNG });
  });
  await expect(feedback).toBeHidden();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-state', 'handled');
  const verify = await act(page, 'verify_pass');
  await expect(verify).toBeHidden();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-state', 'closed');
  await page.screenshot({ path: 'test-results/cases-summons.png', fullPage: true });
});
