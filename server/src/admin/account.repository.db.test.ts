// The SQL of account management (account.repository.sql) and of the audit page (audit.repository.sql), on
// both engines: the system administrator's page of accounts by each filter, a new account and the writes on
// it in a transaction rolled back, the orgs a scope is chosen from; the audit records by each filter.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as accounts from './account.repository.ts';
import * as audit from './audit.repository.ts';

const snapshot = sqlSnapshot(new URL('./account.repository.sql', import.meta.url));
const auditSnapshot = sqlSnapshot(new URL('./audit.repository.sql', import.meta.url));
let database: Database;
let sysadmin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  sysadmin = await accountActor(database.db, 'sysadmin');
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  auditSnapshot.verify();
  await database?.close();
});

describe('account.repository', () => {
  test('the page of accounts by each filter, the scope options', async () => {
    const { db } = database;
    const all = await snapshot.record('accountsPage', db, (d) =>
      accounts.accountsPage(d, sysadmin, {}, 1, 20, 'account:manage'),
    );
    expect(all.rows.length).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThanOrEqual(all.rows.length);
    const found = await snapshot.record('accountsPage.filtered', db, (d) =>
      accounts.accountsPage(
        d,
        sysadmin,
        { q: '4407', role: 'org_admin', lockedOnly: true },
        2,
        20,
        'account:manage',
      ),
    );
    expect(found.rows).toEqual([]);
    const byCode = await snapshot.record('scopeOptions.code', db, (d) =>
      accounts.scopeOptions(d, sysadmin, '4407'),
    );
    expect(byCode.every((o) => o.code.startsWith('4407'))).toBe(true);
    await snapshot.record('scopeOptions.name', db, (d) => accounts.scopeOptions(d, sysadmin, '江门'));
  });

  test('a new account and the writes on it (rolled back)', async () => {
    const org = await database.db
      .selectFrom('org')
      .select('id')
      .where('code', '=', '4407')
      .executeTakeFirstOrThrow();
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      expect(await snapshot.record('usernameTaken', k, (d) => accounts.usernameTaken(t(d), 'sysadmin'))).toBe(
        true,
      );
      const created = await snapshot.record('insertAccount', k, (d) =>
        accounts.insertAccount(t(d), {
          username: 'repository-test',
          displayName: '仓储测试',
          role: 'grid_worker',
          scopeOrgId: org.id,
          passwordHash: 'not-a-hash',
        }),
      );
      expect(created).toMatchObject({ username: 'repository-test', approval: 'pending' });
      await snapshot.record('setDisabled', k, (d) => accounts.setDisabled(t(d), created.id, true));
      await snapshot.record('setTemporaryPassword', k, (d) =>
        accounts.setTemporaryPassword(t(d), created.id, 'still-not-a-hash'),
      );
      await snapshot.record('clearLock', k, (d) => accounts.clearLock(t(d), created.id));
      const row = await trx
        .selectFrom('account')
        .select(['disabled', 'must_change_password', 'password_hash', 'failed_attempts', 'locked_until'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        disabled: true,
        must_change_password: true,
        password_hash: 'still-not-a-hash',
        failed_attempts: 0,
        locked_until: null,
      });
    });
  });
});

describe('audit.repository', () => {
  test('the records of the audit page by each filter', async () => {
    const { db } = database;
    const page = await auditSnapshot.record('auditPage', db, (d) => audit.auditPage(d, {}, 1, 20));
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.total).toBeGreaterThanOrEqual(page.rows.length);
    const none = await auditSnapshot.record('auditPage.filtered', db, (d) =>
      audit.auditPage(
        d,
        { from: '2020-01-01', to: '2020-01-31', actor: 'nobody', action: 'case.', targetType: 'case' },
        1,
        20,
      ),
    );
    expect(none).toEqual({ rows: [], total: 0 });
    const rows = await auditSnapshot.record('auditRows', db, (d) =>
      audit.auditRows(d, { action: 'demo' }, 100),
    );
    expect(rows.every((r) => r.action.startsWith('demo'))).toBe(true);
  });
});
