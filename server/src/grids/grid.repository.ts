import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

export function gridsForMap(db: Kysely<DB>, actor: Actor) {
  return scoped
    .grids(db, actor)
    .select([
      'grid.id',
      'grid.code',
      'grid.name',
      'grid.county_code',
      'grid.household_count',
      'grid.boundary',
      'grid.min_lng',
      'grid.min_lat',
      'grid.max_lng',
      'grid.max_lat',
    ])
    .orderBy('grid.code')
    .execute();
}

export function workersOf(db: Kysely<DB>, gridId: number) {
  return db
    .selectFrom('grid_worker')
    .select(['id', 'name', 'phone_masked', 'kind'])
    .where('grid_id', '=', gridId)
    .orderBy('kind')
    .orderBy('id')
    .execute();
}

export async function countGrids(db: Kysely<DB>, actor: Actor): Promise<number> {
  const row = await scoped
    .grids(db, actor)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Every grid's boundary with the village and town division it lies in: the ground of the area outlines. */
export function gridRingsByDivision(db: Kysely<DB>) {
  return db
    .selectFrom('grid')
    .innerJoin('division as village', 'village.code', 'grid.division_code')
    .innerJoin('org as village_org', 'village_org.id', 'grid.village_org_id')
    .leftJoin('division as town', 'town.code', 'village.parent_code')
    .select([
      'grid.boundary',
      'grid.county_code',
      'village.code as village_code',
      // 桥南社区, not the division's 桥南社区居委会
      'village_org.short_name as village_name',
      'town.code as town_code',
      'town.name as town_name',
    ])
    .orderBy('grid.code')
    .execute();
}

/** How many grids there are and the latest id: what the cached outlines were made from. */
export async function gridsVersion(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('grid')
    .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(max(id), 0)::int`.as('max')])
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.max}`;
}

/** The place names of a grid: its village, town and county divisions (桥南社区, 江南街道, 江海区). */
export function placeNamesOfGrid(db: Kysely<DB>, gridId: number) {
  return db
    .selectFrom('grid')
    .innerJoin('division as village', 'village.code', 'grid.division_code')
    .innerJoin('org as village_org', 'village_org.id', 'grid.village_org_id')
    .leftJoin('division as town', 'town.code', 'village.parent_code')
    .leftJoin('division as county', 'county.code', 'town.parent_code')
    .select([
      'grid.name as grid_name',
      'village_org.short_name as village_name',
      'town.name as town_name',
      'county.code as county_code',
      'county.name as county_name',
    ])
    .where('grid.id', '=', gridId)
    .executeTakeFirst();
}

/** The org a grid belongs to (its path leads to the village, town and county above). */
export function orgOfGrid(db: Kysely<DB>, orgId: number) {
  return db
    .selectFrom('org')
    .select(['id', 'code', 'name', 'kind', 'path'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}
