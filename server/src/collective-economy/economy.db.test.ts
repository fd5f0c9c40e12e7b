// 村集体经济 over real HTTP on both engines: a town enters a village-year, the county counts villages by
// threshold per town, the Excel import reports every bad row and keeps the good ones or none, the
// registers of 强村公司 / 富民工坊 check their inputs; a village sees only its own figures.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { makeUscc } from '../platform/text/uscc.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';

let database: Database;
let server: TestServer;
let county: TestClient;
let town: TestClient;
const YEAR = Number(shanghaiToday().slice(0, 4)) - 1;
const COUNTY = '440704';
let villages: { id: number; code: string; name: string }[];

type Board = {
  totals: { villages: number; reported: number; bands: number[] };
  children: { org: { id: number; name: string }; villages: number; reported: number; bands: number[] }[];
  items: {
    org: { id: number; code: string };
    operatingFen: number;
    netFen: number;
    retainedFen: number;
    band: number;
    growth: number | null;
  }[];
  total: number;
};

const auditCount = async () =>
  Number(
    (
      await database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  county = await server.as(COUNTY);
  town = await server.as(`${COUNTY}005`);
  villages = await database.db
    .selectFrom('org')
    .innerJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.code', 'org.name'])
    .where('org.level', '=', 'village')
    .where('division.kind', '=', 'village')
    .where('org.code', 'like', `${COUNTY}005%`)
    .orderBy('org.code')
    .execute();
  if (villages.length < 3) throw new Error('the test seed needs three villages in the town');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('incomes', () => {
  test('a town enters a village-year; operating, net and retained follow the sources', async () => {
    const v = villages[0] as (typeof villages)[0];
    const prev = await town.request('PUT', '/api/collective-economy/incomes', {
      orgId: v.id,
      year: YEAR - 1,
      incomes: { land_lease: 80_000_000 },
      expensesFen: 0,
      distributedFen: 0,
    });
    expect(prev.status, JSON.stringify(prev.body)).toBe(200);
    const res = await town.request<{ operatingFen: number; netFen: number; retainedFen: number }>(
      'PUT',
      '/api/collective-economy/incomes',
      {
        orgId: v.id,
        year: YEAR,
        incomes: { land_lease: 60_000_000, village_company: 40_000_000, subsidy: 20_000_000 },
        expensesFen: 30_000_000,
        distributedFen: 50_000_000,
        note: '2025 年度决算',
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      operatingFen: 100_000_000,
      netFen: 90_000_000,
      retainedFen: 40_000_000,
    });
    const board = await county.get<Board>(`/api/collective-economy/incomes?year=${YEAR}&q=${v.code}`);
    const item = board.body.items[0];
    expect(item?.band).toBe(3);
    expect(item?.growth).toBeCloseTo(0.25, 10);
    // the entry form reads the village-year back as stored
    const stored = await county.get<{ reported: boolean; incomes: Record<string, number>; note: string }>(
      `/api/collective-economy/incomes/village?orgId=${v.id}&year=${YEAR}`,
    );
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    expect(stored.body).toMatchObject({
      reported: true,
      incomes: { land_lease: 60_000_000, village_company: 40_000_000, subsidy: 20_000_000 },
      expensesFen: 30_000_000,
      distributedFen: 50_000_000,
      note: '2025 年度决算',
    });
    const none = await county.get<{ reported: boolean }>(
      `/api/collective-economy/incomes/village?orgId=${v.id}&year=${YEAR - 5}`,
    );
    expect(none.body.reported).toBe(false);
    const townOrg = await database.db
      .selectFrom('org')
      .select('id')
      .where('code', '=', `${COUNTY}005`)
      .executeTakeFirstOrThrow();
    const notVillage = await county.get(
      `/api/collective-economy/incomes/village?orgId=${townOrg.id}&year=${YEAR}`,
    );
    expect(notVillage.status).toBe(422);
  });

  test('bad figures are refused naming the field, and nothing is written', async () => {
    const v = villages[1] as (typeof villages)[0];
    const before = await auditCount();
    const over = await town.request<{ code: string; details: { field: string } }>(
      'PUT',
      '/api/collective-economy/incomes',
      {
        orgId: v.id,
        year: YEAR,
        incomes: { land_lease: 10_000_000 },
        expensesFen: 5_000_000,
        distributedFen: 6_000_000,
      },
    );
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('ECONOMY_DISTRIBUTION_OVER_NET');
    expect(over.body.details.field).toBe('distributedFen');
    const unknown = await town.request<{ code: string }>('PUT', '/api/collective-economy/incomes', {
      orgId: v.id,
      year: YEAR,
      incomes: { lottery: 1 },
      expensesFen: 0,
      distributedFen: 0,
    });
    expect(unknown.body.code).toBe('ECONOMY_SOURCE_UNKNOWN');
    const negative = await town.request('PUT', '/api/collective-economy/incomes', {
      orgId: v.id,
      year: YEAR,
      incomes: { land_lease: -5 },
      expensesFen: 0,
      distributedFen: 0,
    });
    expect(negative.status).toBe(400);
    const secretary = await server.as(v.code);
    const own = await secretary.request('PUT', '/api/collective-economy/incomes', {
      orgId: v.id,
      year: YEAR,
      incomes: {},
      expensesFen: 0,
      distributedFen: 0,
    });
    expect(own.status).toBe(403);
    expect(await auditCount()).toBe(before + 1); // the secretary's sign-in only
  });

  test('the Excel template round trip: every bad row named; keep the good rows, or none', async () => {
    const template = await town.get(`/api/collective-economy/import-template.xlsx?year=${YEAR}`);
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (name: string) => header.findIndex((h) => h.replace('*', '') === name) + 1;
    expect(col('土地租赁（元）')).toBeGreaterThan(0);
    const listed = sheet.rowCount - 1;
    expect(listed).toBeGreaterThanOrEqual(villages.length);
    // row 2: good; row 3: distribution over net; row 4: bad amount; row 5: a code outside the town; row 6: good
    sheet.getRow(2).getCell(col('土地租赁（元）')).value = '1,500,000';
    sheet.getRow(2).getCell(col('经营支出（元）')).value = 200000;
    sheet.getRow(3).getCell(col('土地租赁（元）')).value = 100;
    sheet.getRow(3).getCell(col('分配给村民（元）')).value = 500;
    sheet.getRow(4).getCell(col('物业资产出租（元）')).value = '十万';
    sheet.getRow(5).getCell(col('村（社区）代码')).value = '440703001201';
    sheet.getRow(5).getCell(col('土地租赁（元）')).value = 1;
    sheet.getRow(6).getCell(col('富民工坊收益（元）')).value = 320000.5;
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const before = await auditCount();
    const none = await town.request<{
      code: string;
      details: { problems: { row: number; field: string; code: string }[] };
    }>('POST', '/api/collective-economy/import?mode=all_or_nothing', undefined, {
      file: { type: xlsx, data: file },
    });
    expect(none.status).toBe(422);
    expect(none.body.details.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'ECONOMY_DISTRIBUTION_OVER_NET'],
      [4, 'AMOUNT_INVALID'],
      [5, 'ORG_NOT_IN_SCOPE'],
    ]);
    expect(await auditCount()).toBe(before);
    const kept = await town.request<{ imported: number; rejected: number; written: boolean }>(
      'POST',
      '/api/collective-economy/import?mode=keep_good',
      undefined,
      { file: { type: xlsx, data: file } },
    );
    expect(kept.body).toMatchObject({ imported: 2, rejected: 3, written: true });
    expect(await auditCount()).toBe(before + 1);
    const code2 = (sheet.getRow(2).getCell(col('村（社区）代码')).value as string) ?? '';
    const board = await county.get<Board>(`/api/collective-economy/incomes?year=${YEAR}&q=${code2}`);
    expect(board.body.items[0]?.operatingFen).toBe(150_000_000);
    expect(board.body.items[0]?.netFen).toBe(130_000_000);
  });

  test('villages counted by threshold per town; a village sees only itself', async () => {
    const board = await county.get<Board>(`/api/collective-economy/incomes?year=${YEAR}&pageSize=200`);
    expect(board.status).toBe(200);
    // each town's counts are those of its villages (村, not 社区) by band
    const townOrg = await database.db
      .selectFrom('org')
      .select('id')
      .where('code', '=', `${COUNTY}005`)
      .executeTakeFirstOrThrow();
    const town = board.body.children.find((c) => c.org.id === Number(townOrg.id));
    const townItems = await town_items(Number(townOrg.id));
    expect(town?.reported).toBe(townItems.filter((i) => i.reported).length);
    expect(town?.bands).toEqual([1, 2, 3].map((k) => townItems.filter((i) => i.band >= k).length));
    expect(board.body.totals.bands[2]).toBe(board.body.children.reduce((t, c) => t + (c.bands[2] ?? 0), 0));
    const v = villages[0] as (typeof villages)[0];
    const secretary = await server.as(v.code);
    const own = await secretary.get<Board>(`/api/collective-economy/incomes?year=${YEAR}`);
    expect(own.body.items.map((i) => i.org.id)).toEqual([v.id]);
  });
});

async function town_items(townId: number) {
  const res = await county.get<{
    items: { org: { divisionKind: string }; reported: boolean; band: number }[];
  }>(`/api/collective-economy/incomes?year=${YEAR}&townId=${townId}&pageSize=200`);
  return res.body.items.filter((i) => i.org.divisionKind === 'village');
}

describe('强村公司 and 富民工坊', () => {
  test('register with a valid USCC, enter a year; a village sees the ones it joined', async () => {
    const [a, b] = villages as [(typeof villages)[0], (typeof villages)[0]];
    const townOrg = await database.db
      .selectFrom('org')
      .select('id')
      .where('code', '=', `${COUNTY}005`)
      .executeTakeFirstOrThrow();
    const badUscc = await town.post<{ code: string; details: { field: string } }>(
      '/api/collective-economy/enterprises',
      {
        kind: 'village_company',
        name: '江南强村发展有限公司',
        uscc: '91440704MA5ABCDE1X',
        orgId: townOrg.id,
        foundedOn: '2023-05-01',
        villageIds: [a.id, b.id],
      },
    );
    expect(badUscc.status).toBe(422);
    expect(badUscc.body.details.field).toBe('uscc');
    type Summary = { summary: { kind: string; count: number; jobs: number }[] };
    const companies = async () =>
      (
        await county.get<Summary>('/api/collective-economy/enterprises?kind=village_company')
      ).body.summary.find((s) => s.kind === 'village_company') ?? { count: 0, jobs: 0 };
    // the demo registers companies of its own in the county: count what this test adds
    const before = await companies();
    const created = await town.post<{ id: number }>('/api/collective-economy/enterprises', {
      kind: 'village_company',
      name: '江南强村发展有限公司',
      uscc: makeUscc('91440704MA5ABCDE1'),
      orgId: townOrg.id,
      foundedOn: '2023-05-01',
      business: '物业租赁、农产品销售',
      manager: '乡村CEO 李明',
      villageIds: [a.id, b.id],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const year = await town.request('PUT', `/api/collective-economy/enterprises/${created.body.id}/years`, {
      year: YEAR,
      revenueFen: 300_000_000,
      dividendsFen: 60_000_000,
      jobs: 42,
    });
    expect(year.status).toBe(200);
    const tooMuch = await town.request<{ code: string }>(
      'PUT',
      `/api/collective-economy/enterprises/${created.body.id}/years`,
      {
        year: YEAR,
        revenueFen: 1,
        dividendsFen: 2,
        jobs: 0,
      },
    );
    expect(tooMuch.body.code).toBe('ENTERPRISE_DIVIDENDS');
    const list = await county.get<{
      summary: { kind: string; count: number; jobs: number }[];
      items: { id: number; villages: unknown[] }[];
    }>('/api/collective-economy/enterprises?kind=village_company');
    expect(list.body.items.find((i) => i.id === created.body.id)?.villages).toHaveLength(2);
    expect(list.body.summary.find((s) => s.kind === 'village_company')).toMatchObject({
      count: before.count + 1,
      jobs: before.jobs + 42,
    });
    const secretary = await server.as(a.code);
    expect((await secretary.get(`/api/collective-economy/enterprises/${created.body.id}`)).status).toBe(200);
    const outsider = await server.as(villages[2]?.code as string);
    expect((await outsider.get(`/api/collective-economy/enterprises/${created.body.id}`)).status).toBe(404);
  });
});
