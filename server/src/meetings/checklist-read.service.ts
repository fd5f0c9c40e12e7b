// Reads of the monthly checklist: the checklists an actor sees (issued by its org or above, or inside
// its scope), a branch's tasks, completion rolled up by the children of a scope org in one SQL over the
// tasks' path prefix, and the overdue branches.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { MEETING_KIND_NAMES } from './domain/meeting-rules.ts';
import { meetingErrors } from './meeting-common.ts';

/** The checklists an actor may see (the access layer's rule). */
const checklists = (db: Kysely<DB>, actor: Actor) => scoped.checklists(db, actor);

export async function visibleChecklist(db: Kysely<DB>, actor: Actor, id: number) {
  const c = await checklists(db, actor)
    .selectAll('monthly_checklist')
    .select(['issuer.name as issuer_name', 'issuer.path as issuer_path'])
    .where('monthly_checklist.id', '=', id)
    .executeTakeFirst();
  if (!c) throw meetingErrors.checklistNotFound(id);
  return c;
}

async function itemsOf(db: Kysely<DB>, checklistIds: number[]) {
  if (!checklistIds.length) return [];
  const rows = await db
    .selectFrom('checklist_item')
    .selectAll()
    .where('checklist_id', 'in', checklistIds)
    .orderBy('checklist_id')
    .orderBy('seq')
    .execute();
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
export async function listChecklists(db: Kysely<DB>, actor: Actor, month?: string) {
  let q = checklists(db, actor)
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
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const [items, done] = await Promise.all([
    itemsOf(db, ids),
    ids.length
      ? scoped
          .checklistTasks(db, actor)
          .select([
            'checklist_task.checklist_id',
            sql<number>`count(*)`.as('total'),
            sql<number>`count(checklist_task.done_on)`.as('done'),
          ])
          .where('checklist_task.checklist_id', 'in', ids)
          .groupBy('checklist_task.checklist_id')
          .execute()
      : [],
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
export async function branchTasks(db: Kysely<DB>, actor: Actor, unverifiedOrgId: number, month?: string) {
  const org = await verifyOrg(db, actor, unverifiedOrgId);
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
    .where('checklist_task.org_id', '=', org.id)
    .orderBy('monthly_checklist.month', 'desc')
    .orderBy('checklist_task.checklist_id')
    .orderBy('checklist_item.seq');
  if (month) q = q.where('monthly_checklist.month', '=', month);
  const today = shanghaiToday();
  const rows = await q.limit(500).execute();
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
  db: Kysely<DB>,
  actor: Actor,
  checklistId: number,
  unverifiedOrgId?: number,
  today = shanghaiToday(),
) {
  const c = await visibleChecklist(db, actor, checklistId);
  const scope = await verifyOrg(db, actor, unverifiedOrgId ?? actor.scopeOrgId);
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
    .where('checklist_task.checklist_id', '=', c.id)
    .where('checklist_task.org_path', 'like', `${scope.path}%`)
    .groupBy(['checklist_task.org_id', 'checklist_task.org_path']);
  const rows = await db
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
  const childIds = rows.map((r) => Number(r.child)).filter((id) => id > 0);
  const names = childIds.length
    ? await scoped
        .orgs(db, actor)
        .select(['org.id', 'org.name', 'org.level', 'org.sort_order', 'org.code'])
        .where('org.id', 'in', childIds)
        .execute()
    : [];
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
  db: Kysely<DB>,
  actor: Actor,
  checklistId: number,
  unverifiedOrgId?: number,
  today = shanghaiToday(),
  limit = 500,
) {
  const c = await visibleChecklist(db, actor, checklistId);
  const scope = await verifyOrg(db, actor, unverifiedOrgId ?? actor.scopeOrgId);
  const rows = await scoped
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
    .where('checklist_task.checklist_id', '=', c.id)
    .where('checklist_task.org_path', 'like', `${scope.path}%`)
    .where('checklist_task.done_on', 'is', null)
    .where('checklist_item.due_on', '<', today)
    .groupBy(['org.id', 'org.name', 'org.code', 'org.path'])
    .orderBy('org.path')
    .limit(limit)
    .execute();
  return { today, items: rows.map((r) => ({ ...r, overdue: Number(r.overdue) })) };
}
