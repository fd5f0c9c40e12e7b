// Point → grid in memory (issue 4, item 5): which of the city's grids holds a WGS-84 point, or, when
// none does (the sea, a gap between two simplified grid outlines, a neighbouring city), the nearest
// grid and how far it is. Built once from the grid rows (~0.4 s for 2,954 grids);
// ~0.3 µs per point.
//
// Layout: the grids' outer rings in flat typed arrays; a uniform bucket grid of square cells (in a
// plane where longitudes are shrunk by cos(mid-latitude)) over the grids' extent plus one cell of margin.
// Each cell keeps
//   - the grids whose ring touches the cell, ascending by id, a grid that covers the whole cell stored
//     as ~i (no point-in-polygon test needed);
//   - for points of the cell outside every grid: the grids that can be nearest to some point of the
//     cell, with a lower bound of their distance, ascending, so the search stops early.
// The nearest-grid lists are exact: for a cell of center c and half-diagonal h, every point q of the
// cell has dist(q, P) ≥ dist(c, P) − h and min dist(q, ·) ≤ min dist(c, ·) + h, so only grids with
// dist(c, P) ≤ min + 2h can win (with a little more slack because a query measures in the plane of
// its own latitude, x·cos(lat), not the index's); a Euclidean distance transform of the non-empty
// cells bounds where to look for them. Beyond the cells, every grid is a candidate.
//
// Rules: a point on a ring's edge or vertex is inside that grid. A point inside several grids (on a
// shared border, or in a sliver where two simplified outlines overlap) belongs to the one whose center
// (center_lng/lat; else the middle of its bounding box) is nearest, then the smallest id; so every
// grid's center locates to that grid. Equal nearest-outline distances are broken the same way.
// Coordinates outside China (isInChina) give null.
import type { Ring } from '../db/schema.ts';
import { isInChina } from './coords.ts';
import { equirectangularM, haversineM } from './distance.ts';

/** A grid row as selected from the grid table (boundary = [outer ring], WGS-84 [lng, lat]). */
export interface GridGeometryRow {
  id: number;
  /** As stored: [outer ring]; a bare ring or the JSON text of either is accepted too. */
  boundary: Ring[] | Ring | string;
  center_lng?: number;
  center_lat?: number;
  min_lng?: number;
  min_lat?: number;
  max_lng?: number;
  max_lat?: number;
}

export type GridLocation =
  | { gridId: number; exact: true }
  | { gridId: number; exact: false; distanceM: number };

export interface GridIndexOptions {
  /** About how many cells the bucket grid has (default 256 × 256). */
  targetCells?: number;
}

export interface GridIndexStats {
  grids: number;
  cellsX: number;
  cellsY: number;
  /** Edge of a cell in meters (approximately). */
  cellM: number;
  /** Cells entirely inside one grid (answered without a point-in-polygon test). */
  coveredCells: number;
  /** Mean length of the nearest-grid candidate lists, over the cells that have one. */
  meanNearCandidates: number;
}

const DEG_M = 111_195.08; // meters per degree of latitude (mean earth radius)
const EPS = 1e-9; // degrees: cells are tested slightly enlarged so that rounding at their borders is harmless
const BIG = 1e20;
const RAD = Math.PI / 180;

export class GridIndex {
  /** Grid ids, ascending; polygon i is grid ids[i]. */
  readonly ids: Float64Array;
  readonly stats: GridIndexStats;
  private readonly vStart: Int32Array;
  private readonly vx: Float64Array;
  private readonly vy: Float64Array;
  private readonly minX: Float64Array;
  private readonly minY: Float64Array;
  private readonly maxX: Float64Array;
  private readonly maxY: Float64Array;
  private readonly cX: Float64Array;
  private readonly cY: Float64Array;
  private readonly kx: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly invCellX: number;
  private readonly invCellY: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly pipStart: Int32Array;
  private readonly pipItems: Int32Array;
  private readonly nearStart: Int32Array;
  private readonly nearItems: Int32Array;
  private readonly nearLowerSq: Float64Array;

  constructor(parts: IndexParts) {
    this.ids = parts.ids;
    this.vStart = parts.vStart;
    this.vx = parts.vx;
    this.vy = parts.vy;
    this.minX = parts.minX;
    this.minY = parts.minY;
    this.maxX = parts.maxX;
    this.maxY = parts.maxY;
    this.cX = parts.cX;
    this.cY = parts.cY;
    this.kx = parts.kx;
    this.x0 = parts.x0;
    this.y0 = parts.y0;
    this.invCellX = parts.invCellX;
    this.invCellY = parts.invCellY;
    this.nx = parts.nx;
    this.ny = parts.ny;
    this.pipStart = parts.pipStart;
    this.pipItems = parts.pipItems;
    this.nearStart = parts.nearStart;
    this.nearItems = parts.nearItems;
    this.nearLowerSq = parts.nearLowerSq;
    this.stats = parts.stats;
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * The grid holding (lng, lat) (WGS-84), else the nearest grid by distance to its outline, flagged
   * exact: false with the distance in meters. Null outside China, when the index is empty, or when the
   * nearest grid is farther than maxDistanceM.
   */
  locate(lng: number, lat: number, maxDistanceM = Number.POSITIVE_INFINITY): GridLocation | null {
    if (!isInChina(lng, lat) || this.ids.length === 0) return null;
    const cx = Math.floor((lng - this.x0) * this.invCellX);
    const cy = Math.floor((lat - this.y0) * this.invCellY);
    if (cx < 0 || cy < 0 || cx >= this.nx || cy >= this.ny) return this.locateFar(lng, lat, maxDistanceM);
    const cell = cy * this.nx + cx;
    const pipItems = this.pipItems;
    const end = this.pipStart[cell + 1] as number;
    let hit = -1;
    let hitD = -1;
    for (let k = this.pipStart[cell] as number; k < end; k++) {
      let p = pipItems[k] as number;
      if (p < 0) p = ~p;
      else if (
        lng < (this.minX[p] as number) ||
        lng > (this.maxX[p] as number) ||
        lat < (this.minY[p] as number) ||
        lat > (this.maxY[p] as number) ||
        !this.contains(p, lng, lat)
      )
        continue;
      if (hit < 0) hit = p;
      else {
        // In more than one grid (an overlap or a shared border): the nearer center wins.
        if (hitD < 0) hitD = this.centerDistSq(hit, lng, lat);
        const d = this.centerDistSq(p, lng, lat);
        if (d < hitD || (d === hitD && p < hit)) {
          hit = p;
          hitD = d;
        }
      }
    }
    if (hit >= 0) return { gridId: this.ids[hit] as number, exact: true };
    // Outside every grid: distances in the plane of the point's own latitude (x·cos(lat), y).
    const kq = Math.cos(lat * RAD);
    let bestSq = BIG;
    let best = -1;
    let bestSeg = -1;
    const nearEnd = this.nearStart[cell + 1] as number;
    for (let k = this.nearStart[cell] as number; k < nearEnd; k++) {
      if ((this.nearLowerSq[k] as number) > bestSq) break;
      const p = this.nearItems[k] as number;
      const d = this.edgeDistSq(p, kq, lng, lat);
      if (d < bestSq || (d === bestSq && this.nearerCenter(p, best, lng, lat))) {
        bestSq = d;
        best = p;
        bestSeg = lastSeg;
      }
    }
    return this.nearestResult(best, bestSeg, kq, lng, lat, maxDistanceM);
  }

  private centerDistSq(p: number, lng: number, lat: number): number {
    const dx = (lng - (this.cX[p] as number)) * this.kx;
    const dy = lat - (this.cY[p] as number);
    return dx * dx + dy * dy;
  }

  /** Tie-break: is grid p's center nearer to the point than grid q's (equal: the smaller id)? */
  private nearerCenter(p: number, q: number, lng: number, lat: number): boolean {
    if (q < 0) return true;
    const dp = this.centerDistSq(p, lng, lat);
    const dq = this.centerDistSq(q, lng, lat);
    return dp < dq || (dp === dq && p < q);
  }

  /** Whether the ring of polygon p (ids[p]) holds (lng, lat), its edges and vertices included. */
  contains(p: number, lng: number, lat: number): boolean {
    return ringContains(this.vx, this.vy, this.vStart[p] as number, this.vStart[p + 1] as number, lng, lat);
  }

  private edgeDistSq(p: number, kx: number, lng: number, lat: number): number {
    return ringDistSq(this.vx, this.vy, this.vStart[p] as number, this.vStart[p + 1] as number, kx, lng, lat);
  }

  private nearestResult(
    p: number,
    seg: number,
    kx: number,
    lng: number,
    lat: number,
    maxDistanceM: number,
  ): GridLocation | null {
    if (p < 0) return null;
    // The nearest point of the winning edge, then the distance on the earth.
    const s = this.vStart[p] as number;
    const e = this.vStart[p + 1] as number;
    const next = seg + 1 === e ? s : seg + 1;
    const ax = this.vx[seg] as number;
    const ay = this.vy[seg] as number;
    const bx = this.vx[next] as number;
    const by = this.vy[next] as number;
    const ux = (bx - ax) * kx;
    const uy = by - ay;
    const len2 = ux * ux + uy * uy;
    let t = len2 > 0 ? ((lng - ax) * kx * ux + (lat - ay) * uy) / len2 : 0;
    t = Math.min(1, Math.max(0, t));
    const qx = ax + (bx - ax) * t;
    const qy = ay + (by - ay) * t;
    const far = Math.abs(lat - qy) + Math.abs(lng - qx) > 0.5;
    const distanceM = far ? haversineM(lng, lat, qx, qy) : equirectangularM(lng, lat, qx, qy);
    if (distanceM > maxDistanceM) return null;
    return { gridId: this.ids[p] as number, exact: false, distanceM };
  }

  /** A point beyond the cells (outside every grid's bounding box): the nearest of all grids. */
  private locateFar(lng: number, lat: number, maxDistanceM: number): GridLocation | null {
    const kx = Math.cos(lat * RAD);
    let bestSq = BIG;
    let best = -1;
    let bestSeg = -1;
    for (let p = 0; p < this.ids.length; p++) {
      const dx = Math.max((this.minX[p] as number) - lng, 0, lng - (this.maxX[p] as number)) * kx;
      const dy = Math.max((this.minY[p] as number) - lat, 0, lat - (this.maxY[p] as number));
      if (dx * dx + dy * dy > bestSq) continue;
      const d = this.edgeDistSq(p, kx, lng, lat);
      if (d < bestSq || (d === bestSq && this.nearerCenter(p, best, lng, lat))) {
        bestSq = d;
        best = p;
        bestSeg = lastSeg;
      }
    }
    return this.nearestResult(best, bestSeg, kx, lng, lat, maxDistanceM);
  }
}

interface IndexParts {
  ids: Float64Array;
  vStart: Int32Array;
  vx: Float64Array;
  vy: Float64Array;
  minX: Float64Array;
  minY: Float64Array;
  maxX: Float64Array;
  maxY: Float64Array;
  cX: Float64Array;
  cY: Float64Array;
  kx: number;
  x0: number;
  y0: number;
  invCellX: number;
  invCellY: number;
  nx: number;
  ny: number;
  pipStart: Int32Array;
  pipItems: Int32Array;
  nearStart: Int32Array;
  nearItems: Int32Array;
  nearLowerSq: Float64Array;
  stats: GridIndexStats;
}

/** Scratch of ringDistSq: the first vertex of the nearest edge it found. */
let lastSeg = -1;

/** Ray casting over vertices [s, e) of a ring (open: no closing vertex); edges and vertices count as inside. */
function ringContains(
  vx: Float64Array,
  vy: Float64Array,
  s: number,
  e: number,
  x: number,
  y: number,
): boolean {
  let inside = false;
  let xj = vx[e - 1] as number;
  let yj = vy[e - 1] as number;
  for (let i = s; i < e; i++) {
    const xi = vx[i] as number;
    const yi = vy[i] as number;
    if (yi > y !== yj > y) {
      // The sign of the cross product tells on which side of edge j→i the point lies; 0: on the edge.
      const t = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);
      if (t === 0) return true;
      if (t > 0 === yj > yi) inside = !inside;
    } else if (yi === y && (x === xi || (yj === y && (x - xi) * (x - xj) <= 0))) return true;
    xj = xi;
    yj = yi;
  }
  return inside;
}

/**
 * Squared distance from (x, y) to the edges of ring [s, e), in the plane (x·kx, y) (units: degrees of
 * latitude); sets lastSeg to the first vertex of the nearest edge.
 */
function ringDistSq(
  vx: Float64Array,
  vy: Float64Array,
  s: number,
  e: number,
  kx: number,
  x: number,
  y: number,
): number {
  let best = BIG;
  let bestSeg = -1;
  let j = e - 1;
  for (let i = s; i < e; j = i++) {
    const ax = vx[j] as number;
    const ay = vy[j] as number;
    const bx = vx[i] as number;
    const by = vy[i] as number;
    const ux = (bx - ax) * kx;
    const uy = by - ay;
    let wx = (x - ax) * kx;
    let wy = y - ay;
    const dot = wx * ux + wy * uy;
    if (dot > 0) {
      const len2 = ux * ux + uy * uy;
      if (dot >= len2) {
        // Computed from the vertex itself, so that a vertex shared by two grids ties exactly.
        wx = (x - bx) * kx;
        wy = y - by;
      } else {
        const t = dot / len2;
        wx -= t * ux;
        wy -= t * uy;
      }
    }
    const d = wx * wx + wy * wy;
    if (d < best) {
      best = d;
      bestSeg = j;
    }
  }
  lastSeg = bestSeg;
  return best;
}

function outerRing(row: GridGeometryRow): Ring {
  const b: unknown = typeof row.boundary === 'string' ? JSON.parse(row.boundary) : row.boundary;
  if (!Array.isArray(b) || !Array.isArray(b[0])) throw new Error(`grid ${row.id}: boundary is not a ring`);
  const ring = (Array.isArray(b[0][0]) ? b[0] : b) as Ring;
  const out: Ring = [];
  for (const pt of ring) {
    const [x, y] = pt;
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw new Error(`grid ${row.id}: a vertex is not a number`);
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (out.length < 3) throw new Error(`grid ${row.id}: a ring needs at least 3 distinct vertices`);
  return out;
}

/** Liang–Barsky: does segment a–b meet the closed rectangle [x0, x1] × [y0, y1]? */
function segmentMeetsRect(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, ax - x0) && clip(dx, x1 - ax) && clip(-dy, ay - y0) && clip(dy, y1 - ay) && t0 <= t1;
}

/** 1-D squared Euclidean distance transform of f[0..n) into out (Felzenszwalb & Huttenlocher). */
function edt1d(f: Float64Array, n: number, out: Float64Array, v: Int32Array, z: Float64Array): void {
  const sep = (q: number, r: number) =>
    ((f[q] as number) + q * q - ((f[r] as number) + r * r)) / (2 * q - 2 * r);
  let k = 0;
  v[0] = 0;
  z[0] = Number.NEGATIVE_INFINITY;
  z[1] = Number.POSITIVE_INFINITY;
  for (let q = 1; q < n; q++) {
    let s = sep(q, v[k] as number);
    while (s <= (z[k] as number)) {
      k--;
      s = sep(q, v[k] as number);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Number.POSITIVE_INFINITY;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while ((z[k + 1] as number) < q) k++;
    const r = v[k] as number;
    out[q] = (q - r) * (q - r) + (f[r] as number);
  }
}

/** Squared distance, in cells, from each cell center to the nearest cell marked 0 in `grid`. */
function edt2d(grid: Float64Array, nx: number, ny: number): Float64Array {
  const n = Math.max(nx, ny);
  const f = new Float64Array(n);
  const out = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const res = new Float64Array(grid);
  for (let x = 0; x < nx; x++) {
    for (let y = 0; y < ny; y++) f[y] = res[y * nx + x] as number;
    edt1d(f, ny, out, v, z);
    for (let y = 0; y < ny; y++) res[y * nx + x] = out[y] as number;
  }
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) f[x] = res[y * nx + x] as number;
    edt1d(f, nx, out, v, z);
    for (let x = 0; x < nx; x++) res[y * nx + x] = out[x] as number;
  }
  return res;
}

/** Builds the index from grid rows (any order; a grid with a broken boundary throws). */
export function buildGridIndex(rows: readonly GridGeometryRow[], options: GridIndexOptions = {}): GridIndex {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const n = sorted.length;
  const rings = sorted.map(outerRing);
  const ids = Float64Array.from(sorted, (r) => r.id);
  for (let i = 1; i < n; i++)
    if (ids[i] === ids[i - 1]) throw new Error(`buildGridIndex: grid ${ids[i]} appears twice`);

  const vStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) vStart[i + 1] = (vStart[i] as number) + (rings[i] as Ring).length;
  const total = vStart[n] as number;
  const vx = new Float64Array(total);
  const vy = new Float64Array(total);
  const minX = new Float64Array(n);
  const minY = new Float64Array(n);
  const maxX = new Float64Array(n);
  const maxY = new Float64Array(n);
  const cX = new Float64Array(n);
  const cY = new Float64Array(n);
  let gx0 = Infinity;
  let gy0 = Infinity;
  let gx1 = -Infinity;
  let gy1 = -Infinity;
  rings.forEach((ring, i) => {
    let a = Infinity;
    let b = Infinity;
    let c = -Infinity;
    let d = -Infinity;
    ring.forEach(([x, y], k) => {
      vx[(vStart[i] as number) + k] = x;
      vy[(vStart[i] as number) + k] = y;
      if (x < a) a = x;
      if (y < b) b = y;
      if (x > c) c = x;
      if (y > d) d = y;
    });
    minX[i] = a;
    minY[i] = b;
    maxX[i] = c;
    maxY[i] = d;
    const row = sorted[i] as GridGeometryRow;
    const hasCenter = Number.isFinite(row.center_lng) && Number.isFinite(row.center_lat);
    cX[i] = hasCenter ? (row.center_lng as number) : (a + c) / 2;
    cY[i] = hasCenter ? (row.center_lat as number) : (b + d) / 2;
    if (a < gx0) gx0 = a;
    if (b < gy0) gy0 = b;
    if (c > gx1) gx1 = c;
    if (d > gy1) gy1 = d;
  });
  if (n === 0) {
    gx0 = gy0 = 0;
    gx1 = gy1 = 1;
  }

  // Square cells in the plane x·kx, y; one cell of margin on every side.
  const kx = Math.cos(((gy0 + gy1) / 2) * RAD);
  const width = Math.max((gx1 - gx0) * kx, 1e-6);
  const height = Math.max(gy1 - gy0, 1e-6);
  const target = Math.max(16, options.targetCells ?? 65_536);
  const side = Math.sqrt((width * height) / target);
  const nx = Math.ceil(width / side) + 2;
  const ny = Math.ceil(height / side) + 2;
  const cellX = side / kx;
  const cellY = side;
  const x0 = gx0 - cellX;
  const y0 = gy0 - cellY;
  const nCells = nx * ny;
  const halfDiag = (side * Math.SQRT2) / 2 + 2 * EPS;
  // Queries measure in the plane of their own latitude, x·cos(lat): within the cells that scales the
  // index's x·kx by some r between rA and rB, so distances differ by factors between min(1, r) and max(1, r).
  const rA = Math.cos((y0 + ny * cellY) * RAD) / kx;
  const rB = Math.cos(y0 * RAD) / kx;
  const mMin = Math.min(1, rA, rB);
  const stretch = Math.max(1, rA, rB) / mMin + 1e-9; // ≥ M/m for any point of the cells

  // 1. Which grids touch which cells, and which cover a cell entirely.
  const cellOf = (v: number, origin: number, size: number, count: number) =>
    Math.min(count - 1, Math.max(0, Math.floor((v - origin) / size)));
  const pairCell: number[] = [];
  const pairItem: number[] = [];
  for (let p = 0; p < n; p++) {
    const ax = cellOf((minX[p] as number) - EPS, x0, cellX, nx);
    const bx = cellOf((maxX[p] as number) + EPS, x0, cellX, nx);
    const ay = cellOf((minY[p] as number) - EPS, y0, cellY, ny);
    const by = cellOf((maxY[p] as number) + EPS, y0, cellY, ny);
    const s = vStart[p] as number;
    const e = vStart[p + 1] as number;
    for (let cy = ay; cy <= by; cy++)
      for (let cx = ax; cx <= bx; cx++) {
        const rx0 = x0 + cx * cellX - EPS;
        const ry0 = y0 + cy * cellY - EPS;
        const rx1 = x0 + (cx + 1) * cellX + EPS;
        const ry1 = y0 + (cy + 1) * cellY + EPS;
        let meets = false;
        for (let i = s, j = e - 1; i < e && !meets; j = i++)
          meets = segmentMeetsRect(
            vx[j] as number,
            vy[j] as number,
            vx[i] as number,
            vy[i] as number,
            rx0,
            ry0,
            rx1,
            ry1,
          );
        if (meets) {
          pairCell.push(cy * nx + cx);
          pairItem.push(p);
        } else if (ringContains(vx, vy, s, e, (rx0 + rx1) / 2, (ry0 + ry1) / 2)) {
          pairCell.push(cy * nx + cx);
          pairItem.push(~p);
        }
      }
  }
  // Group by cell (grids stay ascending).
  const count = new Int32Array(nCells);
  for (const c of pairCell) count[c] = (count[c] as number) + 1;
  const slot = new Int32Array(nCells + 1);
  for (let c = 0; c < nCells; c++) slot[c + 1] = (slot[c] as number) + (count[c] as number);
  const grouped = new Int32Array(pairCell.length);
  const fill = slot.slice(0, nCells);
  for (let k = 0; k < pairCell.length; k++) {
    const c = pairCell[k] as number;
    grouped[fill[c] as number] = pairItem[k] as number;
    fill[c] = (fill[c] as number) + 1;
  }
  const pipStart = new Int32Array(nCells + 1);
  const pipList: number[] = [];
  const covered = new Uint8Array(nCells);
  for (let c = 0; c < nCells; c++) {
    pipStart[c] = pipList.length;
    for (let k = slot[c] as number; k < (slot[c + 1] as number); k++) {
      const item = grouped[k] as number;
      pipList.push(item);
      if (item < 0) covered[c] = 1;
    }
  }
  pipStart[nCells] = pipList.length;
  const pipItems = Int32Array.from(pipList);

  // 2. Nearest-grid candidates for the cells with room outside every grid.
  const marks = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) marks[c] = (count[c] as number) > 0 ? 0 : BIG;
  const edt = n > 0 ? edt2d(marks, nx, ny) : marks;
  const nearStart = new Int32Array(nCells + 1);
  const nearList: number[] = [];
  const nearLower: number[] = [];
  const stamp = new Int32Array(n).fill(-1);
  const found: { p: number; d: number }[] = [];
  let withNear = 0;
  for (let c = 0; c < nCells; c++) {
    nearStart[c] = nearList.length;
    if (covered[c] || n === 0) continue;
    const cx = c % nx;
    const cy = (c - cx) / nx;
    const px = x0 + (cx + 0.5) * cellX;
    const py = y0 + (cy + 0.5) * cellY;
    const inner = Math.sqrt(edt[c] as number); // cells
    // The winner W for a point q of this cell satisfies D(c, W) ≤ stretch·(dmin + h) + h (D in the index's
    // plane, dmin ≤ inner·side + h), and lies in a touched cell whose center is within D(c, W) + h of c.
    const outer = (stretch * (inner * side + 2 * halfDiag) + 2 * halfDiag) / side; // cells
    const reach = Math.floor(outer);
    found.length = 0;
    for (let dy = -reach; dy <= reach; dy++) {
      const y = cy + dy;
      if (y < 0 || y >= ny) continue;
      const dxOut = Math.floor(Math.sqrt(Math.max(0, outer * outer - dy * dy)));
      const innerSq = Math.max(0, inner - 1e-6) ** 2 - dy * dy; // cells nearer than `inner` are empty
      const dxIn = innerSq > 0 ? Math.ceil(Math.sqrt(innerSq)) : 0;
      for (let dx = -dxOut; dx <= dxOut; dx++) {
        if (dx > -dxIn && dx < dxIn) {
          dx = dxIn - 1;
          continue;
        }
        const x = cx + dx;
        if (x < 0 || x >= nx) continue;
        const cell = y * nx + x;
        for (let k = pipStart[cell] as number; k < (pipStart[cell + 1] as number); k++) {
          const raw = pipItems[k] as number;
          const p = raw < 0 ? ~raw : raw;
          if (stamp[p] === c) continue;
          stamp[p] = c;
          const s = vStart[p] as number;
          const e = vStart[p + 1] as number;
          const d = ringContains(vx, vy, s, e, px, py) ? 0 : Math.sqrt(ringDistSq(vx, vy, s, e, kx, px, py));
          found.push({ p, d });
        }
      }
    }
    if (found.length === 0) continue;
    let dmin = BIG;
    for (const f of found) if (f.d < dmin) dmin = f.d;
    const limit = stretch * (dmin + halfDiag) + halfDiag;
    const keep = found.filter((f) => f.d <= limit).sort((a, b) => a.d - b.d || a.p - b.p);
    for (const f of keep) {
      nearList.push(f.p);
      // A lower bound of the distance from any point of the cell, in any query's plane.
      const lower = mMin * Math.max(0, f.d - halfDiag);
      nearLower.push(lower * lower);
    }
    withNear++;
  }
  nearStart[nCells] = nearList.length;

  let coveredCells = 0;
  for (let c = 0; c < nCells; c++) coveredCells += covered[c] as number;
  return new GridIndex({
    ids,
    vStart,
    vx,
    vy,
    minX,
    minY,
    maxX,
    maxY,
    cX,
    cY,
    kx,
    x0,
    y0,
    invCellX: 1 / cellX,
    invCellY: 1 / cellY,
    nx,
    ny,
    pipStart,
    pipItems,
    nearStart,
    nearItems: Int32Array.from(nearList),
    nearLowerSq: Float64Array.from(nearLower),
    stats: {
      grids: n,
      cellsX: nx,
      cellsY: ny,
      cellM: side * DEG_M,
      coveredCells,
      meanNearCandidates: withNear > 0 ? nearList.length / withNear : 0,
    },
  });
}
