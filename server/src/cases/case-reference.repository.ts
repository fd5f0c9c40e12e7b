// SQL of the case loop's reference data (case-reference.ts keeps it in memory): the active categories, the
// working calendar's days, the departments, and every grid with its village and town. Reference data of
// the whole city, no personal data: read once per database, never filtered by a user's scope.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** The active categories in catalog order. */
export function activeCategories(db: Kysely<DB>) {
  return db
    .selectFrom('case_category')
    .selectAll()
    .where('active', '=', true)
    .orderBy('sort_order')
    .execute();
}

/** The days the working calendar sets apart from the defaults (holidays, working weekends). */
export function calendarDays(db: Kysely<DB>) {
  return db.selectFrom('work_calendar_day').select(['date', 'kind', 'name']).orderBy('date').execute();
}

/** Every department of every county. */
export function allDepartments(db: Kysely<DB>) {
  return db
    .selectFrom('department')
    .select(['id', 'code', 'name', 'kind', 'county_code'])
    .orderBy('id')
    .execute();
}

/** Every grid with its outline, its village and the village's parent (a town, or the county for a 社区 of a 街道-less county). */
export function gridsWithPlaces(db: Kysely<DB>) {
  return db
    .selectFrom('grid')
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .leftJoin('org as town', 'town.id', 'village.parent_id')
    .select([
      'grid.id',
      'grid.code',
      'grid.name',
      'grid.org_id',
      'grid.village_org_id',
      'grid.county_code',
      'grid.boundary',
      'grid.center_lng',
      'grid.center_lat',
      'grid.min_lng',
      'grid.min_lat',
      'grid.max_lng',
      'grid.max_lat',
      'village.name as village_name',
      'town.id as town_id',
      'town.name as town_name',
      'town.level as town_level',
    ])
    .execute();
}
