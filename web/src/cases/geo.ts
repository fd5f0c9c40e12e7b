// The background of the case maps: the scope's county outlines and grids (WGS-84) when the account
// may read them, else a plain frame around Jiangmen.
import { api } from '../api/client.ts';
import type { CountyCollection, MapGrids } from '../api/types.ts';
import { echarts } from './echarts.ts';

export const JIANGMEN_BBOX: [number, number, number, number] = [111.9, 21.45, 113.3, 22.9];
export const CASE_MAP = 'qj-case-scope';

export interface CaseGeo {
  /** Registered as CASE_MAP when outlines could be read. */
  registered: boolean;
  bbox: [number, number, number, number];
}

let pending: Promise<CaseGeo> | null = null;

export function loadCaseGeo(withGrids: boolean): Promise<CaseGeo> {
  pending ??= (async () => {
    try {
      const counties = await api.get<CountyCollection>('/api/map/counties');
      let grids: MapGrids | null = null;
      if (withGrids) grids = await api.get<MapGrids>('/api/map/grids').catch(() => null);
      const features = [
        ...counties.features.map((f) => ({
          type: 'Feature',
          properties: { name: `c:${f.properties.code}`, inScope: f.properties.inScope },
          geometry: f.geometry,
        })),
        ...(grids && grids.grids.length <= 400
          ? grids.grids.map((g) => ({
              type: 'Feature',
              properties: { name: `g:${g.code}` },
              geometry: { type: 'Polygon', coordinates: g.boundary },
            }))
          : []),
      ];
      echarts.registerMap(CASE_MAP, { type: 'FeatureCollection', features } as never);
      return { registered: true, bbox: grids?.bbox ?? JIANGMEN_BBOX };
    } catch {
      return { registered: false, bbox: JIANGMEN_BBOX };
    }
  })();
  return pending;
}

export function boundingCoords(bbox: [number, number, number, number]): [[number, number], [number, number]] {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const padLng = Math.max((maxLng - minLng) * 0.08, 0.004);
  const padLat = Math.max((maxLat - minLat) * 0.08, 0.004);
  return [
    [minLng - padLng, maxLat + padLat],
    [maxLng + padLng, minLat - padLat],
  ];
}
