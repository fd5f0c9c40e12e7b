// A grid worker's patrol (巡查): start, check in at a point, end; and "my patrols" of a day. Every
// write is idempotent per the phone's clientRequestId, so a step made offline and sent again (or
// twice at once) is stored once. Points are located like a case (converted to WGS-84, point → grid
// with the in-memory index) and flagged when they fall outside the worker's own grids.

import { locate } from '../cases/case-intake.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import type { CoordSystem } from '../platform/geo/coords.ts';
import type { Write } from '../platform/http/route.ts';
import * as repo from './patrol.repository.ts';
import { checkClientTime, cstDate, cstDayBounds, patrolErrors, routeDistanceM } from './patrol-rules.ts';
import type { PatrolRow } from './patrol-tables.ts';

export interface CheckinView {
  id: number;
  lng: number;
  lat: number;
  at: string;
  receivedAt: string;
  gridId: number | null;
  gridCode: string | null;
  gridName: string | null;
  /** The point is not in one of the worker's own grids (or only near the nearest grid). */
  outsideOwnGrids: boolean;
}

export interface PatrolView {
  id: number;
  startedAt: string;
  endedAt: string | null;
  distanceM: number;
  durationS: number;
  checkinCount: number;
  note: string;
  checkins: CheckinView[];
}

const keyOf = (actor: Actor, clientRequestId: string | undefined) =>
  clientRequestId ? `${actor.accountId}:${clientRequestId}` : null;

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** Ids of the grids inside the actor's scope (a grid worker: its own grid). */
async function ownGridIds(db: Db, actor: Actor): Promise<Set<number>> {
  return new Set(await repo.gridIdsInScope(db, actor));
}

function checkinView(r: repo.CheckinRow, own: Set<number>): CheckinView {
  return {
    id: r.id,
    lng: r.lng,
    lat: r.lat,
    at: r.at.toISOString(),
    receivedAt: r.created_at.toISOString(),
    gridId: r.grid_id,
    gridCode: r.grid_code,
    gridName: r.grid_name,
    outsideOwnGrids: r.grid_id === null || !own.has(r.grid_id),
  };
}

function patrolView(p: PatrolRow, checkins: CheckinView[], now: Date): PatrolView {
  const end = p.ended_at ?? now;
  const inside = checkins.filter(
    (c) => Date.parse(c.at) >= p.started_at.getTime() && Date.parse(c.at) <= end.getTime(),
  );
  const points = inside.map((c) => ({ lng: c.lng, lat: c.lat, at: new Date(c.at) }));
  return {
    id: p.id,
    startedAt: p.started_at.toISOString(),
    endedAt: p.ended_at?.toISOString() ?? null,
    distanceM: p.distance_m ?? routeDistanceM(points),
    durationS: p.duration_s ?? Math.max(0, Math.round((end.getTime() - p.started_at.getTime()) / 1000)),
    checkinCount: p.checkin_count ?? inside.length,
    note: p.note,
    checkins: inside,
  };
}

/** The check-ins of a patrol, read after it was verified as the actor's own. */
async function pointsOf(db: Db, actor: Actor, p: PatrolRow, now: Date) {
  const rows = await repo.checkinsWithin(db, actor, p.started_at, p.ended_at ?? now);
  const own = await ownGridIds(db, actor);
  return rows.map((r) => checkinView(r, own));
}

export async function startPatrol(
  db: Db,
  write: Write,
  actor: Actor,
  input: { startedAt?: string | undefined; clientRequestId?: string | undefined; note?: string | undefined },
): Promise<{ patrol: PatrolView; created: boolean }> {
  const now = new Date();
  const startedAt = input.startedAt ? checkClientTime(new Date(input.startedAt), now, 'startedAt') : now;
  const key = keyOf(actor, input.clientRequestId);
  const replay = async () => {
    if (!key) return null;
    const p = await repo.patrolByRequest(db, actor, key);
    return p ? { patrol: patrolView(p, await pointsOf(db, actor, p, now), now), created: false } : null;
  };
  const existing = await replay();
  if (existing) return existing;
  const open = await repo.openPatrol(db, actor);
  if (open) throw patrolErrors.alreadyOpen(open.id);
  try {
    const p = await write(async (trx, audit) => {
      const row = await repo.insertPatrol(trx, {
        account_id: actor.accountId,
        started_at: startedAt,
        note: input.note?.trim() ?? '',
        county_code: actor.scopeCountyCode ?? '',
        client_request_id: key,
      });
      await audit({
        action: 'patrol.start',
        targetType: 'patrol',
        targetId: row.id,
        after: { startedAt: startedAt.toISOString() },
        countyCode: row.county_code || null,
      });
      return row;
    });
    return { patrol: patrolView(p, await pointsOf(db, actor, p, now), now), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const again = await replay();
    if (again) return again;
    const open2 = await repo.openPatrol(db, actor);
    throw patrolErrors.alreadyOpen(open2?.id ?? 0);
  }
}

export interface CheckinInput {
  lng: number;
  lat: number;
  coordSystem?: CoordSystem | undefined;
  at: string;
  clientRequestId?: string | undefined;
}

export async function checkIn(
  db: Db,
  write: Write,
  actor: Actor,
  input: CheckinInput,
): Promise<{ checkin: CheckinView; patrolId: number | null; nearestGrid: boolean; created: boolean }> {
  const now = new Date();
  const at = checkClientTime(new Date(input.at), now, 'at');
  const loc = await locate(db, input.lng, input.lat, input.coordSystem ?? 'wgs84');
  const key = keyOf(actor, input.clientRequestId);
  const own = await ownGridIds(db, actor);
  const patrolAt = async () => {
    const p = await repo.patrolAt(db, actor, at);
    return p?.id ?? null;
  };
  const replay = async () => {
    if (!key) return null;
    const r = await repo.checkinByRequest(db, actor, key);
    if (!r) return null;
    const same =
      Math.abs(r.lng - loc.lng) < 1e-7 && Math.abs(r.lat - loc.lat) < 1e-7 && r.at.getTime() === at.getTime();
    if (!same) throw patrolErrors.idempotencyConflict(input.clientRequestId ?? '');
    return {
      checkin: checkinView(r, own),
      patrolId: await patrolAt(),
      nearestGrid: loc.nearest,
      created: false,
    };
  };
  const existing = await replay();
  if (existing) return existing;
  const outside = loc.nearest || !own.has(loc.place.id);
  try {
    const id = await write(async (trx, audit) => {
      const checkinId = await repo.insertCheckin(trx, {
        account_id: actor.accountId,
        grid_id: loc.place.id,
        lng: loc.lng,
        lat: loc.lat,
        at,
        county_code: loc.place.countyCode,
        client_request_id: key,
      });
      await audit({
        action: 'patrol.checkin',
        targetType: 'patrol_checkin',
        targetId: checkinId,
        after: {
          at: at.toISOString(),
          gridId: loc.place.id,
          gridNearest: loc.nearest,
          outsideOwnGrids: outside,
        },
        countyCode: loc.place.countyCode,
      });
      return checkinId;
    });
    const r = await repo.checkinById(db, actor, id);
    const view = { ...checkinView(r, own), outsideOwnGrids: outside };
    return { checkin: view, patrolId: await patrolAt(), nearestGrid: loc.nearest, created: true };
  } catch (error) {
    if (key && isUniqueViolation(error)) {
      const again = await replay();
      if (again) return again;
    }
    throw error;
  }
}

export interface EndInput {
  patrolId?: number | undefined;
  /** The clientRequestId the patrol was started with (the phone knows it even before the start was sent). */
  patrolRequestId?: string | undefined;
  endedAt?: string | undefined;
  note?: string | undefined;
}

export async function endPatrol(
  db: Db,
  write: Write,
  actor: Actor,
  input: EndInput,
): Promise<{ patrol: PatrolView; ended: boolean }> {
  const now = new Date();
  const found = await (input.patrolId
    ? repo.patrolById(db, actor, input.patrolId)
    : input.patrolRequestId
      ? repo.patrolByRequest(db, actor, keyOf(actor, input.patrolRequestId))
      : repo.openPatrol(db, actor));
  if (!found) {
    if (input.patrolId || input.patrolRequestId)
      throw errors.outOfScope('patrol', input.patrolId ?? input.patrolRequestId);
    throw patrolErrors.noOpenPatrol();
  }
  // ending twice (a resend from the phone) answers with the patrol as it was ended
  if (found.ended_at)
    return { patrol: patrolView(found, await pointsOf(db, actor, found, now), now), ended: false };
  const endedAt = input.endedAt ? checkClientTime(new Date(input.endedAt), now, 'endedAt') : now;
  if (endedAt < found.started_at) throw patrolErrors.endBeforeStart(found.started_at, endedAt);
  const points = await pointsOf(db, actor, { ...found, ended_at: endedAt }, now);
  const distanceM = routeDistanceM(points.map((c) => ({ lng: c.lng, lat: c.lat, at: new Date(c.at) })));
  const durationS = Math.round((endedAt.getTime() - found.started_at.getTime()) / 1000);
  const updated = await write(async (trx, audit) => {
    const row = await repo.endOpenPatrol(trx, found.id, {
      endedAt,
      closedAt: now,
      distanceM,
      durationS,
      checkinCount: points.length,
      note: input.note?.trim() ? input.note.trim() : undefined,
    });
    if (!row) return null;
    await audit({
      action: 'patrol.end',
      targetType: 'patrol',
      targetId: row.id,
      after: { endedAt: endedAt.toISOString(), distanceM, durationS, checkinCount: points.length },
      countyCode: row.county_code || null,
    });
    return row;
  });
  const final = updated ?? (await repo.patrolByIdOrThrow(db, actor, found.id));
  return { patrol: patrolView(final, await pointsOf(db, actor, final, now), now), ended: Boolean(updated) };
}

/** My patrols and check-ins of one CST day (today by default), and the patrol in progress. */
export async function myDay(db: Db, actor: Actor, date?: string) {
  const now = new Date();
  const day = date ?? cstDate(now);
  const { from, to } = cstDayBounds(day);
  const [rows, patrols, open, own] = await Promise.all([
    repo.checkinsOfDay(db, actor, from, to),
    repo.patrolsOverlapping(db, actor, from, to),
    repo.openPatrol(db, actor),
    ownGridIds(db, actor),
  ]);
  const checkins = rows.map((r) => checkinView(r, own));
  const views = patrols.map((p) => patrolView(p, checkins, now));
  return {
    date: day,
    open: open ? (views.find((v) => v.id === open.id) ?? patrolView(open, checkins, now)) : null,
    patrols: views,
    checkins,
    ownGridIds: [...own],
  };
}
