// Response schemas of patrol.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.ts';

export const CheckinView = Type.Object({
  id: Type.Number(),
  lng: Type.Number(),
  lat: Type.Number(),
  at: Type.String(),
  receivedAt: Type.String(),
  gridId: Nullable(Type.Number()),
  gridCode: Nullable(Type.String()),
  gridName: Nullable(Type.String()),
  outsideOwnGrids: Type.Boolean(),
});

export const PatrolView = Type.Object({
  id: Type.Number(),
  startedAt: Type.String(),
  endedAt: Nullable(Type.String()),
  distanceM: Type.Number(),
  durationS: Type.Number(),
  checkinCount: Type.Number(),
  note: Type.String(),
  checkins: Type.Array(CheckinView),
});

/** POST /api/patrols */
export const postPatrols = Type.Object({
  patrol: PatrolView,
});

/** POST /api/patrols/checkins */
export const postPatrolsCheckins = Type.Object({
  checkin: CheckinView,
  patrolId: Nullable(Type.Number()),
  nearestGrid: Type.Boolean(),
});

/** POST /api/patrols/end */
export const postPatrolsEnd = Type.Object({
  patrol: PatrolView,
  ended: Type.Boolean(),
});

/** GET /api/patrols/mine */
export const getPatrolsMine = Type.Object({
  date: Type.String(),
  open: Nullable(PatrolView),
  patrols: Type.Array(PatrolView),
  checkins: Type.Array(CheckinView),
  ownGridIds: Type.Array(Type.Number()),
});

/** GET /api/patrols/coverage */
export const getPatrolsCoverage = Type.Object({
  weekStart: Type.String(),
  staleDays: Type.Number(),
  staleSince: Type.String(),
  totals: Type.Object({
    grids: Type.Number(),
    patrolledThisWeek: Type.Number(),
    stale: Type.Number(),
  }),
  grids: Type.Array(
    Type.Object({
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
      villageId: Type.Number(),
      villageName: Type.String(),
      centerLng: Type.Number(),
      centerLat: Type.Number(),
      lastAt: Nullable(Type.String()),
      weekCheckins: Type.Number(),
      patrolledThisWeek: Type.Boolean(),
      stale: Type.Boolean(),
    }),
  ),
  workers: Type.Array(
    Type.Object({
      accountId: Type.Number(),
      username: Type.String(),
      name: Type.String(),
      gridId: Nullable(Type.Number()),
      gridName: Nullable(Type.String()),
      weekCheckins: Type.Number(),
      weekOutsideOwnGrids: Type.Number(),
      weekPatrols: Type.Number(),
      weekDistanceM: Type.Number(),
      lastAt: Nullable(Type.String()),
    }),
  ),
});
