// The SQL of a village decision's 村务公开 items, as committed in deliberation-items.repository.sql, on
// both engines: the resolution's item created, then published over the same row (one per decision and
// kind), in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './deliberation-items.repository.ts';

const snapshot = sqlSnapshot(new URL('./deliberation-items.repository.sql', import.meta.url));
let database: Database;
let matter: { id: number; org_id: number; county_code: string };
let by: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  matter = await db
    .selectFrom('deliberation')
    .select(['id', 'org_id', 'county_code'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  by = (await db.selectFrom('account').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('deliberation-items.repository', () => {
  test("a decision's item created, then published on the same row (rolled back)", async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const item: repo.DeliberationItem = {
        orgId: matter.org_id,
        countyCode: matter.county_code,
        deliberationId: matter.id,
        kind: 'result',
        title: '村级小额工程实施结果公开',
        dueOn: '2026-03-10',
        published: null,
      };
      await snapshot.record('upsertDeliberationItem', k, (d) => repo.upsertDeliberationItem(asTrx(d), item));
      await snapshot.record('upsertDeliberationItem published', k, (d) =>
        repo.upsertDeliberationItem(asTrx(d), {
          ...item,
          published: {
            on: '2026-03-08',
            content: '工程已完工验收',
            place: '村务公开栏',
            photoAttachmentId: null,
            photoTakenAt: null,
            by,
          },
        }),
      );
      const rows = await trx
        .selectFrom('publication_item')
        .select(['published_on', 'content', 'title'])
        .where('deliberation_id', '=', matter.id)
        .where('kind', '=', 'result')
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ content: '工程已完工验收', title: '村级小额工程实施结果公开' });
    });
  });
});
