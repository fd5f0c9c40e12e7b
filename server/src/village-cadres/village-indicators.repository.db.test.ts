// The SQL of the village indicators, as committed in village-indicators.repository.sql, on both
// engines: a county administrator's matters, 村务公开 items (on a fixed day) and party secretary posts
// per village of the county; under another county's path the same actor reads nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './village-indicators.repository.ts';

const snapshot = sqlSnapshot(new URL('./village-indicators.repository.sql', import.meta.url));
/** a fixed day: no count or text depends on the date the test runs */
const TODAY = '2026-06-30';
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };
let otherPath: string;
/** the year of the county's first matter and of its first item */
let matterYear: number;
let itemYear: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ actor, county } = await countyAdmin(db));
  otherPath = (
    await db
      .selectFrom('org')
      .select('path')
      .where('level', '=', 'county')
      .where('id', '!=', county.id)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).path;
  const matter = await db
    .selectFrom('deliberation')
    .innerJoin('org', 'org.id', 'deliberation.org_id')
    .select('deliberation.proposed_on')
    .where('org.path', 'like', `${county.path}%`)
    .orderBy('deliberation.id')
    .executeTakeFirstOrThrow();
  matterYear = Number(String(matter.proposed_on).slice(0, 4));
  const item = await db
    .selectFrom('publication_item')
    .innerJoin('org', 'org.id', 'publication_item.org_id')
    .select('publication_item.due_on')
    .where('org.path', 'like', `${county.path}%`)
    .where('publication_item.due_on', '<=', TODAY)
    .orderBy('publication_item.id')
    .executeTakeFirstOrThrow();
  itemYear = Number(String(item.due_on).slice(0, 4));
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('village-indicators.repository', () => {
  test("the county's villages' figures; another county's path reads nothing", async () => {
    const { db } = database;
    const validity = await snapshot.record('validityPerVillage', db, (d) =>
      repo.validityPerVillage(d, actor, county.path, matterYear),
    );
    expect(validity.reduce((n, v) => n + Number(v.matters), 0)).toBeGreaterThan(0);
    expect(await repo.validityPerVillage(db, actor, otherPath, matterYear)).toEqual([]);

    const publication = await snapshot.record('publicationPerVillage', db, (d) =>
      repo.publicationPerVillage(d, actor, county.path, itemYear, TODAY),
    );
    expect(publication.every((v) => Number(v.due) >= Number(v.on_time) + Number(v.late))).toBe(true);
    expect(publication.length).toBeGreaterThan(0);
    expect(await repo.publicationPerVillage(db, actor, otherPath, itemYear, TODAY)).toEqual([]);

    const posts = await snapshot.record('secretaryPosts', db, (d) =>
      repo.secretaryPosts(d, actor, county.path),
    );
    expect(posts.length).toBeGreaterThan(0);
    expect(await repo.secretaryPosts(db, actor, otherPath)).toEqual([]);
  });
});
