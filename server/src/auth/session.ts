// Sessions live in the database, so several server instances share them. The cookie holds a random
// token; the table holds only its SHA-256. Idle sessions expire (security setting idleTimeoutMinutes).
import { createHash, randomBytes } from 'node:crypto';
import { type Actor, makeActor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import { readSecuritySettings } from '../platform/settings/settings.ts';
import * as repo from './session.repository.ts';

export const SESSION_COOKIE = 'qj_session';
export const CSRF_COOKIE = 'qj_csrf';
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, accountId: number, clientIp: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await repo.insertSession(db, { tokenHash: hashToken(token), accountId, csrfToken, clientIp });
  return { token, csrfToken };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  recent.delete(hashToken(token));
  await repo.deleteSession(db, hashToken(token));
}

/**
 * Sessions read in the last half second, so the burst of requests of one page costs one query.
 * Another server instance sees a logout, a disabled account or a changed role at most
 * SESSION_CACHE_MS later (issue 10 item 6: within 1 s on every instance; sessions.pg.test.ts); this
 * one at once.
 */
export const SESSION_CACHE_MS = 500;
const recent = new Map<string, { at: number; loaded: LoadedSession }>();

export function forgetSessionsOf(accountId: number): void {
  for (const [key, entry] of recent) if (entry.loaded.actor.accountId === accountId) recent.delete(key);
}

/** Ends every session of an account (disabled, password reset, role changed), in the write's transaction. */
export async function endSessionsOf(trx: Db, accountId: number): Promise<void> {
  await repo.deleteSessionsOf(trx, accountId);
  forgetSessionsOf(accountId);
}

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
}

/** The actor of a session token, or an error for an expired one; null when there is no such session. */
export async function loadSession(db: Db, token: string, clientIp: string): Promise<LoadedSession | null> {
  const tokenHash = hashToken(token);
  const hit = recent.get(tokenHash);
  if (hit && Date.now() - hit.at < SESSION_CACHE_MS) {
    return { ...hit.loaded, actor: { ...hit.loaded.actor, clientIp } };
  }
  if (recent.size > 10_000) recent.clear();
  const row = await repo.sessionWithAccount(db, tokenHash);
  if (!row) return null;
  const { idleTimeoutMinutes } = await readSecuritySettings(db);
  const idleMs = Date.now() - new Date(row.last_seen_at).getTime();
  const refused = row.disabled || row.approval !== 'approved';
  if (refused || idleMs > idleTimeoutMinutes * 60_000) {
    await repo.deleteSession(db, tokenHash);
    if (refused) return null;
    throw errors.sessionExpired(idleTimeoutMinutes);
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await repo.touchSession(db, tokenHash);
  }
  const loaded: LoadedSession = {
    csrfToken: row.csrf_token,
    actor: makeActor({
      accountId: row.account_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      scopeOrgId: row.scope_org_id,
      scopePath: row.scope_path,
      scopeCountyCode: row.scope_county_code,
      mustChangePassword: row.must_change_password,
      clientIp,
    }),
  };
  recent.set(tokenHash, { at: Date.now(), loaded });
  return loaded;
}
