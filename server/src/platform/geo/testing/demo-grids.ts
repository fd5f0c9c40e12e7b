// The demo's 2,954 grid rows (or one scale's counties) straight from the deterministic generator, with
// no database: the same rings, centers and bounding boxes seedDemo writes into the grid table. Ids are
// 1..n in the order seedDemo inserts them. For tests and benchmarks of the spatial index.
import { countyGridShapes } from '../../../demo/geometry.ts';
import { cityPlan, TEST_COUNTIES } from '../../../demo/plan.ts';
import type { GridGeometryRow } from '../grid-index.ts';

/** DEFAULT_SEED of demo/seed.ts (not imported: that module pulls in the database and password hashing). */
export const DEMO_SEED = 4407;

export interface DemoGridRow extends GridGeometryRow {
  code: string;
  boundary: [number, number][][];
  center_lng: number;
  center_lat: number;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

/** Grid rows of the whole city, or of the given county codes only (the 'test' scale: TEST_COUNTIES). */
export function demoGridRows(options: { seed?: number; counties?: readonly string[] } = {}): DemoGridRow[] {
  const seed = options.seed ?? DEMO_SEED;
  const rows: DemoGridRow[] = [];
  for (const c of cityPlan(seed)) {
    if (options.counties && !options.counties.includes(c.division.code)) continue;
    const byVillage = countyGridShapes(
      {
        code: c.division.code,
        towns: c.towns.map((t) => ({
          code: t.division.code,
          villages: t.villages.map((v) => ({ code: v.division.code, grids: v.grids.length })),
        })),
      },
      seed,
    );
    for (const t of c.towns)
      for (const v of t.villages)
        v.grids.forEach((g, k) => {
          const s = byVillage.get(v.division.code)?.[k];
          if (!s) throw new Error(`demoGridRows: no shape for grid ${g.code}`);
          rows.push({
            id: rows.length + 1,
            code: g.code,
            boundary: [s.ring],
            center_lng: s.center[0],
            center_lat: s.center[1],
            min_lng: s.bbox.minLng,
            min_lat: s.bbox.minLat,
            max_lng: s.bbox.maxLng,
            max_lat: s.bbox.maxLat,
          });
        });
  }
  return rows;
}

export { TEST_COUNTIES };
