// The SQL of signing in (auth.repository.sql) and of the sessions (session.repository.sql), on both
// engines; the writes in a transaction rolled back: a failed sign-in counted, the lock, a sign-in, a new
// password; a session made, found with its account, touched and ended.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './auth.repository.ts';
import * as sessions from './session.repository.ts';

const snapshot = sqlSnapshot(new URL('./auth.repository.sql', import.meta.url));
const sessionSnapshot = sqlSnapshot(new URL('./session.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  sessionSnapshot.verify();
  await database?.close();
});

describe('auth.repository', () => {
  test('the account, a failed sign-in, the lock, a sign-in and a new password (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      const account = await snapshot.record('accountByUsername', k, (d) => repo.accountByUsername(d, '4407'));
      if (!account) throw new Error('the seed has no account 4407');
      expect((await snapshot.record('accountById', k, (d) => repo.accountById(d, account.id))).username).toBe(
        '4407',
      );
      expect(
        await snapshot.record('countFailedSignIn', k, (d) => repo.countFailedSignIn(t(d), account.id)),
      ).toBe(account.failed_attempts + 1);
      const until = new Date(Date.now() + 60_000);
      await snapshot.record('lockAccount', k, (d) => repo.lockAccount(t(d), account.id, until));
      await snapshot.record('recordSignIn', k, (d) => repo.recordSignIn(t(d), account.id, false));
      await snapshot.record('recordSignIn.expired', k, (d) => repo.recordSignIn(t(d), account.id, true));
      await snapshot.record('setOwnPassword', k, (d) => repo.setOwnPassword(t(d), account.id, 'not-a-hash'));
      expect(await repo.accountById(trx, account.id)).toMatchObject({
        failed_attempts: 0,
        locked_until: null,
        must_change_password: false,
        password_hash: 'not-a-hash',
      });
      expect((await snapshot.record('scopeOrg', k, (d) => repo.scopeOrg(d, account.scope_org_id))).id).toBe(
        account.scope_org_id,
      );
    });
  });
});

describe('session.repository', () => {
  test('a session made, found with its account, touched and ended (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const account = await repo.accountByUsername(trx, '4407');
      if (!account) throw new Error('the seed has no account 4407');
      const s = {
        tokenHash: 'repository-test-hash',
        accountId: account.id,
        csrfToken: 'csrf',
        clientIp: 'test',
      };
      await sessionSnapshot.record('insertSession', k, (d) => sessions.insertSession(d, s));
      const row = await sessionSnapshot.record('sessionWithAccount', k, (d) =>
        sessions.sessionWithAccount(d, s.tokenHash),
      );
      expect(row).toMatchObject({ account_id: account.id, username: '4407', csrf_token: 'csrf' });
      await sessionSnapshot.record('touchSession', k, (d) => sessions.touchSession(d, s.tokenHash));
      await sessionSnapshot.record('deleteSession', k, (d) => sessions.deleteSession(d, s.tokenHash));
      expect(await sessions.sessionWithAccount(trx, s.tokenHash)).toBeUndefined();
      await sessions.insertSession(trx, s);
      await sessionSnapshot.record('deleteSessionsOf', k, (d) => sessions.deleteSessionsOf(d, account.id));
      expect(await sessions.sessionWithAccount(trx, s.tokenHash)).toBeUndefined();
      await sessionSnapshot.record('deleteStaleSessions', k, (d) => sessions.deleteStaleSessions(d));
    });
  });
});
