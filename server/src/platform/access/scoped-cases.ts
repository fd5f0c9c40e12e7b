// Scoped starts of cases (接诉即办): by id (`cases`) and as the place columns lists walk (`caseAccess`).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { type CaseAccess, caseScopeOfOrg } from './case-scope.ts';
import type { Permission } from './permissions.ts';
import { inGrids, requirePermission, subtreePattern } from './subtree.ts';

export const caseScopes = {
  /**
   * Cases the actor may see (alias `civic_case`): department staff those dispatched or summoned to
   * their department; residents those they reported; everyone else those whose grid's party org is
   * inside the subtree (a grid worker's scope is its grid org, a secretary's the village, and so on),
   * plus the cases they reported themselves.
   */
  cases(db: Kysely<DB>, actor: Actor, permission: Permission = 'case:read') {
    requirePermission(actor, permission);
    const q = db.selectFrom('civic_case');
    // Each set below is `= any(array(subquery))`: PostgreSQL computes the small set once (an InitPlan)
    // and can then use an index on each side of the OR (BitmapOr); `in (subquery) or …` scanned every
    // case instead (a minute per page at 5 M cases).
    if (actor.role === 'department_staff') {
      // one department per account (department_account's key is the account): a scalar subquery
      const mine = sql<number>`(${db
        .selectFrom('department_account')
        .select('department_id')
        .where('account_id', '=', actor.accountId)})`;
      const summoned = db
        .selectFrom('case_summons')
        .select('case_summons.case_id')
        .where('case_summons.department_id', '=', mine);
      return q.where((eb) =>
        eb.or([
          eb('civic_case.department_id', '=', mine),
          eb('civic_case.id', '=', sql<number>`any(array(${summoned}))`),
        ]),
      );
    }
    if (actor.role === 'resident') return q.where('civic_case.reporter_account_id', '=', actor.accountId);
    // and, wherever it was located (a point outside every grid goes to the nearest one), what they reported
    const grids = db
      .selectFrom('grid as scope_grid')
      .innerJoin('org as scope_org', 'scope_org.id', 'scope_grid.org_id')
      .select('scope_grid.id')
      .where('scope_org.path', 'like', subtreePattern(actor));
    return q.where((eb) =>
      eb.or([inGrids(actor.scopePath, grids), eb('civic_case.reporter_account_id', '=', actor.accountId)]),
    );
  },

  /**
   * The same cases as `cases`, as the place columns an index walks (case-scope.ts): the lists and
   * the statistics build on this; `cases` stays for reads by id. case-scope.db.test.ts proves the two
   * give the same cases for every kind of account.
   */
  async caseAccess(db: Kysely<DB>, actor: Actor, permission: Permission = 'case:read'): Promise<CaseAccess> {
    requirePermission(actor, permission);
    if (actor.role === 'department_staff') {
      const row = await db
        .selectFrom('department_account')
        .select('department_id')
        .where('account_id', '=', actor.accountId)
        .executeTakeFirst();
      const departmentId = row?.department_id ?? null;
      return {
        scope: { kind: 'department', departmentId },
        reportedBy: null,
        summonedDepartment: departmentId,
      };
    }
    if (actor.role === 'resident') {
      return {
        scope: { kind: 'reporter', accountId: actor.accountId },
        reportedBy: null,
        summonedDepartment: null,
      };
    }
    subtreePattern(actor);
    return {
      scope: await caseScopeOfOrg(db, actor.scopePath),
      reportedBy: actor.accountId,
      summonedDepartment: null,
    };
  },
};
