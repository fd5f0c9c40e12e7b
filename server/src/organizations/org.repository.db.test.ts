// The SQL of the organizations capability, as committed in org.repository.sql, on both engines: a county
// administrator's children, one node, the three search forms, names of ids, child kinds and the filtered
// list (by offset and after a keyset) with its capped count and estimate — each from the access layer's scoped.orgs, so another county's orgs never appear.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './org.repository.ts';

const snapshot = sqlSnapshot(new URL('./org.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { id: number; path: string };
let elsewhere: { id: number; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const admin = await countyAdmin(db);
  actor = admin.actor;
  county = { id: admin.county.id, path: admin.county.path };
  elsewhere = await db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('level', '=', 'county')
    .where('id', '<>', admin.county.id)
    .orderBy('code')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('org.repository', () => {
  test('children, a node, names and kinds inside the scope only', async () => {
    const { db } = database;
    const children = await snapshot.record('findChildren', db, (d) => repo.findChildren(d, actor, county.id));
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((c) => c.path.startsWith(county.path))).toBe(true);
    expect(await repo.findChildren(db, actor, elsewhere.id)).toEqual([]);
    const node = await snapshot.record('findNode', db, (d) => repo.findNode(d, actor, county.id));
    expect(node).toMatchObject({ id: county.id, child_count: children.length });
    expect(await repo.findNode(db, actor, elsewhere.id)).toBeUndefined();
    const first = children[0] as (typeof children)[number];
    const names = await snapshot.record('namesOf', db, (d) =>
      repo.namesOf(d, actor, [first.id, elsewhere.id]),
    );
    expect([...names.keys()]).toEqual([first.id]);
    const kinds = await snapshot.record('childKinds', db, (d) => repo.childKinds(d, actor, county.id));
    expect(kinds.reduce((n, k) => n + k.n, 0)).toBe(children.length);
  });

  test('the three search forms and the filtered list with its count', async () => {
    const { db } = database;
    const byCode = await snapshot.record('searchOrgs by code', db, (d) =>
      repo.searchOrgs(d, actor, '44', 20),
    );
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((o) => o.path.startsWith(county.path))).toBe(true);
    await snapshot.record('searchOrgs by initials', db, (d) => repo.searchOrgs(d, actor, 'dzb', 20));
    const byName = await snapshot.record('searchOrgs by name', db, (d) =>
      repo.searchOrgs(d, actor, '支部', 20),
    );
    expect(byName.every((o) => o.name.includes('支部') && o.path.startsWith(county.path))).toBe(true);
    const filter = { sort: 'memberCount', order: 'desc', level: 'village' } as const;
    const page = await snapshot.record('listOrgs', db, (d) => repo.listOrgs(d, actor, filter, 10, 0));
    expect(page.length).toBeGreaterThan(0);
    expect(page.every((o) => o.level === 'village' && o.path.startsWith(county.path))).toBe(true);
    const counts = page.map((o) => o.member_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // the next page after the last row (keyset) is the page by offset
    const last = page[4] as (typeof page)[number];
    const next = await snapshot.record('listOrgs after', db, (d) =>
      repo.listOrgs(d, actor, filter, 5, 0, { key: last.sort_key, id: last.id }),
    );
    const offset = await repo.listOrgs(db, actor, filter, 5, 5);
    expect(next.map((o) => o.id)).toEqual(offset.map((o) => o.id));
    const nameOrder = { sort: 'name', order: 'asc' } as const;
    const named = await repo.listOrgs(db, actor, nameOrder, 3, 0);
    const after = named[2] as (typeof named)[number];
    expect(
      (await repo.listOrgs(db, actor, nameOrder, 3, 0, { key: after.sort_key, id: after.id })).map(
        (o) => o.id,
      ),
    ).toEqual((await repo.listOrgs(db, actor, nameOrder, 3, 3)).map((o) => o.id));
    const n = await snapshot.record('countOrgs', db, (d) => repo.countOrgs(d, actor, filter, 10));
    expect(n).toBeGreaterThanOrEqual(Math.min(11, page.length));
    expect(n).toBeLessThanOrEqual(11);
    const estimate = await snapshot.record('estimateOrgs', db, (d) => repo.estimateOrgs(d, actor, filter));
    expect(estimate).toBeGreaterThan(0);
  });
});
