// The SQL of the import of case history, as committed in case-import.repository.sql, on both engines:
// the sequence values of new case numbers, the external ids imported before, whether a system exists.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../platform/db/engine.ts';
import { sqlSnapshot } from '../../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import * as repo from './case-import.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-import.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('case-import.repository', () => {
  test('n sequence values in order', async () => {
    const seq = await snapshot.record('nextCaseSequence', database.db, (d) => repo.nextCaseSequence(d, 3));
    expect(seq).toHaveLength(3);
    expect(seq[1]).toBe((seq[0] as number) + 1);
    expect(seq[2]).toBe((seq[0] as number) + 2);
  });

  test('the external ids of a system imported before; whether a system exists', async () => {
    const { db } = database;
    const external = await db
      .selectFrom('civic_case')
      .select(['external_system', 'external_id'])
      .where('external_system', 'is not', null)
      .where('external_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const system = external.external_system as string;
    const before = await snapshot.record('importedBefore', db, (d) =>
      repo.importedBefore(d, system, [external.external_id as string, 'never-imported']),
    );
    expect(before).toEqual(new Set([external.external_id]));
    // another system's ids are not this one's
    expect(await repo.importedBefore(db, `${system}-other`, [external.external_id as string])).toEqual(
      new Set(),
    );
    expect(
      await snapshot.record('externalSystemExists', db, (d) => repo.externalSystemExists(d, system)),
    ).toBe(true);
    expect(await repo.externalSystemExists(db, 'no-such-system')).toBe(false);
  });
});
