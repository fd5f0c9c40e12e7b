// Patrol coverage (巡查覆盖) for a town or village: which grids in scope were patrolled this week and
// which have had no check-in for N days (a setting, default 7), and what each grid worker did this week.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { cstWeekStart, PATROL_DEFAULTS } from './patrol-rules.ts';

const DAY_MS = 24 * 3600_000;

export interface CoverageQuery {
  staleDays?: number | undefined;
  villageId?: number | undefined;
}

export async function coverage(db: Kysely<DB>, actor: Actor, query: CoverageQuery = {}) {
  const settings = await readSetting(db, 'patrols', PATROL_DEFAULTS);
  const staleDays = query.staleDays ?? settings.staleDays;
  const now = new Date();
  const weekStart = cstWeekStart(now);
  const staleSince = new Date(now.getTime() - staleDays * DAY_MS);
  // check-ins older than both the week and the stale window do not change the answer
  const lookback = new Date(Math.min(weekStart.getTime(), staleSince.getTime()));

  let grids = scoped
    .grids(db, actor)
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .leftJoin('patrol_checkin', (join) =>
      join.onRef('patrol_checkin.grid_id', '=', 'grid.id').on('patrol_checkin.at', '>=', lookback),
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
      sql<number>`count(patrol_checkin.id) filter (where patrol_checkin.at >= ${weekStart})`.as('week_count'),
    ])
    .groupBy(['grid.id', 'village.id'])
    .orderBy('grid.code');
  if (query.villageId) grids = grids.where('village.id', '=', query.villageId);

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
  const workersQ = query.villageId
    ? workerRows.where('grid.village_org_id', '=', query.villageId)
    : workerRows;

  const [gridRows, workers] = await Promise.all([grids.execute(), workersQ.execute()]);
  const gridItems = gridRows.map((g) => {
    const lastAt = g.last_at ? new Date(g.last_at) : null;
    return {
      id: g.id,
      code: g.code,
      name: g.name,
      villageId: g.village_id,
      villageName: g.village_name,
      centerLng: g.center_lng,
      centerLat: g.center_lat,
      lastAt: lastAt?.toISOString() ?? null,
      weekCheckins: Number(g.week_count),
      patrolledThisWeek: Number(g.week_count) > 0,
      stale: !lastAt || lastAt < staleSince,
    };
  });
  return {
    weekStart: weekStart.toISOString(),
    staleDays,
    staleSince: staleSince.toISOString(),
    totals: {
      grids: gridItems.length,
      patrolledThisWeek: gridItems.filter((g) => g.patrolledThisWeek).length,
      stale: gridItems.filter((g) => g.stale).length,
    },
    grids: gridItems,
    workers: workers.map((w) => ({
      accountId: w.id,
      username: w.username,
      name: w.display_name,
      gridId: w.grid_id,
      gridName: w.grid_name,
      weekCheckins: Number(w.week_checkins ?? 0),
      weekOutsideOwnGrids: Number(w.week_outside ?? 0),
      weekPatrols: Number(w.week_patrols ?? 0),
      weekDistanceM: Math.round(Number(w.week_distance_m ?? 0)),
      lastAt: w.last_at ? new Date(w.last_at).toISOString() : null,
    })),
  };
}
