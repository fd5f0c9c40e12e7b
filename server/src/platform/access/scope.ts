// THE access layer. Every query of scoped data starts here: it adds "inside the actor's org subtree"
// and checks the role's permission, so feature code cannot forget either. An id that comes from a
// request is unverified until one of the `verify*` functions has placed it inside the scope.
import { type Expression, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { errors } from '../errors/errors.ts';
import type { Actor } from './actor.ts';
import { type CaseAccess, caseScopeOfOrg } from './case-scope.ts';
import { ADMIN_ROLES, type Permission } from './permissions.ts';

export type { CaseAccess, CaseScope } from './case-scope.ts';
export { caseAccessParts, caseScopeCondition, caseScopeOfOrg } from './case-scope.ts';

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

  /**
   * Recruitments (发展党员) whose branch is inside the subtree, with their applicant (aliases
   * `recruitment`, `applicant`, `recruitment_org`).
   */
  applicants(db: Kysely<DB>, actor: Actor, permission: Permission = 'recruitment:manage') {
    requirePermission(actor, permission);
    return db
      .selectFrom('recruitment')
      .innerJoin('applicant', 'applicant.id', 'recruitment.applicant_id')
      .innerJoin('org as recruitment_org', 'recruitment_org.id', 'recruitment.org_id')
      .where('recruitment_org.path', 'like', subtreePattern(actor));
  },

  /** Meetings (组织生活) held by orgs inside the subtree (aliases `meeting`, `meeting_org`). */
  meetings(db: Kysely<DB>, actor: Actor, permission: Permission = 'meeting:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('meeting')
      .innerJoin('org as meeting_org', 'meeting_org.id', 'meeting.org_id')
      .where('meeting_org.path', 'like', subtreePattern(actor));
  },

  /** Tasks of the monthly checklist (清单) of branches inside the subtree (alias `checklist_task`). */
  checklistTasks(db: Kysely<DB>, actor: Actor, permission: Permission = 'meeting:read') {
    requirePermission(actor, permission);
    return db.selectFrom('checklist_task').where('checklist_task.org_path', 'like', subtreePattern(actor));
  },

  /**
   * Monthly checklists (每月组织生活清单) the actor sees (aliases `monthly_checklist`, `issuer`): those
   * issued inside its subtree (drafts too), and the published ones issued by its own org or above it.
   */
  checklists(db: Kysely<DB>, actor: Actor, permission: Permission = 'meeting:read') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('monthly_checklist')
      .innerJoin('org as issuer', 'issuer.id', 'monthly_checklist.issuer_org_id')
      .where((eb) =>
        eb.or([
          eb('issuer.path', 'like', pattern),
          eb.and([
            eb('monthly_checklist.status', '=', 'published'),
            eb(sql.val(actor.scopePath), 'like', sql<string>`issuer.path || '%'`),
          ]),
        ]),
      );
  },

  /** Training classes (培训班) held by orgs inside the subtree (aliases `training_class`, `class_org`). */
  trainingClasses(db: Kysely<DB>, actor: Actor, permission: Permission = 'training:manage') {
    requirePermission(actor, permission);
    return db
      .selectFrom('training_class')
      .innerJoin('org as class_org', 'class_org.id', 'training_class.org_id')
      .where('class_org.path', 'like', subtreePattern(actor));
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

  /**
   * Transfers (组织关系转接) whose SENDING or RECEIVING org is inside the subtree (aliases `transfer`,
   * `from_org`, `to_org`, `transfer_member`). The receiving side sees an incoming letter and the
   * member it names before the member is inside its subtree: that is what it must confirm. It
   * sees the member only through the transfer (scoped.members stays the member's current org).
   */
  transfers(db: Kysely<DB>, actor: Actor, permission: Permission = 'transfer:manage') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('transfer')
      .innerJoin('org as from_org', 'from_org.id', 'transfer.from_org_id')
      .innerJoin('org as to_org', 'to_org.id', 'transfer.to_org_id')
      .innerJoin('member as transfer_member', 'transfer_member.id', 'transfer.member_id')
      .where((eb) => eb.or([eb('from_org.path', 'like', pattern), eb('to_org.path', 'like', pattern)]));
  },

  /**
   * Orgs a letter may be addressed to: any org of the city's system, not only the subtree (a
   * member moves to another town). Callers select only id, code, name, kind, level and the names of
   * the chain, never counts or members.
   */
  transferTargets(db: Kysely<DB>, actor: Actor) {
    requirePermission(actor, 'transfer:manage');
    return db.selectFrom('org');
  },

  /**
   * Mobile members (流动党员) whose HOME org or INFLOW org is inside the subtree: both manage the
   * member (双向管理). Aliases `mobile_member`, `home_org`, `inflow_org` (left join), `mobile_person`.
   */
  mobileMembers(db: Kysely<DB>, actor: Actor, permission: Permission = 'transfer:manage') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('mobile_member')
      .innerJoin('org as home_org', 'home_org.id', 'mobile_member.home_org_id')
      .leftJoin('org as inflow_org', 'inflow_org.id', 'mobile_member.inflow_org_id')
      .innerJoin('member as mobile_person', 'mobile_person.id', 'mobile_member.member_id')
      .where((eb) => eb.or([eb('home_org.path', 'like', pattern), eb('inflow_org.path', 'like', pattern)]));
  },

  /**
   * 双报到 reports whose community, or whose reporter (the member's org, or the unit org), is inside
   * the subtree. Aliases `community_report`, `community_org`, `report_member` / `report_member_org`
   * / `report_unit_org` (left joins).
   */
  communityReports(db: Kysely<DB>, actor: Actor, permission: Permission = 'transfer:manage') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('community_report')
      .innerJoin('org as community_org', 'community_org.id', 'community_report.community_org_id')
      .leftJoin('member as report_member', 'report_member.id', 'community_report.member_id')
      .leftJoin('org as report_member_org', 'report_member_org.id', 'report_member.org_id')
      .leftJoin('org as report_unit_org', 'report_unit_org.id', 'community_report.unit_org_id')
      .where((eb) =>
        eb.or([
          eb('community_org.path', 'like', pattern),
          eb('report_member_org.path', 'like', pattern),
          eb('report_unit_org.path', 'like', pattern),
        ]),
      );
  },

  // —— assessment (issue 15): 分级分档, 擂台赛, 软弱涣散, 村集体经济

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
  // ---- village decisions and power (issue 14): records of village orgs inside the subtree ----

  /** Village decisions (四议两公开) of villages inside the subtree (aliases `deliberation`, `village_org`). */
  deliberations(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('deliberation')
      .innerJoin('org as village_org', 'village_org.id', 'deliberation.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** 村务公开 items of villages inside the subtree (aliases `publication_item`, `village_org`). */
  publicationItems(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('publication_item')
      .innerJoin('org as village_org', 'village_org.id', 'publication_item.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Villagers' questions to villages inside the subtree (aliases `publication_question`, `village_org`). */
  publicationQuestions(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('publication_question')
      .innerJoin('org as village_org', 'village_org.id', 'publication_question.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Files uploaded by villages inside the subtree (aliases `village_attachment`, `village_org`). */
  villageAttachments(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('village_attachment')
      .innerJoin('org as village_org', 'village_org.id', 'village_attachment.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /**
   * Power list items (小微权力清单) of the counties the subtree lies in: a village or town reads its
   * county's list, the city every county's (alias `power_item`).
   */
  powerItems(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    const counties = db
      .selectFrom('org as scope_org')
      .select('scope_org.county_code')
      .where('scope_org.path', 'like', subtreePattern(actor))
      .where('scope_org.county_code', 'is not', null);
    return db
      .selectFrom('power_item')
      .where((eb) =>
        actor.scopeCountyCode
          ? eb('power_item.county_code', '=', actor.scopeCountyCode)
          : eb('power_item.county_code', 'in', counties),
      );
  },

  /** Power use records of villages inside the subtree (aliases `power_use`, `village_org`). */
  powerUses(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('power_use')
      .innerJoin('org as village_org', 'village_org.id', 'power_use.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Cadres of villages inside the subtree (aliases `village_cadre`, `village_org`). */
  villageCadres(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('village_cadre')
      .innerJoin('org as village_org', 'village_org.id', 'village_cadre.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Village representatives inside the subtree (aliases `village_representative`, `village_org`). */
  villageRepresentatives(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('village_representative')
      .innerJoin('org as village_org', 'village_org.id', 'village_representative.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Reserve cadres of villages inside the subtree (aliases `reserve_cadre`, `village_org`). */
  reserveCadres(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('reserve_cadre')
      .innerJoin('org as village_org', 'village_org.id', 'reserve_cadre.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Community workers and full-time grid workers on the ladder (aliases `community_worker`, `village_org`). */
  communityWorkers(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('community_worker')
      .innerJoin('org as village_org', 'village_org.id', 'community_worker.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** 换届 rounds of the counties the subtree lies in (alias `election_round`), as powerItems. */
  electionRounds(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    const counties = db
      .selectFrom('org as scope_org')
      .select('scope_org.county_code')
      .where('scope_org.path', 'like', subtreePattern(actor))
      .where('scope_org.county_code', 'is not', null);
    return db
      .selectFrom('election_round')
      .where((eb) =>
        actor.scopeCountyCode
          ? eb('election_round.county_code', '=', actor.scopeCountyCode)
          : eb('election_round.county_code', 'in', counties),
      );
  },

  /** Elections of villages inside the subtree (aliases `village_election`, `village_org`). */
  villageElections(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('village_election')
      .innerJoin('org as village_org', 'village_org.id', 'village_election.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Candidates of elections of villages inside the subtree (aliases `election_candidate`, `village_org`). */
  electionCandidates(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('election_candidate')
      .innerJoin('org as village_org', 'village_org.id', 'election_candidate.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
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

/** Places an assessment id inside the scope (its village), or answers 404 (ASSESSMENT_NOT_FOUND). */
export async function verifyAssessment(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'assessment:read',
) {
  const found = await scoped
    .assessments(db, actor, permission)
    .selectAll('assessment')
    .select(['assessed_org.path as org_path', 'assessed_org.name as org_name'])
    .where('assessment.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('assessment', unverifiedId);
  return found;
}

/** Places a contest id among the contests the actor may see, or answers 404 (CONTEST_NOT_FOUND). */
export async function verifyContest(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'assessment:read',
) {
  const found = await scoped
    .contests(db, actor, permission)
    .selectAll('contest')
    .select(['organizer_org.path as organizer_path', 'organizer_org.name as organizer_name'])
    .where('contest.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('contest', unverifiedId);
  return found;
}

/** Places a weak org (软弱涣散) id inside the scope, or answers 404 (WEAK_ORG_NOT_FOUND). */
export async function verifyWeakOrg(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'assessment:read',
) {
  const found = await scoped
    .weakOrgs(db, actor, permission)
    .selectAll('weak_org')
    .select(['weak_org_org.path as org_path', 'weak_org_org.name as org_name'])
    .where('weak_org.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('weak_org', unverifiedId);
  return found;
}

/** Places a 强村公司 / 富民工坊 id among those the actor may see, or answers 404 (ENTERPRISE_NOT_FOUND). */
export async function verifyEnterprise(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'assessment:read',
) {
  const found = await scoped
    .collectiveEnterprises(db, actor, permission)
    .selectAll('collective_enterprise')
    .select(['enterprise_org.path as org_path', 'enterprise_org.name as org_name'])
    .where('collective_enterprise.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('enterprise', unverifiedId);
  return found;
}
