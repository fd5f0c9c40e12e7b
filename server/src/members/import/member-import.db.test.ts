// The member import over real HTTP on both engines: the template round-trips; every bad row is
// reported; all-or-nothing writes nothing; keep-good writes the good rows once with encrypted,
// masked personal data and the org totals kept right; the same person twice is refused; scope holds.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import {
  startTestServer,
  type TestClient,
  type TestServer,
} from '../../platform/http/testing/test-server.ts';
import { makeIdNumber } from '../../platform/text/id-number.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let database: Database;
let server: TestServer;
let secretary: TestClient;
let village: { id: number; code: string; path: string; member_count: number };
let town: { id: number; member_count: number };
let other: { id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const account = await database.db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select(['account.username', 'org.id', 'org.code', 'org.path', 'org.member_count', 'org.parent_id'])
    .where('account.role', '=', 'secretary')
    .where('org.level', '=', 'village')
    .orderBy('org.id')
    .executeTakeFirstOrThrow();
  village = { id: account.id, code: account.code, path: account.path, member_count: account.member_count };
  town = await database.db
    .selectFrom('org')
    .select(['id', 'member_count'])
    .where('id', '=', account.parent_id as number)
    .executeTakeFirstOrThrow();
  other = await database.db
    .selectFrom('org')
    .select('id')
    .where('level', '=', 'village')
    .where('id', '!=', village.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  secretary = await server.as(account.username);
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function workbook(rows: (string | null)[][]): Promise<Uint8Array> {
  const res = await secretary.get<Buffer>(`/api/orgs/${village.id}/members/import-template.xlsx`);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  // over the example row, then below it (the template's pick lists reach row 2001)
  rows.forEach((r, i) => {
    sheet.getRow(i + 2).values = r;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const person = (seq: number, extra: Partial<Record<number, string | null>> = {}) => {
  const row: (string | null)[] = [
    `测试党员${'甲乙丙丁戊己庚辛'[seq % 8]}`,
    makeIdNumber('440704', `1990-05-0${(seq % 9) + 1}`, 100 + seq),
    '汉族',
    `1390000${String(1000 + seq)}`,
    '大学本科',
    '在岗职工',
    '正式党员',
    '2015-07-01',
    '2016-07-01',
    null,
  ];
  for (const [i, v] of Object.entries(extra)) row[Number(i)] = v ?? null;
  return row;
};

const upload = (data: Uint8Array, mode: string) =>
  secretary.request<{
    code?: string;
    imported?: number;
    rejected?: number;
    problems?: { row: number; code: string; message_zh: string }[];
    details?: { problems: { row: number; code: string }[] };
  }>('POST', `/api/orgs/${village.id}/members/import?mode=${mode}`, undefined, {
    file: { type: XLSX, data },
  });

const countMembers = async () =>
  Number(
    (
      await database.db
        .selectFrom('member')
        .select((e) => e.fn.countAll().as('n'))
        .where('name', 'like', '测试党员%')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('member import', () => {
  test('all or nothing: bad rows are each reported and nothing is written', async () => {
    const file = await workbook([
      person(1),
      person(2, { 1: '440704199005021235' }), // wrong check character
      person(3, { 7: '2030-01-01' }), // joined in the future
      person(4, { 6: '预备党员' }), // probationary with a conversion date
      person(5, { 9: 'NOPE' }), // org outside the subtree
      person(1), // the same person as row 2
    ]);
    const res = await upload(file, 'all_or_nothing');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('MEMBER_IMPORT_HAS_BAD_ROWS');
    const got = res.body.details?.problems.map((p) => [p.row, p.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, 'ID_NUMBER_CHECKSUM'],
        [4, 'IN_FUTURE'],
        [5, 'NOT_ALLOWED'],
        [6, 'ORG_NOT_IN_SCOPE'],
        [7, 'DUPLICATE_IN_FILE'],
      ]),
    );
    expect(await countMembers()).toBe(0);
  });

  test('keep the good rows: written once, encrypted and masked, totals right, audited; a re-import is refused', async () => {
    const file = await workbook([person(11), person(12), person(13, { 4: '博士后' })]);
    const res = await upload(file, 'keep_good');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, rejected: 1 });
    expect(res.body.problems?.map((p) => p.row)).toEqual([4]);
    const rows = await database.db
      .selectFrom('member')
      .select(['id_number_enc', 'id_number_masked', 'phone_masked', 'gender', 'birth_date', 'org_id'])
      .where('name', 'like', '测试党员%')
      .execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.id_number_enc).not.toMatch(/^4407/);
      expect(r.id_number_masked).toMatch(/^4407\d{2}\*{8}\d{3}[\dX]$/);
      expect(r.org_id).toBe(village.id);
    }
    const periods = await database.db
      .selectFrom('membership_history')
      .innerJoin('member', 'member.id', 'membership_history.member_id')
      .select(['membership_history.org_id', 'membership_history.reason'])
      .where('member.name', 'like', '测试党员%')
      .execute();
    expect(periods).toEqual([
      { org_id: village.id, reason: 'register' },
      { org_id: village.id, reason: 'register' },
    ]);
    const after = await database.db
      .selectFrom('org')
      .select(['id', 'member_count'])
      .where('id', 'in', [village.id, town.id])
      .execute();
    expect(after.find((o) => o.id === village.id)?.member_count).toBe(village.member_count + 2);
    expect(after.find((o) => o.id === town.id)?.member_count).toBe(town.member_count + 2);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'member.import')
      .execute();
    expect(audit).toHaveLength(1);

    const again = await upload(await workbook([person(11)]), 'keep_good');
    expect(again.body.imported).toBe(0);
    expect(again.body.problems?.[0]).toMatchObject({ row: 2, code: 'ALREADY_A_MEMBER' });
    expect(await countMembers()).toBe(2);
  });

  test('not an Excel file → 400; another village → 404', async () => {
    const res = await secretary.request('POST', `/api/orgs/${village.id}/members/import`, undefined, {
      file: { type: XLSX, data: new TextEncoder().encode('hello') },
    });
    expect(res.status).toBe(400);
    expect((res.body as { code: string }).code).toBe('NOT_AN_EXCEL_FILE');
    const outside = await secretary.request('POST', `/api/orgs/${other.id}/members/import`, undefined, {
      file: { type: XLSX, data: new Uint8Array([1]) },
    });
    expect(outside.status).toBe(404);
  });
});
