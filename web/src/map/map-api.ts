// The map's data, fetchable before the map chunk (with ECharts) has arrived: the route starts
// both downloads at once, which takes the chunk's download off the time to an interactive map.
import { api } from '../api/client.ts';
import type { CountyCollection, MapGrids } from '../api/types.ts';

export interface MapPayload {
  counties: CountyCollection;
  grids: MapGrids;
}

let pending: Promise<MapPayload> | null = null;

function load(): Promise<MapPayload> {
  return Promise.all([
    api.get<CountyCollection>('/api/map/counties'),
    api.get<MapGrids>('/api/map/grids'),
  ]).then(([counties, grids]) => ({ counties, grids }));
}

export function prefetchMapPayload(): void {
  if (pending) return;
  pending = load();
  pending.catch(() => {
    // the page reports it when it takes the promise
  });
}

/** The prefetched answer if one is on its way, else a fresh request. */
export function takeMapPayload(): Promise<MapPayload> {
  const answer = pending ?? load();
  pending = null;
  return answer;
}
