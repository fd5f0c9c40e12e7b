// 双报到 export and look-ups over real HTTP on both engines: the Excel list is the page's list (ID
// numbers masked) with a sheet per community, audited; another community's export lacks it; the
// communities and unit orgs of the city by name.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';

type List = {
  items: { community: { id: number; name: string }; reporter: { name: string } }[];
  total: number;
};
const year = Number(shanghaiToday().slice(0, 4));
let database: Database;
let server: TestServer;
let community: { id: number; code: string; short_name: string };
let unit: { id: number; code: string };
let secCommunity: TestClient;
let secOther: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  community = await db
    .selectFrom('community_report')
    .innerJoin('org', 'org.id', 'community_report.community_org_id')
    .select(['org.id', 'org.code', 'org.short_name'])
    .where('community_report.year', '=', year)
    .orderBy('org.id')
    .executeTakeFirstOrThrow();
  const other = await db
    .selectFrom('org')
    .innerJoin('division', 'division.code', 'org.division_code')
    .select('org.code')
    .where('org.level', '=', 'village')
    .where('division.kind', '=', 'community')
    .where('org.id', '<>', community.id)
    .orderBy('org.id')
    .executeTakeFirstOrThrow();
  unit = await db
    .selectFrom('org')
    .select(['id', 'code'])
    .where('level', '=', 'unit')
    .where('category', '=', 'agency')
    .where('kind', '=', 'branch')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  [secCommunity, secOther] = await Promise.all([server.as(community.code), server.as(other.code)]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function sheets(body: unknown): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as ArrayBuffer);
  const out = new Map<string, string[][]>();
  for (const sheet of book.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
    });
    out.set(sheet.name, rows);
  }
  return out;
}

describe('export', () => {
  test('the Excel list is the page’s list, audited; another community’s export lacks it', async () => {
    const list = await secCommunity.get<List>('/api/community-reports?pageSize=200');
    expect(list.body.total).toBeGreaterThan(0);
    const res = await secCommunity.get(`/api/community-reports.xlsx?year=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = await sheets(res.body);
    const rows = book.get('双报到名单') ?? [];
    expect(rows).toHaveLength(list.body.total);
    expect(rows.map((r) => r[3]).sort()).toEqual(list.body.items.map((i) => i.reporter.name).sort());
    expect(rows.every((r) => r[4] === '' || /^\d{6}\*+\w{4}$/.test(r[4] ?? ''))).toBe(true);
    expect(book.get('按社区汇总')?.map((r) => r[0])).toEqual([list.body.items[0]?.community.name]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'community_report.export')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit?.after).toMatchObject({ rows: list.body.total });
    const theirs = (await sheets((await secOther.get('/api/community-reports.xlsx')).body)).get('双报到名单');
    expect(theirs?.some((r) => r[1] === list.body.items[0]?.community.name)).toBe(false);
    const bad = await secCommunity.get<{ code: string }>('/api/community-reports.xlsx?year=1900');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('look-ups of the register dialog', () => {
  test('communities and units of the city by name or code', async () => {
    const c = await secOther.get<{ id: number }[]>(
      `/api/community-reports/community-options?q=${encodeURIComponent(community.short_name)}`,
    );
    expect(c.body.map((o) => o.id)).toContain(community.id);
    const u = await secCommunity.get<{ id: number }[]>(`/api/community-reports/unit-options?q=${unit.code}`);
    expect(u.body.map((o) => o.id)).toContain(unit.id);
    const none = await secCommunity.get<{ id: number }[]>(
      `/api/community-reports/unit-options?q=${encodeURIComponent(community.short_name)}`,
    );
    expect(none.body).toEqual([]);
  });
});
