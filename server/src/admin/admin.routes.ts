import { Type } from '@sinclair/typebox';
import { RoleCode } from '../platform/http/code-schemas.ts';
import { route } from '../platform/http/route.ts';
import { Id, IdParams, MultilineText, Paging, Text } from '../platform/http/schemas.ts';
import { readSecuritySettings, SECURITY_DEFAULTS, writeSetting } from '../platform/settings/settings.ts';
import * as accounts from './account.service.ts';
import * as responses from './admin-responses.ts';

const RoleSchema = RoleCode;
const AccountQuery = Type.Object({
  ...Paging,
  q: Type.Optional(Text(64)),
  role: Type.Optional(RoleSchema),
  lockedOnly: Type.Optional(Type.Boolean()),
});

export { RoleSchema };

const SecuritySettingsSchema = Type.Object(
  {
    passwordMinLength: Type.Optional(Type.Integer({ minimum: 8, maximum: 64 })),
    passwordMaxAgeDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    lockoutThreshold: Type.Optional(Type.Integer({ minimum: 3, maximum: 10 })),
    lockoutMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    idleTimeoutMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 120 })),
  },
  { additionalProperties: false },
);

export const adminRoutes = [
  route({
    method: 'GET',
    url: '/api/accounts',
    access: 'account:manage',
    summary: '账号列表 / Accounts',
    tags: ['admin'],
    query: AccountQuery,
    response: { 200: responses.getAccounts },
    async handler({ db, actor, query }) {
      return accounts.listAccounts(db, actor, query, query.page ?? 1, query.pageSize ?? 20, 'account:manage');
    },
  }),
  route({
    method: 'GET',
    url: '/api/accounts/scope-options',
    access: 'account:manage',
    summary: '可选的账号管辖组织（代码或名称）/ Orgs to choose an account scope from',
    tags: ['admin'],
    query: Type.Object({ q: Text(50, { minLength: 1 }) }),
    response: { 200: responses.getAccountsScopeOptions },
    async handler({ db, actor, query }) {
      return { items: await accounts.scopeOptions(db, actor, query.q) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/accounts',
    access: 'account:manage',
    summary: '新建账号（首次登录须改密）/ Create an account (password change forced at first sign-in)',
    tags: ['admin'],
    body: Type.Object(
      {
        username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
        displayName: Text(64, { minLength: 1 }),
        role: RoleSchema,
        scopeOrgId: Id('管辖组织 / the scope org'),
        password: Text(128, { minLength: 1 }),
        reason: Type.Optional(MultilineText(500)),
      },
      { additionalProperties: false },
    ),
    // the system administrator names the scope from the org directory of its own subtree
    ids: { body: { scopeOrgId: 'org' } },
    response: { 201: responses.postAccounts },
    async handler({ actor, body, write, reply }) {
      const created = await write((trx, audit) => accounts.createAccount(actor, body, trx, audit));
      reply.status(201);
      return {
        account: {
          id: created.id,
          username: created.username,
          displayName: created.display_name,
          role: created.role,
          scopeOrgId: created.scope_org_id,
          approval: created.approval,
        },
        requestId: created.requestId,
      };
    },
  }),
  route({
    method: 'POST',
    url: '/api/accounts/:id/reset-password',
    access: 'account:manage',
    summary:
      '重置普通账号的密码（临时密码只显示一次，下次登录须修改）/ Reset an ordinary account’s password (shown once)',
    tags: ['admin'],
    params: IdParams,
    response: { 200: responses.postAccountsByIdResetPassword },
    async handler({ actor, params, write }) {
      return write((trx, audit) => accounts.resetPassword(actor, params.id, trx, audit));
    },
  }),
  ...(['disable', 'enable'] as const).map((verb) =>
    route({
      method: 'POST',
      url: `/api/accounts/:id/${verb}`,
      access: 'account:manage',
      summary: verb === 'disable' ? '停用账号 / Disable an account' : '启用账号 / Enable an account',
      tags: ['admin'],
      params: IdParams,
      response: { 200: responses.postAccountsByIdByVerb },
      async handler({ actor, params, write }) {
        await write((trx, audit) => accounts.setDisabled(actor, params.id, verb === 'disable', trx, audit));
        return { ok: true };
      },
    }),
  ),
  route({
    method: 'GET',
    url: '/api/security/accounts',
    access: 'security:manage',
    summary: '账号锁定状态（安全管理员）/ Accounts and their lock state',
    tags: ['security'],
    query: AccountQuery,
    response: { 200: responses.getSecurityAccounts },
    async handler({ db, actor, query }) {
      return accounts.listAccounts(
        db,
        actor,
        query,
        query.page ?? 1,
        query.pageSize ?? 20,
        'security:manage',
      );
    },
  }),
  route({
    method: 'POST',
    url: '/api/accounts/:id/unlock',
    access: 'security:manage',
    summary: '解锁账号 / Unlock an account',
    tags: ['security'],
    params: IdParams,
    response: { 200: responses.postAccountsByIdUnlock },
    async handler({ actor, params, write }) {
      await write((trx, audit) => accounts.unlock(actor, params.id, trx, audit));
      return { ok: true };
    },
  }),
  route({
    method: 'GET',
    url: '/api/security/settings',
    access: 'security:manage',
    summary: '安全策略 / Security settings',
    tags: ['security'],
    response: { 200: responses.getSecuritySettings },
    async handler({ db }) {
      return { settings: await readSecuritySettings(db), defaults: SECURITY_DEFAULTS };
    },
  }),
  route({
    method: 'PUT',
    url: '/api/security/settings',
    access: 'security:manage',
    summary: '修改安全策略 / Change security settings',
    tags: ['security'],
    body: SecuritySettingsSchema,
    response: { 200: responses.putSecuritySettings },
    async handler({ db, body, write }) {
      const before = await readSecuritySettings(db);
      // (read before the transaction: inside it only `trx` may be used)
      const after = { ...before, ...body };
      await write(async (trx, audit) => {
        await writeSetting(trx, 'security', after, '密码策略、登录锁定与会话超时');
        await audit({
          action: 'security.settings',
          targetType: 'setting',
          targetId: 'security',
          before,
          after,
        });
      });
      return { settings: after };
    },
  }),
];
