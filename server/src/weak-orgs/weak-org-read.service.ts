// Reads of 软弱涣散: the ledgers of a scope (the town's list), and the figures up the tree — listed
// orgs by state per county (the city) or per town (a county), with the criteria behind them.
import { orgNames } from '../collective-economy/income.repository.ts';
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { LEDGER_STATES, STATE_NAMES } from './domain/ledger-machine.ts';
import { CRITERION_NAMES } from './domain/weak-org-rules.ts';
import { weakOrgCounts, weakOrgsOf } from './weak-org.repository.ts';

export async function ledgerList(
  db: Db,
  actor: Actor,
  query: {
    year?: number | undefined;
    state?: string | undefined;
    orgId?: number | undefined;
    townId?: number | undefined;
  },
) {
  requirePermission(actor, 'assessment:read');
  const scope = await verifyOrg(db, actor, query.orgId ?? actor.scopeOrgId);
  const rows = await weakOrgsOf(db, actor, { basePath: scope.path, ...query });
  return {
    scope: { id: scope.id, name: scope.name, level: scope.level },
    states: LEDGER_STATES.map((s) => ({ code: s, name: STATE_NAMES[s] })),
    items: rows.map((w) => ({
      id: Number(w.id),
      year: w.year,
      org: { id: Number(w.org_id), code: w.org_code, name: w.org_name },
      town: { id: Number(w.town_org_id), name: w.town_name },
      state: w.state,
      stateName: STATE_NAMES[w.state],
      criteria: w.reasons.criteria.map((c) => ({ code: c, name: CRITERION_NAMES[c] })),
      cadreName: w.cadre_name,
      cadrePost: w.cadre_post,
      deadline: w.deadline,
      listedOn: w.listed_on,
      acceptedOn: w.accepted_on,
      reviewDueOn: w.review_due_on,
      problems: Number(w.problems ?? 0),
      problemsDone: Number(w.problems_done ?? 0),
    })),
  };
}

export async function weakOrgFigures(
  db: Db,
  actor: Actor,
  query: { year?: number | undefined; orgId?: number | undefined },
) {
  requirePermission(actor, 'assessment:read');
  const scope = await verifyOrg(db, actor, query.orgId ?? actor.scopeOrgId);
  const childIndex = scope.depth + 1;
  const [counts, listed] = await Promise.all([
    weakOrgCounts(db, actor, scope.path, childIndex, query.year),
    weakOrgsOf(db, actor, { basePath: scope.path, year: query.year }),
  ]);
  const byChild = new Map<number, Record<string, number>>();
  for (const c of counts) {
    if (c.child_id === null) continue;
    const m = byChild.get(Number(c.child_id)) ?? {};
    m[c.state] = Number(c.n);
    byChild.set(Number(c.child_id), m);
  }
  const names = await orgNames(db, actor, [...byChild.keys()]);
  const criteria: Record<string, number> = {};
  for (const w of listed) for (const c of w.reasons.criteria) criteria[c] = (criteria[c] ?? 0) + 1;
  const total = (m: Record<string, number>) => Object.values(m).reduce((t, n) => t + n, 0);
  const all: Record<string, number> = {};
  for (const m of byChild.values()) for (const [k, n] of Object.entries(m)) all[k] = (all[k] ?? 0) + n;
  return {
    scope: { id: scope.id, name: scope.name, level: scope.level },
    year: query.year ?? null,
    states: LEDGER_STATES.map((s) => ({ code: s, name: STATE_NAMES[s] })),
    totals: { listed: total(all), byState: all },
    children: names.map((o) => {
      const m = byChild.get(Number(o.id)) ?? {};
      return { org: { id: Number(o.id), name: o.name, level: o.level }, listed: total(m), byState: m };
    }),
    criteria: Object.entries(criteria)
      .map(([code, n]) => ({ code, name: CRITERION_NAMES[code as keyof typeof CRITERION_NAMES], n }))
      .sort((a, b) => b.n - a.n),
  };
}
