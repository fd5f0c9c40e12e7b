// Point → grid throughput (issue 4, item 10: ≥ 1,000,000 points/s in process). Builds the grid index
// from the full demo geometry (the generator, no database), then locates 2,000,000 seeded random
// points inside the bounding box of the city's grids (land, sea and neighbouring cities alike) after
// an untimed warm-up. Run: node bench/geo/locate.ts [points]; prints one JSON object.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../server/src/demo/random.ts';
import { buildGridIndex } from '../../server/src/platform/geo/grid-index.ts';
import { demoGridRows } from '../../server/src/platform/geo/testing/demo-grids.ts';

export interface LocateBenchResult {
  points: number;
  seconds: number;
  pointsPerSecond: number;
  /** Share of the points inside a grid (the rest got the nearest grid). */
  exactShare: number;
  buildMs: number;
  geometryMs: number;
  grids: number;
  cells: number;
}

export function benchLocate(points = 2_000_000, seed = 4407): LocateBenchResult {
  const g0 = performance.now();
  const rows = demoGridRows();
  const geometryMs = performance.now() - g0;

  const b0 = performance.now();
  const index = buildGridIndex(rows);
  const buildMs = performance.now() - b0;

  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const r of rows) {
    minLng = Math.min(minLng, r.min_lng);
    minLat = Math.min(minLat, r.min_lat);
    maxLng = Math.max(maxLng, r.max_lng);
    maxLat = Math.max(maxLat, r.max_lat);
  }
  const random = mulberry32(seed);
  const lng = new Float64Array(points);
  const lat = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    lng[i] = minLng + (maxLng - minLng) * random();
    lat[i] = minLat + (maxLat - minLat) * random();
  }

  const run = (count: number) => {
    let exact = 0;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const r = index.locate(lng[i] as number, lat[i] as number);
      if (r) {
        sum += r.gridId;
        if (r.exact) exact++;
      }
    }
    return { exact, sum };
  };
  run(Math.min(points, 200_000)); // warm-up: let the JIT compile locate
  const t0 = performance.now();
  const { exact, sum } = run(points);
  const seconds = (performance.now() - t0) / 1000;
  if (sum === 0) throw new Error('benchLocate: nothing located');

  return {
    points,
    seconds: Number(seconds.toFixed(3)),
    pointsPerSecond: Math.round(points / seconds),
    exactShare: Number((exact / points).toFixed(4)),
    buildMs: Math.round(buildMs),
    geometryMs: Math.round(geometryMs),
    grids: index.size,
    cells: index.stats.cellsX * index.stats.cellsY,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const points = Number(process.argv[2] ?? 2_000_000);
  console.log(JSON.stringify(benchLocate(points)));
}
