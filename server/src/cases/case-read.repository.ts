// SQL of the case reads: the case page's row through the access layer's scoped start, its timeline,
// summons and photos; the public follow-up's timeline (the access layer's public steps); the
// notifications of an account. The rules and shapes are in case-detail.service.ts and
// case-notifications.service.ts; the lists' SQL is in case-list.repository.ts, the statistics' in
// case-stats.repository.ts.
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { publicSteps } from '../platform/access/public-view.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

/** The columns of a case's row (the list's row, as case-list.repository.ts reads it). */
const ROW_COLUMNS = [
  'civic_case.id',
  'civic_case.case_no',
  'civic_case.title',
  'civic_case.state',
  'civic_case.channel',
  'civic_case.category_code',
  'case_category.name_zh as category_name',
  'grid.name as grid_name',
  'town.name as town_name',
  'department.name as department_name',
  'civic_case.urgent',
  'civic_case.created_at',
  'civic_case.step_deadline',
  'civic_case.step_yellow_at',
  'civic_case.light',
  'civic_case.supervision',
  'civic_case.version',
  'civic_case.lng',
  'civic_case.lat',
] as const;

/** The row of a case in the actor's scope (scoped.cases), with its grid's code and village's name; throws when none. */
export function caseRow(db: Kysely<DB>, actor: Actor, id: number) {
  return scoped
    .cases(db, actor)
    .leftJoin('grid', 'grid.id', 'civic_case.grid_id')
    .leftJoin('org as town', 'town.id', 'civic_case.town_org_id')
    .leftJoin('department', 'department.id', 'civic_case.department_id')
    .leftJoin('case_category', 'case_category.code', 'civic_case.category_code')
    .leftJoin('org as village', 'village.id', 'civic_case.village_org_id')
    .select(ROW_COLUMNS)
    .select(['grid.code as grid_code', 'village.name as village_name'])
    .where('civic_case.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A case's steps in order, with the acting account's name. Unscoped: the caller verified the case. */
export function caseSteps(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('case_step')
    .leftJoin('account', 'account.id', 'case_step.actor_id')
    .select([
      'case_step.action',
      'case_step.from_state',
      'case_step.to_state',
      'case_step.actor_role',
      'case_step.note',
      'case_step.attachments',
      'case_step.details',
      'case_step.at',
      'account.display_name',
    ])
    .where('case_step.case_id', '=', caseId)
    .orderBy('case_step.at')
    .orderBy('case_step.id')
    .execute();
}

/** A case's summons (吹哨报到) in order, with the department's name. Unscoped: the caller verified the case. */
export function caseSummons(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('case_summons')
    .innerJoin('department', 'department.id', 'case_summons.department_id')
    .select([
      'case_summons.department_id',
      'department.name',
      'case_summons.state',
      'case_summons.report_deadline',
      'case_summons.reported_at',
      'case_summons.done_at',
      'case_summons.note',
    ])
    .where('case_summons.case_id', '=', caseId)
    .orderBy('case_summons.id')
    .execute();
}

/** The ids of a case's photos in order. Unscoped: the caller verified the case. */
export function casePhotoIds(db: Kysely<DB>, caseId: number) {
  return db.selectFrom('case_attachment').select('id').where('case_id', '=', caseId).orderBy('id').execute();
}

/** The public timeline of a case (the access layer's public steps), in order. */
export function publicTimeline(db: Kysely<DB>, caseId: number) {
  return publicSteps(db, [caseId]).orderBy('case_step.at').orderBy('case_step.id').execute();
}

/** The latest 100 notifications of an account, newest first. */
export function notificationsOf(db: Kysely<DB>, accountId: number) {
  return db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'case_id', 'created_at', 'read_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}
