// 三员分立 as 等保 level 3 reads it: granting or widening a role or a scope is asked by the system
// administrator and decided by the security administrator (never the same account; both audited).
//  - a new account's first role and scope (kind 'create': the account cannot sign in until approved);
//  - a change of role, or of scope to an org outside the account's current one (kind 'change').
// Narrowing a scope (same role, an org inside the current one) takes effect at once.
import { endSessionsOf } from '../auth/session.ts';
import type { Actor } from '../platform/access/actor.ts';
import { ADMIN_ROLES } from '../platform/access/permissions.ts';
import { verifyAccount } from '../platform/access/scope.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import type { Role } from '../platform/db/schema.ts';
import { conflict, errors, unprocessable } from '../platform/errors/errors.ts';
import type { AuditFields } from '../platform/http/route.ts';
import type { RoleRequestState } from './admin-tables.ts';
import * as repo from './role-request.repository.ts';

type Audit = (fields: AuditFields) => Promise<number>;

export function requireGrantable(role: Role): void {
  if (ADMIN_ROLES.includes(role)) {
    throw unprocessable(
      'ROLE_NOT_GRANTABLE',
      '系统、安全、审计管理员账号实行三员分立，不能通过账号管理授予。',
      'System, security and audit administrator roles are kept separate and cannot be granted here.',
      { role },
    );
  }
}

/** The org of a requested scope, inside the actor's subtree, or 404. */
export async function requireScopeOrg(trx: Trx, actor: Actor, orgId: number) {
  const org = await repo.scopeOrgInside(trx, actor, orgId);
  if (!org) throw errors.outOfScope('org', orgId);
  return org;
}

export interface ChangeInput {
  role: Role;
  scopeOrgId: number;
  reason: string;
}

export type ChangeOutcome =
  | { applied: true; request: null }
  | { applied: false; request: { id: number; state: RoleRequestState } };

/** The system administrator asks for a new role or scope of an ordinary account. */
export async function requestChange(
  actor: Actor,
  accountId: number,
  input: ChangeInput,
  trx: Trx,
  audit: Audit,
): Promise<ChangeOutcome> {
  const account = await verifyAccount(trx, actor, accountId, 'account:manage');
  requireGrantable(input.role);
  const to = await requireScopeOrg(trx, actor, input.scopeOrgId);
  if (account.approval !== 'approved' || (await repo.openRequestOf(trx, account.id))) {
    throw conflict(
      'ROLE_REQUEST_PENDING',
      `账号 ${account.username} 已有待审批的授权申请，请等待安全管理员处理。`,
      `Account ${account.username} already has a request waiting for the security administrator.`,
    );
  }
  const from = await repo.orgPath(trx, account.scope_org_id);
  if (input.role === account.role && input.scopeOrgId === account.scope_org_id) {
    throw unprocessable(
      'NOTHING_CHANGES',
      '角色和管辖范围都没有变化。',
      'Neither the role nor the scope changes.',
    );
  }
  const narrowing = input.role === account.role && to.path.startsWith(from.path);
  if (narrowing) {
    await repo.setAccountGrant(trx, account.id, { scopeOrgId: input.scopeOrgId });
    await endSessionsOf(trx, account.id);
    await audit({
      action: 'account.scope_narrowed',
      targetType: 'account',
      targetId: account.id,
      before: { role: account.role, scopeOrgId: account.scope_org_id },
      after: { role: account.role, scopeOrgId: input.scopeOrgId, reason: input.reason },
    });
    return { applied: true, request: null };
  }
  const request = await repo.insertRequest(trx, {
    accountId: account.id,
    kind: 'change',
    fromRole: account.role,
    fromScopeOrgId: account.scope_org_id,
    role: input.role,
    scopeOrgId: input.scopeOrgId,
    reason: input.reason,
    requestedBy: actor.accountId,
  });
  await audit({
    action: 'account.role_request',
    targetType: 'account',
    targetId: account.id,
    before: { role: account.role, scopeOrgId: account.scope_org_id },
    after: { requestId: request.id, kind: 'change', role: input.role, scopeOrgId: input.scopeOrgId },
  });
  return { applied: false, request: { id: request.id, state: request.state } };
}

export async function listRequests(
  db: Db,
  actor: Actor,
  permission: 'account:manage' | 'security:manage',
  state: RoleRequestState | undefined,
  page: number,
  pageSize: number,
) {
  const { rows, total } = await repo.listRequests(db, actor, permission, state, page, pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      account: { id: r.account_id, username: r.username, displayName: r.display_name },
      role: r.role,
      scopeOrgId: r.scope_org_id,
      scopeOrgName: r.scope_org_name,
      fromRole: r.from_role,
      fromScopeOrgId: r.from_scope_org_id,
      fromScopeOrgName: r.from_scope_org_name,
      reason: r.reason,
      requestedBy: r.requested_by,
      requestedAt: r.requested_at,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
    })),
    total,
    page,
    pageSize,
  };
}

/** The security administrator approves or rejects a pending request. */
export async function decideRequest(
  actor: Actor,
  id: number,
  decision: 'approve' | 'reject',
  note: string,
  trx: Trx,
  audit: Audit,
) {
  const r = await repo.pendingRequestForUpdate(trx, actor, id);
  if (!r) throw errors.outOfScope('role_request', id);
  if (r.state !== 'pending') {
    throw conflict(
      'ROLE_REQUEST_DECIDED',
      `该授权申请已处理（${r.state === 'approved' ? '已批准' : '已驳回'}）。`,
      `The request was already ${r.state}.`,
    );
  }
  if (r.requested_by === actor.accountId) {
    // the roles keep it so (disjoint permissions); the check keeps it so whatever the roles become
    throw unprocessable(
      'ROLE_REQUEST_SELF',
      '申请人不能审批自己的授权申请。',
      'A request cannot be decided by the account that made it.',
    );
  }
  if (decision === 'reject' && !note.trim()) {
    throw unprocessable('REJECT_REASON_REQUIRED', '驳回须写明理由。', 'A rejection needs a reason.');
  }
  const state = decision === 'approve' ? 'approved' : 'rejected';
  await repo.decide(trx, r.id, state, actor.accountId, note.trim());
  if (r.kind === 'create') {
    await repo.setAccountGrant(trx, r.account_id, { approval: state });
  } else if (state === 'approved') {
    await repo.setAccountGrant(trx, r.account_id, { role: r.role, scopeOrgId: r.scope_org_id });
    // the account's open sessions carry the old role: it signs in again with the new one
    await endSessionsOf(trx, r.account_id);
  }
  await audit({
    action: decision === 'approve' ? 'account.role_approve' : 'account.role_reject',
    targetType: 'account',
    targetId: r.account_id,
    before: { role: r.from_role, scopeOrgId: r.from_scope_org_id },
    after: { requestId: r.id, kind: r.kind, role: r.role, scopeOrgId: r.scope_org_id, state, note },
  });
  return { id: r.id, state };
}
