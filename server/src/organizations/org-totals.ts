// Subtree totals on org: member_count, grid_count and household_count count everything at or below
// each org. Direct counts come from GROUP BY queries; the roll-up along the materialized paths is done
// in memory, and only the rows whose totals changed are written back, in batches.
import type { Db } from '../platform/db/handle.ts';
import * as repo from './org-totals.repository.ts';

const BATCH = 1000;

export interface OrgTotalsResult {
  orgs: number;
  updated: number;
}

export async function recomputeOrgTotals(db: Db): Promise<OrgTotalsResult> {
  const orgs = await repo.orgsWithTotals(db);
  const members = await repo.membersPerOrg(db);
  const grids = await repo.gridsPerOrg(db);

  const totals = new Map<number, { m: number; g: number; h: number }>();
  for (const o of orgs) totals.set(Number(o.id), { m: 0, g: 0, h: 0 });
  const direct = new Map<number, { m: number; g: number; h: number }>();
  const at = (id: number) => {
    let d = direct.get(id);
    if (!d) {
      d = { m: 0, g: 0, h: 0 };
      direct.set(id, d);
    }
    return d;
  };
  for (const r of members) at(Number(r.org_id)).m += Number(r.n);
  for (const r of grids) {
    const d = at(Number(r.org_id));
    d.g += Number(r.n);
    d.h += Number(r.h ?? 0);
  }
  const pathOf = new Map<number, string>();
  for (const o of orgs) pathOf.set(Number(o.id), o.path);
  for (const [id, d] of direct) {
    const path = pathOf.get(id);
    if (!path) continue;
    for (const part of path.split('/')) {
      if (part === '') continue;
      const t = totals.get(Number(part));
      if (!t) continue;
      t.m += d.m;
      t.g += d.g;
      t.h += d.h;
    }
  }

  const changed: [number, number, number, number][] = [];
  for (const o of orgs) {
    const t = totals.get(Number(o.id)) as { m: number; g: number; h: number };
    if (t.m !== o.member_count || t.g !== o.grid_count || t.h !== o.household_count)
      changed.push([Number(o.id), t.m, t.g, t.h]);
  }
  for (let i = 0; i < changed.length; i += BATCH) await repo.writeOrgTotals(db, changed.slice(i, i + BATCH));
  return { orgs: orgs.length, updated: changed.length };
}
