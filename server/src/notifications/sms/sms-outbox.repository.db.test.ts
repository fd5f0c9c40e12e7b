// The SQL of the SMS outbox, as committed in sms-outbox.repository.sql, on both engines (a migrated
// database without demo data): a message written, claimed with its lease and its outcome stored.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../../platform/access/testing/account-actor.ts';
import type { Database } from '../../platform/db/engine.ts';
import type { DB } from '../../platform/db/schema.ts';
import { sqlSnapshot } from '../../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import * as repo from './sms-outbox.repository.ts';

const snapshot = sqlSnapshot(new URL('./sms-outbox.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: false });
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('sms-outbox.repository', () => {
  test('a message written, claimed under a lease, its outcome stored', async () => {
    const { db } = database;
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      await snapshot.record('insertMessages', k, (d) =>
        repo.insertMessages(t(d), [
          {
            template: 'case_dispatched',
            params: JSON.stringify({ caseNo: 'JM1' }),
            phone_enc: 'x',
            phone_masked: '138****8000',
            account_id: null,
            case_id: null,
            county_code: null,
            event: 'case.dispatch',
          },
        ]),
      );
      expect(
        await snapshot.record('departmentPhones', k, (d) => repo.departmentPhones(t(d), [-1, -2])),
      ).toEqual([]);
    });
    const [message] = await db
      .insertInto('sms_message')
      .values({
        template: 'case_dispatched',
        params: JSON.stringify({ caseNo: 'JM1' }),
        phone_enc: 'x',
        phone_masked: '138****8000',
        account_id: null,
        case_id: null,
        county_code: null,
        event: 'case.dispatch',
      })
      .returning('id')
      .execute();
    const now = new Date(Date.now() + 60_000);
    const claimed = await snapshot.record('claimDue', db, (d) =>
      repo.claimDue(d, now, 10, new Date(now.getTime() + 120_000)),
    );
    expect(claimed).toMatchObject([{ id: message?.id, attempts: 1 }]);
    await snapshot.record('storeOutcome', db, (d) =>
      repo.storeOutcome(d, claimed[0] as { id: number; attempts: number }, {
        state: 'sent',
        sent_at: now,
        provider_message_id: 'p1',
        last_error: null,
      }),
    );
    const row = await db
      .selectFrom('sms_message')
      .select('state')
      .where('id', '=', message?.id ?? -1)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('sent');
  });
});
