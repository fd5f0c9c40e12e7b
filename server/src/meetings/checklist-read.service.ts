// Reads of the monthly checklist: the checklists an actor sees (issued by its org or above, or inside
// its scope), a branch's tasks, completion rolled up by the children of a scope org in one SQL over the
// tasks' path prefix, and the overdue branches.
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import * as repo from './checklist-read.repository.ts';
import { MEETING_KIND_NAMES } from './domain/meeting-rules.ts';
import { meetingErrors } from './meeting-common.ts';

export async function visibleChecklist(db: Db, actor: Actor, id: number) {
  const c = await repo.visibleChecklistRow(db, actor, id);
  if (!c) throw meetingErrors.checklistNotFound(id);
  return c;
}

async function itemsOf(db: Db, checklistIds: number[]) {
  if (!checklistIds.length) return [];
  const rows = await repo.itemsOf(db, checklistIds);
  return rows.map((i) => ({
    id: i.id,
    checklistId: i.checklist_id,
    seq: i.seq,
    title: i.title,
    description: i.description,
    kinds: i.kinds,
    kindNames: i.kinds.map((k) => MEETING_KIND_NAMES[k]),
    dueOn: i.due_on,
  }));
}

/** Checklists the actor sees, newest month first, with the completion inside the actor's scope. */
export async function listChecklists(db: Db, actor: Actor, month?: string) {
  const rows = await repo.visibleChecklists(db, actor, month);
  const ids = rows.map((r) => r.id);
  const [items, done] = await Promise.all([
    itemsOf(db, ids),
    ids.length ? repo.taskCounts(db, actor, ids) : [],
  ]);
  const doneBy = new Map(done.map((d) => [d.checklist_id, d]));
  return {
    items: rows.map((r) => {
      const d = doneBy.get(r.id);
      const total = Number(d?.total ?? 0);
      const finished = Number(d?.done ?? 0);
      return {
        ...r,
        canPublish: r.issuerOrgId === actor.scopeOrgId && r.status === 'draft',
        items: items.filter((i) => i.checklistId === r.id),
        tasks: total,
        done: finished,
        rate: total ? finished / total : 0,
      };
    }),
  };
}

/** A branch's tasks (of one month, or all), with the meeting given as evidence. */
export async function branchTasks(db: Db, actor: Actor, unverifiedOrgId: number, month?: string) {
  const org = await verifyOrg(db, actor, unverifiedOrgId);
  const today = shanghaiToday();
  const rows = await repo.tasksOfOrg(db, actor, org.id, month);
  return {
    org: { id: org.id, name: org.name },
    today,
    items: rows.map((r) => ({
      ...r,
      kindNames: r.kinds.map((k) => MEETING_KIND_NAMES[k]),
      overdue: !r.doneOn && r.dueOn < today,
    })),
  };
}

/**
 * Completion of a checklist inside a scope org, per child org (city → counties → towns → villages):
 * one SQL grouping the tasks by the path segment below the scope org.
 */
export async function completion(
  db: Db,
  actor: Actor,
  checklistId: number,
  unverifiedOrgId?: number,
  today = shanghaiToday(),
) {
  const c = await visibleChecklist(db, actor, checklistId);
  const scope = await verifyOrg(db, actor, unverifiedOrgId ?? actor.scopeOrgId);
  const rows = await repo.completionByChild(db, actor, c.id, scope, today);
  const childIds = rows.map((r) => Number(r.child)).filter((id) => id > 0);
  const names = childIds.length ? await repo.orgsNamed(db, actor, childIds) : [];
  const nameOf = new Map(names.map((n) => [n.id, n]));
  const shape = (r: (typeof rows)[number]) => {
    const total = Number(r.total);
    const done = Number(r.done);
    return {
      branches: Number(r.branches),
      branchesDone: Number(r.branches_done),
      branchesOverdue: Number(r.branches_overdue),
      tasks: total,
      done,
      rate: total ? done / total : 0,
    };
  };
  const sum = rows.reduce(
    (acc, r) => {
      const s = shape(r);
      acc.branches += s.branches;
      acc.branchesDone += s.branchesDone;
      acc.branchesOverdue += s.branchesOverdue;
      acc.tasks += s.tasks;
      acc.done += s.done;
      return acc;
    },
    { branches: 0, branchesDone: 0, branchesOverdue: 0, tasks: 0, done: 0 },
  );
  const children = rows
    .filter((r) => Number(r.child) > 0 && nameOf.has(Number(r.child)))
    .map((r) => {
      const o = nameOf.get(Number(r.child)) as (typeof names)[number];
      return {
        org: { id: o.id, name: o.name, level: o.level },
        sort: [o.sort_order, o.code] as const,
        ...shape(r),
      };
    })
    .sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1].localeCompare(b.sort[1]))
    .map(({ sort: _sort, ...rest }) => rest);
  const own = rows.find((r) => !(Number(r.child) > 0));
  return {
    checklist: { id: c.id, title: c.title, month: c.month, status: c.status, issuerName: c.issuer_name },
    org: { id: scope.id, name: scope.name, level: scope.level },
    today,
    totals: { ...sum, rate: sum.tasks ? sum.done / sum.tasks : 0 },
    own: own ? shape(own) : null,
    children,
  };
}

/** Branches in the scope with tasks past their due date and not done. */
export async function overdueBranches(
  db: Db,
  actor: Actor,
  checklistId: number,
  unverifiedOrgId?: number,
  today = shanghaiToday(),
  limit = 500,
) {
  const c = await visibleChecklist(db, actor, checklistId);
  const scope = await verifyOrg(db, actor, unverifiedOrgId ?? actor.scopeOrgId);
  const rows = await repo.overdueOrgs(db, actor, c.id, scope.path, today, limit);
  return { today, items: rows.map((r) => ({ ...r, overdue: Number(r.overdue) })) };
}
