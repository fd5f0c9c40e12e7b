import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random.ts';
import { haversineM, pointToSegmentM } from './distance.ts';
import { buildGridIndex, type GridGeometryRow } from './grid-index.ts';

// Hand-made grids near Jiangmen: coordinates in units of 0.01° from (113.0, 22.5).
const U = 0.01;
const O: [number, number] = [113.0, 22.5];
const at = (x: number, y: number): [number, number] => [O[0] + x * U, O[1] + y * U];
const ring = (...pts: [number, number][]) => {
  const r = pts.map(([x, y]) => at(x, y));
  r.push(r[0] as [number, number]);
  return r;
};
const rect = (x0: number, y0: number, x1: number, y1: number) => ring([x0, y0], [x1, y0], [x1, y1], [x0, y1]);
const row = (id: number, r: [number, number][], center?: [number, number]): GridGeometryRow => ({
  id,
  boundary: [r],
  ...(center ? { center_lng: at(...center)[0], center_lat: at(...center)[1] } : {}),
});
const locateAt = (index: ReturnType<typeof buildGridIndex>, x: number, y: number) =>
  index.locate(...at(x, y));

describe('a square', () => {
  const index = buildGridIndex([row(7, rect(0, 0, 1, 1))]);

  it('inside → exact', () => {
    expect(locateAt(index, 0.5, 0.5)).toEqual({ gridId: 7, exact: true });
    expect(locateAt(index, 0.01, 0.99)).toEqual({ gridId: 7, exact: true });
  });

  it('outside → the nearest grid, flagged, with the distance to its outline in meters', () => {
    const r = locateAt(index, 1.5, 0.5);
    expect(r).toMatchObject({ gridId: 7, exact: false });
    const expected = pointToSegmentM(...at(1.5, 0.5), ...at(1, 0), ...at(1, 1));
    expect(r?.exact === false && r.distanceM).toBeCloseTo(expected, 3);
    expect(expected).toBeGreaterThan(500);
    expect(expected).toBeLessThan(520);
    // Diagonally off a corner: the distance to the corner.
    const c = locateAt(index, -0.3, -0.4);
    expect(c?.exact === false && c.distanceM).toBeCloseTo(haversineM(...at(-0.3, -0.4), ...at(0, 0)), 0);
  });

  it('on an edge or a vertex → inside', () => {
    for (const [x, y] of [
      [1, 0.5],
      [0, 0.5],
      [0.5, 0],
      [0.5, 1],
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
    ] as const)
      expect(locateAt(index, x, y)).toEqual({ gridId: 7, exact: true });
  });

  it('outside China → null; farther than maxDistanceM → null', () => {
    expect(index.locate(139.69, 35.69)).toBeNull();
    expect(index.locate(Number.NaN, 22.5)).toBeNull();
    expect(index.locate(...at(1.5, 0.5), 100)).toBeNull();
    expect(index.locate(...at(1.5, 0.5), 1000)).toMatchObject({ gridId: 7, exact: false });
  });

  it('far away (beyond the cells) still finds the nearest grid', () => {
    const r = index.locate(113.2644, 23.1291); // Guangzhou
    expect(r).toMatchObject({ gridId: 7, exact: false });
    const d = haversineM(113.2644, 23.1291, ...at(1, 1));
    expect(r?.exact === false && Math.abs(r.distanceM - d)).toBeLessThan(1);
  });
});

describe('a concave L-shape', () => {
  const L = ring([0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]);
  const index = buildGridIndex([row(1, L)], { targetCells: 64 });

  it('both arms are inside', () => {
    expect(locateAt(index, 1.5, 0.5)).toEqual({ gridId: 1, exact: true });
    expect(locateAt(index, 0.5, 1.5)).toEqual({ gridId: 1, exact: true });
    expect(locateAt(index, 0.99, 1.99)).toEqual({ gridId: 1, exact: true });
  });

  it('the notch is outside: nearest, at the distance of the nearer inner edge', () => {
    const r = locateAt(index, 1.6, 1.3);
    expect(r).toMatchObject({ gridId: 1, exact: false });
    const toInner = Math.min(
      pointToSegmentM(...at(1.6, 1.3), ...at(2, 1), ...at(1, 1)),
      pointToSegmentM(...at(1.6, 1.3), ...at(1, 1), ...at(1, 2)),
    );
    expect(r?.exact === false && r.distanceM).toBeCloseTo(toInner, 3);
  });

  it('the inner corner and the inner edges are inside', () => {
    expect(locateAt(index, 1, 1)).toEqual({ gridId: 1, exact: true });
    expect(locateAt(index, 1.5, 1)).toEqual({ gridId: 1, exact: true });
    expect(locateAt(index, 1, 1.5)).toEqual({ gridId: 1, exact: true });
  });
});

describe('several grids', () => {
  it('a shared border goes to the grid with the nearer center', () => {
    // A is [0,1]², B is [1,3]×[0,1]: on x = 1 A's center (0.5) is nearer than B's (2).
    const index = buildGridIndex([row(2, rect(1, 0, 3, 1)), row(1, rect(0, 0, 1, 1))]);
    expect(locateAt(index, 1, 0.3)).toEqual({ gridId: 1, exact: true });
    expect(locateAt(index, 1.0001, 0.3)).toEqual({ gridId: 2, exact: true });
    expect(locateAt(index, 0.9999, 0.3)).toEqual({ gridId: 1, exact: true });
  });

  it('equally near centers on a shared border: the smaller id', () => {
    const index = buildGridIndex([row(5, rect(1, 0, 2, 1), [1, 0.5]), row(4, rect(0, 0, 1, 1), [1, 0.5])]);
    expect(locateAt(index, 1, 0.5)).toEqual({ gridId: 4, exact: true });
  });

  it('an overlap goes to the grid whose center is nearer, not to the smaller id', () => {
    const index = buildGridIndex([
      row(1, rect(0, 0, 1, 1), [0.5, 0.5]),
      row(2, rect(0.8, 0, 1.8, 1), [1.3, 0.5]),
    ]);
    expect(locateAt(index, 0.95, 0.5)).toEqual({ gridId: 2, exact: true });
    expect(locateAt(index, 0.85, 0.5)).toEqual({ gridId: 1, exact: true });
    expect(locateAt(index, 0.5, 0.5)).toEqual({ gridId: 1, exact: true });
    expect(locateAt(index, 1.5, 0.5)).toEqual({ gridId: 2, exact: true });
  });

  it('a gap between two grids (no hole, just space) → the nearer grid, flagged', () => {
    const index = buildGridIndex([row(1, rect(0, 0, 1, 1)), row(2, rect(1.2, 0, 2.2, 1))]);
    const a = locateAt(index, 1.05, 0.5);
    expect(a).toMatchObject({ gridId: 1, exact: false });
    expect(a?.exact === false && a.distanceM).toBeCloseTo(
      pointToSegmentM(...at(1.05, 0.5), ...at(1, 0), ...at(1, 1)),
      3,
    );
    expect(a?.exact === false && a.distanceM).toBeGreaterThan(45);
    expect(a?.exact === false && a.distanceM).toBeLessThan(55);
    expect(locateAt(index, 1.15, 0.5)).toMatchObject({ gridId: 2, exact: false });
    // Equally far from both edges: the grid whose center is nearer (equal here: the smaller id).
    expect(locateAt(index, 1.1, 0.5)).toMatchObject({ gridId: 1, exact: false });
  });

  it('reads boundaries as stored ([ring]), as a bare ring, as JSON text, open or closed', () => {
    const closed = rect(0, 0, 1, 1);
    const open = closed.slice(0, -1);
    const index = buildGridIndex([
      { id: 1, boundary: JSON.stringify([closed]) },
      { id: 2, boundary: rect(2, 0, 3, 1) },
      { id: 3, boundary: [open.map(([x, y]) => [x + 4 * U, y] as [number, number])] },
    ]);
    expect(locateAt(index, 0.5, 0.5)).toEqual({ gridId: 1, exact: true });
    expect(locateAt(index, 2.5, 0.5)).toEqual({ gridId: 2, exact: true });
    expect(locateAt(index, 4.5, 0.5)).toEqual({ gridId: 3, exact: true });
    expect(locateAt(index, 5, 0.5)).toEqual({ gridId: 3, exact: true });
    expect(index.size).toBe(3);
    expect([...index.ids]).toEqual([1, 2, 3]);
  });

  it('refuses a duplicate id and a broken ring', () => {
    expect(() => buildGridIndex([row(1, rect(0, 0, 1, 1)), row(1, rect(2, 0, 3, 1))])).toThrow(/twice/);
    expect(() => buildGridIndex([{ id: 1, boundary: [[at(0, 0), at(1, 0), at(0, 0)]] }])).toThrow(
      /3 distinct/,
    );
    expect(() => buildGridIndex([{ id: 1, boundary: [[at(0, 0), [Number.NaN, 1], at(0, 1)]] }])).toThrow(
      /not a number/,
    );
    expect(() => buildGridIndex([{ id: 1, boundary: '{}' }])).toThrow(/not a ring/);
  });

  it('an empty index locates nothing', () => {
    expect(buildGridIndex([]).locate(113, 22.5)).toBeNull();
  });
});

describe('random overlapping star-shaped grids against brute force', () => {
  // 250 grids of ≤ 16 vertices around random centers in a 0.3° box: overlaps, gaps, concave shapes.
  const random = mulberry32(20);
  const rows: GridGeometryRow[] = [];
  const centers: [number, number][] = [];
  for (let id = 1; id <= 250; id++) {
    const c: [number, number] = [random() * 30, random() * 30];
    const k = 3 + Math.floor(random() * 13);
    const r: [number, number][] = [];
    for (let i = 0; i < k; i++) {
      const a = (i / k) * 2 * Math.PI;
      const rad = 0.3 + random() * 1.2;
      r.push(at(c[0] + rad * Math.cos(a), c[1] + rad * Math.sin(a)));
    }
    r.push(r[0] as [number, number]);
    centers.push(at(...c));
    rows.push({ id: id * 3, boundary: [r], center_lng: at(...c)[0], center_lat: at(...c)[1] });
  }
  // The index's own plane for tie-breaks (longitudes shrunk by the cosine of the grids' middle latitude).
  const lats = rows.flatMap((r) => (r.boundary as [number, number][][])[0]?.map((p) => p[1]) ?? []);
  const kx = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);

  const inRing = (x: number, y: number, ring: [number, number][]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  const brute = (x: number, y: number) => {
    let holder = -1;
    let holderD = Infinity;
    rows.forEach((r, i) => {
      const ring = (r.boundary as [number, number][][])[0] as [number, number][];
      if (!inRing(x, y, ring)) return;
      const [cx, cy] = centers[i] as [number, number];
      const d = ((x - cx) * kx) ** 2 + (y - cy) ** 2;
      if (d < holderD) {
        holderD = d;
        holder = r.id;
      }
    });
    if (holder >= 0) return { gridId: holder, exact: true as const };
    let best = Infinity;
    for (const r of rows) {
      const ring = (r.boundary as [number, number][][])[0] as [number, number][];
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as [number, number];
        const b = ring[i + 1] as [number, number];
        best = Math.min(best, pointToSegmentM(x, y, a[0], a[1], b[0], b[1]));
      }
    }
    return { exact: false as const, distanceM: best };
  };

  for (const targetCells of [64, 4096, 65_536]) {
    it(`${targetCells} cells: same grid inside, same distance outside (5,000 points, some far off)`, () => {
      const index = buildGridIndex(rows, { targetCells });
      const rnd = mulberry32(targetCells);
      let outside = 0;
      for (let i = 0; i < 5000; i++) {
        const x = O[0] + (-10 + rnd() * 50) * U;
        const y = O[1] + (-10 + rnd() * 50) * U;
        const got = index.locate(x, y);
        const want = brute(x, y);
        if (want.exact) expect(got).toEqual(want);
        else {
          outside++;
          expect(got?.exact).toBe(false);
          // Same nearest distance (the planar metric of the index differs from the local one by < 0.1%).
          expect(got?.exact === false && Math.abs(got.distanceM - want.distanceM)).toBeLessThanOrEqual(
            1e-3 * want.distanceM + 1e-6,
          );
        }
      }
      expect(outside).toBeGreaterThan(500);
      expect(outside).toBeLessThan(4500);
    });
  }
});
