// The SQL of 村务公开, as committed in publication.repository.sql, on both engines: a county
// administrator's items and questions (another county's are neither found, listed nor counted), the
// export and the figures on a fixed day, and the writes of an item, its publication and a reply in a
// transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './publication.repository.ts';

const snapshot = sqlSnapshot(new URL('./publication.repository.sql', import.meta.url));
/** a fixed day: no count or text depends on the date the test runs */
const TODAY = '2026-06-30';
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };
/** a question (and its item) of the county and one of another county */
let mine: { id: number; item_id: number; org_id: number; year: number };
let theirs: { id: number; item_id: number; org_id: number; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ actor, county } = await countyAdmin(db));
  const question = (inside: boolean) =>
    db
      .selectFrom('publication_question')
      .innerJoin('publication_item', 'publication_item.id', 'publication_question.item_id')
      .innerJoin('org', 'org.id', 'publication_item.org_id')
      .select([
        'publication_question.id',
        'publication_question.item_id',
        'publication_item.org_id',
        'publication_item.due_on',
        'org.path',
      ])
      .where('org.path', inside ? 'like' : 'not like', `${county.path}%`)
      .orderBy('publication_question.id')
      .executeTakeFirstOrThrow();
  const m = await question(true);
  mine = { id: m.id, item_id: m.item_id, org_id: m.org_id, year: Number(String(m.due_on).slice(0, 4)) };
  theirs = await question(false);
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('publication.repository', () => {
  test("an item and a question in scope; another county's are not found", async () => {
    const { db } = database;
    expect(await snapshot.record('findItem', db, (d) => repo.findItem(d, actor, mine.item_id))).toMatchObject(
      {
        id: mine.item_id,
      },
    );
    await expect(repo.findItem(db, actor, theirs.item_id)).rejects.toThrow();
    expect(
      await snapshot.record('findQuestion', db, (d) => repo.findQuestion(d, actor, mine.id)),
    ).toBeTruthy();
    await expect(repo.findQuestion(db, actor, theirs.id)).rejects.toThrow();
    const questions = await snapshot.record('questionsOfItem', db, (d) =>
      repo.questionsOfItem(d, mine.item_id),
    );
    expect(questions.map((q) => q.id)).toContain(mine.id);
  });

  test("the county's items and questions: a page, the filters, the export, the figures", async () => {
    const { db } = database;
    const base = { basePath: county.path, countyCode: county.code, today: TODAY };
    const page = await snapshot.record('listItems', db, (d) => repo.listItems(d, actor, base, 1, 10));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((i) => i.org_path.startsWith(county.path))).toBe(true);
    for (const state of ['overdue', 'pending', 'published', 'late', 'on_time'] as const)
      await snapshot.record(`listItems ${state}`, db, (d) =>
        repo.listItems(d, actor, { ...base, state, kind: 'general', year: mine.year, q: '50%_季' }, 2, 10),
      );
    expect(await repo.listItems(db, actor, { basePath: theirs.path, today: TODAY }, 1, 10)).toEqual({
      items: [],
      total: 0,
    });
    const exported = await snapshot.record('exportItems', db, (d) => repo.exportItems(d, actor, base, 5));
    expect(exported.length).toBe(Math.min(5, page.total));

    const depth = county.path.split('/').filter(Boolean).length - 1;
    const figuresBase = { path: county.path, depth, county_code: county.code };
    const items = await snapshot.record('itemFiguresByChild', db, (d) =>
      repo.itemFiguresByChild(d, actor, figuresBase, mine.year, TODAY),
    );
    expect(items.length).toBeGreaterThan(0);
    const asked = await snapshot.record('questionFiguresByChild', db, (d) =>
      repo.questionFiguresByChild(d, actor, figuresBase, mine.year, TODAY),
    );
    expect(asked.every((t) => t.asked >= t.onTime + t.late)).toBe(true);
    expect(
      await repo.itemFiguresByChild(db, actor, { path: theirs.path, depth: depth + 2 }, mine.year, TODAY),
    ).toEqual([]);

    const questions = await snapshot.record('listQuestions', db, (d) =>
      repo.listQuestions(d, actor, { basePath: county.path }, 1, 10),
    );
    expect(questions.total).toBeGreaterThan(0);
    await snapshot.record('listQuestions open overdue', db, (d) =>
      repo.listQuestions(d, actor, { basePath: county.path, open: true, overdueOn: TODAY }, 1, 10),
    );
    expect(await repo.listQuestions(db, actor, { basePath: theirs.path }, 1, 10)).toEqual({
      items: [],
      total: 0,
    });
  });

  test('an item inserted and published, a reply, a village file (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const id = await snapshot.record('insertItem', k, (d) =>
        repo.insertItem(asTrx(d), {
          org_id: mine.org_id,
          county_code: county.code,
          kind: 'major',
          period: 'M-TEST-1',
          title: '村道硬化工程',
          due_on: '2026-03-10',
          amount_fen: 8_000_000,
        }),
      );
      const publication = {
        on: '2026-03-08',
        content: '工程预算八万元',
        place: '村务公开栏',
        photoAttachmentId: null,
        photoTakenAt: null,
        by: actor.accountId,
      };
      expect(
        await snapshot.record('publishItem', k, (d) => repo.publishItem(asTrx(d), id, publication)),
      ).toBe(true);
      expect(await repo.publishItem(trx, id, publication)).toBe(false);
      expect(await repo.findItem(trx, actor, id)).toMatchObject({ content: '工程预算八万元' });
      const open = await trx
        .selectFrom('publication_question')
        .select('id')
        .where('replied_at', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(
        await snapshot.record('replyQuestion', k, (d) =>
          repo.replyQuestion(asTrx(d), open.id, '已答复', actor.accountId),
        ),
      ).toBe(true);
      expect(await repo.replyQuestion(trx, open.id, '再次', actor.accountId)).toBe(false);
      const file = await trx
        .selectFrom('village_attachment')
        .select(['id', 'org_id'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(
        await snapshot.record('attachmentOfVillage', k, (d) =>
          repo.attachmentOfVillage(d, file.org_id, file.id),
        ),
      ).toBeTruthy();
      expect(await repo.attachmentOfVillage(trx, file.org_id + 1_000_000, file.id)).toBeUndefined();
    });
  });
});
