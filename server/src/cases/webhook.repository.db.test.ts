// The SQL of the status webhooks, as committed in webhook.repository.sql, on both engines: a system
// registers, two changes of one case are queued, only the first is claimed (a case's changes go out in
// order), its outcome stored, then the second; a stale claim changes nothing; what the system reads.
// The deliveries are dated in 2000 and claimed "then", so the demo's own queue never interferes.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { MAX_ATTEMPTS } from '../platform/jobs/retry.ts';
import * as repo from './webhook.repository.ts';

const snapshot = sqlSnapshot(new URL('./webhook.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('webhook.repository', () => {
  test('registered, queued in order, claimed under a lease, delivered, read back by the system', async () => {
    const { db } = database;
    const t = (d: unknown) => d as Transaction<DB>;
    const system = await db
      .insertInto('external_system')
      .values({ code: 'wh-test', name: '回调测试', api_key_hash: 'wh-test-hash', active: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await snapshot.record('setWebhook', db, (d) =>
      d.transaction().execute((trx) =>
        repo.setWebhook(t(trx), system.id, {
          webhook_url: 'https://example.test/hook',
          webhook_secret_enc: 'x:y',
        }),
      ),
    );
    expect(await snapshot.record('webhookUrlOf', db, (d) => repo.webhookUrlOf(d, system.id))).toBe(
      'https://example.test/hook',
    );
    const found = await snapshot.record('activeWebhookSystem', db, (d) =>
      d.transaction().execute((trx) => repo.activeWebhookSystem(t(trx), 'wh-test')),
    );
    expect(found).toEqual({ id: system.id, webhook_url: 'https://example.test/hook' });

    // a case without deliveries of its own
    const { id: caseId } = await db
      .selectFrom('civic_case as c')
      .select('c.id')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('webhook_delivery as w').select('w.id').whereRef('w.case_id', '=', 'c.id'))),
      )
      .orderBy('c.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const at = new Date('2000-01-01T00:00:00Z');
    const row = (event: string) => ({
      system_id: system.id,
      case_id: caseId,
      county_code: '440703',
      event,
      payload: JSON.stringify({ event }),
      next_attempt_at: at,
    });
    const first = await snapshot.record('insertDelivery', db, (d) =>
      d.transaction().execute((trx) => repo.insertDelivery(t(trx), row('case.dispatch'))),
    );
    const second = await db.transaction().execute((trx) => repo.insertDelivery(trx, row('case.accept')));
    expect(second).toBeGreaterThan(first);

    const now = new Date('2000-01-02T00:00:00Z');
    const lease = new Date('2000-01-02T00:01:10Z');
    const claimed = await snapshot.record('claimDue', db, (d: Kysely<DB>) =>
      repo.claimDue(d, now, 10, lease, MAX_ATTEMPTS),
    );
    // the second waits for the first (one case's changes go out in order); the claim counts an attempt
    expect(claimed.map((c) => [c.id, c.attempts])).toEqual([[first, 1]]);
    // leased: not claimed again before the lease ends
    expect(await repo.claimDue(db, now, 10, lease, MAX_ATTEMPTS)).toEqual([]);
    expect(
      await snapshot.record('deliveryTargets', db, (d) => repo.deliveryTargets(d, [system.id])),
    ).toMatchObject([{ id: system.id, webhook_url: 'https://example.test/hook', active: true }]);

    await snapshot.record('storeOutcome', db, (d) =>
      repo.storeOutcome(d, { id: first, attempts: 1 }, { delivered_at: now, last_error: null }),
    );
    // a stale claim (another attempt count) changes nothing
    // now the second is due; a stale claim (another attempt count) changes nothing
    expect((await repo.claimDue(db, now, 10, lease, MAX_ATTEMPTS)).map((c) => c.id)).toEqual([second]);
    await repo.storeOutcome(db, { id: second, attempts: 7 }, { delivered_at: now, last_error: null });
    await repo.storeOutcome(
      db,
      { id: second, attempts: 1 },
      { last_error: 'HTTP 500', next_attempt_at: lease },
    );

    const pending = await snapshot.record('pendingOf', db, (d) => repo.pendingOf(d, system.id, MAX_ATTEMPTS));
    expect(Number(pending.n)).toBe(1);
    const failures = await snapshot.record('recentFailuresOf', db, (d) =>
      repo.recentFailuresOf(d, system.id),
    );
    expect(failures).toMatchObject([
      { id: second, event: 'case.accept', attempts: 1, last_error: 'HTTP 500' },
    ]);
  });
});
