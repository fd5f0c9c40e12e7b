// The SQL of the external systems' side, as committed in external-system.repository.sql, on both engines:
// the system of a key, and a system's own case by its external id with its steps — never another's.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { apiKeyHash } from './api-key.ts';
import * as repo from './external-system.repository.ts';

const snapshot = sqlSnapshot(new URL('./external-system.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('external-system.repository', () => {
  test('a key finds its active system only; a system finds its own case and steps only', async () => {
    const { db } = database;
    await db
      .insertInto('external_system')
      .values([
        {
          code: 'key-test-on',
          name: '密钥测试',
          api_key_hash: apiKeyHash('key-test-on-0123456789'),
          active: true,
        },
        {
          code: 'key-test-off',
          name: '停用测试',
          api_key_hash: apiKeyHash('key-test-off-0123456789'),
          active: false,
        },
      ])
      .execute();
    const system = await snapshot.record('activeSystemByKeyHash', db, (d) =>
      repo.activeSystemByKeyHash(d, apiKeyHash('key-test-on-0123456789')),
    );
    expect(system).toMatchObject({ code: 'key-test-on', name: '密钥测试' });
    expect(await repo.activeSystemByKeyHash(db, apiKeyHash('key-test-off-0123456789'))).toBeUndefined();
    expect(await repo.activeSystemByKeyHash(db, apiKeyHash('no-such-key-0000000000'))).toBeUndefined();

    const submitted = await db
      .selectFrom('civic_case')
      .select(['id', 'case_no', 'external_system', 'external_id'])
      .where('external_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const code = submitted.external_system as string;
    const externalId = submitted.external_id as string;
    const found = await snapshot.record('caseOfSystem', db, (d) => repo.caseOfSystem(d, code, externalId));
    expect(found).toMatchObject({ id: submitted.id, case_no: submitted.case_no });
    // another system with the same external id finds nothing
    expect(await repo.caseOfSystem(db, `${code}-other`, externalId)).toBeUndefined();
    const steps = await snapshot.record('stepsForSystem', db, (d) => repo.stepsForSystem(d, submitted.id));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0]).toHaveProperty('to_state');
  });
});
