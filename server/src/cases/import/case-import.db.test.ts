// Import of case history over real HTTP on both engines: good rows written with their grid, steps and
// audit; every bad row reported; all-or-nothing writes nothing; a second import never duplicates.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SEED } from '../../demo/seed.ts';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../../platform/http/testing/test-server.ts';
import { demoApiKey } from '../api-key.ts';

let database: Database;
let server: TestServer;
let point: { lng: number; lat: number; county: string };
const key = demoApiKey('hotline_12345', DEFAULT_SEED);

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const g = await database.db
    .selectFrom('grid')
    .select(['center_lng', 'center_lat', 'county_code'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  point = { lng: g.center_lng, lat: g.center_lat, county: g.county_code };
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const post = (body: unknown) =>
  fetch(`${server.url}/api/external/cases/history`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify(body),
  });

const record = (n: number, extra: Record<string, unknown> = {}) => ({
  externalId: `HIST-${n}`,
  categoryCode: 'E0101',
  title: `历史工单 ${n}`,
  lng: point.lng,
  lat: point.lat,
  reportedAt: '2025-03-03T09:00:00+08:00',
  finishedAt: '2025-03-05T17:00:00+08:00',
  state: 'closed',
  ...extra,
});

const count = async (prefix: string) =>
  Number(
    (
      await database.db
        .selectFrom('civic_case')
        .select((e) => e.fn.countAll().as('n'))
        .where('external_id', 'like', `${prefix}%`)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('import of case history', () => {
  test('all or nothing: one bad row writes nothing and every problem is reported', async () => {
    const categoryCode = (
      await database.db
        .selectFrom('case_category')
        .select('code')
        .where('parent_code', 'is not', null)
        .orderBy('code')
        .executeTakeFirstOrThrow()
    ).code;
    const rows = [
      record(1, { categoryCode }),
      record(2, { categoryCode: 'NOPE' }),
      record(3, { categoryCode, lng: 2.35, lat: 48.85 }),
      record(4, { categoryCode, finishedAt: '2025-03-01T00:00:00+08:00' }),
      'not json',
    ];
    const res = await post({ mode: 'all_or_nothing', records: rows });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      code: string;
      details: { problems: { row: number; code: string }[] };
    };
    expect(body.code).toBe('IMPORT_HAS_BAD_ROWS');
    expect(body.details.problems.map((p) => [p.row, p.code])).toEqual(
      expect.arrayContaining([
        [2, 'UNKNOWN_CATEGORY'],
        [3, 'OUT_OF_RANGE'],
        [4, 'BEFORE_REPORTED'],
        [5, 'NOT_AN_OBJECT'],
      ]),
    );
    expect(await count('HIST-')).toBe(0);
  });

  test('keep the good rows: written once with grid, steps and one audit row; a re-import adds nothing', async () => {
    const categoryCode = (
      await database.db
        .selectFrom('case_category')
        .select('code')
        .where('parent_code', 'is not', null)
        .orderBy('code')
        .executeTakeFirstOrThrow()
    ).code;
    const rows = [
      record(10, { categoryCode }),
      record(11, { categoryCode, state: 'evaluated', evaluation: 'satisfied' }),
      record(12, { categoryCode, state: 'rejected', note: '重复工单' }),
      record(13, { categoryCode: 'NOPE' }),
    ];
    const res = await post({ mode: 'keep_good', records: rows });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { imported: number; rejected: number; problems: { row: number }[] };
    expect(result).toMatchObject({ imported: 3, rejected: 1 });
    expect(result.problems.map((p) => p.row)).toEqual([4]);

    const cases = await database.db
      .selectFrom('civic_case')
      .select(['id', 'case_no', 'state', 'grid_id', 'county_code', 'evaluation', 'channel', 'closed_at'])
      .where('external_id', 'like', 'HIST-1%')
      .orderBy('external_id')
      .execute();
    expect(cases.map((c) => c.state)).toEqual(['closed', 'evaluated', 'rejected']);
    for (const c of cases) {
      expect(c.grid_id).not.toBeNull();
      expect(c.county_code).toBe(point.county);
      expect(c.channel).toBe('hotline_12345');
      expect(c.case_no).toMatch(/^JM20250303\d{6}$/);
    }
    const steps = await database.db
      .selectFrom('case_step')
      .select(['case_id', 'action'])
      .where(
        'case_id',
        'in',
        cases.map((c) => c.id),
      )
      .execute();
    expect(steps).toHaveLength(6);
    const audits = await database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'case.import')
      .execute();
    expect(audits).toHaveLength(1);

    const again = await post({ mode: 'keep_good', records: rows.slice(0, 2) });
    const second = (await again.json()) as { imported: number; problems: { code: string }[] };
    expect(second.imported).toBe(0);
    expect(second.problems.map((p) => p.code)).toEqual(['DUPLICATE_EXTERNAL_ID', 'DUPLICATE_EXTERNAL_ID']);
    expect(await count('HIST-1')).toBe(3);
  });

  test('a bad body is a 400 and a missing key a 401', async () => {
    expect((await post({ records: [] })).status).toBe(400);
    const res = await fetch(`${server.url}/api/external/cases/history`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ records: [record(20)] }),
    });
    expect(res.status).toBe(401);
  });
});
