// The SQL of the member import, as committed in member-import.repository.sql, on both engines: the reads of
// an import into a village, and its writes in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../../platform/access/testing/account-actor.ts';
import type { Database } from '../../platform/db/engine.ts';
import type { DB } from '../../platform/db/schema.ts';
import { sqlSnapshot } from '../../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import * as repo from './member-import.repository.ts';

const snapshot = sqlSnapshot(new URL('./member-import.repository.sql', import.meta.url));
let database: Database;
let village: { id: number; path: string; county_code: string | null; member_count: number };

beforeAll(async () => {
  database = await createTestDatabase();
  village = await database.db
    .selectFrom('org')
    .select(['id', 'path', 'county_code', 'member_count'])
    .where('level', '=', 'village')
    .orderBy('code')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('member-import.repository', () => {
  test("an import's reads, and its writes rolled back", async () => {
    const { db } = database;
    const orgs = await snapshot.record('orgsUnder', db, (d) => repo.orgsUnder(d, village.path));
    expect(orgs.map((o) => o.id)).toContain(village.id);
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      const ids = await snapshot.record('insertMembers', k, (d) =>
        repo.insertMembers(t(d), [
          {
            org_id: village.id,
            name: '李红',
            pinyin_initials: 'lh',
            gender: 'female',
            ethnicity: '汉族',
            birth_date: '1990-01-01',
            id_number_enc: 'x',
            id_number_hash: 'member-import-repository-test',
            id_number_masked: 'x',
            phone_enc: 'x',
            phone_masked: 'x',
            education: 'bachelor',
            occupation: 'in_service',
            status: 'full',
            joined_on: '2015-01-01',
            converted_on: '2016-01-01',
            county_code: village.county_code,
          },
        ]),
      );
      expect(ids).toHaveLength(1);
      await snapshot.record('openMembershipPeriods', k, (d) => repo.openMembershipPeriods(t(d), ids));
      await snapshot.record('addMembersToSubtree', k, (d) => repo.addMembersToSubtree(t(d), village.id, 1));
      const after = await trx
        .selectFrom('org')
        .select('member_count')
        .where('id', '=', village.id)
        .executeTakeFirstOrThrow();
      expect(after.member_count).toBe(village.member_count + 1);
      const periods = await trx
        .selectFrom('membership_history')
        .select('org_id')
        .where('member_id', 'in', ids)
        .execute();
      expect(periods).toEqual([{ org_id: village.id }]);
    });
  });
});
