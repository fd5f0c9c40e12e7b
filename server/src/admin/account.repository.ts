// SQL of the accounts (system administrator) and their unlocking (security administrator): the page of
// accounts inside the actor's subtree, a new account, its disabled flag, its password, its lock, the orgs
// an account's scope may be chosen from.
import { sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { Role } from '../platform/db/schema.ts';

export interface AccountFilter {
  q?: string | undefined;
  role?: Role | undefined;
  lockedOnly?: boolean | undefined;
}

/** A page of the accounts the actor may manage (scope of `permission`), by username, and their count. */
export async function accountsPage(
  db: Db,
  actor: Actor,
  filter: AccountFilter,
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
  return { rows, total: total.n };
}

export async function usernameTaken(trx: Trx, username: string): Promise<boolean> {
  const row = await trx
    .selectFrom('account')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new account that waits for the security administrator's approval of its role and scope. */
export function insertAccount(
  trx: Trx,
  a: { username: string; displayName: string; role: Role; scopeOrgId: number; passwordHash: string },
) {
  return trx
    .insertInto('account')
    .values({
      username: a.username,
      display_name: a.displayName,
      role: a.role,
      scope_org_id: a.scopeOrgId,
      password_hash: a.passwordHash,
      must_change_password: true,
      // no sign-in until the security administrator approves the role and scope
      approval: 'pending',
    })
    .returning(['id', 'username', 'display_name', 'role', 'scope_org_id', 'approval'])
    .executeTakeFirstOrThrow();
}

export async function setDisabled(trx: Trx, id: number, disabled: boolean): Promise<void> {
  await trx.updateTable('account').set({ disabled }).where('id', '=', id).execute();
}

/** A password set by the administrator: to be changed at the next sign-in. */
export async function setTemporaryPassword(trx: Trx, id: number, passwordHash: string): Promise<void> {
  await trx
    .updateTable('account')
    .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function clearLock(trx: Trx, id: number): Promise<void> {
  await trx
    .updateTable('account')
    .set({ locked_until: null, failed_attempts: 0 })
    .where('id', '=', id)
    .execute();
}

/** Orgs to choose an account's scope from: by code prefix (digits) or name part; the first 20. */
export function scopeOptions(db: Db, actor: Actor, q: string) {
  const text = escapeLike(q.trim());
  let query = scoped.orgDirectory(db, actor).select(['org.id', 'org.code', 'org.name', 'org.level']);
  query = /^\d+$/.test(text)
    ? query.where('org.code', 'like', `${text}%`)
    : query.where('org.name', 'like', `%${text}%`);
  return query.orderBy('org.depth').orderBy('org.code').limit(20).execute();
}
