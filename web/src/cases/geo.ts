// The background of the case maps: the scope's county outlines and grids (WGS-84) when the account
// may read them, else a plain frame around Jiangmen.
import { api } from '../api/client.ts';
import type { CountyCollection, MapGrids } from '../api/types.ts';
import { echarts } from './echarts.ts';

const JIANGMEN_BBOX: [number, number, number, number] = [111.9, 21.45, 113.3, 22.9];
const CASE_MAP = 'qj-case-scope';

export interface CaseGeo {
  /** Registered under `map` when outlines could be read. */
  registered: boolean;
  bbox: [number, number, number, number];
  map: string;
  /** How towns, villages and the scope's grids are drawn (ECharts geo.regions). */
  regions: { name: string; itemStyle: Record<string, unknown> }[];
}

export interface AreaOutline {
  code: string;
  name: string;
  countyCode: string;
  center: [number, number];
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** The name shown for a region of CASE_MAP: the towns' names (江南街道), nothing for counties and grids. */
const areaNames = new Map<string, string>();

const pending = new Map<boolean, Promise<CaseGeo>>();

/**
 * The county outlines, the town outlines with their names (so that a resident picking a point sees
 * where it is) and — for an account with a small scope — its grids; the frame is the scope's grids.
 */
export function loadCaseGeo(withGrids: boolean): Promise<CaseGeo> {
  const cached = pending.get(withGrids);
  if (cached) return cached;
  const loading = (async () => {
    try {
      const [counties, towns, grids] = await Promise.all([
        api.get<CountyCollection>('/api/map/counties'),
        api.get<{ towns: AreaOutline[] }>('/api/map/towns').catch(() => ({ towns: [] })),
        withGrids ? api.get<MapGrids>('/api/map/grids').catch(() => null) : Promise.resolve(null),
      ]);
      for (const t of towns.towns) areaNames.set(`t:${t.code}`, t.name);
      // a small scope (a grid worker's, a village's): the villages of its town too, named
      const small = grids && grids.grids.length > 0 && grids.grids.length <= 60;
      const townCode = small ? (grids?.grids[0]?.code.slice(0, 9) ?? '') : '';
      const villages = small
        ? ((
            await api
              .get<{ villages: AreaOutline[] }>('/api/map/villages', { town: townCode })
              .catch(() => null)
          )?.villages ?? [])
        : [];
      for (const v of villages) areaNames.set(`v:${v.code}`, v.name);
      const features = [
        ...counties.features.map((f) => ({
          type: 'Feature',
          properties: { name: `c:${f.properties.code}`, inScope: f.properties.inScope },
          geometry: f.geometry,
        })),
        ...towns.towns.map((t) => ({
          type: 'Feature',
          properties: { name: `t:${t.code}` },
          geometry: t.geometry,
        })),
        ...villages.map((v) => ({
          type: 'Feature',
          properties: { name: `v:${v.code}` },
          geometry: v.geometry,
        })),
        ...(grids && grids.grids.length <= 400
          ? grids.grids.map((g) => ({
              type: 'Feature',
              properties: { name: `g:${g.code}` },
              geometry: { type: 'Polygon', coordinates: g.boundary },
            }))
          : []),
      ];
      const name = withGrids ? `${CASE_MAP}-grids` : CASE_MAP;
      // an area without an outline (a grid not yet drawn) is left out: ECharts reads every ring it is given
      const drawn = features.filter((f) => {
        const g = f.geometry as { coordinates?: unknown } | null | undefined;
        return Array.isArray(g?.coordinates) && g.coordinates.length > 0;
      });
      echarts.registerMap(name, { type: 'FeatureCollection', features: drawn } as never);
      const regions = [
        ...towns.towns.map((t) => ({
          name: `t:${t.code}`,
          itemStyle: { areaColor: 'rgba(0,0,0,0)', borderColor: '#8c7b6b', borderWidth: 1.4 },
        })),
        ...villages.map((v) => ({
          name: `v:${v.code}`,
          itemStyle: {
            areaColor: 'rgba(0,0,0,0)',
            borderColor: '#b9a999',
            borderWidth: 0.8,
            borderType: 'dashed',
          },
        })),
        ...(small
          ? (grids?.grids ?? []).map((g) => ({
              name: `g:${g.code}`,
              itemStyle: { areaColor: 'rgba(200,22,29,0.12)', borderColor: '#c8161d', borderWidth: 1.2 },
            }))
          : []),
      ];
      return { registered: true, bbox: grids?.bbox ?? JIANGMEN_BBOX, map: name, regions };
    } catch {
      return { registered: false, bbox: JIANGMEN_BBOX, map: CASE_MAP, regions: [] };
    }
  })();
  pending.set(withGrids, loading);
  return loading;
}

/** The label of a region: town names only. */
export const areaLabel = (p: { name: string }) => areaNames.get(p.name) ?? '';

export function boundingCoords(bbox: [number, number, number, number]): [[number, number], [number, number]] {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const padLng = Math.max((maxLng - minLng) * 0.08, 0.004);
  const padLat = Math.max((maxLat - minLat) * 0.08, 0.004);
  return [
    [minLng - padLng, maxLat + padLat],
    [maxLng + padLng, minLat - padLat],
  ];
}
