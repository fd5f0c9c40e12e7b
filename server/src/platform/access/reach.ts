// Where an id that arrives in a request's body, query string or a second path parameter may point: each
// route names its ids and their reach (RouteSpec.ids), and the platform places every one of them here
// before the handler runs (verifyRequestIds): inside the actor's subtree, or inside the documented
// reach of the action (a transfer's receiving org may be anywhere in the city; a dispatch goes to a
// department of the case's county). An id outside answers 404 `<KIND>_NOT_FOUND`, as if it did not
// exist. Services keep their finer rules (a member of THIS branch, a session of THIS class).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { errors } from '../errors/errors.ts';
import type { Actor } from './actor.ts';
import { scoped, subtreePattern } from './scope.ts';

/** The reach of an id (the record kind, and how far it may point). */
export type Reach =
  /** an org inside the actor's subtree */
  | 'org'
  /** a member of an org inside the subtree */
  | 'member'
  /** a case the actor may see (scoped.cases) */
  | 'case'
  /** a photo the actor uploaded and has not attached yet, or one of a case it may see */
  | 'attachment'
  /** a department (职能部门) of the county of the actor's scope (all counties for the city) */
  | 'department'
  /** a department of the county of the case named by the url's :id (dispatch, 吹哨) */
  | 'case_department'
  /** any org of the city: where a letter, an outflow or a 双报到 report may be addressed (transferTargets) */
  | 'city_org'
  /** an applicant (入党申请人) of a branch inside the subtree */
  | 'applicant'
  /** a meeting of an org inside the subtree */
  | 'meeting'
  /** a monthly checklist the actor sees: issued inside the subtree, or published from above */
  | 'checklist'
  /** a checklist task of a branch inside the subtree */
  | 'checklist_task'
  /** a 双报到 report the actor sees (scoped.communityReports) */
  | 'community_report'
  /** a patrol of the actor's own */
  | 'own_patrol'
  /** a notification of the actor's own */
  | 'own_notification'
  /** a session of a training class held inside the subtree */
  | 'training_session'
  /** an enrollment in a training class held inside the subtree */
  | 'training_enrollment'
  /** an objection raised in a recruitment of a branch inside the subtree */
  | 'recruitment_objection'
  /** a secretary's assessment of a village inside the subtree (scoped.assessments) */
  | 'assessment'
  /** an entry of the contest (擂台赛) named by the url's :id */
  | 'contest_entry'
  /** a goal promised in a contest by a village inside the subtree */
  | 'contest_goal'
  /** a grid whose grid party org is inside the subtree (scoped.grids) */
  | 'grid'
  /** a cadre of a village inside the subtree (scoped.villageCadres) */
  | 'village_cadre'
  /** a village representative inside the subtree (scoped.villageRepresentatives) */
  | 'village_representative'
  /** a file uploaded by a village inside the subtree (scoped.villageAttachments) */
  | 'village_attachment'
  /** a village decision of a village inside the subtree (scoped.deliberations) */
  | 'deliberation'
  /** an item of the power list of a county the subtree lies in (scoped.powerItems) */
  | 'power_item'
  /** a problem in the rectification ledger of a weak org inside the subtree */
  | 'rectification_problem'
  /** a full-time or part-time grid worker of a grid whose party org is inside the subtree */
  | 'grid_worker'
  /** a 换届 round of a county the subtree lies in (scoped.electionRounds) */
  | 'election_round'
  /** a candidate of an election of a village inside the subtree (scoped.electionCandidates) */
  | 'election_candidate';

/** Reaches that are the whole city by design: a letter, an outflow or a report may go anywhere. */
export const CITY_WIDE: ReadonlySet<Reach> = new Set<Reach>(['city_org']);

/** The error code's record kind of each reach (ORG_NOT_FOUND …). */
export const REACH_KIND: Record<Reach, string> = {
  org: 'org',
  member: 'member',
  case: 'case',
  attachment: 'attachment',
  department: 'department',
  case_department: 'department',
  city_org: 'org',
  applicant: 'applicant',
  meeting: 'meeting',
  checklist: 'checklist',
  checklist_task: 'checklist_task',
  community_report: 'community_report',
  own_patrol: 'patrol',
  own_notification: 'notification',
  training_session: 'training_session',
  training_enrollment: 'training_enrollment',
  recruitment_objection: 'objection',
  assessment: 'assessment',
  contest_entry: 'contest_entry',
  contest_goal: 'contest_goal',
  grid: 'grid',
  village_cadre: 'village_cadre',
  village_representative: 'village_representative',
  village_attachment: 'village_attachment',
  deliberation: 'deliberation',
  power_item: 'power_item',
  rectification_problem: 'rectification_problem',
  grid_worker: 'grid_worker',
  election_round: 'election_round',
  election_candidate: 'election_candidate',
};

interface Where {
  /** the url's path parameters (for reaches relative to the record the url names) */
  params: Record<string, unknown>;
}

type Inside = (db: Kysely<DB>, actor: Actor, ids: number[], where: Where) => Promise<{ id: number }[]>;

/** The county of the actor's scope org (null for the city). */
const scopeCounty = (db: Kysely<DB>, actor: Actor) =>
  db.selectFrom('org').select('county_code').where('id', '=', actor.scopeOrgId);

const inSubtree = (actor: Actor) => subtreePattern(actor);

/** The counties the actor's subtree lies in (a village's or town's county; every county for the city). */
const countiesOfSubtree = (db: Kysely<DB>, actor: Actor) =>
  db
    .selectFrom('org as scope_org')
    .select('scope_org.county_code')
    .where('scope_org.path', 'like', inSubtree(actor))
    .where('scope_org.county_code', 'is not', null)
    .$narrowType<{ county_code: string }>();

const INSIDE: Record<Reach, Inside> = {
  org: (db, actor, ids) =>
    db
      .selectFrom('org')
      .select('id')
      .where('id', 'in', ids)
      .where('path', 'like', inSubtree(actor))
      .execute(),
  member: (db, actor, ids) =>
    db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select('member.id')
      .where('member.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  case: (db, actor, ids) =>
    scoped.cases(db, actor).select('civic_case.id').where('civic_case.id', 'in', ids).execute(),
  attachment: (db, actor, ids) =>
    db
      .selectFrom('case_attachment')
      .select('case_attachment.id')
      .where('case_attachment.id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb.and([eb('case_attachment.case_id', 'is', null), eb('uploaded_by', '=', actor.accountId)]),
          eb('case_attachment.case_id', 'in', scoped.cases(db, actor).select('civic_case.id')),
        ]),
      )
      .execute(),
  department: (db, actor, ids) =>
    db
      .selectFrom('department')
      .select('id')
      .where('id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb(scopeCounty(db, actor), 'is', null),
          eb('department.county_code', '=', scopeCounty(db, actor)),
        ]),
      )
      .execute(),
  case_department: (db, _actor, ids, where) =>
    db
      .selectFrom('department')
      .select('department.id')
      .where('department.id', 'in', ids)
      .where(
        'department.county_code',
        '=',
        db
          .selectFrom('civic_case')
          .select('civic_case.county_code')
          .where('civic_case.id', '=', Number(where.params.id)),
      )
      .execute(),
  city_org: (db, actor, ids) =>
    scoped.transferTargets(db, actor).select('org.id').where('org.id', 'in', ids).execute(),
  applicant: (db, actor, ids) =>
    db
      .selectFrom('recruitment')
      .innerJoin('org', 'org.id', 'recruitment.org_id')
      .select('recruitment.applicant_id as id')
      .where('recruitment.applicant_id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  meeting: (db, actor, ids) =>
    db
      .selectFrom('meeting')
      .innerJoin('org', 'org.id', 'meeting.org_id')
      .select('meeting.id')
      .where('meeting.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  checklist: (db, actor, ids) =>
    scoped
      .checklists(db, actor)
      .select('monthly_checklist.id')
      .where('monthly_checklist.id', 'in', ids)
      .execute(),
  checklist_task: (db, actor, ids) =>
    db
      .selectFrom('checklist_task')
      .select('id')
      .where('id', 'in', ids)
      .where('org_path', 'like', inSubtree(actor))
      .execute(),
  community_report: (db, actor, ids) =>
    scoped
      .communityReports(db, actor)
      .select('community_report.id')
      .where('community_report.id', 'in', ids)
      .execute(),
  own_patrol: (db, actor, ids) =>
    db
      .selectFrom('patrol')
      .select('id')
      .where('id', 'in', ids)
      .where('account_id', '=', actor.accountId)
      .execute(),
  own_notification: (db, actor, ids) =>
    db
      .selectFrom('notification')
      .select('id')
      .where('id', 'in', ids)
      .where('account_id', '=', actor.accountId)
      .execute(),
  training_session: (db, actor, ids) =>
    db
      .selectFrom('training_session')
      .innerJoin('training_class', 'training_class.id', 'training_session.class_id')
      .innerJoin('org', 'org.id', 'training_class.org_id')
      .select('training_session.id')
      .where('training_session.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  training_enrollment: (db, actor, ids) =>
    db
      .selectFrom('training_enrollment')
      .innerJoin('training_class', 'training_class.id', 'training_enrollment.class_id')
      .innerJoin('org', 'org.id', 'training_class.org_id')
      .select('training_enrollment.id')
      .where('training_enrollment.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  recruitment_objection: (db, actor, ids) =>
    db
      .selectFrom('recruitment_objection')
      .innerJoin('recruitment', 'recruitment.id', 'recruitment_objection.recruitment_id')
      .innerJoin('org', 'org.id', 'recruitment.org_id')
      .select('recruitment_objection.id')
      .where('recruitment_objection.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  assessment: (db, actor, ids) =>
    scoped.assessments(db, actor).select('assessment.id').where('assessment.id', 'in', ids).execute(),
  contest_entry: (db, _actor, ids, where) =>
    db
      .selectFrom('contest_entry')
      .select('id')
      .where('id', 'in', ids)
      .where('contest_id', '=', Number(where.params.id))
      .execute(),
  contest_goal: (db, actor, ids) =>
    db
      .selectFrom('contest_goal')
      .innerJoin('contest_entry', 'contest_entry.id', 'contest_goal.entry_id')
      .innerJoin('org', 'org.id', 'contest_entry.org_id')
      .select('contest_goal.id')
      .where('contest_goal.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  grid: (db, actor, ids) =>
    db
      .selectFrom('grid')
      .innerJoin('org as grid_org', 'grid_org.id', 'grid.org_id')
      .select('grid.id')
      .where('grid.id', 'in', ids)
      .where('grid_org.path', 'like', inSubtree(actor))
      .execute(),
  village_cadre: (db, actor, ids) =>
    db
      .selectFrom('village_cadre')
      .innerJoin('org', 'org.id', 'village_cadre.org_id')
      .select('village_cadre.id')
      .where('village_cadre.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  village_representative: (db, actor, ids) =>
    db
      .selectFrom('village_representative')
      .innerJoin('org', 'org.id', 'village_representative.org_id')
      .select('village_representative.id')
      .where('village_representative.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  deliberation: (db, actor, ids) =>
    db
      .selectFrom('deliberation')
      .innerJoin('org', 'org.id', 'deliberation.org_id')
      .select('deliberation.id')
      .where('deliberation.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  power_item: (db, actor, ids) =>
    db
      .selectFrom('power_item')
      .select('power_item.id')
      .where('power_item.id', 'in', ids)
      .where((eb) =>
        actor.scopeCountyCode
          ? eb('power_item.county_code', '=', actor.scopeCountyCode)
          : eb(
              'power_item.county_code',
              'in',
              db.selectFrom('org').select('org.county_code').where('org.path', 'like', inSubtree(actor)),
            ),
      )
      .execute(),
  rectification_problem: (db, actor, ids) =>
    db
      .selectFrom('rectification_problem')
      .innerJoin('weak_org', 'weak_org.id', 'rectification_problem.weak_org_id')
      .innerJoin('org', 'org.id', 'weak_org.org_id')
      .select('rectification_problem.id')
      .where('rectification_problem.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  village_attachment: (db, actor, ids) =>
    db
      .selectFrom('village_attachment')
      .innerJoin('org', 'org.id', 'village_attachment.org_id')
      .select('village_attachment.id')
      .where('village_attachment.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
  grid_worker: (db, actor, ids) =>
    db
      .selectFrom('grid_worker')
      .innerJoin('grid', 'grid.id', 'grid_worker.grid_id')
      .innerJoin('org as grid_org', 'grid_org.id', 'grid.org_id')
      .select('grid_worker.id')
      .where('grid_worker.id', 'in', ids)
      .where('grid_org.path', 'like', inSubtree(actor))
      .execute(),
  election_round: (db, actor, ids) =>
    db
      .selectFrom('election_round')
      .select('election_round.id')
      .where('election_round.id', 'in', ids)
      .where('election_round.county_code', 'in', countiesOfSubtree(db, actor))
      .execute(),
  election_candidate: (db, actor, ids) =>
    db
      .selectFrom('election_candidate')
      .innerJoin('org', 'org.id', 'election_candidate.org_id')
      .select('election_candidate.id')
      .where('election_candidate.id', 'in', ids)
      .where('org.path', 'like', inSubtree(actor))
      .execute(),
};

/** Places ids of one reach, or answers 404 `<KIND>_NOT_FOUND` for the first outside it. */
export async function verifyInReach(
  db: Kysely<DB>,
  actor: Actor,
  reach: Reach,
  unverifiedIds: readonly number[],
  where: Where = { params: {} },
): Promise<void> {
  const ids = [...new Set(unverifiedIds)];
  if (ids.length === 0) return;
  const inside = new Set((await INSIDE[reach](db, actor, ids, where)).map((r) => Number(r.id)));
  const outside = ids.find((id) => !inside.has(id));
  if (outside !== undefined) throw errors.outOfScope(REACH_KIND[reach], outside);
}

/** Where a route finds its ids: a field, a list (`memberIds[]`) or a field of a list's items (`payments[].memberId`). */
export type IdPath = string;

/** Ids a route takes beside the url's `:id`, by where they arrive, each with its reach. */
export interface IdDeclarations {
  params?: Record<IdPath, Reach>;
  query?: Record<IdPath, Reach>;
  body?: Record<IdPath, Reach>;
}

/** The values at `path` in `value` (`a`, `a[]`, `a[].b`); only numbers count (the schema typed them). */
export function valuesAt(value: unknown, path: IdPath): number[] {
  let current: unknown[] = [value];
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    const next: unknown[] = [];
    for (const v of current) {
      if (!v || typeof v !== 'object') continue;
      const field = (v as Record<string, unknown>)[key];
      if (list) {
        if (Array.isArray(field)) next.push(...field);
      } else if (field !== undefined && field !== null) next.push(field);
    }
    current = next;
  }
  return current.filter((v): v is number => typeof v === 'number');
}

/** Every declared id of a request placed in its reach before the handler runs (app.ts calls it). */
export async function verifyRequestIds(
  db: Kysely<DB>,
  actor: Actor,
  declared: IdDeclarations,
  request: { params: unknown; query: unknown; body: unknown },
): Promise<void> {
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const part of ['params', 'query', 'body'] as const) {
    for (const [path, reach] of Object.entries(declared[part] ?? {})) {
      const ids = valuesAt(request[part], path);
      if (ids.length) await verifyInReach(db, actor, reach, ids, { params });
    }
  }
}
