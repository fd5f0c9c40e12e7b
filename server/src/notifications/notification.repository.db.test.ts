// The SQL of the account's notifications and SMS phone, as committed in notification.repository.sql, on
// both engines: the reads of one account, and the writes in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './notification.repository.ts';

const snapshot = sqlSnapshot(new URL('./notification.repository.sql', import.meta.url));
let database: Database;
let accountId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const account = await database.db
    .selectFrom('account')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  accountId = account.id;
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('notification.repository', () => {
  test("reads and writes of one account's notifications and phone (rolled back)", async () => {
    const { db } = database;
    expect(
      await snapshot.record('unreadCountOf', db, (d) => repo.unreadCountOf(d, accountId)),
    ).toBeGreaterThanOrEqual(0);
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      const note = await trx
        .insertInto('notification')
        .values({ account_id: accountId, kind: 'case_assigned', title: '测试', body: '测试', case_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const own = await snapshot.record('ownNotification', k, (d) =>
        repo.ownNotification(t(d), accountId, note.id),
      );
      expect(own?.read_at).toBeNull();
      await snapshot.record('setRead', k, (d) => repo.setRead(t(d), note.id, new Date()));
      expect(
        await snapshot.record('setAllRead', k, (d) => repo.setAllRead(t(d), accountId, new Date())),
      ).not.toContainEqual({ id: note.id });
      const now = new Date();
      await snapshot.record('upsertSmsContact', k, (d) =>
        repo.upsertSmsContact(
          t(d),
          accountId,
          { phone_enc: 'x', phone_masked: '138****8000', enabled: true },
          now,
        ),
      );
      await snapshot.record('setSmsEnabled', k, (d) => repo.setSmsEnabled(t(d), accountId, false, now));
      const contact = await snapshot.record('smsContactOf', k, (d) => repo.smsContactOf(d, accountId));
      expect(contact).toMatchObject({ phone_masked: '138****8000', enabled: false });
    });
  });
});
