import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/access/actor.ts';
import { ROLE_NAMES } from '../platform/access/permissions.ts';
import type { Db } from '../platform/db/handle.ts';
import { type Deps, route } from '../platform/http/route.ts';
import { Text } from '../platform/http/schemas.ts';
import { changePassword, login, scopeOrgOf } from './auth.service.ts';
import * as responses from './auth-responses.ts';
import { CSRF_COOKIE, deleteSession, SESSION_COOKIE } from './session.ts';

const cookieOptions = { path: '/', sameSite: 'strict' as const, secure: false };

export const authRoutes = [
  route({
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    rateLimit: 'login',
    summary: '登录 / Sign in',
    tags: ['auth'],
    body: Type.Object(
      {
        username: Text(64, { minLength: 1 }),
        password: Text(128, { minLength: 1 }),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.postAuthLogin },
    async handler({ db, body, request, reply, deps }) {
      const { account, session, mustChangePassword } = await login(
        db,
        body.username,
        body.password,
        request.ip,
        { enforcePasswordExpiry: !deps.config.demoMode },
      );
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieOptions, httpOnly: false });
      return {
        account: {
          id: account.id,
          username: account.username,
          displayName: account.display_name,
          role: account.role,
          mustChangePassword,
        },
        csrfToken: session.csrfToken,
      };
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/logout',
    access: 'signed_in',
    summary: '退出登录 / Sign out',
    tags: ['auth'],
    response: { 200: responses.postAuthLogout },
    async handler({ db, request, reply, actor, audit }) {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      await audit({ action: 'auth.logout', targetType: 'account', targetId: actor.accountId });
      reply.clearCookie(SESSION_COOKIE, cookieOptions).clearCookie(CSRF_COOKIE, cookieOptions);
      return { ok: true };
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/password',
    access: 'signed_in',
    summary: '修改密码 / Change password',
    tags: ['auth'],
    body: Type.Object(
      {
        currentPassword: Text(128, { minLength: 1 }),
        newPassword: Text(128, { minLength: 1 }),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.postAuthPassword },
    async handler({ db, actor, body, request }) {
      await changePassword(db, actor.accountId, body.currentPassword, body.newPassword, request.ip);
      return { ok: true };
    },
  }),
  route({
    method: 'GET',
    url: '/api/me',
    access: 'signed_in',
    summary: '当前账号、角色与管辖范围 / The signed-in account, its role and scope',
    tags: ['auth'],
    response: { 200: responses.getMe },
    async handler({ db, actor, request, deps }) {
      return mePayload(db, actor, request, deps);
    },
  }),
  route({
    method: 'GET',
    url: '/api/session',
    access: 'public',
    summary:
      '是否已登录；已登录时同 /api/me（未登录时不报错，供登录页和公开页面使用）/ Whether someone is signed in, and who',
    tags: ['auth'],
    response: { 200: responses.getSession },
    async handler({ db, request, deps }) {
      const actor = request.actor;
      return actor
        ? { signedIn: true, me: await mePayload(db, actor, request, deps) }
        : { signedIn: false, me: null };
    },
  }),
];

async function mePayload(db: Db, actor: Actor, request: FastifyRequest, deps: Deps) {
  const scope = await scopeOrgOf(db, actor);
  return {
    account: {
      id: actor.accountId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      roleName: ROLE_NAMES[actor.role].zh,
      roles: [actor.role],
      mustChangePassword: actor.mustChangePassword,
    },
    scope: {
      id: scope.id,
      code: scope.code,
      name: scope.name,
      shortName: scope.short_name,
      level: scope.level,
      category: scope.category,
    },
    permissions: [...actor.permissions],
    csrfToken: request.csrfToken ?? null,
    demoMode: deps.config.demoMode,
  };
}
