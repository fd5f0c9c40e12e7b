// The SQL of the member register, as committed in member.repository.sql, on both engines: a county
// administrator's members by each sort and search form, the next page after a keyset, the capped count,
// the per-org counts and the planner's estimate — all from scoped.members / scoped.orgs, so another
// county's members never appear.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './member.repository.ts';

const snapshot = sqlSnapshot(new URL('./member.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { path: string; code: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ actor, county } = await countyAdmin(db));
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('member.repository', () => {
  test('a page by name, the next page after its last row, inside the county only', async () => {
    const { db } = database;
    const f = { orgPath: county.path, countyCode: county.code, sort: 'name', order: 'asc' } as const;
    const first = await snapshot.record('listMembers', db, (d) => repo.listMembers(d, actor, f, 5, 0));
    expect(first).toHaveLength(5);
    expect(first.every((m) => m.org_path.startsWith(county.path))).toBe(true);
    const last = first[4] as (typeof first)[number];
    const next = await snapshot.record('listMembers after', db, (d) =>
      repo.listMembers(d, actor, f, 5, 0, { key: last.sort_key, id: last.id }),
    );
    // the keyset page is the offset page
    const offset = await repo.listMembers(db, actor, f, 5, 5);
    expect(next.map((m) => m.id)).toEqual(offset.map((m) => m.id));
    const byDate = { ...f, sort: 'joinedOn', order: 'desc', status: 'full' } as const;
    const joined = await snapshot.record('listMembers by date', db, (d) =>
      repo.listMembers(d, actor, byDate, 5, 0, { key: '2100-01-01', id: 0 }),
    );
    expect(joined.every((m) => m.status === 'full')).toBe(true);
    await snapshot.record('listMembers initials', db, (d) =>
      repo.listMembers(d, actor, { ...f, q: 'zh' }, 5, 0),
    );
    const named = await snapshot.record('listMembers name', db, (d) =>
      repo.listMembers(d, actor, { ...f, q: '陈' }, 5, 0),
    );
    expect(named.every((m) => m.name.includes('陈'))).toBe(true);
  });

  test('the capped count, the per-org counts and the estimate', async () => {
    const { db } = database;
    const f = { orgPath: county.path, countyCode: county.code, sort: 'name', order: 'asc' } as const;
    const capped = await snapshot.record('countMembers', db, (d) => repo.countMembers(d, actor, f, 10));
    expect(capped).toBe(11);
    const counts = await snapshot.record('subtreeCounts', db, (d) =>
      repo.subtreeCounts(d, actor, county.path),
    );
    const exact = await db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('county_code', '=', county.code)
      .executeTakeFirstOrThrow();
    expect(counts.members).toBe(Number(exact.n));
    expect(counts.fullMembers).toBeLessThanOrEqual(counts.members);
    const estimate = await snapshot.record('estimateMembers', db, (d) => repo.estimateMembers(d, actor, f));
    expect(estimate).toBeGreaterThan(0);
  });
});
