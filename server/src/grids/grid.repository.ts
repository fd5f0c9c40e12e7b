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
