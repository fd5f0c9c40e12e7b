// "My branch" (issue 5 item 8): the village secretary's one screen in one call — members by status,
// the recruitment pipeline, this month's checklist tasks, the last meetings and the org checks of
// the branch. Every part starts from scoped.* with its own permission.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { monthOf, shanghaiToday } from '../recruitment/domain/dates.ts';
import { listFindings } from './org-check-findings.ts';

const STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;

export async function myBranch(db: Kysely<DB>, actor: Actor, orgId?: number, today = shanghaiToday()) {
  const org = await verifyOrg(db, actor, orgId ?? actor.scopeOrgId);
  const under = `${org.path}%`;
  const month = today.slice(0, 7);
  const { first, last } = monthOf(today);

  const byStatus = await scoped
    .members(db, actor)
    .where('member_org.path', 'like', under)
    .select(['member.status', sql<number>`count(*)`.as('n')])
    .groupBy('member.status')
    .execute();
  const members = { total: 0, full: 0, probationary: 0 };
  for (const r of byStatus) {
    members[r.status] = Number(r.n);
    members.total += Number(r.n);
  }

  const pipelineRows = actor.permissions.has('recruitment:manage')
    ? await scoped
        .applicants(db, actor)
        .where('recruitment_org.path', 'like', under)
        .where('recruitment.status', '=', 'active')
        .select(['recruitment.stage', sql<number>`count(*)`.as('n')])
        .groupBy('recruitment.stage')
        .execute()
    : [];
  const pipeline = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<(typeof STAGES)[number], number>;
  for (const r of pipelineRows) pipeline[r.stage] = Number(r.n);

  const tasks = await scoped
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

  const meetings = await scoped
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
  const meetingsThisMonth = await scoped
    .meetings(db, actor)
    .where('meeting_org.path', 'like', under)
    .where('meeting.held_on', '>=', first)
    .where('meeting.held_on', '<=', last)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();

  const checks = await listFindings(db, actor, { orgId: org.id, pageSize: 50 }, today);

  return {
    today,
    month,
    org: { id: org.id, code: org.code, name: org.name, shortName: org.short_name, kind: org.kind },
    members,
    pipeline,
    checklist: {
      total: tasks.length,
      done: tasks.filter((t) => t.done_on !== null).length,
      items: tasks.map((t) => ({
        id: Number(t.id),
        orgId: Number(t.org_id),
        orgName: t.org_name,
        title: t.title,
        dueOn: t.due_on,
        doneOn: t.done_on,
        meetingId: t.meeting_id === null ? null : Number(t.meeting_id),
        state: t.done_on !== null ? 'done' : t.due_on < today ? 'overdue' : 'open',
      })),
    },
    meetings: {
      thisMonth: Number(meetingsThisMonth?.n ?? 0),
      last: meetings.map((m) => ({
        id: Number(m.id),
        kind: m.kind,
        heldOn: m.held_on,
        topic: m.topic,
        expected: m.expected,
        present: m.present,
        orgName: m.org_name,
      })),
    },
    /** null until the dues capability (server/src/dues) exposes its figures */
    dues: null,
    warnings: { counts: checks.counts, total: checks.total, items: checks.items },
  };
}
