// Accounts (system administrator) and unlocking (security administrator). 三员分立 as 等保 level 3
// reads it: the system administrator manages ordinary accounts only (the access layer keeps the
// administrators' out of reach), the three administrator roles cannot be granted through the API,
// and a new account's role and scope wait for the security administrator (role-request.service.ts).
import { randomInt } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import { checkPasswordPolicy } from '../auth/password-policy.ts';
import { endSessionsOf } from '../auth/session.ts';
import type { Actor } from '../platform/access/actor.ts';
import { usernameTaken } from '../platform/access/exceptions.ts';
import { scoped, verifyAccount } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB, Role } from '../platform/db/schema.ts';
import { conflict, unprocessable } from '../platform/errors/errors.ts';
import type { AuditFields } from '../platform/http/route.ts';
import { readSecuritySettings } from '../platform/settings/settings.ts';
import { insertRequest } from './role-request.repository.ts';
import { requireGrantable, requireScopeOrg } from './role-request.service.ts';

type Audit = (fields: AuditFields) => Promise<number>;

export async function listAccounts(
  db: Kysely<DB>,
  actor: Actor,
  filter: { q?: string | undefined; role?: Role | undefined; lockedOnly?: boolean | undefined },
  page: number,
  pageSize: number,
  permission: 'account:manage' | 'security:manage',
) {
  let q = scoped.accounts(db, actor, permission);
  if (filter.lockedOnly) q = q.where('account.locked_until', '>', new Date());
  if (filter.role) q = q.where('account.role', '=', filter.role);
  if (filter.q) {
    const text = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) =>
      eb.or([eb('account.username', 'like', text), eb('account.display_name', 'like', text)]),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select([
        'account.id',
        'account.username',
        'account.display_name',
        'account.role',
        'account.scope_org_id',
        'account_org.name as scope_org_name',
        'account.locked_until',
        'account.disabled',
        'account.must_change_password',
        'account.approval',
      ])
      .orderBy('account.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const now = Date.now();
  return {
    items: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      scopeOrgId: r.scope_org_id,
      scopeOrgName: r.scope_org_name,
      locked: r.locked_until !== null && new Date(r.locked_until).getTime() > now,
      disabled: r.disabled,
      mustChangePassword: r.must_change_password,
      approval: r.approval,
    })),
    total: total.n,
    page,
    pageSize,
  };
}

export interface NewAccountInput {
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number;
  password: string;
  reason?: string | undefined;
}

export async function createAccount(
  actor: Actor,
  input: NewAccountInput,
  trx: Transaction<DB>,
  audit: Audit,
) {
  requireGrantable(input.role);
  await requireScopeOrg(trx, actor, input.scopeOrgId);
  const settings = await readSecuritySettings(trx);
  const broken = checkPasswordPolicy(input.password, input.username, settings.passwordMinLength);
  if (broken.length) {
    throw unprocessable(
      'PASSWORD_POLICY',
      `初始密码不符合密码策略：${broken.map((b) => b.zh).join('；')}。`,
      `The initial password breaks the policy: ${broken.map((b) => b.en).join('; ')}.`,
      { rules: broken.map((b) => b.rule) },
    );
  }
  if (await usernameTaken(trx, input.username)) {
    throw conflict(
      'ACCOUNT_EXISTS',
      `用户名 ${input.username} 已被使用。`,
      `The username ${input.username} is taken.`,
    );
  }
  const created = await trx
    .insertInto('account')
    .values({
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      scope_org_id: input.scopeOrgId,
      password_hash: await hashPassword(input.password),
      must_change_password: true,
      // no sign-in until the security administrator approves the role and scope
      approval: 'pending',
    })
    .returning(['id', 'username', 'display_name', 'role', 'scope_org_id', 'approval'])
    .executeTakeFirstOrThrow();
  const request = await insertRequest(trx, {
    accountId: created.id,
    kind: 'create',
    fromRole: null,
    fromScopeOrgId: null,
    role: input.role,
    scopeOrgId: input.scopeOrgId,
    reason: input.reason ?? '',
    requestedBy: actor.accountId,
  });
  await audit({
    action: 'account.create',
    targetType: 'account',
    targetId: created.id,
    after: {
      username: created.username,
      role: created.role,
      scopeOrgId: created.scope_org_id,
      approval: 'pending',
      requestId: request.id,
    },
  });
  return { ...created, requestId: request.id };
}

// Inside a write, every query goes through `trx`: PGlite has one connection, and a query on `db`
// would wait for the transaction that waits for it.
export async function setDisabled(
  actor: Actor,
  id: number,
  disabled: boolean,
  trx: Transaction<DB>,
  audit: Audit,
) {
  const account = await verifyAccount(trx, actor, id, 'account:manage');
  if (account.id === actor.accountId) {
    throw unprocessable('ACCOUNT_SELF', '不能停用自己的账号。', 'You cannot disable your own account.');
  }
  await trx.updateTable('account').set({ disabled }).where('id', '=', id).execute();
  if (disabled) await endSessionsOf(trx, id);
  await audit({
    action: disabled ? 'account.disable' : 'account.enable',
    targetType: 'account',
    targetId: id,
    before: { disabled: account.disabled },
    after: { disabled },
  });
}

/** Letters and digits without the look-alikes (0/O, 1/l/I). */
const TEMP_ALPHABET = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnpqrstuvwxyz',
  digit: '23456789',
  symbol: '#@%+=',
};

/** A temporary password that meets the policy: 14 characters of all four classes. */
export function temporaryPassword(length = 14): string {
  const all = Object.values(TEMP_ALPHABET).join('');
  const pick = (from: string) => from[randomInt(from.length)] as string;
  const chars = [...Object.values(TEMP_ALPHABET).map(pick)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/**
 * The system administrator resets an ordinary account's password: a temporary one, shown once, that
 * must be changed at the next sign-in; the account's sessions end.
 */
export async function resetPassword(actor: Actor, id: number, trx: Transaction<DB>, audit: Audit) {
  const account = await verifyAccount(trx, actor, id, 'account:manage');
  if (account.id === actor.accountId) {
    throw unprocessable(
      'ACCOUNT_SELF',
      '不能重置自己的密码，请使用“修改密码”。',
      'You cannot reset your own password: change it instead.',
    );
  }
  const password = temporaryPassword();
  await trx
    .updateTable('account')
    .set({
      password_hash: await hashPassword(password),
      must_change_password: true,
      password_changed_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await endSessionsOf(trx, id);
  await audit({ action: 'account.password_reset', targetType: 'account', targetId: id });
  return { username: account.username, temporaryPassword: password };
}

export async function unlock(actor: Actor, id: number, trx: Transaction<DB>, audit: Audit) {
  const account = await verifyAccount(trx, actor, id, 'security:manage');
  await trx
    .updateTable('account')
    .set({ locked_until: null, failed_attempts: 0 })
    .where('id', '=', id)
    .execute();
  await audit({
    action: 'account.unlock',
    targetType: 'account',
    targetId: id,
    before: { lockedUntil: account.locked_until, failedAttempts: account.failed_attempts },
    after: { lockedUntil: null, failedAttempts: 0 },
  });
}

/** Orgs to choose an account's scope from (code prefix or name part). */
export async function scopeOptions(db: Kysely<DB>, actor: Actor, q: string) {
  const text = escapeLike(q.trim());
  let query = scoped.orgDirectory(db, actor).select(['org.id', 'org.code', 'org.name', 'org.level']);
  query = /^\d+$/.test(text)
    ? query.where('org.code', 'like', `${text}%`)
    : query.where('org.name', 'like', `%${text}%`);
  return query.orderBy('org.depth').orderBy('org.code').limit(20).execute();
}
