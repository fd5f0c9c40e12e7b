import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random.ts';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  COORD_SYSTEMS,
  fromWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  isInChina,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './coords.ts';
import { haversineM } from './distance.ts';

// Published pairs of the widely used coordtransform library (wandergis/coordtransform, test/app.js),
// for the point (116.404, 39.915) in Beijing. Its GCJ→WGS and BD→GCJ are one-step approximations,
// so ours (iterated to the exact inverse) agree with them to about a meter, not to the last digit.
const BEIJING: [number, number] = [116.404, 39.915];

describe('published pairs', () => {
  it('WGS-84 → GCJ-02 and GCJ-02 → BD-09 match exactly (both are definitions)', () => {
    const g = wgs84ToGcj02(...BEIJING);
    expect(g[0]).toBeCloseTo(116.41024449916938, 12);
    expect(g[1]).toBeCloseTo(39.91640428150164, 12);
    const b = gcj02ToBd09(...BEIJING);
    expect(b[0]).toBeCloseTo(116.41036949371029, 12);
    expect(b[1]).toBeCloseTo(39.92133699351021, 12);
  });

  it('GCJ-02 → WGS-84 and BD-09 → GCJ-02 agree with the one-step values within a few meters', () => {
    const w = gcj02ToWgs84(...BEIJING);
    expect(haversineM(w[0], w[1], 116.39775550083061, 39.91359571849836)).toBeLessThan(5);
    const g = bd09ToGcj02(...BEIJING);
    expect(haversineM(g[0], g[1], 116.39762729119315, 39.90865673957631)).toBeLessThan(2);
  });

  it('the inverses are exact: going forward again gives the input within 1e-9 degrees', () => {
    const w = gcj02ToWgs84(...BEIJING);
    const back = wgs84ToGcj02(...w);
    expect(Math.abs(back[0] - BEIJING[0])).toBeLessThan(1e-9);
    expect(Math.abs(back[1] - BEIJING[1])).toBeLessThan(1e-9);
    const g = bd09ToGcj02(...BEIJING);
    const b = gcj02ToBd09(...g);
    expect(Math.abs(b[0] - BEIJING[0])).toBeLessThan(1e-9);
    expect(Math.abs(b[1] - BEIJING[1])).toBeLessThan(1e-9);
  });
});

describe('offsets in Guangdong', () => {
  const places: Record<string, [number, number]> = {
    Guangzhou: [113.2644, 23.1291],
    Jiangmen: [113.0819, 22.5787],
    Taishan: [112.7939, 22.2515],
    Beijing: BEIJING,
  };
  for (const [name, [lng, lat]] of Object.entries(places)) {
    it(`${name}: the GCJ-02 offset is 100–700 m, BD-09 adds a few hundred meters more`, () => {
      const g = wgs84ToGcj02(lng, lat);
      const offset = haversineM(lng, lat, g[0], g[1]);
      expect(offset).toBeGreaterThan(100);
      expect(offset).toBeLessThan(700);
      const b = wgs84ToBd09(lng, lat);
      expect(haversineM(g[0], g[1], b[0], b[1])).toBeGreaterThan(300);
      expect(haversineM(g[0], g[1], b[0], b[1])).toBeLessThan(1500);
    });
  }
});

describe('round trips', () => {
  it('every system, 2,000 random points over China: error < 1 cm (required: < 1 m)', () => {
    const random = mulberry32(8);
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      const lng = 75 + random() * 59;
      const lat = 18 + random() * 35;
      for (const system of COORD_SYSTEMS) {
        const [x, y] = fromWgs84(lng, lat, system);
        const [bx, by] = toWgs84(x, y, system);
        worst = Math.max(worst, haversineM(lng, lat, bx, by));
      }
    }
    expect(worst).toBeLessThan(0.01);
  });

  it('BD-09 → WGS-84 is BD-09 → GCJ-02 → WGS-84', () => {
    const b = wgs84ToBd09(113.0819, 22.5787);
    const w = bd09ToWgs84(b[0], b[1]);
    expect(haversineM(w[0], w[1], 113.0819, 22.5787)).toBeLessThan(0.01);
    expect(toWgs84(b[0], b[1], 'bd09')).toEqual(w);
  });

  it('WGS-84 and CGCS2000 pass through unchanged', () => {
    expect(toWgs84(113.0819, 22.5787, 'wgs84')).toEqual([113.0819, 22.5787]);
    expect(toWgs84(113.0819, 22.5787, 'cgcs2000')).toEqual([113.0819, 22.5787]);
  });
});

describe('isInChina', () => {
  it('Jiangmen, 上川岛 and Ürümqi are inside; Tokyo, Paris and points beyond the box are not', () => {
    expect(isInChina(113.0819, 22.5787)).toBe(true);
    expect(isInChina(112.79, 21.6)).toBe(true); // 上川岛
    expect(isInChina(87.6, 43.8)).toBe(true); // Ürümqi
    expect(isInChina(139.69, 35.69)).toBe(false); // Tokyo
    expect(isInChina(2.35, 48.85)).toBe(false); // Paris
    expect(isInChina(113, 60)).toBe(false);
    expect(isInChina(113, 2)).toBe(false);
    expect(isInChina(Number.NaN, 22)).toBe(false);
  });

  it('outside China no GCJ-02 offset is applied', () => {
    expect(wgs84ToGcj02(139.69, 35.69)).toEqual([139.69, 35.69]);
    expect(gcj02ToWgs84(139.69, 35.69)).toEqual([139.69, 35.69]);
  });
});
