// SQL of the monthly checklist (每月组织生活清单); checklist.service.ts and checklist-read.service.ts hold
// the rules. Checklists, tasks, meetings and orgs are read through the access layer (scoped.*): which
// checklists an actor sees is the access layer's rule. Publishing and reminding are set-based statements
// (INSERT … SELECT over every branch of the issuer's subtree).
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { holdsOrgLife } from './meeting-common.ts';

// ---- writes of the issuer (the city or a county) ----

/** The checklist the issuer already has for a month, if any. */
export function issuedChecklist(db: Kysely<DB>, issuerOrgId: number, month: string) {
  return db
    .selectFrom('monthly_checklist')
    .select('id')
    .where('issuer_org_id', '=', issuerOrgId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function insertChecklist(
  trx: Transaction<DB>,
  row: Insertable<DB['monthly_checklist']>,
): Promise<number> {
  const c = await trx.insertInto('monthly_checklist').values(row).returning('id').executeTakeFirstOrThrow();
  return c.id;
}

export async function insertItems(
  trx: Transaction<DB>,
  rows: Insertable<DB['checklist_item']>[],
): Promise<void> {
  await trx.insertInto('checklist_item').values(rows).execute();
}

/** An issuer's checklist, locked for its publication. */
export function issuedChecklistForUpdate(trx: Transaction<DB>, id: number, issuerOrgId: number) {
  return trx
    .selectFrom('monthly_checklist')
    .select(['id', 'status', 'month'])
    .where('id', '=', id)
    .where('issuer_org_id', '=', issuerOrgId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * One task per org holding organizational life under the issuer's path and per item of the checklist, in
 * one INSERT … SELECT; the number of rows written.
 */
export async function insertTasks(
  trx: Transaction<DB>,
  checklistId: number,
  issuerPath: string,
): Promise<number> {
  const inserted = await trx
    .insertInto('checklist_task')
    .columns(['checklist_id', 'item_id', 'org_id', 'org_path', 'county_code'])
    .expression((eb) =>
      eb
        .selectFrom('org')
        .innerJoin('checklist_item', (join) => join.on('checklist_item.checklist_id', '=', checklistId))
        .select([
          'checklist_item.checklist_id',
          'checklist_item.id',
          'org.id as org_id',
          'org.path',
          'org.county_code',
        ])
        .where('org.path', 'like', `${issuerPath}%`)
        .where(holdsOrgLife),
    )
    .executeTakeFirstOrThrow();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}

export async function itemCount(trx: Transaction<DB>, checklistId: number): Promise<number> {
  const items = await trx
    .selectFrom('checklist_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('checklist_id', '=', checklistId)
    .executeTakeFirstOrThrow();
  return Number(items.n);
}

export async function setPublished(
  trx: Transaction<DB>,
  checklistId: number,
  by: number,
  targets: number,
): Promise<void> {
  await trx
    .updateTable('monthly_checklist')
    .set({ status: 'published', published_at: new Date(), published_by: by, target_count: targets })
    .where('id', '=', checklistId)
    .execute();
}

// ---- a branch's task ----

/** A task in scope (meeting:record) with its item's kinds and its checklist's month. */
export function taskToMark(db: Kysely<DB>, actor: Actor, taskId: number) {
  return scoped
    .checklistTasks(db, actor, 'meeting:record')
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_task.item_id')
    .innerJoin('monthly_checklist', 'monthly_checklist.id', 'checklist_task.checklist_id')
    .select([
      'checklist_task.id',
      'checklist_task.org_id',
      'checklist_task.done_on',
      'checklist_task.county_code',
      'checklist_item.kinds',
      'monthly_checklist.month',
    ])
    .where('checklist_task.id', '=', taskId)
    .executeTakeFirst();
}

/** A meeting in scope (meeting:record) offered as a task's evidence. */
export function evidenceMeeting(db: Kysely<DB>, actor: Actor, meetingId: number) {
  return scoped
    .meetings(db, actor, 'meeting:record')
    .select(['meeting.id', 'meeting.org_id', 'meeting.kind', 'meeting.held_on'])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
}

/** Marks a task done unless it already is; whether it was marked now. */
export async function setTaskDone(
  trx: Transaction<DB>,
  taskId: number,
  done: { done_on: string; meeting_id: number; done_by: number },
): Promise<boolean> {
  const r = await trx
    .updateTable('checklist_task')
    .set({ ...done, done_at: new Date() })
    .where('id', '=', taskId)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- reminders ----

/** The orgs in scope under the path with a task of the checklist past its due date and not done. */
function lateOrgs(trx: Transaction<DB>, actor: Actor, checklistId: number, path: string, today: string) {
  return scoped
    .checklistTasks(trx, actor)
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_task.item_id')
    .select('checklist_task.org_id')
    .where('checklist_task.checklist_id', '=', checklistId)
    .where('checklist_task.org_path', 'like', `${path}%`)
    .where('checklist_task.done_on', 'is', null)
    .where('checklist_item.due_on', '<', today);
}

/**
 * One notification per secretary and org admin (not disabled) of every late org, in one INSERT … SELECT,
 * then the late tasks marked reminded; the notifications and the tasks.
 */
export async function remindLate(
  trx: Transaction<DB>,
  actor: Actor,
  late: { checklistId: number; path: string; today: string },
  message: { title: string; body: string },
): Promise<{ notified: number; tasks: number }> {
  const orgs = lateOrgs(trx, actor, late.checklistId, late.path, late.today);
  const sent = await trx
    .insertInto('notification')
    .columns(['account_id', 'kind', 'title', 'body'])
    .expression((eb) =>
      eb
        .selectFrom('account')
        .select([
          'account.id',
          sql.lit('checklist_overdue').as('kind'),
          sql.val(message.title).as('title'),
          sql.val(message.body).as('body'),
        ])
        .where('account.scope_org_id', 'in', orgs)
        .where('account.role', 'in', ['secretary', 'org_admin'])
        .where('account.disabled', '=', false),
    )
    .executeTakeFirst();
  const marked = await trx
    .updateTable('checklist_task')
    .set({ reminded_at: new Date() })
    .where('checklist_id', '=', late.checklistId)
    .where('org_id', 'in', orgs)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return { notified: Number(sent.numInsertedOrUpdatedRows ?? 0), tasks: Number(marked.numUpdatedRows) };
}
