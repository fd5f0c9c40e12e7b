// Response schemas of role-request.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { RoleCode } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { ApprovalStateCode } from './admin-responses.ts';

/** POST /api/accounts/:id/role-requests */
export const postAccountsByIdRoleRequests = Type.Union([
  Type.Object({
    applied: Type.Boolean(),
    request: Type.Null(),
  }),
  Type.Object({
    applied: Type.Boolean(),
    request: Type.Object({
      id: Type.Number(),
      state: ApprovalStateCode,
    }),
  }),
]);

/** GET /api/accounts/role-requests */
export const getAccountsRoleRequests = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      kind: Literals(['create', 'change']),
      state: ApprovalStateCode,
      account: Type.Object({
        id: Type.Number(),
        username: Type.String(),
        displayName: Type.String(),
      }),
      role: RoleCode,
      scopeOrgId: Type.Number(),
      scopeOrgName: Type.String(),
      fromRole: Nullable(RoleCode),
      fromScopeOrgId: Nullable(Type.Number()),
      fromScopeOrgName: Nullable(Type.String()),
      reason: Type.String(),
      requestedBy: Type.String(),
      requestedAt: Type.String({ format: 'date-time' }),
      decidedBy: Nullable(Type.String()),
      decidedAt: Nullable(Type.String({ format: 'date-time' })),
      decisionNote: Type.String(),
    }),
  ),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
});

/** GET /api/security/role-requests */
export const getSecurityRoleRequests = getAccountsRoleRequests;

/** POST /api/security/role-requests/:id/:decision */
export const postSecurityRoleRequestsByIdByDecision = Type.Object({
  id: Type.Number(),
  state: Type.String(),
});
