// SQL of the role requests (三员分立: the system administrator asks, the security administrator decides).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import type { Permission } from '../platform/access/permissions.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB, Role } from '../platform/db/schema.ts';
import type { RoleRequestKind, RoleRequestState } from './admin-tables.ts';

/** Requests about accounts inside the actor's subtree, with the names a reviewer needs. */
function requestsOf(db: Kysely<DB>, actor: Actor, permission: Permission) {
  return scoped
    .accounts(db, actor, permission)
    .innerJoin('account_role_request as request', 'request.account_id', 'account.id')
    .innerJoin('org as to_org', 'to_org.id', 'request.scope_org_id')
    .leftJoin('org as from_org', 'from_org.id', 'request.from_scope_org_id')
    .innerJoin('account as requester', 'requester.id', 'request.requested_by')
    .leftJoin('account as decider', 'decider.id', 'request.decided_by')
    .select([
      'request.id',
      'request.kind',
      'request.state',
      'request.role',
      'request.scope_org_id',
      'to_org.name as scope_org_name',
      'request.from_role',
      'request.from_scope_org_id',
      'from_org.name as from_scope_org_name',
      'request.reason',
      'request.requested_at',
      'requester.username as requested_by',
      'request.decided_at',
      'decider.username as decided_by',
      'request.decision_note',
      'account.id as account_id',
      'account.username',
      'account.display_name',
    ]);
}

export async function listRequests(
  db: Kysely<DB>,
  actor: Actor,
  permission: Permission,
  state: RoleRequestState | undefined,
  page: number,
  pageSize: number,
) {
  let q = requestsOf(db, actor, permission);
  if (state) q = q.where('request.state', '=', state);
  const [rows, total] = await Promise.all([
    q
      .orderBy('request.requested_at', 'desc')
      .orderBy('request.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** The pending request `id` about an account inside the scope, locked for the decision; or undefined. */
export function pendingRequestForUpdate(trx: Transaction<DB>, actor: Actor, id: number) {
  return scoped
    .accounts(trx, actor, 'security:manage')
    .innerJoin('account_role_request as request', 'request.account_id', 'account.id')
    .select([
      'request.id',
      'request.kind',
      'request.role',
      'request.scope_org_id',
      'request.from_role',
      'request.from_scope_org_id',
      'request.requested_by',
      'request.state',
      'account.id as account_id',
      'account.username',
    ])
    .where('request.id', '=', id)
    .forUpdate('request')
    .executeTakeFirst();
}

export function openRequestOf(db: Kysely<DB>, accountId: number) {
  return db
    .selectFrom('account_role_request')
    .select(['id', 'kind', 'role', 'scope_org_id'])
    .where('account_id', '=', accountId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
}

export async function insertRequest(
  trx: Transaction<DB>,
  r: {
    accountId: number;
    kind: RoleRequestKind;
    fromRole: Role | null;
    fromScopeOrgId: number | null;
    role: Role;
    scopeOrgId: number;
    reason: string;
    requestedBy: number;
  },
) {
  return trx
    .insertInto('account_role_request')
    .values({
      account_id: r.accountId,
      kind: r.kind,
      from_role: r.fromRole,
      from_scope_org_id: r.fromScopeOrgId,
      role: r.role,
      scope_org_id: r.scopeOrgId,
      reason: r.reason,
      requested_by: r.requestedBy,
    })
    .returning(['id', 'kind', 'state', 'role', 'scope_org_id', 'requested_at'])
    .executeTakeFirstOrThrow();
}

export async function decide(
  trx: Transaction<DB>,
  id: number,
  state: 'approved' | 'rejected',
  decidedBy: number,
  note: string,
) {
  await trx
    .updateTable('account_role_request')
    .set({ state, decided_by: decidedBy, decided_at: new Date(), decision_note: note })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

/** An org inside the actor's subtree (the directory: id, path), for a requested scope. */
export function scopeOrgInside(trx: Transaction<DB>, actor: Actor, orgId: number) {
  return scoped
    .orgDirectory(trx, actor)
    .select(['org.id', 'org.path', 'org.name'])
    .where('org.id', '=', orgId)
    .executeTakeFirst();
}

export function orgPath(trx: Transaction<DB>, orgId: number) {
  return trx.selectFrom('org').select(['id', 'path']).where('id', '=', orgId).executeTakeFirstOrThrow();
}

export async function setAccountGrant(
  trx: Transaction<DB>,
  accountId: number,
  grant: { role?: Role; scopeOrgId?: number; approval?: 'approved' | 'rejected' },
) {
  await trx
    .updateTable('account')
    .set({
      ...(grant.role ? { role: grant.role } : {}),
      ...(grant.scopeOrgId ? { scope_org_id: grant.scopeOrgId } : {}),
      ...(grant.approval ? { approval: grant.approval } : {}),
    })
    .where('id', '=', accountId)
    .execute();
}
