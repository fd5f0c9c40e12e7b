// Sign-in with lockout (等保: 5 failures → 15 minutes, configurable), password change with policy.
import type { Actor } from '../platform/access/actor.ts';
import { accountForSignIn } from '../platform/access/exceptions.ts';
import { appendAudit, recordAudit } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/handle.ts';
import type { Account } from '../platform/db/schema.ts';
import { AppError, forbidden, unauthorized, unprocessable } from '../platform/errors/errors.ts';
import { readSecuritySettings } from '../platform/settings/settings.ts';
import { shanghaiDateTime } from '../platform/time/calendar.ts';
import * as repo from './auth.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { createSession, forgetSessionsOf } from './session.ts';

const invalid = () =>
  unauthorized('AUTH_INVALID', '用户名或密码不正确。', 'The username or password is incorrect.');

const locked = (until: Date) => {
  const at = until.toISOString();
  return new AppError(
    423,
    'AUTH_LOCKED',
    `连续登录失败次数过多，账号已锁定至 ${formatZh(until)}，请稍后再试或联系安全管理员解锁。`,
    `Too many failed sign-ins: the account is locked until ${at}. Try later or ask the security administrator.`,
    { lockedUntil: at },
  );
};

function formatZh(d: Date): string {
  // Shown in China Standard Time, the zone named.
  return `${shanghaiDateTime(d).slice(0, 16).replace('T', ' ')}（北京时间）`;
}

function auditActor(account: Pick<Account, 'id' | 'username' | 'role' | 'scope_org_id'>, clientIp: string) {
  return {
    actorId: account.id,
    actorUsername: account.username,
    role: account.role,
    scopeOrgId: account.scope_org_id,
    clientIp,
  };
}

/**
 * Signs in. A password older than the policy's maximum age (when `enforcePasswordExpiry`: not in the
 * demo) marks the account "must change password", which the server then enforces on every route.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  clientIp: string,
  options: { enforcePasswordExpiry?: boolean } = {},
) {
  const account = await accountForSignIn(db, username);
  if (!account) {
    // Same answer as a wrong password: do not tell which usernames exist.
    await recordAudit(db, {
      actorId: null,
      actorUsername: username.slice(0, 64),
      role: 'unknown',
      scopeOrgId: null,
      action: 'auth.login_failed',
      targetType: 'account',
      targetId: username.slice(0, 64),
      after: { reason: 'no_such_account' },
      clientIp,
    });
    throw invalid();
  }
  if (account.disabled)
    throw forbidden('AUTH_DISABLED', '该账号已停用，请联系系统管理员。', 'This account is disabled.');
  if (account.approval === 'pending')
    throw forbidden(
      'AUTH_PENDING_APPROVAL',
      '该账号的角色和管辖范围尚待安全管理员审批，批准后方可登录。',
      "This account's role and scope wait for the security administrator's approval.",
    );
  if (account.approval === 'rejected')
    throw forbidden(
      'AUTH_NOT_APPROVED',
      '该账号的授权申请未获安全管理员批准，不能登录。',
      "The security administrator did not approve this account's role and scope.",
    );
  if (account.locked_until && new Date(account.locked_until) > new Date())
    throw locked(new Date(account.locked_until));

  const settings = await readSecuritySettings(db);
  if (!(await verifyPassword(password, account.password_hash))) {
    // counted in the database (one statement), so failures on several server instances add up
    const { attempts, lockedUntil } = await db.transaction().execute(async (trx) => {
      const n = await repo.countFailedSignIn(trx, account.id);
      const lockNow = n >= settings.lockoutThreshold;
      const until = lockNow ? new Date(Date.now() + settings.lockoutMinutes * 60_000) : null;
      if (until) {
        await repo.lockAccount(trx, account.id, until);
      }
      await appendAudit(trx, {
        ...auditActor(account, clientIp),
        action: lockNow ? 'auth.locked' : 'auth.login_failed',
        targetType: 'account',
        targetId: account.id,
        after: { failedAttempts: n, lockedUntil: until },
      });
      return { attempts: n, lockedUntil: until };
    });
    if (lockedUntil) throw locked(lockedUntil);
    const left = settings.lockoutThreshold - attempts;
    const err = invalid();
    throw new AppError(
      err.status,
      err.code,
      `${err.messageZh}再失败 ${left} 次账号将被锁定 ${settings.lockoutMinutes} 分钟。`,
      `${err.messageEn} ${left} more failure(s) lock the account for ${settings.lockoutMinutes} minutes.`,
      { attemptsLeft: left },
    );
  }

  const ageDays = (Date.now() - new Date(account.password_changed_at).getTime()) / 86_400_000;
  const expired = ageDays > settings.passwordMaxAgeDays && options.enforcePasswordExpiry === true;
  const session = await createSession(db, account.id, clientIp);
  await db.transaction().execute(async (trx) => {
    await repo.recordSignIn(trx, account.id, expired);
    await appendAudit(trx, {
      ...auditActor(account, clientIp),
      action: 'auth.login',
      targetType: 'account',
      targetId: account.id,
    });
  });
  return { account, session, mustChangePassword: account.must_change_password || expired };
}

export async function changePassword(
  db: Db,
  accountId: number,
  current: string,
  next: string,
  clientIp: string,
): Promise<void> {
  const account = await repo.accountById(db, accountId);
  if (!(await verifyPassword(current, account.password_hash))) {
    throw unprocessable('PASSWORD_CURRENT_WRONG', '当前密码不正确。', 'The current password is incorrect.');
  }
  const settings = await readSecuritySettings(db);
  const broken = checkPasswordPolicy(next, account.username, settings.passwordMinLength);
  if (current === next)
    broken.push({
      rule: 'same_as_current',
      zh: '新密码不能与当前密码相同',
      en: 'must differ from the current one',
    });
  if (broken.length > 0) {
    throw unprocessable(
      'PASSWORD_POLICY',
      `新密码不符合密码策略：${broken.map((b) => b.zh).join('；')}。`,
      `The new password breaks the policy: ${broken.map((b) => b.en).join('; ')}.`,
      { rules: broken.map((b) => b.rule) },
    );
  }
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await repo.setOwnPassword(trx, accountId, hash);
    await appendAudit(trx, {
      ...auditActor(account, clientIp),
      action: 'auth.password_changed',
      targetType: 'account',
      targetId: accountId,
    });
  });
  // the cached actor still says "must change password"
  forgetSessionsOf(accountId);
}

/** The org of the signed-in account's scope (/api/me). */
export function scopeOrgOf(db: Db, actor: Actor) {
  return repo.scopeOrg(db, actor.scopeOrgId);
}
