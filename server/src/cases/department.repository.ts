// SQL of the departments (职能部门) a case may be sent to or summon: reference data, no personal data.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** The county of an org (the actor's scope org; null for the city). */
export async function countyOfOrg(db: Kysely<DB>, orgId: number): Promise<string | null> {
  const row = await db.selectFrom('org').select('county_code').where('id', '=', orgId).executeTakeFirst();
  return row?.county_code ?? null;
}

/** The departments of a county (every county's when null), by county, kind and id. */
export function departmentsOf(db: Kysely<DB>, county: string | null) {
  let q = db
    .selectFrom('department')
    .innerJoin('department_kind', 'department_kind.code', 'department.kind')
    .select([
      'department.id',
      'department.code',
      'department.name',
      'department.kind',
      'department.county_code as countyCode',
      'department_kind.short_zh as kindName',
    ])
    .orderBy('department.county_code')
    .orderBy('department_kind.sort_order')
    .orderBy('department.id');
  if (county) q = q.where('department.county_code', '=', county);
  return q.execute();
}
