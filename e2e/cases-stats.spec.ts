// The statistics page shows the figures of a town and of the whole city (issue 4).
import { expect, type Page, test } from '@playwright/test';
import { loginAs, logout } from './fixtures.ts';

async function total(page: Page): Promise<number> {
  await expect(page.getByTestId('stats-figures')).toHaveAttribute('data-loaded', 'true');
  const text = (
    (await page.getByTestId('stat-total').locator('.ant-statistic-content-value').textContent()) ?? ''
  ).replace(/,/g, '');
  return Number(text);
}

test('the statistics page shows the figures for a town and for the city', async ({ page }) => {
  await loginAs(page, '440704001', { path: '/cases/stats' });
  const town = await total(page);
  expect(town).toBeGreaterThan(0);
  for (const key of [
    'responseRate',
    'onTimeHandlingRate',
    'closeRate',
    'onTimeCloseRate',
    'reworkRate',
    'satisfactionRate',
  ]) {
    await expect(page.getByTestId(`stat-${key}`)).toContainText(/%|—/);
  }
  await expect(page.getByTestId('stat-closeRate')).toContainText('%');
  await expect(page.getByTestId('chart-channel')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('chart-category')).toHaveAttribute('data-ready', 'true');
  await page.screenshot({ path: 'test-results/cases-stats-town.png', fullPage: true });

  const downloaded = page.waitForEvent('download');
  await page.getByTestId('stats-export').click();
  expect((await downloaded).suggestedFilename()).toMatch(/\.xlsx$/);

  await logout(page);
  await loginAs(page, '4407', { path: '/cases/stats' });
  const city = await total(page);
  expect(city).toBeGreaterThan(town);
  await expect(page.getByTestId('chart-category')).toHaveAttribute('data-ready', 'true');
  await page.screenshot({ path: 'test-results/cases-stats-city.png', fullPage: true });
});
