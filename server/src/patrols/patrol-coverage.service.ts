// Patrol coverage (巡查覆盖) for a town or village: which grids in scope were patrolled this week and
// which have had no check-in for N days (a setting, default 7), and what each grid worker did this week.
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { readSetting } from '../platform/settings/settings.ts';
import * as repo from './patrol-coverage.repository.ts';
import { cstWeekStart, PATROL_DEFAULTS } from './patrol-rules.ts';

const DAY_MS = 24 * 3600_000;

export interface CoverageQuery {
  staleDays?: number | undefined;
  villageId?: number | undefined;
}

export async function coverage(db: Db, actor: Actor, query: CoverageQuery = {}) {
  const settings = await readSetting(db, 'patrols', PATROL_DEFAULTS);
  const staleDays = query.staleDays ?? settings.staleDays;
  const now = new Date();
  const weekStart = cstWeekStart(now);
  const staleSince = new Date(now.getTime() - staleDays * DAY_MS);
  // check-ins older than both the week and the stale window do not change the answer
  const lookback = new Date(Math.min(weekStart.getTime(), staleSince.getTime()));

  const [gridRows, workers] = await repo.coverageRows(db, actor, {
    lookback,
    weekStart,
    villageId: query.villageId,
  });
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
