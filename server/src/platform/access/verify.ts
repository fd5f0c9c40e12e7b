// Ids from a request are unverified until one of these places them inside the scope (or answers 404
// as if the record did not exist).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { errors } from '../errors/errors.ts';
import type { Actor } from './actor.ts';
import type { Permission } from './permissions.ts';
import { assessmentScopes } from './scoped-assessment.ts';
import { caseScopes } from './scoped-cases.ts';
import { peopleScopes } from './scoped-people.ts';

const scoped = { ...peopleScopes, ...caseScopes, ...assessmentScopes };

export async function verifyAccount(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission,
) {
  const account = await scoped
    .accounts(db, actor, permission)
    .selectAll('account')
    .where('account.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!account) throw errors.outOfScope('account', unverifiedId);
  return account;
}

/** Places a case id from a request inside the scope, or answers 404 (CASE_NOT_FOUND). */
export async function verifyCase(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'case:read',
) {
  const found = await scoped
    .cases(db, actor, permission)
    .selectAll('civic_case')
    .where('civic_case.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('case', unverifiedId);
  return found;
}

/** Places an org id from a request inside the scope, or answers 404 as if it did not exist. */
export async function verifyOrg(db: Kysely<DB>, actor: Actor, unverifiedId: number) {
  const org = await scoped
    .orgs(db, actor)
    .selectAll('org')
    .where('org.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!org) throw errors.outOfScope('org', unverifiedId);
  return org;
}

export async function verifyGrid(db: Kysely<DB>, actor: Actor, unverifiedId: number) {
  const grid = await scoped
    .grids(db, actor)
    .selectAll('grid')
    .where('grid.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!grid) throw errors.outOfScope('grid', unverifiedId);
  return grid;
}

export async function verifyMember(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission,
) {
  const member = await scoped
    .members(db, actor, permission)
    .selectAll('member')
    .select('member_org.name as org_name')
    .where('member.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!member) throw errors.outOfScope('member', unverifiedId);
  return member;
}

/**
 * Names of the orgs on the path above a record that was already verified inside the scope: the
 * chain a breadcrumb shows (a village's secretary sees "江门市委 › 江海区委 › 街道 › 村"). Only id,
 * code, name, kind and level, and only of that chain.
 */
export async function chainOf(db: Kysely<DB>, verifiedPath: string) {
  const ids = verifiedPath.split('/').filter(Boolean).map(Number).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org')
    .select(['id', 'code', 'name', 'kind', 'level'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => Boolean(r));
}

/** Places an assessment id inside the scope (its village), or answers 404 (ASSESSMENT_NOT_FOUND). */
export async function verifyAssessment(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'assessment:read',
) {
  const found = await scoped
    .assessments(db, actor, permission)
    .selectAll('assessment')
    .select(['assessed_org.path as org_path', 'assessed_org.name as org_name'])
    .where('assessment.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('assessment', unverifiedId);
  return found;
}

/** Places a contest id among the contests the actor may see, or answers 404 (CONTEST_NOT_FOUND). */
export async function verifyContest(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'assessment:read',
) {
  const found = await scoped
    .contests(db, actor, permission)
    .selectAll('contest')
    .select(['organizer_org.path as organizer_path', 'organizer_org.name as organizer_name'])
    .where('contest.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('contest', unverifiedId);
  return found;
}

/** Places a weak org (软弱涣散) id inside the scope, or answers 404 (WEAK_ORG_NOT_FOUND). */
export async function verifyWeakOrg(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'assessment:read',
) {
  const found = await scoped
    .weakOrgs(db, actor, permission)
    .selectAll('weak_org')
    .select(['weak_org_org.path as org_path', 'weak_org_org.name as org_name'])
    .where('weak_org.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('weak_org', unverifiedId);
  return found;
}

/** Places a 强村公司 / 富民工坊 id among those the actor may see, or answers 404 (ENTERPRISE_NOT_FOUND). */
export async function verifyEnterprise(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedId: number,
  permission: Permission = 'assessment:read',
) {
  const found = await scoped
    .collectiveEnterprises(db, actor, permission)
    .selectAll('collective_enterprise')
    .select(['enterprise_org.path as org_path', 'enterprise_org.name as org_name'])
    .where('collective_enterprise.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!found) throw errors.outOfScope('enterprise', unverifiedId);
  return found;
}
