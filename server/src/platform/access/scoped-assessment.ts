// Scoped starts of assessment (issue 15): 分级分档, 擂台赛, 软弱涣散, 村集体经济.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import type { Permission } from './permissions.ts';
import { requirePermission, subtreePattern } from './subtree.ts';

export const assessmentScopes = {
  /** Assessments of villages inside the subtree (aliases `assessment`, `assessed_org`). */
  assessments(db: Kysely<DB>, actor: Actor, permission: Permission = 'assessment:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('assessment')
      .innerJoin('org as assessed_org', 'assessed_org.id', 'assessment.org_id')
      .where('assessed_org.path', 'like', subtreePattern(actor));
  },

  /**
   * Assessment rounds of a county inside the subtree, or of the county above the actor (a town or a
   * village sees the state of its county's round: whether it is open for review, published, when
   * appeals close). Aliases `assessment_round`, `round_org`.
   */
  assessmentRounds(db: Kysely<DB>, actor: Actor, permission: Permission = 'assessment:read') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('assessment_round')
      .innerJoin('org as round_org', 'round_org.id', 'assessment_round.county_org_id')
      .where((eb) =>
        eb.or([
          eb('round_org.path', 'like', pattern),
          sql<boolean>`${actor.scopePath} like ${sql.ref('round_org.path')} || '%'`,
        ]),
      );
  },

  /**
   * Contests (擂台赛) organized inside the subtree, or by an org above the actor (a village sees and
   * enters its town's and county's contests; a contest and its entries are public within it).
   * Aliases `contest`, `organizer_org`.
   */
  contests(db: Kysely<DB>, actor: Actor, permission: Permission = 'assessment:read') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('contest')
      .innerJoin('org as organizer_org', 'organizer_org.id', 'contest.organizer_org_id')
      .where((eb) =>
        eb.or([
          eb('organizer_org.path', 'like', pattern),
          sql<boolean>`${actor.scopePath} like ${sql.ref('organizer_org.path')} || '%'`,
        ]),
      );
  },

  /** Weak orgs (软弱涣散) listed inside the subtree, with their ledgers (aliases `weak_org`, `weak_org_org`). */
  weakOrgs(db: Kysely<DB>, actor: Actor, permission: Permission = 'assessment:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('weak_org')
      .innerJoin('org as weak_org_org', 'weak_org_org.id', 'weak_org.org_id')
      .where('weak_org_org.path', 'like', subtreePattern(actor));
  },

  /** Collective incomes of villages inside the subtree (aliases `collective_income`, `income_org`). */
  collectiveIncomes(db: Kysely<DB>, actor: Actor, permission: Permission = 'assessment:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('collective_income')
      .innerJoin('org as income_org', 'income_org.id', 'collective_income.org_id')
      .where('income_org.path', 'like', subtreePattern(actor));
  },

  /** Collective accounts (expenses, distribution) of villages inside the subtree (`collective_account`, `account_org`). */
  collectiveAccounts(db: Kysely<DB>, actor: Actor, permission: Permission = 'assessment:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('collective_account')
      .innerJoin('org as account_org', 'account_org.id', 'collective_account.org_id')
      .where('account_org.path', 'like', subtreePattern(actor));
  },

  /**
   * 强村公司 and 富民工坊 run by an org inside the subtree, or joined by a village inside it (aliases
   * `collective_enterprise`, `enterprise_org`).
   */
  collectiveEnterprises(db: Kysely<DB>, actor: Actor, permission: Permission = 'assessment:read') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('collective_enterprise')
      .innerJoin('org as enterprise_org', 'enterprise_org.id', 'collective_enterprise.org_id')
      .where((eb) =>
        eb.or([
          eb('enterprise_org.path', 'like', pattern),
          eb.exists(
            eb
              .selectFrom('collective_enterprise_village as joined')
              .innerJoin('org as joined_org', 'joined_org.id', 'joined.org_id')
              .select('joined.org_id')
              .whereRef('joined.enterprise_id', '=', 'collective_enterprise.id')
              .where('joined_org.path', 'like', pattern),
          ),
        ]),
      );
  },
};
