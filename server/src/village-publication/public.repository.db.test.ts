// The SQL of the public 村务公开 page, as committed in public.repository.sql, on both engines: a village
// found by its code or searched, its office holders, its published items, their questions and its
// published decisions (nothing unpublished, nothing of another village), and a villager's question
// inserted in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './public.repository.ts';

const snapshot = sqlSnapshot(new URL('./public.repository.sql', import.meta.url));
let database: Database;
/** a village with a published item that has a question */
let village: { id: number; code: string; short_name: string; item_id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  village = await db
    .selectFrom('publication_question')
    .innerJoin('publication_item', 'publication_item.id', 'publication_question.item_id')
    .innerJoin('org', 'org.id', 'publication_item.org_id')
    .select(['org.id', 'org.code', 'org.short_name', 'publication_item.id as item_id'])
    .where('publication_item.published_on', 'is not', null)
    .orderBy('publication_question.id')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('public.repository', () => {
  test('a village by its full code or by search; a prefix of its code finds no village', async () => {
    const { db } = database;
    expect(
      await snapshot.record('villageByCode', db, (d) => repo.villageByCode(d, village.code)),
    ).toMatchObject({
      id: village.id,
    });
    expect(await repo.villageByCode(db, village.code.slice(0, 9))).toBeUndefined();
    const byCode = await snapshot.record('searchVillages by code', db, (d) =>
      repo.searchVillages(d, village.code.slice(0, 9), 50),
    );
    expect(byCode.map((v) => v.code)).toContain(village.code);
    const byName = await snapshot.record('searchVillages by name', db, (d) =>
      repo.searchVillages(d, village.short_name, 50),
    );
    expect(byName.map((v) => v.code)).toContain(village.code);
    await snapshot.record('searchVillages empty', db, (d) => repo.searchVillages(d, '', 5));
  });

  test("a village's office holders, published items, questions and decisions", async () => {
    const { db } = database;
    const holders = await snapshot.record('officeHolders', db, (d) => repo.officeHolders(d, village.id));
    expect(Array.isArray(holders)).toBe(true);
    const items = await snapshot.record('publishedItems', db, (d) => repo.publishedItems(d, village.id, 20));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.published_on !== null)).toBe(true);
    const questions = await snapshot.record('questionsOn', db, (d) => repo.questionsOn(d, [village.item_id]));
    expect(questions.length).toBeGreaterThan(0);
    const decisions = await snapshot.record('publishedDecisions', db, (d) =>
      repo.publishedDecisions(d, village.id, 20),
    );
    expect(Array.isArray(decisions)).toBe(true);
    expect(await repo.publishedItems(db, village.id + 1_000_000, 20)).toEqual([]);
    expect(
      await snapshot.record('publishedItemForQuestion', db, (d) =>
        repo.publishedItemForQuestion(d, village.item_id),
      ),
    ).toMatchObject({ id: village.item_id, org_id: village.id });
  });

  test("a villager's question inserted (rolled back); an unpublished item takes none", async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const item = await repo.publishedItemForQuestion(trx, village.item_id);
      if (!item) throw new Error('no published item');
      const id = await snapshot.record('insertQuestion', k, (d) =>
        repo.insertQuestion(asTrx(d), {
          item_id: item.id,
          org_id: item.org_id,
          county_code: item.county_code,
          asker_name: '李四',
          phone_enc: null,
          phone_masked: '138****0000',
          question: '工程款何时结算？',
          reply_due_on: '2026-03-20',
          client_ip: '127.0.0.1',
        }),
      );
      expect((await repo.questionsOn(trx, [item.id])).map((q) => q.id)).toContain(id);
      const unpublished = await trx
        .selectFrom('publication_item')
        .select('id')
        .where('published_on', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(await repo.publishedItemForQuestion(trx, unpublished.id)).toBeUndefined();
    });
  });
});
