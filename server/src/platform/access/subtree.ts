// The one rule of the access layer: "inside the actor's subtree" (a prefix of the org's materialized
// path) and "the role holds the permission". Every scoped start (scoped-*.ts) is written with these.
import { type Expression, sql } from 'kysely';
import { errors } from '../errors/errors.ts';
import type { Actor } from './actor.ts';
import type { Permission } from './permissions.ts';

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw errors.permission(permission);
}

/** Prefix pattern of the actor's subtree; paths hold only digits and '/', so no LIKE escaping is needed. */
export function subtreePattern(actor: Actor): string {
  if (!/^(\/\d+)+\/$/.test(actor.scopePath)) throw new Error(`bad scope path ${actor.scopePath}`);
  return `${actor.scopePath}%`;
}

/**
 * `civic_case.grid_id` among `grids` (the grids of the org at `orgPath` and below). Below the top,
 * `= any(array(…))`: the set is computed once and the cases read through the grid indexes. At the
 * top (a root org: every case qualifies) an index read of every grid is slower than one pass over the
 * table, so it stays `in (…)`, which PostgreSQL answers with a hashed set during a sequential scan.
 */
export function inGrids(orgPath: string, grids: Expression<{ id: number }>) {
  return /^\/\d+\/$/.test(orgPath)
    ? sql<boolean>`civic_case.grid_id in (${grids})`
    : sql<boolean>`civic_case.grid_id = any(array(${grids}))`;
}
