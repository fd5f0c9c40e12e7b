// The SQL of the audit trail (audit.repository.sql), on both engines, on a database migrated only: a
// lane's head made and locked, the next id, a record appended and the head moved (rolled back); the heads,
// a lane's records and the count the verification reads.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../access/testing/account-actor.ts';
import type { Database } from '../db/engine.ts';
import type { DB } from '../db/schema.ts';
import { sqlSnapshot } from '../db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import * as repo from './audit.repository.ts';

const snapshot = sqlSnapshot(new URL('./audit.repository.sql', import.meta.url));
const ZERO = '0'.repeat(64);
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: false });
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('audit.repository', () => {
  test("an append's statements (rolled back)", async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      expect(
        await snapshot.record('lockHead', k, (d) => repo.lockHead(t(d), 'repository-test')),
      ).toBeUndefined();
      await snapshot.record('insertHead', k, (d) => repo.insertHead(t(d), 'repository-test', ZERO));
      expect(await repo.lockHead(trx, 'repository-test')).toEqual({ last_seq: 0, last_hash: ZERO });
      const id = await snapshot.record('nextAuditId', k, (d) => repo.nextAuditId(t(d)));
      expect(id).toBeGreaterThan(0);
      await snapshot.record('insertRecord', k, (d) =>
        repo.insertRecord(t(d), {
          id,
          at: new Date().toISOString(),
          actor_id: null,
          actor_username: 'test',
          role: 'system',
          scope_org_id: null,
          action: 'test.append',
          target_type: 'database',
          target_id: 'test',
          before: null,
          after: JSON.stringify({ ok: true }),
          client_ip: 'test',
          county_code: null,
          lane: 'repository-test',
          lane_seq: 1,
          prev_hash: ZERO,
          hash: '1'.repeat(64),
        }),
      );
      await snapshot.record('setHead', k, (d) => repo.setHead(t(d), 'repository-test', 1, '1'.repeat(64)));
      expect(await repo.lockHead(trx, 'repository-test')).toEqual({ last_seq: 1, last_hash: '1'.repeat(64) });
      const heads = await snapshot.record('heads', k, (d) => repo.heads(d));
      expect(heads.map((h) => h.lane)).toContain('repository-test');
      const rows = await snapshot.record('laneRecords', k, (d) =>
        repo.laneRecords(d, 'repository-test', 1, 10),
      );
      expect(rows.map((r) => r.action)).toEqual(['test.append']);
      expect(await snapshot.record('recordCount', k, (d) => repo.recordCount(d))).toBeGreaterThanOrEqual(1);
    });
  });
});
