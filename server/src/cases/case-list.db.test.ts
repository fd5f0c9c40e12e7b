// Case lists beyond 10,000 matches, on both engines: the count stops at the cap and says so, a
// narrow filter still counts exactly, and another county sees none of the extra cases. The SQL of
// case-list.repository.ts, as committed in case-list.repository.sql: pages by each order, a cursor's
// next page, the counts and the estimate, for the county of the extra cases and for another county.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CaseAccess, scoped } from '../platform/access/scope.ts';
import { accountActor } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../platform/http/testing/test-server.ts';
import * as repo from './case-list.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-list.repository.sql', import.meta.url));

type CasePage = { items: { caseNo: string }[]; total: number; totalCapped: boolean };

let database: Database;
let server: TestServer;
let townCode: string;
let originalNo: string;
let otherTownCode: string;
let original: {
  id: number;
  case_no: string;
  county_code: string;
  town_org_id: number | null;
  town_code: string;
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  original = await db
    .selectFrom('civic_case')
    .innerJoin('org as town', 'town.id', 'civic_case.town_org_id')
    .select([
      'civic_case.id',
      'civic_case.case_no',
      'civic_case.county_code',
      'civic_case.town_org_id',
      'town.code as town_code',
    ])
    .where('civic_case.external_id', 'is', null)
    .orderBy('civic_case.id')
    .executeTakeFirstOrThrow();
  townCode = original.town_code;
  originalNo = original.case_no;
  const other = await db
    .selectFrom('org')
    .select('code')
    .where('level', '=', 'town')
    .where('code', 'not like', `${original.county_code}%`)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  otherTownCode = other.code;
  // repo.TOTAL_CAP + 1 copies of one case, in its grid: one statement, the columns read from the catalog
  const columns = (
    await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_name = 'civic_case' and is_generated = 'NEVER' and is_identity = 'NO'
        and column_name not in ('case_no', 'external_system', 'external_id')
      order by ordinal_position`.execute(db)
  ).rows.map((r) => r.column_name);
  await sql`
    insert into civic_case (case_no, ${sql.join(columns.map((c) => sql.ref(c)))})
    select 'CAP' || lpad(g::text, 6, '0'), ${sql.join(columns.map((c) => sql.ref(`c.${c}`)))}
    from civic_case c cross join generate_series(1, ${repo.TOTAL_CAP + 1}) g
    where c.id = ${original.id}`.execute(db);
}, 180_000);

afterAll(async () => {
  snapshot.verify();
  await server?.close();
  await database?.close();
});

describe('case lists over the count cap', () => {
  test('the town and the city see "10,000+"; a narrow filter counts exactly; another county sees none', async () => {
    const other = await server.as(otherTownCode);
    const before = await other.get<CasePage>('/api/cases?pageSize=5');
    expect(before.status).toBe(200);

    for (const code of [townCode, '4407']) {
      const page = await (await server.as(code)).get<CasePage>('/api/cases?pageSize=5');
      expect(page.status, code).toBe(200);
      expect(page.body.total, code).toBe(repo.TOTAL_CAP);
      expect(page.body.totalCapped, code).toBe(true);
      expect(page.body.items).toHaveLength(5);
    }

    const town = await server.as(townCode);
    const one = await town.get<CasePage>(`/api/cases?q=${originalNo}`);
    expect(one.body.total).toBe(1);
    expect(one.body.totalCapped).toBe(false);
    expect(one.body.items.map((c) => c.caseNo)).toEqual([originalNo]);

    const after = await other.get<CasePage>('/api/cases?pageSize=5');
    expect(after.body.total).toBe(before.body.total);
    expect(after.body.items.some((c) => c.caseNo.startsWith('CAP'))).toBe(false);
  });
});

describe('case-list.repository', () => {
  // a fixed moment: the lights' instants are parameters, the statements' text does not follow the clock
  const now = new Date('2026-06-01T00:00:00Z');
  let county: CaseAccess;
  let other: CaseAccess;
  const countyOf = async (ids: number[]) =>
    database.db
      .selectFrom('civic_case')
      .select(['id', 'county_code'])
      .where('id', 'in', ids.length ? ids : [-1])
      .execute();

  beforeAll(async () => {
    const { db } = database;
    county = await scoped.caseAccess(db, await accountActor(db, original.county_code));
    const otherCounty = otherTownCode.slice(0, original.county_code.length);
    other = await scoped.caseAccess(db, await accountActor(db, otherCounty));
  });

  test("a county's page newest first, then the next page by cursor; another county's has none of it", async () => {
    const { db } = database;
    const request = { access: county, filter: {}, order: 'createdAt:desc' as const, limit: 5, now };
    const first = await snapshot.record('listPage createdAt', db, (d) => repo.listPage(d, request));
    expect(first).toHaveLength(6);
    const last = first[4] as repo.ListRow;
    const next = await snapshot.record('listPage createdAt after a cursor', db, (d) =>
      repo.listPage(d, {
        ...request,
        after: { order: request.order, part: last.part, keys: [last.key_text], id: Number(last.id) },
      }),
    );
    expect(next).toHaveLength(6);
    expect(next.map((r) => r.id)).not.toContain(last.id);
    const shown = [...first, ...next].map((r) => Number(r.id));
    expect(new Set((await countyOf(shown)).map((r) => r.county_code))).toEqual(
      new Set([original.county_code]),
    );
    const theirs = await repo.listPage(db, { ...request, access: other, limit: 50 });
    expect(theirs.some((r) => r.case_no.startsWith('CAP'))).toBe(false);
    expect(
      (await countyOf(theirs.map((r) => Number(r.id)))).some((r) => r.county_code === original.county_code),
    ).toBe(false);
  });

  test('by deadline, running steps then stopped; every filter; a light', async () => {
    const { db } = database;
    const byDeadline = await snapshot.record('listPage deadline', db, (d) =>
      repo.listPage(d, { access: county, filter: {}, order: 'deadline:asc', limit: 5, offset: 5, now }),
    );
    expect(byDeadline).toHaveLength(6);
    const filtered = await snapshot.record('listPage every filter', db, (d) =>
      repo.listPage(d, {
        access: county,
        filter: {
          states: ['dispatched', 'closed'],
          channel: 'resident',
          categoryCode: 'ENV',
          q: '50%_路',
          townId: original.town_org_id ?? -1,
          departmentId: -1,
          from: new Date('2000-01-01T00:00:00Z'),
          to: now,
          mine: { reporterId: -1 },
        },
        order: 'deadline:desc',
        limit: 5,
        now,
      }),
    );
    expect(filtered).toEqual([]);
    const red = await snapshot.record('listPage red light', db, (d) =>
      repo.listPage(d, { access: county, filter: { light: 'red' }, order: 'createdAt:desc', limit: 5, now }),
    );
    expect(red.every((r) => r.step_deadline !== null && r.step_deadline < now)).toBe(true);
  });

  test('counts: capped, exact for a narrow filter and for a part; the estimate; none for another county', async () => {
    const { db } = database;
    expect(await snapshot.record('countMatches', db, (d) => repo.countMatches(d, county, {}, now))).toBe(
      repo.TOTAL_CAP + 1,
    );
    const narrow = { q: original.case_no };
    expect(
      await snapshot.record('countMatches scope, no cap', db, (d) =>
        repo.countMatches(d, county, narrow, now, { cap: null, parts: 'scope' }),
      ),
    ).toBe(1);
    expect(
      await snapshot.record('countMatches others', db, (d) =>
        repo.countMatches(d, county, { states: ['reported'] }, now, { cap: repo.TOTAL_CAP, parts: 'others' }),
      ),
    ).toBe(0);
    expect(await repo.countMatches(db, other, { townId: original.town_org_id ?? -1 }, now)).toBe(0);
    const estimate = await snapshot.record('estimatedCount', db, (d) =>
      repo.estimatedCount(d, county, {}, now),
    );
    expect(estimate).toBeGreaterThan(0);
  });
});
