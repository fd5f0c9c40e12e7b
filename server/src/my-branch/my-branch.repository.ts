// "My branch" SQL: each part of the secretary's screen under one org's path, always from scoped.* (members,
// applicants, checklist tasks, meetings) so each keeps its own permission and the actor's scope.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

/** Members under the path inside the actor's scope, counted by status. */
export function membersByStatus(db: Kysely<DB>, actor: Actor, under: string) {
  return scoped
    .members(db, actor)
    .where('member_org.path', 'like', under)
    .select(['member.status', sql<number>`count(*)`.as('n')])
    .groupBy('member.status')
    .execute();
}

/** Active applicants under the path inside the actor's scope, counted by stage. */
export function activeByStage(db: Kysely<DB>, actor: Actor, under: string) {
  return scoped
    .applicants(db, actor)
    .where('recruitment_org.path', 'like', under)
    .where('recruitment.status', '=', 'active')
    .select(['recruitment.stage', sql<number>`count(*)`.as('n')])
    .groupBy('recruitment.stage')
    .execute();
}

/** This month's checklist tasks of the orgs under the path (first 200 by due day and org). */
export function monthTasks(db: Kysely<DB>, actor: Actor, under: string, month: string) {
  return scoped
    .checklistTasks(db, actor)
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_task.item_id')
    .innerJoin('monthly_checklist', 'monthly_checklist.id', 'checklist_item.checklist_id')
    .innerJoin('org as task_org', 'task_org.id', 'checklist_task.org_id')
    .where('checklist_task.org_path', 'like', under)
    .where('monthly_checklist.month', '=', month)
    .select([
      'checklist_task.id',
      'checklist_task.org_id',
      'task_org.short_name as org_name',
      'checklist_item.title',
      'checklist_item.due_on',
      'checklist_task.done_on',
      'checklist_task.meeting_id',
    ])
    .orderBy('checklist_item.due_on')
    .orderBy('checklist_task.org_path')
    .limit(200)
    .execute();
}

/** The last 5 meetings under the path. */
export function lastMeetings(db: Kysely<DB>, actor: Actor, under: string) {
  return scoped
    .meetings(db, actor)
    .where('meeting_org.path', 'like', under)
    .select([
      'meeting.id',
      'meeting.kind',
      'meeting.held_on',
      'meeting.topic',
      'meeting.expected',
      'meeting.present',
      'meeting_org.short_name as org_name',
    ])
    .orderBy('meeting.held_on', 'desc')
    .orderBy('meeting.id', 'desc')
    .limit(5)
    .execute();
}

/** The number of meetings under the path held between two days. */
export function meetingsBetween(db: Kysely<DB>, actor: Actor, under: string, first: string, last: string) {
  return scoped
    .meetings(db, actor)
    .where('meeting_org.path', 'like', under)
    .where('meeting.held_on', '>=', first)
    .where('meeting.held_on', '<=', last)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
}
