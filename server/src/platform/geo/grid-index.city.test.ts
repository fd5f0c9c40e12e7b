// The index over the real demo geometry: the 2,954 grids seedDemo writes (generated here without a
// database, by the same deterministic generator).
import { beforeAll, describe, expect, it } from 'vitest';
import { TOTAL_GRIDS } from '../../demo/plan.ts';
import { mulberry32 } from '../../demo/random.ts';
import { buildGridIndex, type GridIndex } from './grid-index.ts';
import { type DemoGridRow, demoGridRows } from './testing/demo-grids.ts';

let rows: DemoGridRow[];
let index: GridIndex;

beforeAll(() => {
  rows = demoGridRows();
  index = buildGridIndex(rows);
}, 120_000);

describe('the demo city', () => {
  it('indexes all 2,954 grids', () => {
    expect(index.size).toBe(TOTAL_GRIDS);
    expect(index.stats.coveredCells).toBeGreaterThan(0);
  });

  it("each grid's center locates to that grid, exactly", () => {
    const wrong = rows.filter((r) => {
      const got = index.locate(r.center_lng, r.center_lat);
      return !(got?.exact && got.gridId === r.id);
    });
    expect(wrong.map((r) => r.code)).toEqual([]);
  });

  it('a point inside a grid is exact; in the sea south of 台山 it is the nearest grid, flagged', () => {
    const r = rows[100] as DemoGridRow;
    expect(index.locate(r.center_lng, r.center_lat)).toEqual({ gridId: r.id, exact: true });
    const sea = index.locate(112.75, 21.4);
    expect(sea?.exact).toBe(false);
    expect(sea?.exact === false && sea.distanceM).toBeGreaterThan(1000);
  });

  it('random points in the city box: inside a grid ⇔ exact (brute force on 3,000 points)', () => {
    const random = mulberry32(3);
    const minLng = Math.min(...rows.map((r) => r.min_lng));
    const maxLng = Math.max(...rows.map((r) => r.max_lng));
    const minLat = Math.min(...rows.map((r) => r.min_lat));
    const maxLat = Math.max(...rows.map((r) => r.max_lat));
    for (let i = 0; i < 3000; i++) {
      const x = minLng + (maxLng - minLng) * random();
      const y = minLat + (maxLat - minLat) * random();
      const holders = rows.filter((r, k) => r.min_lng <= x && x <= r.max_lng && index.contains(k, x, y));
      const got = index.locate(x, y);
      expect(got?.exact).toBe(holders.length > 0);
      if (got?.exact) expect(holders.map((h) => h.id)).toContain(got.gridId);
    }
  });
});
