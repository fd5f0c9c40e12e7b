// Reference data of the case loop, loaded once per database and kept in memory: the category catalog,
// the working calendar, the departments, and the point → grid index with each grid's place in the
// org tree. Caches are keyed by the Kysely instance (one per database) and expire after a minute,
// except the grid index (grids change only with a new import: `forgetCaseReference` rebuilds it).
import type { Db } from '../platform/db/handle.ts';
import { buildGridIndex, type GridIndex } from '../platform/geo/grid-index.ts';
import * as repo from './case-reference.repository.ts';
import { WorkCalendar } from './domain/calendar.ts';
import { CALENDAR_DEFAULTS } from './domain/calendar-defaults.ts';
import type { StepLimits } from './domain/sla.ts';

export interface CategoryInfo {
  code: string;
  parentCode: string | null;
  kind: string;
  name: string;
  nameEn: string;
  departmentKind: string | null;
  urgent: boolean;
  limits: StepLimits | null;
  sortOrder: number;
}

export interface GridPlace {
  id: number;
  code: string;
  name: string;
  orgId: number;
  villageOrgId: number;
  villageName: string;
  townOrgId: number | null;
  townName: string | null;
  countyCode: string;
  centerLng: number;
  centerLat: number;
}

export interface DepartmentInfo {
  id: number;
  code: string;
  name: string;
  kind: string;
  countyCode: string;
}

export interface CaseReference {
  categories: Map<string, CategoryInfo>;
  calendar: WorkCalendar;
  departments: Map<number, DepartmentInfo>;
  /** `${county}:${kind}` → the county's department of that kind (the first one by id). */
  departmentByKind: Map<string, DepartmentInfo>;
}

const TTL_MS = 60_000;
const refCache = new WeakMap<Db, { at: number; value: Promise<CaseReference> }>();
const gridCache = new WeakMap<Db, Promise<{ index: GridIndex; places: Map<number, GridPlace> }>>();

export function forgetCaseReference(db: Db): void {
  refCache.delete(db);
  gridCache.delete(db);
}

export function caseReference(db: Db): Promise<CaseReference> {
  const hit = refCache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = loadReference(db);
  refCache.set(db, { at: Date.now(), value });
  value.catch(() => refCache.delete(db));
  return value;
}

async function loadReference(db: Db): Promise<CaseReference> {
  const [cats, days, depts] = await Promise.all([
    repo.activeCategories(db),
    repo.calendarDays(db),
    repo.allDepartments(db),
  ]);
  const categories = new Map<string, CategoryInfo>(
    cats.map((c) => [
      c.code,
      {
        code: c.code,
        parentCode: c.parent_code,
        kind: c.kind,
        name: c.name_zh,
        nameEn: c.name_en,
        departmentKind: c.default_department_kind,
        urgent: c.urgent,
        limits: c.limits,
        sortOrder: c.sort_order,
      },
    ]),
  );
  const calendar = new WorkCalendar([
    ...CALENDAR_DEFAULTS,
    ...days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
  ]);
  const departments = new Map<number, DepartmentInfo>();
  const departmentByKind = new Map<string, DepartmentInfo>();
  for (const d of depts) {
    const info = { id: d.id, code: d.code, name: d.name, kind: d.kind, countyCode: d.county_code };
    departments.set(d.id, info);
    const key = `${d.county_code}:${d.kind}`;
    if (!departmentByKind.has(key)) departmentByKind.set(key, info);
  }
  return { categories, calendar, departments, departmentByKind };
}

/** The in-memory point → grid index and every grid's village, town and county; built once per database. */
export function gridLocator(db: Db) {
  let hit = gridCache.get(db);
  if (!hit) {
    hit = loadGrids(db);
    gridCache.set(db, hit);
    hit.catch(() => gridCache.delete(db));
  }
  return hit;
}

async function loadGrids(db: Db) {
  const rows = await repo.gridsWithPlaces(db);
  const index = buildGridIndex(rows);
  const places = new Map<number, GridPlace>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        orgId: r.org_id,
        villageOrgId: r.village_org_id,
        villageName: r.village_name,
        townOrgId: r.town_level === 'town' ? r.town_id : null,
        townName: r.town_level === 'town' ? r.town_name : null,
        countyCode: r.county_code,
        centerLng: r.center_lng,
        centerLat: r.center_lat,
      },
    ]),
  );
  return { index, places };
}
