// Patrols' SQL (巡查打卡): a grid worker's own patrols and check-ins, always from scoped.patrols /
// scoped.patrolCheckins (permission patrol:checkin, the actor's subtree) and the actor's own account; the
// grids of the actor's scope; the writes of a start, a check-in and an end in the caller's transaction.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import type { PatrolRow } from './patrol-tables.ts';

type Trx = Transaction<DB>;

/** Ids of the grids inside the actor's scope (a grid worker: its own grid). */
export async function gridIdsInScope(db: Kysely<DB>, actor: Actor): Promise<number[]> {
  const rows = await scoped.grids(db, actor).select('grid.id').execute();
  return rows.map((r) => r.id);
}

/** The actor's own check-ins with their grid's code and name. */
function myCheckins(db: Kysely<DB>, actor: Actor) {
  return scoped
    .patrolCheckins(db, actor, 'patrol:checkin')
    .leftJoin('grid', 'grid.id', 'patrol_checkin.grid_id')
    .select([
      'patrol_checkin.id',
      'patrol_checkin.lng',
      'patrol_checkin.lat',
      'patrol_checkin.at',
      'patrol_checkin.created_at',
      'patrol_checkin.grid_id',
      'patrol_checkin.client_request_id',
      'grid.code as grid_code',
      'grid.name as grid_name',
    ])
    .where('patrol_checkin.account_id', '=', actor.accountId);
}

export type CheckinRow = Awaited<ReturnType<ReturnType<typeof myCheckins>['executeTakeFirstOrThrow']>>;

/** The actor's check-ins from `from` to `to` (both included), in time order: the points of a patrol. */
export function checkinsWithin(db: Kysely<DB>, actor: Actor, from: Date, to: Date) {
  return myCheckins(db, actor)
    .where('patrol_checkin.at', '>=', from)
    .where('patrol_checkin.at', '<=', to)
    .orderBy('patrol_checkin.at')
    .execute();
}

/** The actor's check-ins from `from` (included) to `to` (excluded), in time order: those of one day. */
export function checkinsOfDay(db: Kysely<DB>, actor: Actor, from: Date, to: Date) {
  return myCheckins(db, actor)
    .where('patrol_checkin.at', '>=', from)
    .where('patrol_checkin.at', '<', to)
    .orderBy('patrol_checkin.at')
    .execute();
}

/** The actor's check-in sent with this idempotency key (account id + the phone's clientRequestId). */
export function checkinByRequest(db: Kysely<DB>, actor: Actor, key: string) {
  return myCheckins(db, actor).where('patrol_checkin.client_request_id', '=', key).executeTakeFirst();
}

/** The actor's check-in just written. */
export function checkinById(db: Kysely<DB>, actor: Actor, id: number) {
  return myCheckins(db, actor).where('patrol_checkin.id', '=', id).executeTakeFirstOrThrow();
}

/** The actor's own patrols. */
function myPatrols(db: Kysely<DB>, actor: Actor) {
  return scoped
    .patrols(db, actor, 'patrol:checkin')
    .selectAll('patrol')
    .where('patrol.account_id', '=', actor.accountId);
}

/** The actor's patrol started with this idempotency key. */
export function patrolByRequest(
  db: Kysely<DB>,
  actor: Actor,
  key: string | null,
): Promise<PatrolRow | undefined> {
  return myPatrols(db, actor).where('patrol.client_request_id', '=', key).executeTakeFirst();
}

/** The actor's patrol in progress (not ended), if any. */
export function openPatrol(db: Kysely<DB>, actor: Actor): Promise<PatrolRow | undefined> {
  return myPatrols(db, actor).where('patrol.ended_at', 'is', null).executeTakeFirst();
}

/** One of the actor's patrols; undefined when it is not the actor's (or does not exist). */
export function patrolById(db: Kysely<DB>, actor: Actor, id: number): Promise<PatrolRow | undefined> {
  return myPatrols(db, actor).where('patrol.id', '=', id).executeTakeFirst();
}

/** One of the actor's patrols, known to be there (read again after a concurrent end). */
export function patrolByIdOrThrow(db: Kysely<DB>, actor: Actor, id: number): Promise<PatrolRow> {
  return myPatrols(db, actor).where('patrol.id', '=', id).executeTakeFirstOrThrow();
}

/** The actor's latest patrol running at an instant (started by then, not ended before it). */
export function patrolAt(db: Kysely<DB>, actor: Actor, at: Date): Promise<PatrolRow | undefined> {
  return myPatrols(db, actor)
    .where('patrol.started_at', '<=', at)
    .where((eb) => eb.or([eb('patrol.ended_at', 'is', null), eb('patrol.ended_at', '>=', at)]))
    .orderBy('patrol.started_at', 'desc')
    .executeTakeFirst();
}

/** The actor's patrols that overlap [from, to), by start. */
export function patrolsOverlapping(db: Kysely<DB>, actor: Actor, from: Date, to: Date): Promise<PatrolRow[]> {
  return myPatrols(db, actor)
    .where('patrol.started_at', '<', to)
    .where((eb) => eb.or([eb('patrol.ended_at', 'is', null), eb('patrol.ended_at', '>=', from)]))
    .orderBy('patrol.started_at')
    .execute();
}

export function insertPatrol(trx: Trx, values: Insertable<DB['patrol']>): Promise<PatrolRow> {
  return trx.insertInto('patrol').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertCheckin(trx: Trx, values: Insertable<DB['patrol_checkin']>): Promise<number> {
  return (await trx.insertInto('patrol_checkin').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export interface PatrolEnd {
  endedAt: Date;
  closedAt: Date;
  distanceM: number;
  durationS: number;
  checkinCount: number;
  /** A new note; absent keeps the patrol's note. */
  note?: string | undefined;
}

/** Ends the patrol if it is still open; the ended row, or undefined when it was ended meanwhile. */
export function endOpenPatrol(trx: Trx, id: number, end: PatrolEnd): Promise<PatrolRow | undefined> {
  return trx
    .updateTable('patrol')
    .set({
      ended_at: end.endedAt,
      closed_at: end.closedAt,
      distance_m: end.distanceM,
      duration_s: end.durationS,
      checkin_count: end.checkinCount,
      ...(end.note !== undefined ? { note: end.note } : {}),
    })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
