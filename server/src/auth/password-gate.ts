// An account that must change its password (a new account, a reset, an expired password) can call
// only these three routes until it has: the server refuses every other one, whatever the web does.
import type { Actor } from '../platform/access/actor.ts';
import { forbidden } from '../platform/errors/errors.ts';

export const WHILE_PASSWORD_CHANGE_REQUIRED: ReadonlySet<string> = new Set([
  'POST /api/auth/password',
  'GET /api/me',
  'POST /api/auth/logout',
]);

/** Throws 403 PASSWORD_CHANGE_REQUIRED unless the route is one of the three. `url`: the route's pattern. */
export function checkPasswordGate(actor: Actor, method: string, url: string): void {
  if (!actor.mustChangePassword || WHILE_PASSWORD_CHANGE_REQUIRED.has(`${method} ${url}`)) return;
  throw forbidden(
    'PASSWORD_CHANGE_REQUIRED',
    '请先修改密码：首次登录、密码被重置或已过期的账号修改密码后才能继续使用。',
    'Change your password first: after a first sign-in, a reset or an expiry nothing else is allowed until you do.',
  );
}
