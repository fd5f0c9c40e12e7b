// The documented exceptions to "inside the actor's subtree". Each one reads rows a scoped start would
// not give, for a reason the product needs, and only what that reason needs; each is named here (and
// nowhere else) and tested in exceptions.db.test.ts on both engines. Three more live beside the rule
// they belong to: the public case reads (public-view.ts: publicCases, publicSteps, verifyTracking),
// the checklists published from above (scoped.checklists) and the orgs a letter or a 双报到 report may
// be addressed to (scoped.transferTargets).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { type CaseAccess, caseScopeOfOrg } from './case-scope.ts';
import { requirePermission, subtreePattern } from './subtree.ts';
import { verifyOrg } from './verify.ts';

/**
 * Sign-in: the account of a username, whole row (the password check needs its hash and lock state).
 * Exception: no one is signed in yet, so there is no scope; the caller answers an unknown username
 * exactly as a wrong password (it must not tell which usernames exist) and audits both.
 */
export function accountForSignIn(db: Kysely<DB>, username: string) {
  return db.selectFrom('account').selectAll().where('account.username', '=', username).executeTakeFirst();
}

/**
 * The signed-in actor's own account, whole row (change password). Exception: an account's scope org
 * is where it works, not where it is registered (the system administrator's own account lies outside
 * "ordinary accounts"), and everyone may change their own password.
 */
export function ownAccount(db: Kysely<DB>, actor: Pick<Actor, 'accountId'>) {
  return db.selectFrom('account').selectAll().where('account.id', '=', actor.accountId).executeTakeFirst();
}

/**
 * Whether a username is taken anywhere in the city (creating an account). Exception: usernames are
 * unique city-wide, so an administrator must learn "taken" for an account outside its scope; it learns
 * nothing else (no id, no org).
 */
export async function usernameTaken(db: Kysely<DB>, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('account')
    .select('account.id')
    .where('account.username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * 双报到: a member of the WHOLE city by the keyed hash of the ID number, for a community inside the
 * actor's scope. Exception: a member of another unit reports to the community where they live and is
 * identified by the ID card they show; their org is outside the community's subtree. Only name,
 * masked ID number, occupation and org name; the caller audits the look-up. A community outside the
 * actor's scope answers 404 as if the member did not exist.
 */
export async function memberByIdHashForCommunity(
  db: Kysely<DB>,
  actor: Actor,
  verifiedCommunityPath: string,
  idNumberHash: string,
) {
  requirePermission(actor, 'transfer:manage');
  if (!verifiedCommunityPath.startsWith(subtreePattern(actor).slice(0, -1))) return undefined;
  return await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select([
      'member.id',
      'member.name',
      'member.id_number_masked',
      'member.occupation',
      'org.name as org_name',
    ])
    .where('member.id_number_hash', '=', idNumberHash)
    .executeTakeFirst();
}

/**
 * Case statistics of one org of the caller's subtree (the 统计 page's org picker): the cases of that
 * org's grids, WITHOUT what the caller reported elsewhere (those belong to the caller, not to the org).
 * Exception to `scoped.caseAccess`, which adds the caller's own reports; the org is verified inside
 * the subtree first (404 ORG_NOT_FOUND otherwise), so the result is never wider than the caller's.
 */
export async function caseAccessOfSubtree(
  db: Kysely<DB>,
  actor: Actor,
  unverifiedOrgId: number,
): Promise<{ org: Awaited<ReturnType<typeof verifyOrg>>; access: CaseAccess }> {
  requirePermission(actor, 'case:read');
  const org = await verifyOrg(db, actor, unverifiedOrgId);
  return {
    org,
    access: { scope: await caseScopeOfOrg(db, org.path), reportedBy: null, summonedDepartment: null },
  };
}
