import type { Actor } from '../platform/access/actor.ts';
import { chainOf, verifyGrid } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import { countyOutlines } from './county-outlines.ts';
import * as repo from './grid.repository.ts';

/** Jiangmen's extent, for a scope with no grids. */
const CITY_BBOX: [number, number, number, number] = [111.99, 21.45, 113.26, 22.86];

export async function mapGrids(db: Db, actor: Actor) {
  const rows = await repo.gridsForMap(db, actor);
  let bbox: [number, number, number, number] = [180, 90, -180, -90];
  for (const r of rows) {
    bbox = [
      Math.min(bbox[0], r.min_lng),
      Math.min(bbox[1], r.min_lat),
      Math.max(bbox[2], r.max_lng),
      Math.max(bbox[3], r.max_lat),
    ];
  }
  return {
    bbox: rows.length ? bbox : CITY_BBOX,
    grids: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      countyCode: r.county_code,
      households: r.household_count,
      boundary: r.boundary,
    })),
  };
}

export function mapCounties(actor: Actor) {
  return {
    type: 'FeatureCollection' as const,
    features: countyOutlines().map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        inScope: actor.scopeCountyCode === null || actor.scopeCountyCode === f.id,
      },
    })),
  };
}

export async function gridDetail(db: Db, actor: Actor, id: number) {
  const grid = await verifyGrid(db, actor, id);
  const gridOrg = await repo.orgOfGrid(db, grid.org_id);
  if (!gridOrg) throw errors.outOfScope('grid', id);
  const above = await chainOf(db, gridOrg.path);
  const at = (level: string) => {
    const o = above.find((a) => a.level === level);
    return o ? { id: o.id, code: o.code, name: o.name } : null;
  };
  const workers = await repo.workersOf(db, grid.id);
  return {
    grid: {
      id: grid.id,
      code: grid.code,
      name: grid.name,
      householdCount: grid.household_count,
      residentCount: grid.resident_count,
      countyCode: grid.county_code,
      center: [grid.center_lng, grid.center_lat],
    },
    org: { id: gridOrg.id, code: gridOrg.code, name: gridOrg.name, kind: gridOrg.kind },
    village: at('village'),
    town: at('town'),
    county: at('county'),
    workers: workers.map((w) => ({ id: w.id, name: w.name, phoneMasked: w.phone_masked, kind: w.kind })),
  };
}
