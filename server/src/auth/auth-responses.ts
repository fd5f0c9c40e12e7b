// Response schemas of auth.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import {
  Ok,
  OrgCategoryCode,
  OrgLevelCode,
  PermissionCode,
  RoleCode,
} from '../platform/http/code-schemas.ts';
import { Nullable } from '../platform/http/schemas.ts';

/** POST /api/auth/login */
export const postAuthLogin = Type.Object({
  account: Type.Object({
    id: Type.Number(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleCode,
    mustChangePassword: Type.Boolean(),
  }),
  csrfToken: Type.String(),
});

/** POST /api/auth/logout */
export const postAuthLogout = Ok;

/** POST /api/auth/password */
export const postAuthPassword = postAuthLogout;

/** GET /api/me */
export const getMe = Type.Object({
  account: Type.Object({
    id: Type.Number(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleCode,
    roleName: Type.String(),
    roles: Type.Array(RoleCode),
    mustChangePassword: Type.Boolean(),
  }),
  scope: Type.Object({
    id: Type.Number(),
    code: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
    level: OrgLevelCode,
    category: OrgCategoryCode,
  }),
  permissions: Type.Array(PermissionCode),
  csrfToken: Nullable(Type.String()),
  demoMode: Type.Boolean(),
});

/** GET /api/session */
export const getSession = Type.Object({
  signedIn: Type.Boolean(),
  me: Nullable(getMe),
});
