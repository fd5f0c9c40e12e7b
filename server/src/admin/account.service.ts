// Accounts (system administrator) and unlocking (security administrator). 三员分立 as 等保 level 3
// reads it: the system administrator manages ordinary accounts only (the access layer keeps the
// administrators' out of reach), the three administrator roles cannot be granted through the API,
// and a new account's role and scope wait for the security administrator (role-request.service.ts).
import { randomInt } from 'node:crypto';
import { hashPassword } from '../auth/password.ts';
import { checkPasswordPolicy } from '../auth/password-policy.ts';
import { endSessionsOf } from '../auth/session.ts';
import type { Actor } from '../platform/access/actor.ts';
import { usernameTaken } from '../platform/access/exceptions.ts';
import { verifyAccount } from '../platform/access/scope.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import type { Role } from '../platform/db/schema.ts';
import { conflict, unprocessable } from '../platform/errors/errors.ts';
import type { AuditFields } from '../platform/http/route.ts';
import { readSecuritySettings } from '../platform/settings/settings.ts';
import * as repo from './account.repository.ts';
import { insertRequest } from './role-request.repository.ts';
import { requireGrantable, requireScopeOrg } from './role-request.service.ts';

type Audit = (fields: AuditFields) => Promise<number>;

export async function listAccounts(
  db: Db,
  actor: Actor,
  filter: repo.AccountFilter,
  page: number,
  pageSize: number,
  permission: 'account:manage' | 'security:manage',
) {
  const { rows, total } = await repo.accountsPage(db, actor, filter, page, pageSize, permission);
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
    total,
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

export async function createAccount(actor: Actor, input: NewAccountInput, trx: Trx, audit: Audit) {
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
  const created = await repo.insertAccount(trx, {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    scopeOrgId: input.scopeOrgId,
    passwordHash: await hashPassword(input.password),
  });
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
export async function setDisabled(actor: Actor, id: number, disabled: boolean, trx: Trx, audit: Audit) {
  const account = await verifyAccount(trx, actor, id, 'account:manage');
  if (account.id === actor.accountId) {
    throw unprocessable('ACCOUNT_SELF', '不能停用自己的账号。', 'You cannot disable your own account.');
  }
  await repo.setDisabled(trx, id, disabled);
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
export async function resetPassword(actor: Actor, id: number, trx: Trx, audit: Audit) {
  const account = await verifyAccount(trx, actor, id, 'account:manage');
  if (account.id === actor.accountId) {
    throw unprocessable(
      'ACCOUNT_SELF',
      '不能重置自己的密码，请使用“修改密码”。',
      'You cannot reset your own password: change it instead.',
    );
  }
  const password = temporaryPassword();
  await repo.setTemporaryPassword(trx, id, await hashPassword(password));
  await endSessionsOf(trx, id);
  await audit({ action: 'account.password_reset', targetType: 'account', targetId: id });
  return { username: account.username, temporaryPassword: password };
}

export async function unlock(actor: Actor, id: number, trx: Trx, audit: Audit) {
  const account = await verifyAccount(trx, actor, id, 'security:manage');
  await repo.clearLock(trx, id);
  await audit({
    action: 'account.unlock',
    targetType: 'account',
    targetId: id,
    before: { lockedUntil: account.locked_until, failedAttempts: account.failed_attempts },
    after: { lockedUntil: null, failedAttempts: 0 },
  });
}

/** Orgs to choose an account's scope from (code prefix or name part). */
export function scopeOptions(db: Db, actor: Actor, q: string) {
  return repo.scopeOptions(db, actor, q);
}
