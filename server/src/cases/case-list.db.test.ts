// Case lists beyond 10,000 matches, on both engines: the count stops at the cap and says so, a
// narrow filter still counts exactly, and another county sees none of the extra cases.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../platform/http/testing/test-server.ts';
import { TOTAL_CAP } from './case-list.repository.ts';

type CasePage = { items: { caseNo: string }[]; total: number; totalCapped: boolean };

let database: Database;
let server: TestServer;
let townCode: string;
let originalNo: string;
let otherTownCode: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  const original = await db
    .selectFrom('civic_case')
    .innerJoin('org as town', 'town.id', 'civic_case.town_org_id')
    .select(['civic_case.id', 'civic_case.case_no', 'civic_case.county_code', 'town.code as town_code'])
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
  // TOTAL_CAP + 1 copies of one case, in its grid: one statement, the columns read from the catalog
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
    from civic_case c cross join generate_series(1, ${TOTAL_CAP + 1}) g
    where c.id = ${original.id}`.execute(db);
}, 180_000);

afterAll(async () => {
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
      expect(page.body.total, code).toBe(TOTAL_CAP);
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
