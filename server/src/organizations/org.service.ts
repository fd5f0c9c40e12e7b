// Org tree, search and detail for the caller's scope.
import type { Actor } from '../platform/access/actor.ts';
import { inScopeOrThrow } from '../platform/access/in-scope.ts';
import { chainOf, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import { decodeCursor, nextCursor } from '../platform/http/cursor.ts';
import * as repo from './org.repository.ts';

type NodeRow = Awaited<ReturnType<typeof repo.findChildren>>[number];

export function toNode(r: NodeRow) {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    level: r.level,
    category: r.category,
    memberCount: r.member_count,
    gridCount: r.grid_count,
    householdCount: r.household_count,
    childCount: r.child_count ?? 0,
  };
}

/** Ancestor ids of a path, root first, the org itself excluded: '/1/5/9/' → [1, 5]. */
export function ancestorIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number).slice(0, -1);
}

export async function treeChildren(db: Db, actor: Actor, parentId: number | undefined) {
  if (parentId === undefined) {
    const root = await repo.findNode(db, actor, actor.scopeOrgId);
    if (!root) throw errors.outOfScope('org', actor.scopeOrgId);
    return [toNode(root)];
  }
  await verifyOrg(db, actor, parentId);
  return (await repo.findChildren(db, actor, parentId)).map(toNode);
}

export async function search(db: Db, actor: Actor, q: string, limit: number) {
  const rows = await repo.searchOrgs(db, actor, q.trim(), limit);
  const names = await repo.namesOf(db, actor, [...new Set(rows.flatMap((r) => ancestorIds(r.path)))]);
  return rows.map((r) => ({
    ...toNode(r),
    pathNames: ancestorIds(r.path)
      .map((id) => names.get(id)?.name)
      .filter((n): n is string => Boolean(n)),
  }));
}

export async function detail(db: Db, actor: Actor, id: number) {
  const org = await verifyOrg(db, actor, id);
  const node = await repo.findNode(db, actor, id);
  if (!node) throw errors.outOfScope('org', id);
  await inScopeOrThrow(db, actor, 'org', [org, node], (r) => r.path);
  const chain = await chainOf(db, org.path);
  const above = new Set(ancestorIds(actor.scopePath));
  const kinds = await repo.childKinds(db, actor, id);
  return {
    org: {
      ...toNode(node),
      divisionCode: org.division_code,
      countyCode: org.county_code,
      unitName: org.unit_name,
      uscc: org.uscc,
      foundedOn: org.founded_on,
    },
    // inScope: false for the orgs above the caller's scope (shown as text, not links)
    ancestors: chain.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      inScope: a.id === actor.scopeOrgId || !above.has(a.id),
    })),
    childKinds: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
  };
}

/** Counts stop here; past it the answer is the planner's estimate. */
export const ORG_COUNT_CAP = 1_000;

/**
 * A page of the org list: by cursor (the walk starts after the previous page's last row), or by
 * number (the first page, a page jumped to). Only a page asked without a cursor carries the count.
 */
export async function list(
  db: Db,
  actor: Actor,
  f: repo.OrgListFilter,
  page: number,
  pageSize: number,
  cursor?: string,
) {
  const order = `${f.sort}:${f.order}`;
  const keyset = cursor
    ? decodeCursor(cursor, order, [f.sort === 'memberCount' ? 'integer' : 'text'])
    : undefined;
  const after = keyset ? { key: keyset.keys[0] ?? '', id: keyset.id } : undefined;
  const [rows, counted] = await Promise.all([
    repo.listOrgs(db, actor, f, pageSize + 1, after ? 0 : (page - 1) * pageSize, after),
    after ? Promise.resolve(null) : countOf(db, actor, f),
  ]);
  const items = await inScopeOrThrow(db, actor, 'org', rows.slice(0, pageSize), (r) => r.path);
  const last = items.at(-1);
  return {
    items: items.map(toNode),
    ...(counted ?? {}),
    page: after ? null : page,
    pageSize,
    nextCursor: nextCursor(rows.length, pageSize, order, last && { key: last.sort_key, id: last.id }),
  };
}

/** Exact up to ORG_COUNT_CAP (read no further), then the planner's estimate. */
async function countOf(db: Db, actor: Actor, f: repo.OrgListFilter) {
  const n = await repo.countOrgs(db, actor, f, ORG_COUNT_CAP);
  if (n <= ORG_COUNT_CAP) return { total: n, count: n, countExact: true };
  const estimate = Math.max(ORG_COUNT_CAP + 1, await repo.estimateOrgs(db, actor, f));
  return { total: estimate, count: estimate, countExact: false };
}
