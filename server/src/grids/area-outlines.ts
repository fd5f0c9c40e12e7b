// Town and village outlines: each the union of the boundaries of its grids (polygon-clipping), so the
// maps of a resident, a town and a grid worker show the places a point lies in — public geography,
// no people. Made once per process and remade when the grids change (count and latest id).
import polygonClipping, { type MultiPolygon } from 'polygon-clipping';
import type { Db } from '../platform/db/handle.ts';
import * as repo from './grid.repository.ts';

export interface AreaOutline {
  code: string;
  name: string;
  countyCode: string;
  /** the division above: the town of a village, the county of a town */
  parentCode: string;
  center: [number, number];
  geometry: { type: 'MultiPolygon'; coordinates: MultiPolygon };
}

interface Outlines {
  version: string;
  towns: AreaOutline[];
  villagesByTown: Map<string, AreaOutline[]>;
}

let cached: Promise<Outlines> | null = null;
let cachedVersion: string | null = null;

const round = (v: number) => Math.round(v * 1e5) / 1e5;

function outline(
  code: string,
  name: string,
  countyCode: string,
  parentCode: string,
  rings: [number, number][][],
): AreaOutline {
  // grids share their edges exactly; rounding to ~1 m keeps the union from leaving slivers
  const polygons = rings.map((ring) => [ring.map(([x, y]) => [round(x), round(y)] as [number, number])]);
  const [first, ...rest] = polygons;
  const union = first ? polygonClipping.union(first, ...rest) : [];
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (const ring of rings)
    for (const [x, y] of ring) {
      sx += x;
      sy += y;
      n++;
    }
  return {
    code,
    name,
    countyCode,
    parentCode,
    center: n ? [round(sx / n), round(sy / n)] : [0, 0],
    geometry: { type: 'MultiPolygon', coordinates: union },
  };
}

async function build(db: Db, version: string): Promise<Outlines> {
  const rows = await repo.gridRingsByDivision(db);
  const villages = new Map<
    string,
    { name: string; county: string; town: string; rings: [number, number][][] }
  >();
  const towns = new Map<string, { name: string; county: string; rings: [number, number][][] }>();
  for (const r of rows) {
    const ring = (r.boundary as [number, number][][])[0];
    if (!ring || ring.length < 4) continue;
    const v = villages.get(r.village_code) ?? {
      name: r.village_name,
      county: r.county_code,
      town: r.town_code ?? r.county_code,
      rings: [],
    };
    v.rings.push(ring);
    villages.set(r.village_code, v);
    if (r.town_code) {
      const t = towns.get(r.town_code) ?? { name: r.town_name ?? '', county: r.county_code, rings: [] };
      t.rings.push(ring);
      towns.set(r.town_code, t);
    }
  }
  const villagesByTown = new Map<string, AreaOutline[]>();
  for (const [code, v] of villages) {
    const list = villagesByTown.get(v.town) ?? [];
    list.push(outline(code, v.name, v.county, v.town, v.rings));
    villagesByTown.set(v.town, list);
  }
  return {
    version,
    towns: [...towns].map(([code, t]) => outline(code, t.name, t.county, t.county, t.rings)),
    villagesByTown,
  };
}

async function outlines(db: Db): Promise<Outlines> {
  const version = await repo.gridsVersion(db);
  if (!cached || cachedVersion !== version) {
    cachedVersion = version;
    cached = build(db, version).catch((error: unknown) => {
      cached = null;
      throw error;
    });
  }
  return cached;
}

/** Every town's outline with its name (江南街道) and county. */
export async function townOutlines(db: Db): Promise<AreaOutline[]> {
  return (await outlines(db)).towns;
}

/** The village outlines of one town (empty for an unknown town). */
export async function villageOutlines(db: Db, townCode: string): Promise<AreaOutline[]> {
  return (await outlines(db)).villagesByTown.get(townCode) ?? [];
}
