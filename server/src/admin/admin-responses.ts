// Response schemas of admin.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { Literals } from '../platform/http/schemas.ts';

/** GET /api/accounts */
export const getAccounts = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      username: Type.String(),
      displayName: Type.String(),
      role: Literals([
        'system_admin',
        'security_admin',
        'audit_admin',
        'org_admin',
        'secretary',
        'grid_worker',
        'department_staff',
        'member',
        'resident',
      ]),
      scopeOrgId: Type.Number(),
      scopeOrgName: Type.String(),
      locked: Type.Boolean(),
      disabled: Type.Boolean(),
      mustChangePassword: Type.Boolean(),
      approval: Literals(['pending', 'approved', 'rejected']),
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
      level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
    }),
  ),
});

/** POST /api/accounts */
export const postAccounts = Type.Object({
  account: Type.Object({
    id: Type.Number(),
    username: Type.String(),
    displayName: Type.String(),
    role: Literals([
      'system_admin',
      'security_admin',
      'audit_admin',
      'org_admin',
      'secretary',
      'grid_worker',
      'department_staff',
      'member',
      'resident',
    ]),
    scopeOrgId: Type.Number(),
    approval: Literals(['pending', 'approved', 'rejected']),
  }),
  requestId: Type.Number(),
});

/** POST /api/accounts/:id/reset-password */
export const postAccountsByIdResetPassword = Type.Object({
  username: Type.String(),
  temporaryPassword: Type.String(),
});

/** POST /api/accounts/:id/:verb */
export const postAccountsByIdByVerb = Type.Object({
  ok: Type.Boolean(),
});

/** GET /api/security/accounts */
export const getSecurityAccounts = getAccounts;

/** POST /api/accounts/:id/unlock */
export const postAccountsByIdUnlock = postAccountsByIdByVerb;

/** GET /api/security/settings */
export const getSecuritySettings = Type.Object({
  settings: Type.Object({
    passwordMinLength: Type.Number(),
    passwordMaxAgeDays: Type.Number(),
    lockoutThreshold: Type.Number(),
    lockoutMinutes: Type.Number(),
    idleTimeoutMinutes: Type.Number(),
  }),
  defaults: Type.Object({
    passwordMinLength: Type.Number(),
    passwordMaxAgeDays: Type.Number(),
    lockoutThreshold: Type.Number(),
    lockoutMinutes: Type.Number(),
    idleTimeoutMinutes: Type.Number(),
  }),
});

/** PUT /api/security/settings */
export const putSecuritySettings = Type.Object({
  settings: Type.Object({
    passwordMinLength: Type.Number(),
    passwordMaxAgeDays: Type.Number(),
    lockoutThreshold: Type.Number(),
    lockoutMinutes: Type.Number(),
    idleTimeoutMinutes: Type.Number(),
  }),
});
