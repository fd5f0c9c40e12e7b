// Scoped starts of the org register, its grids and members, and the accounts and their patrols.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { ADMIN_ROLES, type Permission } from './permissions.ts';
import { requirePermission, subtreePattern } from './subtree.ts';

export const peopleScopes = {
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
   * Accounts whose scope org is inside the subtree (aliases `account`, `account_org`). 三员分立: the
   * system administrator (account:manage) reaches ordinary accounts only, never an administrator's.
   */
  accounts(db: Kysely<DB>, actor: Actor, permission: Permission) {
    requirePermission(actor, permission);
    const q = db
      .selectFrom('account')
      .innerJoin('org as account_org', 'account_org.id', 'account.scope_org_id')
      .where('account_org.path', 'like', subtreePattern(actor));
    return permission === 'account:manage' ? q.where('account.role', 'not in', ADMIN_ROLES) : q;
  },

  /** Patrols (巡查) of accounts whose scope org is inside the subtree (aliases `patrol`, `patrol_org`). */
  patrols(db: Kysely<DB>, actor: Actor, permission: Permission = 'patrol:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('patrol')
      .innerJoin('account as patrol_account', 'patrol_account.id', 'patrol.account_id')
      .innerJoin('org as patrol_org', 'patrol_org.id', 'patrol_account.scope_org_id')
      .where('patrol_org.path', 'like', subtreePattern(actor));
  },

  /** Patrol check-ins (巡查打卡) of accounts whose scope org is inside the subtree (`patrol_checkin`, `checkin_org`). */
  patrolCheckins(db: Kysely<DB>, actor: Actor, permission: Permission = 'patrol:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('patrol_checkin')
      .innerJoin('account as checkin_account', 'checkin_account.id', 'patrol_checkin.account_id')
      .innerJoin('org as checkin_org', 'checkin_org.id', 'checkin_account.scope_org_id')
      .where('checkin_org.path', 'like', subtreePattern(actor));
  },
};
