// The grid map: clicking a grid opens its drawer with its party organization.
import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

test('a grid worker clicks their grid and sees its party organization', async ({ page }) => {
  await loginAs(page, '440704001015001');
  await page.goto('/map');
  const map = page.getByTestId('grid-map');
  await expect(map).toHaveAttribute('data-ready', 'true');
  await expect(map).toHaveAttribute('data-grid-count', '1');
  // the view opens on the scope's extent, so the single grid sits under the centre of the map
  await map.click();
  const drawer = page.getByTestId('grid-drawer-body');
  await expect(drawer.getByTestId('grid-code')).toHaveText('440704001015001');
  await expect(drawer.getByTestId('grid-org-name')).toHaveText('中共桥南社区第1网格支部委员会');
  await expect(drawer.getByTestId('grid-workers')).toBeVisible();
});

test('the district admin finds a grid by name and its drawer names the grid org', async ({ page }) => {
  await loginAs(page, '440704');
  await page.goto('/map');
  await expect(page.getByTestId('grid-map')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('grid-locate').click();
  await page.keyboard.type('440704001015001');
  await page.locator('.ant-select-item-option').filter({ hasText: '440704001015001' }).click();
  const drawer = page.getByTestId('grid-drawer-body');
  await expect(drawer.getByTestId('grid-org-name')).toHaveText('中共桥南社区第1网格支部委员会');
  await expect(drawer).toContainText('中共江门市江海区委员会');
});
