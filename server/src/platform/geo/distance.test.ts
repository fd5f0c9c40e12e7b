import { describe, expect, it } from 'vitest';
import {
  closestPointOnSegment,
  equirectangularM,
  haversineM,
  METERS_PER_DEGREE,
  pointToSegmentM,
} from './distance.ts';

describe('haversineM', () => {
  it('one degree of latitude, and of longitude on the equator, is ~111.2 km', () => {
    expect(haversineM(113, 22, 113, 23)).toBeCloseTo(METERS_PER_DEGREE, 3);
    expect(haversineM(0, 0, 1, 0)).toBeCloseTo(111_195.08, 1);
  });

  it('one degree of longitude at 22.5°N is cos(22.5°) of that', () => {
    expect(haversineM(113, 22.5, 114, 22.5)).toBeCloseTo(
      METERS_PER_DEGREE * Math.cos((22.5 * Math.PI) / 180),
      -1,
    );
  });

  it('Beijing to Guangzhou is ~1,890 km; zero for the same point; symmetric', () => {
    const d = haversineM(116.4074, 39.9042, 113.2644, 23.1291);
    expect(d).toBeGreaterThan(1_880_000);
    expect(d).toBeLessThan(1_900_000);
    expect(haversineM(116.4074, 39.9042, 116.4074, 39.9042)).toBe(0);
    expect(haversineM(113.2644, 23.1291, 116.4074, 39.9042)).toBeCloseTo(d, 6);
  });
});

describe('equirectangularM', () => {
  it('agrees with haversine within 1 mm over a few kilometers in Jiangmen', () => {
    const pairs: [number, number, number, number][] = [
      [113.08, 22.58, 113.11, 22.6],
      [112.79, 22.25, 112.79, 22.3],
      [112.5, 22.0, 112.53, 22.0],
    ];
    for (const [a, b, c, d] of pairs)
      expect(Math.abs(equirectangularM(a, b, c, d) - haversineM(a, b, c, d))).toBeLessThan(1e-3);
  });

  it('within 0.1% at 50 km', () => {
    const h = haversineM(112.6, 22.2, 113.05, 22.4);
    expect(Math.abs(equirectangularM(112.6, 22.2, 113.05, 22.4) - h) / h).toBeLessThan(1e-3);
  });
});

describe('pointToSegmentM', () => {
  it('perpendicular foot inside the segment', () => {
    // Segment along the parallel 22.5°N; the point 0.001° north of its middle: 111.2 m.
    expect(pointToSegmentM(113.05, 22.501, 113.0, 22.5, 113.1, 22.5)).toBeCloseTo(111.195, 2);
    expect(closestPointOnSegment(113.05, 22.501, 113.0, 22.5, 113.1, 22.5)[0]).toBeCloseTo(113.05, 12);
  });

  it('beyond an end: the distance to that end', () => {
    expect(pointToSegmentM(113.2, 22.5, 113.0, 22.5, 113.1, 22.5)).toBeCloseTo(
      haversineM(113.2, 22.5, 113.1, 22.5),
      2,
    );
    expect(pointToSegmentM(112.9, 22.4, 113.0, 22.5, 113.1, 22.5)).toBeCloseTo(
      haversineM(112.9, 22.4, 113.0, 22.5),
      1,
    );
  });

  it('zero on the segment; a degenerate segment is a point', () => {
    expect(pointToSegmentM(113.05, 22.5, 113.0, 22.5, 113.1, 22.5)).toBe(0);
    expect(pointToSegmentM(113.0, 22.501, 113.0, 22.5, 113.0, 22.5)).toBeCloseTo(111.195, 2);
  });
});
