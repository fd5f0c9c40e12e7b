// The departments a dispatcher may send a case to or summon: the county's departments (职能部门) of
// the case, or of the actor's scope (all counties for the city). Reference data, no personal data.
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { verifyCase } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

export async function listDepartments(db: Kysely<DB>, actor: Actor, caseId?: number) {
  let county: string | null;
  if (caseId !== undefined) {
    county = (await verifyCase(db, actor, caseId)).county_code;
  } else {
    const scope = await db
      .selectFrom('org')
      .select('county_code')
      .where('id', '=', actor.scopeOrgId)
      .executeTakeFirst();
    county = scope?.county_code ?? null;
  }
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
  return { items: await q.execute() };
}
