// The departments a dispatcher may send a case to or summon: the county's departments (职能部门) of
// the case, or of the actor's scope (all counties for the city). Reference data, no personal data.
import type { Actor } from '../platform/access/actor.ts';
import { verifyCase } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import * as repo from './department.repository.ts';

export async function listDepartments(db: Db, actor: Actor, caseId?: number) {
  const county =
    caseId !== undefined
      ? (await verifyCase(db, actor, caseId)).county_code
      : await repo.countyOfOrg(db, actor.scopeOrgId);
  return { items: await repo.departmentsOf(db, county) };
}
