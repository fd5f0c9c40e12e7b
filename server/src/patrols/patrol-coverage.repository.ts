// The SQL of patrol coverage (巡查覆盖): the grids of the actor's scope with their last check-in and this
// week's count, and the grid workers of the scope with what they did this week. Both start from the access
// layer (scoped.grids; scoped.accounts with patrol:read).
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

export interface CoverageWindow {
  /** Check-ins before it change no answer (the earlier of the week's start and the stale window's). */
  lookback: Date;
  /** The first instant of this week (CST). */
  weekStart: Date;
  /** Only the grids of this village and the workers of its grids. */
  villageId?: number | undefined;
}

/**
 * The grids in scope and the grid workers in scope, read together: both queries are built (and the access
 * layer has checked grid:read and patrol:read) before either is sent.
 */
export function coverageRows(db: Kysely<DB>, actor: Actor, q: CoverageWindow) {
  const grids = gridCoverage(db, actor, q);
  const workers = workerWeeks(db, actor, q);
  return Promise.all([grids.execute(), workers.execute()]);
}

/**
 * The grids in scope (of one village when asked) by code, each with its village, its last check-in since
 * `lookback` and the number of check-ins since `weekStart`.
 */
function gridCoverage(db: Kysely<DB>, actor: Actor, q: CoverageWindow) {
  const grids = scoped
    .grids(db, actor)
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .leftJoin('patrol_checkin', (join) =>
      join.onRef('patrol_checkin.grid_id', '=', 'grid.id').on('patrol_checkin.at', '>=', q.lookback),
    )
    .select([
      'grid.id',
      'grid.code',
      'grid.name',
      'grid.center_lng',
      'grid.center_lat',
      'village.id as village_id',
      'village.name as village_name',
      sql<Date | null>`max(patrol_checkin.at)`.as('last_at'),
      sql<number>`count(patrol_checkin.id) filter (where patrol_checkin.at >= ${q.weekStart})`.as(
        'week_count',
      ),
    ])
    .groupBy(['grid.id', 'village.id'])
    .orderBy('grid.code');
  return q.villageId ? grids.where('village.id', '=', q.villageId) : grids;
}

/**
 * The enabled grid workers of the scope (whose grid is in one village when asked) by username, each with
 * its grid and, since `weekStart`, its check-ins, those outside its own org's subtree, its patrols and
 * their distance; and its last check-in ever.
 */
function workerWeeks(db: Kysely<DB>, actor: Actor, q: CoverageWindow) {
  const { weekStart } = q;
  const workerRows = scoped
    .accounts(db, actor, 'patrol:read')
    .leftJoin('grid', 'grid.org_id', 'account.scope_org_id')
    .select((eb) => [
      'account.id',
      'account.username',
      'account.display_name',
      'grid.id as grid_id',
      'grid.name as grid_name',
      eb
        .selectFrom('patrol_checkin as c')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('c.account_id', '=', 'account.id')
        .where('c.at', '>=', weekStart)
        .as('week_checkins'),
      eb
        .selectFrom('patrol_checkin as c')
        .innerJoin('grid as g', 'g.id', 'c.grid_id')
        .innerJoin('org as go', 'go.id', 'g.org_id')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('c.account_id', '=', 'account.id')
        .where('c.at', '>=', weekStart)
        .where(sql<boolean>`go.path not like account_org.path || '%'`)
        .as('week_outside'),
      eb
        .selectFrom('patrol as p')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('p.account_id', '=', 'account.id')
        .where('p.started_at', '>=', weekStart)
        .as('week_patrols'),
      eb
        .selectFrom('patrol as p')
        .select(sql<number>`coalesce(sum(p.distance_m), 0)`.as('m'))
        .whereRef('p.account_id', '=', 'account.id')
        .where('p.started_at', '>=', weekStart)
        .as('week_distance_m'),
      eb
        .selectFrom('patrol_checkin as c')
        .select(sql<Date | null>`max(c.at)`.as('t'))
        .whereRef('c.account_id', '=', 'account.id')
        .as('last_at'),
    ])
    .where('account.role', '=', 'grid_worker')
    .where('account.disabled', '=', false)
    .orderBy('account.username');
  return q.villageId ? workerRows.where('grid.village_org_id', '=', q.villageId) : workerRows;
}
