import type { CountyCollection, MapGrid } from '../api/types.ts';

/** Seven colours that stay apart from each other and from the party red of the interface. */
const COUNTY_COLORS = ['#f08a24', '#3b82c4', '#3aa35b', '#8e6cc4', '#d4a21a', '#17a2b8', '#e0609a'];

export const GRID_PREFIX = 'g:';
export const COUNTY_PREFIX = 'c:';

export interface CountyInfo {
  code: string;
  name: string;
  color: string;
  inScope: boolean;
  gridCount: number;
}

export function countyInfo(counties: CountyCollection, grids: MapGrid[]): CountyInfo[] {
  const counts = new Map<string, number>();
  for (const g of grids) counts.set(g.countyCode, (counts.get(g.countyCode) ?? 0) + 1);
  return [...counties.features]
    .sort((a, b) => a.properties.code.localeCompare(b.properties.code))
    .map((f, i) => ({
      code: f.properties.code,
      name: f.properties.name,
      color: COUNTY_COLORS[i % COUNTY_COLORS.length] ?? '#999',
      inScope: f.properties.inScope,
      gridCount: counts.get(f.properties.code) ?? 0,
    }));
}

/**
 * One GeoJSON for the geo component: the county outlines first (background), then every grid on
 * top. Drawing both in one geo keeps zoom and pan a cheap transform, even with all 2,954 grids.
 */
export function combinedGeoJson(counties: CountyCollection, grids: MapGrid[]) {
  return {
    type: 'FeatureCollection',
    features: [
      ...counties.features.map((f) => ({
        type: 'Feature',
        properties: { name: COUNTY_PREFIX + f.properties.code },
        geometry: f.geometry,
      })),
      ...grids.map((g) => ({
        type: 'Feature',
        properties: { name: GRID_PREFIX + g.code },
        geometry: { type: 'Polygon', coordinates: g.boundary },
      })),
    ],
  };
}

/** The scope's extent with a margin, as geo.boundingCoords ([left-top, right-bottom]). */
export function boundingCoords(bbox: [number, number, number, number]): [[number, number], [number, number]] {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const padLng = Math.max((maxLng - minLng) * 0.06, 0.002);
  const padLat = Math.max((maxLat - minLat) * 0.06, 0.002);
  return [
    [minLng - padLng, maxLat + padLat],
    [maxLng + padLng, minLat - padLat],
  ];
}

export function ringCenter(ring: [number, number][] | undefined): [number, number] | null {
  if (!ring || ring.length === 0) return null;
  let lng = 0;
  let lat = 0;
  for (const [x, y] of ring) {
    lng += x;
    lat += y;
  }
  return [lng / ring.length, lat / ring.length];
}
