// 每月组织生活清单 (monthly_checklist): the city or a county composes a month's items and publishes them
// to every branch of its subtree — one task per branch and item, written by one INSERT … SELECT (about
// 10,000 orgs × the items in one statement); a branch marks a task done with its meeting as evidence;
// overdue branches are reminded by in-app notifications (one INSERT … SELECT). Writes in one
// transaction each, with the audit row.
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import type { Write } from '../platform/http/route.ts';
import { isDate, shanghaiToday } from '../recruitment/domain/dates.ts';
import * as repo from './checklist.repository.ts';
import { visibleChecklist } from './checklist-read.service.ts';
import { isMonth, type MeetingKind, periodOf } from './domain/meeting-rules.ts';
import { meetingErrors } from './meeting-common.ts';

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
async function issuerOrg(db: Db, actor: Actor) {
  const org = await verifyOrg(db, actor, actor.scopeOrgId);
  if (org.level !== 'city' && org.level !== 'county') throw meetingErrors.issuerLevel();
  return org;
}

/** Creates a month's checklist of the actor's org (a draft, or published at once). */
export async function composeChecklist(db: Db, write: Write, actor: Actor, input: ChecklistInput) {
  const org = await issuerOrg(db, actor);
  if (!isMonth(input.month)) throw meetingErrors.badMonth(input.month);
  const month = periodOf('month', `${input.month}-01`);
  for (const item of input.items)
    if (
      item.dueOn !== undefined &&
      (!isDate(item.dueOn) || item.dueOn < month.first || item.dueOn > month.last)
    )
      throw meetingErrors.badDate('dueOn', item.dueOn);
  const exists = await repo.issuedChecklist(db, org.id, input.month);
  if (exists) throw meetingErrors.duplicateChecklist(input.month);
  return write(async (trx, audit) => {
    const checklistId = await repo.insertChecklist(trx, {
      issuer_org_id: org.id,
      county_code: org.county_code,
      month: input.month,
      title: input.title.trim(),
      note: input.note ?? '',
      created_by: actor.accountId,
    });
    await repo.insertItems(
      trx,
      input.items.map((item, i) => ({
        checklist_id: checklistId,
        seq: i + 1,
        title: item.title.trim(),
        description: item.description ?? '',
        kinds: JSON.stringify(item.kinds ?? []),
        due_on: item.dueOn ?? month.last,
      })),
    );
    const targets = input.publish ? await publishIn(trx, checklistId, org.path, actor.accountId) : 0;
    await audit({
      action: input.publish ? 'checklist.compose_publish' : 'checklist.compose',
      targetType: 'monthly_checklist',
      targetId: checklistId,
      after: { month: input.month, title: input.title, items: input.items.length, targets },
      countyCode: org.county_code,
    });
    return checklistId;
  });
}

/** Publishes a draft of the actor's org. */
export async function publishChecklist(db: Db, write: Write, actor: Actor, checklistId: number) {
  const org = await issuerOrg(db, actor);
  return write(async (trx, audit) => {
    const c = await repo.issuedChecklistForUpdate(trx, checklistId, org.id);
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
async function publishIn(trx: Trx, checklistId: number, issuerPath: string, by: number) {
  const inserted = await repo.insertTasks(trx, checklistId, issuerPath);
  // every target got every item: the number of orgs is the rows over the items
  const targets = inserted / Math.max(1, await repo.itemCount(trx, checklistId));
  await repo.setPublished(trx, checklistId, by, targets);
  return targets;
}

/** A branch marks a task done with one of its meetings (of a kind the item asks for, in the month). */
export async function markDone(db: Db, write: Write, actor: Actor, taskId: number, meetingId: number) {
  const task = await repo.taskToMark(db, actor, taskId);
  if (!task) throw meetingErrors.taskNotFound(taskId);
  if (task.done_on) throw meetingErrors.taskDone(taskId);
  const meeting = await repo.evidenceMeeting(db, actor, meetingId);
  if (!meeting || meeting.org_id !== task.org_id) throw meetingErrors.evidenceOtherOrg(meetingId);
  if (task.kinds.length && !task.kinds.includes(meeting.kind)) throw meetingErrors.evidenceKind(task.kinds);
  if (meeting.held_on.slice(0, 7) !== task.month)
    throw meetingErrors.evidenceMonth(meeting.held_on, task.month);
  const today = shanghaiToday();
  await write(async (trx, audit) => {
    const marked = await repo.setTaskDone(trx, task.id, {
      done_on: today,
      meeting_id: meeting.id,
      done_by: actor.accountId,
    });
    if (!marked) throw meetingErrors.taskDone(taskId);
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
  db: Db,
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
    const { notified, tasks } = await repo.remindLate(
      trx,
      actor,
      { checklistId: c.id, path: scope.path, today },
      { title, body },
    );
    await audit({
      action: 'checklist.remind',
      targetType: 'monthly_checklist',
      targetId: c.id,
      after: { orgId: scope.id, notified, tasks },
      countyCode: scope.county_code,
    });
    return { notified, tasks };
  });
}
