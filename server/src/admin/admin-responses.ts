// Response schemas of admin.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { Ok, OrgLevelCode, RoleCode } from '../platform/http/code-schemas.ts';
import { Literals } from '../platform/http/schemas.ts';

/** An account's or a role request's approval by the security administrator (三员分立). */
export const ApprovalStateCode = Literals(['pending', 'approved', 'rejected']);

/** GET /api/accounts */
export const getAccounts = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      username: Type.String(),
      displayName: Type.String(),
      role: RoleCode,
      scopeOrgId: Type.Number(),
      scopeOrgName: Type.String(),
      locked: Type.Boolean(),
      disabled: Type.Boolean(),
      mustChangePassword: Type.Boolean(),
      approval: ApprovalStateCode,
    }),
  ),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
});

/** GET /api/accounts/scope-options */
export const getAccountsScopeOptions = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
      level: OrgLevelCode,
    }),
  ),
});

/** POST /api/accounts */
export const postAccounts = Type.Object({
  account: Type.Object({
    id: Type.Number(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleCode,
    scopeOrgId: Type.Number(),
    approval: ApprovalStateCode,
  }),
  requestId: Type.Number(),
});

/** POST /api/accounts/:id/reset-password */
export const postAccountsByIdResetPassword = Type.Object({
  username: Type.String(),
  temporaryPassword: Type.String(),
});

/** POST /api/accounts/:id/:verb */
export const postAccountsByIdByVerb = Ok;

/** GET /api/security/accounts */
export const getSecurityAccounts = getAccounts;

/** POST /api/accounts/:id/unlock */
export const postAccountsByIdUnlock = postAccountsByIdByVerb;

/** The password and session rules the security administrator sets. */
const SecuritySettings = Type.Object({
  passwordMinLength: Type.Number(),
  passwordMaxAgeDays: Type.Number(),
  lockoutThreshold: Type.Number(),
  lockoutMinutes: Type.Number(),
  idleTimeoutMinutes: Type.Number(),
});

/** GET /api/security/settings */
export const getSecuritySettings = Type.Object({
  settings: SecuritySettings,
  defaults: SecuritySettings,
});

/** PUT /api/security/settings */
export const putSecuritySettings = Type.Object({
  settings: SecuritySettings,
});
