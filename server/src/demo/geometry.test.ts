import { describe, expect, it } from 'vitest';
import {
  countyGridShapes,
  countyOutlines,
  type GridShape,
  MAX_GRID_VERTICES,
  pointInMultiPolygon,
  pointInRing,
  ringArea,
  simplifyRing,
} from './geometry.ts';
import { cityPlan, TOTAL_GRIDS } from './plan.ts';
import { createRng } from './random.ts';

const SEED = 4407;

describe('county outlines', () => {
  it('has the seven counties, 台山市 with its islands', () => {
    const o = countyOutlines();
    expect([...o.keys()].sort()).toEqual([
      '440703',
      '440704',
      '440705',
      '440781',
      '440783',
      '440784',
      '440785',
    ]);
    expect(o.get('440781')?.length).toBeGreaterThan(10);
    expect(o.get('440704')?.length).toBe(1);
  });
});

describe('simplifyRing', () => {
  it('keeps a closed ring within the vertex budget', () => {
    const rng = createRng(1);
    const ring: [number, number][] = Array.from({ length: 200 }, (_, i) => {
      const a = (i / 200) * 2 * Math.PI;
      const r = 1 + rng.float(-0.05, 0.05);
      return [r * Math.cos(a), r * Math.sin(a)];
    });
    ring.push(ring[0] as [number, number]);
    const s = simplifyRing(ring, 15);
    expect(s.length).toBe(16);
    expect(s[0]).toEqual(s[s.length - 1]);
    expect(Math.abs(ringArea(s))).toBeGreaterThan(2.5);
  });
});

describe('grid shapes for the whole city', () => {
  const plan = cityPlan(SEED);
  const outlines = countyOutlines();
  const shapes = new Map<string, GridShape[]>();
  for (const c of plan) {
    const byVillage = countyGridShapes(
      {
        code: c.division.code,
        towns: c.towns.map((t) => ({
          code: t.division.code,
          villages: t.villages.map((v) => ({ code: v.division.code, grids: v.grids.length })),
        })),
      },
      SEED,
    );
    shapes.set(c.division.code, [...byVillage.values()].flat());
  }

  it('makes 2,954 grids, split over the counties', () => {
    const perCounty = Object.fromEntries([...shapes].map(([k, v]) => [k, v.length]));
    expect(perCounty).toEqual({
      '440703': 442,
      '440704': 168,
      '440705': 507,
      '440781': 656,
      '440783': 539,
      '440784': 307,
      '440785': 335,
    });
    expect(Object.values(perCounty).reduce((a, b) => a + b, 0)).toBe(TOTAL_GRIDS);
  });

  it('puts every center inside its ring and inside its county outline', () => {
    for (const [county, list] of shapes) {
      const outline = outlines.get(county);
      if (!outline) throw new Error(county);
      for (const s of list) {
        expect(pointInMultiPolygon(s.center, outline)).toBe(true);
        expect(pointInRing(s.center, s.ring)).toBe(true);
      }
    }
  });

  it('stores small closed counter-clockwise rings with 5 decimals', () => {
    let json = 0;
    for (const list of shapes.values())
      for (const s of list) {
        expect(s.ring.length).toBeGreaterThanOrEqual(4);
        expect(s.ring.length).toBeLessThanOrEqual(MAX_GRID_VERTICES);
        expect(s.ring[0]).toEqual(s.ring[s.ring.length - 1]);
        expect(ringArea(s.ring)).toBeGreaterThan(0);
        for (const [x, y] of s.ring) {
          expect(Math.round(x * 1e5) / 1e5).toBe(x);
          expect(Math.round(y * 1e5) / 1e5).toBe(y);
        }
        expect(s.bbox.minLng).toBeLessThanOrEqual(s.center[0]);
        expect(s.bbox.maxLat).toBeGreaterThanOrEqual(s.center[1]);
        json += JSON.stringify([s.ring]).length;
      }
    expect(json).toBeLessThan(900_000);
  });

  it('is the same for the same seed', () => {
    const c = plan.find((x) => x.division.code === '440704');
    if (!c) throw new Error('440704');
    const again = countyGridShapes(
      {
        code: '440704',
        towns: c.towns.map((t) => ({
          code: t.division.code,
          villages: t.villages.map((v) => ({ code: v.division.code, grids: v.grids.length })),
        })),
      },
      SEED,
    );
    expect([...again.values()].flat()).toEqual(shapes.get('440704'));
  });
});
