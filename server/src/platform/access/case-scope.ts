// The case scope of an actor through the denormalized place columns of civic_case (issue 13). A case
// carries its grid, village, town and county, fixed when it was located. An org account's scope is
// "the cases of the grids in my subtree"; when those grids are exactly the grids of one county, town
// or village (as for every territorial org), that is one column = one value, and a list is an
// ordered walk of the (column, sort key, id) index that stops after the page — where
// `grid_id in (my grids)` read every case of the scope to sort them. The grid set itself decides,
// so a non-territorial org (机关, 两新 …: no grids) gets no cases, and an unusual subtree falls back
// to its list of grids. Used only through `scoped.caseAccess` (scope.ts).
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

export type CaseScope =
  /** Every case (the root org: the city). */
  | { kind: 'all' }
  | { kind: 'county'; countyCode: string }
  | { kind: 'town'; orgId: number; countyCode: string }
  | { kind: 'village'; orgId: number }
  | { kind: 'grid'; gridId: number }
  /** Any other set of grids (empty: no case). */
  | { kind: 'grids'; gridIds: readonly number[] }
  /** A department's cases (null: an account of no department sees none). */
  | { kind: 'department'; departmentId: number | null }
  /** A resident's own reports. */
  | { kind: 'reporter'; accountId: number };

/** What an actor may read: the scope, plus cases it reaches another way (each outside the scope). */
export interface CaseAccess {
  scope: CaseScope;
  /** An org account also sees what it reported itself, wherever that was located. */
  reportedBy: number | null;
  /** Department staff also see the cases their department was summoned to (吹哨报到). */
  summonedDepartment: number | null;
}

interface TerritoryGrid {
  id: number;
  path: string;
  villageOrgId: number;
  townOrgId: number | null;
  countyCode: string;
}

interface Territory {
  at: number;
  grids: TerritoryGrid[];
  /** Grids per county, town and village: a scope is one of these when its grid set is the whole set. */
  countyGrids: Map<string, number>;
  townGrids: Map<number, number>;
  villageGrids: Map<number, number>;
  byPath: Map<string, CaseScope>;
}

// Grids and the org tree change only by the seed or an import (no endpoint moves an org); a minute's
// cache is what the case reference data keeps too (cases/case-reference.ts).
const TTL_MS = 60_000;
const cache = new WeakMap<Kysely<DB>, Promise<Territory>>();

export function forgetTerritory(db: Kysely<DB>): void {
  cache.delete(db);
}

async function loadTerritory(db: Kysely<DB>): Promise<Territory> {
  const rows = await db
    .selectFrom('grid')
    .innerJoin('org as grid_org', 'grid_org.id', 'grid.org_id')
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .leftJoin('org as town', 'town.id', 'village.parent_id')
    .select([
      'grid.id',
      'grid_org.path',
      'grid.village_org_id',
      'grid.county_code',
      'town.id as town_id',
      'town.level as town_level',
    ])
    .execute();
  const grids = rows.map((r) => ({
    id: r.id,
    path: r.path,
    villageOrgId: r.village_org_id,
    // the town a case of this grid records (case-reference.ts: a village's parent of level town)
    townOrgId: r.town_level === 'town' ? r.town_id : null,
    countyCode: r.county_code,
  }));
  const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  const countyGrids = new Map<string, number>();
  const townGrids = new Map<number, number>();
  const villageGrids = new Map<number, number>();
  for (const g of grids) {
    count(countyGrids, g.countyCode);
    if (g.townOrgId !== null) count(townGrids, g.townOrgId);
    count(villageGrids, g.villageOrgId);
  }
  return { at: Date.now(), grids, countyGrids, townGrids, villageGrids, byPath: new Map() };
}

async function territory(db: Kysely<DB>): Promise<Territory> {
  const hit = cache.get(db);
  if (hit) {
    const t = await hit;
    if (Date.now() - t.at < TTL_MS) return t;
  }
  const loading = loadTerritory(db);
  cache.set(db, loading);
  loading.catch(() => cache.delete(db));
  return loading;
}

/** The same one value of every grid, or undefined when they differ. */
function common<T>(grids: readonly TerritoryGrid[], of: (g: TerritoryGrid) => T): T | undefined {
  const first = grids[0];
  if (!first) return undefined;
  const value = of(first);
  return grids.every((g) => of(g) === value) ? value : undefined;
}

function scopeOfGrids(t: Territory, inScope: TerritoryGrid[]): CaseScope {
  if (inScope.length === 0) return { kind: 'grids', gridIds: [] };
  if (inScope.length === t.grids.length) return { kind: 'all' };
  const county = common(inScope, (g) => g.countyCode);
  if (county !== undefined && t.countyGrids.get(county) === inScope.length)
    return { kind: 'county', countyCode: county };
  const town = common(inScope, (g) => g.townOrgId);
  if (town !== undefined && town !== null && county !== undefined && t.townGrids.get(town) === inScope.length)
    return { kind: 'town', orgId: town, countyCode: county };
  const village = common(inScope, (g) => g.villageOrgId);
  if (village !== undefined && t.villageGrids.get(village) === inScope.length)
    return { kind: 'village', orgId: village };
  if (inScope.length === 1) return { kind: 'grid', gridId: (inScope[0] as TerritoryGrid).id };
  return { kind: 'grids', gridIds: inScope.map((g) => g.id).sort((a, b) => a - b) };
}

/**
 * The cases of the grids inside the org at `orgPath` (a verified path: the actor's own, or an org
 * the access layer placed inside it), as one column where the grid set allows.
 */
export async function caseScopeOfOrg(db: Kysely<DB>, orgPath: string): Promise<CaseScope> {
  const t = await territory(db);
  let scope = t.byPath.get(orgPath);
  if (!scope) {
    scope = scopeOfGrids(
      t,
      t.grids.filter((g) => g.path.startsWith(orgPath)),
    );
    t.byPath.set(orgPath, scope);
  }
  return scope;
}

/** `civic_case` (under `alias`) inside the scope, as a condition an index can serve. */
export function caseScopeCondition(scope: CaseScope, alias = 'civic_case'): Expression<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'county':
      return sql<SqlBool>`${col('county_code')} = ${scope.countyCode}`;
    case 'town':
      return sql<SqlBool>`${col('town_org_id')} = ${scope.orgId}`;
    case 'village':
      return sql<SqlBool>`${col('village_org_id')} = ${scope.orgId}`;
    case 'grid':
      return sql<SqlBool>`${col('grid_id')} = ${scope.gridId}`;
    case 'grids':
      return scope.gridIds.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`${col('grid_id')} = any(${[...scope.gridIds]}::bigint[])`;
    case 'department':
      return scope.departmentId === null
        ? sql<SqlBool>`false`
        : sql<SqlBool>`${col('department_id')} = ${scope.departmentId}`;
    case 'reporter':
      return sql<SqlBool>`${col('reporter_account_id')} = ${scope.accountId}`;
  }
}

/** The parts of a CaseAccess as conditions, each part outside the ones before it (no case twice). */
export function caseAccessParts(access: CaseAccess, alias = 'civic_case'): Expression<SqlBool>[] {
  const main = caseScopeCondition(access.scope, alias);
  const parts: Expression<SqlBool>[] = [main];
  if (access.reportedBy !== null && access.scope.kind !== 'all') {
    parts.push(
      sql<SqlBool>`${sql.ref(`${alias}.reporter_account_id`)} = ${access.reportedBy} and (${main}) is not true`,
    );
  }
  if (access.summonedDepartment !== null) {
    parts.push(
      sql<SqlBool>`${sql.ref(`${alias}.id`)} = any(array(select s.case_id from case_summons s where s.department_id = ${access.summonedDepartment})) and (${main}) is not true`,
    );
  }
  return parts;
}
