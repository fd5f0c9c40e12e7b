// 每月组织生活清单 (monthly_checklist): the city or a county composes a month's items and publishes them
// to every branch of its subtree — one task per branch and item, written by one INSERT … SELECT (about
// 10,000 orgs × the items in one statement); a branch marks a task done with its meeting as evidence;
// overdue branches are reminded by in-app notifications (one INSERT … SELECT). Writes in one
// transaction each, with the audit row.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import type { Write } from '../platform/http/route.ts';
import { isDate, shanghaiToday } from '../recruitment/domain/dates.ts';
import { visibleChecklist } from './checklist-read.service.ts';
import { isMonth, type MeetingKind, periodOf } from './domain/meeting-rules.ts';
import { holdsOrgLife, meetingErrors } from './meeting-common.ts';

export interface ChecklistItemInput {
  title: string;
  description?: string | undefined;
  kinds?: MeetingKind[] | undefined;
  dueOn?: string | undefined;
}

export interface ChecklistInput {
  month: string;
  title: string;
  note?: string | undefined;
  items: ChecklistItemInput[];
  publish?: boolean | undefined;
}

/** Only the city or a county (its organization department) issues the checklist. */
async function issuerOrg(db: Kysely<DB>, actor: Actor) {
  const org = await verifyOrg(db, actor, actor.scopeOrgId);
  if (org.level !== 'city' && org.level !== 'county') throw meetingErrors.issuerLevel();
  return org;
}

/** Creates a month's checklist of the actor's org (a draft, or published at once). */
export async function composeChecklist(db: Kysely<DB>, write: Write, actor: Actor, input: ChecklistInput) {
  const org = await issuerOrg(db, actor);
  if (!isMonth(input.month)) throw meetingErrors.badMonth(input.month);
  const month = periodOf('month', `${input.month}-01`);
  for (const item of input.items)
    if (
      item.dueOn !== undefined &&
      (!isDate(item.dueOn) || item.dueOn < month.first || item.dueOn > month.last)
    )
      throw meetingErrors.badDate('dueOn', item.dueOn);
  const exists = await db
    .selectFrom('monthly_checklist')
    .select('id')
    .where('issuer_org_id', '=', org.id)
    .where('month', '=', input.month)
    .executeTakeFirst();
  if (exists) throw meetingErrors.duplicateChecklist(input.month);
  return write(async (trx, audit) => {
    const c = await trx
      .insertInto('monthly_checklist')
      .values({
        issuer_org_id: org.id,
        county_code: org.county_code,
        month: input.month,
        title: input.title.trim(),
        note: input.note ?? '',
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('checklist_item')
      .values(
        input.items.map((item, i) => ({
          checklist_id: c.id,
          seq: i + 1,
          title: item.title.trim(),
          description: item.description ?? '',
          kinds: JSON.stringify(item.kinds ?? []),
          due_on: item.dueOn ?? month.last,
        })),
      )
      .execute();
    const targets = input.publish ? await publishIn(trx, c.id, org.path, actor.accountId) : 0;
    await audit({
      action: input.publish ? 'checklist.compose_publish' : 'checklist.compose',
      targetType: 'monthly_checklist',
      targetId: c.id,
      after: { month: input.month, title: input.title, items: input.items.length, targets },
      countyCode: org.county_code,
    });
    return c.id;
  });
}

/** Publishes a draft of the actor's org. */
export async function publishChecklist(db: Kysely<DB>, write: Write, actor: Actor, checklistId: number) {
  const org = await issuerOrg(db, actor);
  return write(async (trx, audit) => {
    const c = await trx
      .selectFrom('monthly_checklist')
      .select(['id', 'status', 'month'])
      .where('id', '=', checklistId)
      .where('issuer_org_id', '=', org.id)
      .forUpdate()
      .executeTakeFirst();
    if (!c) throw meetingErrors.checklistNotFound(checklistId);
    if (c.status !== 'draft') throw meetingErrors.alreadyPublished(checklistId);
    const targets = await publishIn(trx, c.id, org.path, actor.accountId);
    await audit({
      action: 'checklist.publish',
      targetType: 'monthly_checklist',
      targetId: c.id,
      before: { status: 'draft' },
      after: { status: 'published', month: c.month, targets },
      countyCode: org.county_code,
    });
    return targets;
  });
}

/** One set-based INSERT … SELECT: every org holding organizational life under the issuer × every item. */
async function publishIn(trx: Transaction<DB>, checklistId: number, issuerPath: string, by: number) {
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
  // every target got every item: the number of orgs is the rows over the items
  const items = await trx
    .selectFrom('checklist_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('checklist_id', '=', checklistId)
    .executeTakeFirstOrThrow();
  const targets = Number(inserted.numInsertedOrUpdatedRows ?? 0) / Math.max(1, Number(items.n));
  await trx
    .updateTable('monthly_checklist')
    .set({ status: 'published', published_at: new Date(), published_by: by, target_count: targets })
    .where('id', '=', checklistId)
    .execute();
  return targets;
}

/** A branch marks a task done with one of its meetings (of a kind the item asks for, in the month). */
export async function markDone(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  taskId: number,
  meetingId: number,
) {
  const task = await scoped
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
  if (!task) throw meetingErrors.taskNotFound(taskId);
  if (task.done_on) throw meetingErrors.taskDone(taskId);
  const meeting = await scoped
    .meetings(db, actor, 'meeting:record')
    .select(['meeting.id', 'meeting.org_id', 'meeting.kind', 'meeting.held_on'])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting || meeting.org_id !== task.org_id) throw meetingErrors.evidenceOtherOrg(meetingId);
  if (task.kinds.length && !task.kinds.includes(meeting.kind)) throw meetingErrors.evidenceKind(task.kinds);
  if (meeting.held_on.slice(0, 7) !== task.month)
    throw meetingErrors.evidenceMonth(meeting.held_on, task.month);
  const today = shanghaiToday();
  await write(async (trx, audit) => {
    const done = await trx
      .updateTable('checklist_task')
      .set({ done_on: today, meeting_id: meeting.id, done_by: actor.accountId, done_at: new Date() })
      .where('id', '=', task.id)
      .where('done_on', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw meetingErrors.taskDone(taskId);
    await audit({
      action: 'checklist.task_done',
      targetType: 'checklist_task',
      targetId: task.id,
      before: { doneOn: null },
      after: { doneOn: today, meetingId: meeting.id },
      countyCode: task.county_code,
    });
  });
  return { id: task.id, doneOn: today, meetingId: meeting.id };
}

/**
 * Reminds the secretaries and org admins of every branch in the scope with a task past its due date and
 * not done: one notification per account, written by one INSERT … SELECT.
 */
export async function remindOverdue(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  checklistId: number,
  unverifiedOrgId?: number,
  today = shanghaiToday(),
) {
  const scope = await verifyOrg(db, actor, unverifiedOrgId ?? actor.scopeOrgId);
  const c = await visibleChecklist(db, actor, checklistId);
  const title = `组织生活清单逾期提醒：${c.title}`;
  const body = `${c.month} 组织生活清单中有事项已过完成期限，请尽快召开会议并在系统中标记完成。`;
  return write(async (trx, audit) => {
    const late = scoped
      .checklistTasks(trx, actor)
      .innerJoin('checklist_item', 'checklist_item.id', 'checklist_task.item_id')
      .select('checklist_task.org_id')
      .where('checklist_task.checklist_id', '=', c.id)
      .where('checklist_task.org_path', 'like', `${scope.path}%`)
      .where('checklist_task.done_on', 'is', null)
      .where('checklist_item.due_on', '<', today);
    const sent = await trx
      .insertInto('notification')
      .columns(['account_id', 'kind', 'title', 'body'])
      .expression((eb) =>
        eb
          .selectFrom('account')
          .select([
            'account.id',
            sql.lit('checklist_overdue').as('kind'),
            sql.val(title).as('title'),
            sql.val(body).as('body'),
          ])
          .where('account.scope_org_id', 'in', late)
          .where('account.role', 'in', ['secretary', 'org_admin'])
          .where('account.disabled', '=', false),
      )
      .executeTakeFirst();
    const marked = await trx
      .updateTable('checklist_task')
      .set({ reminded_at: new Date() })
      .where('checklist_id', '=', c.id)
      .where('org_id', 'in', late)
      .where('done_on', 'is', null)
      .executeTakeFirst();
    const notified = Number(sent.numInsertedOrUpdatedRows ?? 0);
    await audit({
      action: 'checklist.remind',
      targetType: 'monthly_checklist',
      targetId: c.id,
      after: { orgId: scope.id, notified, tasks: Number(marked.numUpdatedRows) },
      countyCode: scope.county_code,
    });
    return { notified, tasks: Number(marked.numUpdatedRows) };
  });
}
