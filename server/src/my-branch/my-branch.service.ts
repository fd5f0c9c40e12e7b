// "My branch" (issue 5 item 8): the village secretary's one screen in one call — members by status,
// the recruitment pipeline, this month's checklist tasks, the last meetings and the org checks of
// the branch. Every part starts from scoped.* with its own permission (my-branch.repository.ts).
import { listFindings } from '../org-checks/org-check-findings.ts';
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { monthOf, shanghaiToday } from '../recruitment/domain/dates.ts';
import * as repo from './my-branch.repository.ts';

const STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;

export async function myBranch(db: Db, actor: Actor, orgId?: number, today = shanghaiToday()) {
  const org = await verifyOrg(db, actor, orgId ?? actor.scopeOrgId);
  const under = `${org.path}%`;
  const month = today.slice(0, 7);
  const { first, last } = monthOf(today);

  const byStatus = await repo.membersByStatus(db, actor, under);
  const members = { total: 0, full: 0, probationary: 0 };
  for (const r of byStatus) {
    members[r.status] = Number(r.n);
    members.total += Number(r.n);
  }

  const pipelineRows = actor.permissions.has('recruitment:manage')
    ? await repo.activeByStage(db, actor, under)
    : [];
  const pipeline = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<(typeof STAGES)[number], number>;
  for (const r of pipelineRows) pipeline[r.stage] = Number(r.n);

  const tasks = await repo.monthTasks(db, actor, under, month);

  const meetings = await repo.lastMeetings(db, actor, under);
  const meetingsThisMonth = await repo.meetingsBetween(db, actor, under, first, last);

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
