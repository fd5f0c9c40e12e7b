// THE access layer. Every query of scoped data starts here: it adds "inside the actor's org subtree"
// and checks the role's permission, so feature code cannot forget either. An id that comes from a
// request is unverified until one of the `verify*` functions has placed it inside the scope.
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
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

export const scoped = {
  /** Orgs inside the actor's subtree (alias `org`). */
  orgs(db: Kysely<DB>, actor: Actor): SelectQueryBuilder<DB, 'org', object> {
    requirePermission(actor, 'org:read');
    return db.selectFrom('org').where('org.path', 'like', subtreePattern(actor));
  },

  /** Grids whose grid party org is inside the subtree (aliases `grid`, `grid_org`). */
  grids(db: Kysely<DB>, actor: Actor) {
    requirePermission(actor, 'grid:read');
    return db
      .selectFrom('grid')
      .innerJoin('org as grid_org', 'grid_org.id', 'grid.org_id')
      .where('grid_org.path', 'like', subtreePattern(actor));
  },

  /** Members whose org is inside the subtree (aliases `member`, `member_org`). */
  members(db: Kysely<DB>, actor: Actor, permission: Permission = 'member:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('member')
      .innerJoin('org as member_org', 'member_org.id', 'member.org_id')
      .where('member_org.path', 'like', subtreePattern(actor));
  },

  /**
   * The org directory (id, code, name only) for choosing an account's scope: the system
   * administrator manages accounts but holds no right to read the org register itself.
   */
  orgDirectory(db: Kysely<DB>, actor: Actor) {
    requirePermission(actor, 'account:manage');
    return db.selectFrom('org').where('org.path', 'like', subtreePattern(actor));
  },

  /**
   * Cases the actor may see (alias `civic_case`): department staff those dispatched or summoned to
   * their department; residents those they reported; everyone else those whose grid's party org is
   * inside the subtree (a grid worker's scope is its grid org, a secretary's the village, and so on),
   * plus the cases they reported themselves.
   */
  cases(db: Kysely<DB>, actor: Actor, permission: Permission = 'case:read') {
    requirePermission(actor, permission);
    const q = db.selectFrom('civic_case');
    if (actor.role === 'department_staff') {
      const mine = sql<number>`(select department_id from department_account where account_id = ${actor.accountId})`;
      return q.where((eb) =>
        eb.or([
          eb('civic_case.department_id', 'in', mine),
          eb.exists(
            eb
              .selectFrom('case_summons')
              .select('case_summons.id')
              .whereRef('case_summons.case_id', '=', 'civic_case.id')
              .where('case_summons.department_id', 'in', mine),
          ),
        ]),
      );
    }
    if (actor.role === 'resident') return q.where('civic_case.reporter_account_id', '=', actor.accountId);
    // and, wherever it was located (a point outside every grid goes to the nearest one), what they reported
    return q.where((eb) =>
      eb.or([
        eb(
          'civic_case.grid_id',
          'in',
          eb
            .selectFrom('grid as scope_grid')
            .innerJoin('org as scope_org', 'scope_org.id', 'scope_grid.org_id')
            .select('scope_grid.id')
            .where('scope_org.path', 'like', subtreePattern(actor)),
        ),
        eb('civic_case.reporter_account_id', '=', actor.accountId),
      ]),
    );
  },

  /** Accounts whose scope org is inside the subtree (aliases `account`, `account_org`). */
  accounts(db: Kysely<DB>, actor: Actor, permission: Permission) {
    requirePermission(actor, permission);
    return db
      .selectFrom('account')
      .innerJoin('org as account_org', 'account_org.id', 'account.scope_org_id')
      .where('account_org.path', 'like', subtreePattern(actor));
  },
};

export async function verifyAccount(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission,
) {
  const account = await scoped
    .accounts(db, actor, permission)
    .selectAll('account')
    .where('account.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!account) throw errors.outOfScope('account', unverifiedId);
  return account;
}

/** Places a case id from a request inside the scope, or answers 404 (CASE_NOT_FOUND). */
export async function verifyCase(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'case:read',
) {
  const found = await scoped
    .cases(db, actor, permission)
    .selectAll('civic_case')
    .where('civic_case.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('case', unverifiedId);
  return found;
}

/** Places an org id from a request inside the scope, or answers 404 as if it did not exist. */
export async function verifyOrg(db: Kysely<DB>, actor: Actor, unverifiedId: number) {
  const org = await scoped
    .orgs(db, actor)
    .selectAll('org')
    .where('org.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!org) throw errors.outOfScope('org', unverifiedId);
  return org;
}

export async function verifyGrid(db: Kysely<DB>, actor: Actor, unverifiedId: number) {
  const grid = await scoped
    .grids(db, actor)
    .selectAll('grid')
    .where('grid.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!grid) throw errors.outOfScope('grid', unverifiedId);
  return grid;
}

export async function verifyMember(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission,
) {
  const member = await scoped
    .members(db, actor, permission)
    .selectAll('member')
    .select('member_org.name as org_name')
    .where('member.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!member) throw errors.outOfScope('member', unverifiedId);
  return member;
}

/**
 * Names of the orgs on the path above a record that was already verified inside the scope: the
 * chain a breadcrumb shows (a village's secretary sees "江门市委 › 江海区委 › 街道 › 村"). Only id,
 * code, name, kind and level, and only of that chain.
 */
export async function chainOf(db: Kysely<DB>, verifiedPath: string) {
  const ids = verifiedPath.split('/').filter(Boolean).map(Number).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org')
    .select(['id', 'code', 'name', 'kind', 'level'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => Boolean(r));
}
