// 双报到双服务 in the browser (issue 5 item 3): 桥南社区's secretary sees this year's reporters from the
// demo, registers an in-service member of a city agency who shows the ID card, records 3 hours of
// service and sees the community's total rise; the town (江南街道) sees it in its figures per community.
import { expect as baseExpect, type Page, test } from '@playwright/test';
import { loginAs, logout } from './fixtures.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

const COMMUNITY = '440704001015'; // 桥南社区
const TOWN = '440704001'; // 江南街道
const UNIT = 'JG001'; // the first branch of the city's agencies (市直机关)

type Page_<T> = { items: T[]; total: number };
type Totals = { items: { community: { id: number; name: string }; members: number; hours: number }[] };

async function csrf(page: Page): Promise<Record<string, string>> {
  const token = (await page.context().cookies()).find((c) => c.name === 'qj_csrf')?.value;
  return token ? { 'x-csrf-token': token } : {};
}

/** The hours card of the page as a number ("1,234.5" → 1234.5). */
async function statHours(page: Page): Promise<number> {
  const text = await page.getByTestId('cr-stat-hours').locator('.ant-statistic-content').textContent();
  return Number((text ?? '').replace(/[^\d.]/g, ''));
}

test('a community registers a member of another unit, records 3 hours; the town sees it', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // the member who shows up: an in-service member of a city agency not yet reported this year
  await loginAs(page, UNIT, { path: '/' });
  const me = (await (await page.request.get('/api/me')).json()) as { scope: { id: number } };
  const members = (await (
    await page.request.get(`/api/orgs/${me.scope.id}/members?pageSize=200`)
  ).json()) as Page_<{ id: number; name: string; occupation: string }>;
  const reports = (await (
    await page.request.get('/api/community-reports?pageSize=200&reporterKind=member')
  ).json()) as Page_<{ reporter: { id: number } }>;
  const reported = new Set(reports.items.map((r) => r.reporter.id));
  const member = members.items.find((m) => m.occupation === 'in_service' && !reported.has(m.id));
  expect(member, 'an in-service member of the agency who has not reported this year').toBeTruthy();
  if (!member) return;
  const reveal = await page.request.post(`/api/members/${member.id}/reveal`, {
    data: { field: 'idNumber' },
    headers: await csrf(page),
  });
  const idNumber = ((await reveal.json()) as { value: string }).value;
  await logout(page);

  // the town's figures before
  await loginAs(page, TOWN, { path: '/' });
  const before = (await (
    await page.request.get('/api/community-reports/by-community?q=桥南&pageSize=20')
  ).json()) as Totals;
  const row0 = before.items.find((c) => c.community.name.includes('桥南'));
  await logout(page);

  // 桥南社区: this year's reporters from the demo
  await loginAs(page, COMMUNITY, { path: '/community-reports' });
  await expect(page.getByRole('heading', { name: /双报到双服务 · .*桥南社区/ })).toBeVisible();
  const rows = page.getByTestId('cr-table').locator('.ant-table-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  const hoursBefore = await statHours(page);
  await page.screenshot({ path: test.info().outputPath('community-view.png'), fullPage: true });

  // register: the member shows the ID card
  await page.getByTestId('cr-register').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('cr-id-number').fill(idNumber);
  await dialog.getByTestId('cr-find').click();
  await expect(dialog.getByTestId('cr-found')).toContainText(member.name);
  await page.screenshot({ path: test.info().outputPath('register-dialog.png') });
  await dialog.getByTestId('cr-register-submit').click();
  await expect(dialog).toBeHidden();

  // the new reporter in the list; record 3 hours of service
  await page.getByTestId('cr-search').locator('input').fill(member.name);
  await page.getByTestId('cr-search').locator('input').press('Enter');
  const row = page.getByTestId('cr-table').locator('.ant-table-row', { hasText: member.name });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: '记录服务' }).click();
  const service = page.getByRole('dialog');
  await service.getByTestId('cr-service-hours').fill('3');
  await service.getByTestId('cr-service-content').fill('独居老人探访慰问');
  await service.getByTestId('cr-service-submit').click();
  await expect(service).toBeHidden();
  await expect(row).toContainText('3');
  await expect.poll(() => statHours(page)).toBeCloseTo(hoursBefore + 3, 5);
  await row.getByRole('button', { name: '服务记录' }).click();
  await expect(page.getByTestId('cr-services-total')).toContainText('共 1 次，3 小时');
  await expect(page.locator('.ant-drawer-content-wrapper')).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('services-drawer.png') });
  await logout(page);

  // the town sees it in its figures per community
  await loginAs(page, TOWN, { path: '/community-reports' });
  await expect(page.getByRole('tab', { name: '按社区汇总' })).toBeVisible();
  const search = page.getByTestId('cr-community-search').locator('input');
  await search.fill('桥南');
  await search.press('Enter');
  const totals = page.getByTestId('cr-totals-table').locator('.ant-table-row', { hasText: '桥南社区' });
  await expect(totals).toBeVisible();
  const hours = Math.round(((row0?.hours ?? 0) + 3) * 10) / 10;
  await expect(totals).toContainText(String(hours));
  await expect(totals.locator('td').nth(2)).toHaveText(String((row0?.members ?? 0) + 1));
  await page.screenshot({ path: test.info().outputPath('town-view.png'), fullPage: true });
  await totals.getByRole('button', { name: '查看名单' }).click();
  await expect(
    page.getByTestId('cr-table').locator('.ant-table-row', { hasText: member.name }),
  ).toBeVisible();
});
