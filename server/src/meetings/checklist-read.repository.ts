// SQL of the monthly checklist's reads (checklist-read.service.ts shapes them): the checklists an actor
// sees (the access layer's rule, scoped.checklists), their items, the tasks' completion inside the scope,
// a branch's tasks, completion per child org by the tasks' path prefix, the overdue branches.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

/** A checklist the actor sees, with its issuer's name and path. */
export function visibleChecklistRow(db: Kysely<DB>, actor: Actor, id: number) {
  return scoped
    .checklists(db, actor)
    .selectAll('monthly_checklist')
    .select(['issuer.name as issuer_name', 'issuer.path as issuer_path'])
    .where('monthly_checklist.id', '=', id)
    .executeTakeFirst();
}

export function itemsOf(db: Kysely<DB>, checklistIds: number[]) {
  return db
    .selectFrom('checklist_item')
    .selectAll()
    .where('checklist_id', 'in', checklistIds)
    .orderBy('checklist_id')
    .orderBy('seq')
    .execute();
}

/** The checklists the actor sees (of one month, or all), newest month first, 100 at most. */
export function visibleChecklists(db: Kysely<DB>, actor: Actor, month?: string) {
  let q = scoped
    .checklists(db, actor)
    .select([
      'monthly_checklist.id',
      'monthly_checklist.month',
      'monthly_checklist.title',
      'monthly_checklist.note',
      'monthly_checklist.status',
      'monthly_checklist.target_count as targetCount',
      'monthly_checklist.published_at as publishedAt',
      'monthly_checklist.issuer_org_id as issuerOrgId',
      'issuer.name as issuerName',
    ])
    .orderBy('monthly_checklist.month', 'desc')
    .orderBy('monthly_checklist.id', 'desc')
    .limit(100);
  if (month) q = q.where('monthly_checklist.month', '=', month);
  return q.execute();
}

/** Per checklist, its tasks in the actor's scope and how many are done. */
export function taskCounts(db: Kysely<DB>, actor: Actor, checklistIds: number[]) {
  return scoped
    .checklistTasks(db, actor)
    .select([
      'checklist_task.checklist_id',
      sql<number>`count(*)`.as('total'),
      sql<number>`count(checklist_task.done_on)`.as('done'),
    ])
    .where('checklist_task.checklist_id', 'in', checklistIds)
    .groupBy('checklist_task.checklist_id')
    .execute();
}

/** An org's tasks in scope (of one month, or all; 500 at most), with the meeting given as evidence. */
export function tasksOfOrg(db: Kysely<DB>, actor: Actor, orgId: number, month?: string) {
  let q = scoped
    .checklistTasks(db, actor)
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_task.item_id')
    .innerJoin('monthly_checklist', 'monthly_checklist.id', 'checklist_task.checklist_id')
    .innerJoin('org as issuer', 'issuer.id', 'monthly_checklist.issuer_org_id')
    .leftJoin('meeting', 'meeting.id', 'checklist_task.meeting_id')
    .select([
      'checklist_task.id',
      'checklist_task.checklist_id as checklistId',
      'monthly_checklist.month',
      'monthly_checklist.title as checklistTitle',
      'issuer.name as issuerName',
      'checklist_item.seq',
      'checklist_item.title',
      'checklist_item.description',
      'checklist_item.kinds',
      'checklist_item.due_on as dueOn',
      'checklist_task.done_on as doneOn',
      'checklist_task.meeting_id as meetingId',
      'meeting.topic as meetingTopic',
      'meeting.held_on as meetingHeldOn',
    ])
    .where('checklist_task.org_id', '=', orgId)
    .orderBy('monthly_checklist.month', 'desc')
    .orderBy('checklist_task.checklist_id')
    .orderBy('checklist_item.seq');
  if (month) q = q.where('monthly_checklist.month', '=', month);
  return q.limit(500).execute();
}

/**
 * Completion of a checklist's tasks in scope under a scope org, per child org: one SQL grouping the tasks
 * by the path segment below the scope org (`child` is that segment: '' for the scope org's own tasks).
 */
export function completionByChild(
  db: Kysely<DB>,
  actor: Actor,
  checklistId: number,
  scope: { path: string; depth: number },
  today: string,
) {
  // path '/1/5/23/' split on '/': part 2 is the root; the scope org is part depth+2, its child depth+3
  const childPart = sql.lit(scope.depth + 3);
  const perOrg = scoped
    .checklistTasks(db, actor)
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_task.item_id')
    .select([
      'checklist_task.org_id',
      'checklist_task.org_path',
      sql<number>`count(*)`.as('total'),
      sql<number>`count(checklist_task.done_on)`.as('done'),
      sql<number>`count(*) filter (where checklist_task.done_on is null and checklist_item.due_on < ${today})`.as(
        'overdue',
      ),
    ])
    .where('checklist_task.checklist_id', '=', checklistId)
    .where('checklist_task.org_path', 'like', `${scope.path}%`)
    .groupBy(['checklist_task.org_id', 'checklist_task.org_path']);
  return db
    .selectFrom(perOrg.as('x'))
    .select([
      sql<string>`split_part(x.org_path, '/', ${childPart})`.as('child'),
      sql<number>`count(*)`.as('branches'),
      sql<number>`count(*) filter (where x.done = x.total)`.as('branches_done'),
      sql<number>`count(*) filter (where x.overdue > 0)`.as('branches_overdue'),
      sql<number>`sum(x.total)`.as('total'),
      sql<number>`sum(x.done)`.as('done'),
    ])
    .groupBy(sql`split_part(x.org_path, '/', ${childPart})`)
    .execute();
}

/** Names and order of the given orgs, those in scope. */
export function orgsNamed(db: Kysely<DB>, actor: Actor, ids: number[]) {
  return scoped
    .orgs(db, actor)
    .select(['org.id', 'org.name', 'org.level', 'org.sort_order', 'org.code'])
    .where('org.id', 'in', ids)
    .execute();
}

/** The orgs in scope under the path with tasks of the checklist past their due date and not done. */
export function overdueOrgs(
  db: Kysely<DB>,
  actor: Actor,
  checklistId: number,
  path: string,
  today: string,
  limit: number,
) {
  return scoped
    .checklistTasks(db, actor)
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_task.item_id')
    .innerJoin('org', 'org.id', 'checklist_task.org_id')
    .select([
      'org.id',
      'org.name',
      'org.code',
      sql<number>`count(*)`.as('overdue'),
      sql<Date | null>`max(checklist_task.reminded_at)`.as('remindedAt'),
    ])
    .where('checklist_task.checklist_id', '=', checklistId)
    .where('checklist_task.org_path', 'like', `${path}%`)
    .where('checklist_task.done_on', 'is', null)
    .where('checklist_item.due_on', '<', today)
    .groupBy(['org.id', 'org.name', 'org.code', 'org.path'])
    .orderBy('org.path')
    .limit(limit)
    .execute();
}
