// The SQL of village files, as committed in village-attachment.repository.sql, on both engines: a file
// inserted for a village of the county (rolled back), read in a county administrator's scope (another
// county's is not found), and a published item's photo read by anyone (an unpublished file is not).
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './village-attachment.repository.ts';

const snapshot = sqlSnapshot(new URL('./village-attachment.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };
/** a published photo of the county and one of another county */
let mine: { id: number; org_id: number };
let theirs: { id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ actor, county } = await countyAdmin(db));
  const photo = (inside: boolean) =>
    db
      .selectFrom('village_attachment')
      .innerJoin('org', 'org.id', 'village_attachment.org_id')
      .innerJoin('publication_item', 'publication_item.photo_attachment_id', 'village_attachment.id')
      .select(['village_attachment.id', 'village_attachment.org_id'])
      .where('publication_item.published_on', 'is not', null)
      .where('org.path', inside ? 'like' : 'not like', `${county.path}%`)
      .orderBy('village_attachment.id')
      .executeTakeFirstOrThrow();
  mine = await photo(true);
  theirs = await photo(false);
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('village-attachment.repository', () => {
  test("a file in the county's scope; another county's is not found", async () => {
    const { db } = database;
    const row = await snapshot.record('scopedAttachment', db, (d) =>
      repo.scopedAttachment(d, actor, mine.id),
    );
    expect(row?.sha256).toBeTruthy();
    expect(await repo.scopedAttachment(db, actor, theirs.id)).toBeUndefined();
  });

  test("a published item's photo for anyone; a file not on a published item is not", async () => {
    const { db } = database;
    const photo = await snapshot.record('publishedPhoto', db, (d) => repo.publishedPhoto(d, theirs.id));
    expect(photo?.sha256).toBeTruthy();
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const id = await snapshot.record('insertAttachment', k, (d) =>
        repo.insertAttachment(asTrx(d), {
          org_id: mine.org_id,
          county_code: county.code,
          mime: 'image/jpeg',
          bytes: 1024,
          sha256: 'a'.repeat(64),
          file_name: '公示栏.jpg',
          uploaded_by: actor.accountId,
        }),
      );
      expect(await repo.scopedAttachment(trx, actor, id)).toMatchObject({ file_name: '公示栏.jpg' });
      expect(await repo.publishedPhoto(trx, id)).toBeUndefined();
    });
  });
});
