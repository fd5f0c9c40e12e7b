// The demo's 双报到 (demo/org-life/community-demo.ts) on both engines: this year and the last, in-service
// members of units and unit orgs reported to communities of their county, services inside the report's
// year and never after today, last year assessed and this year not yet.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import { shanghaiToday } from '../../recruitment/domain/dates.ts';

const today = shanghaiToday();
const year = Number(today.slice(0, 4));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('the demo’s reports (community-demo.ts)', () => {
  test('this year and the last, in-service members and units, services inside the year, last year assessed', async () => {
    const { db } = database;
    const years = await db
      .selectFrom('community_report')
      .select(['year', 'reporter_kind'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('assessment').as('assessed')])
      .where('note', '=', '演示数据 / demo')
      .groupBy(['year', 'reporter_kind'])
      .execute();
    const n = (y: number, kind: string) =>
      Number(years.find((r) => r.year === y && r.reporter_kind === kind)?.n ?? 0);
    for (const y of [year - 1, year]) {
      expect(n(y, 'member')).toBeGreaterThan(10);
      expect(n(y, 'unit')).toBeGreaterThan(0);
    }
    const last = years.filter((r) => r.year === year - 1);
    expect(last.reduce((s, r) => s + Number(r.assessed), 0)).toBeGreaterThan(0);
    expect(years.filter((r) => r.year === year).every((r) => Number(r.assessed) === 0)).toBe(true);
    const wrong = await db
      .selectFrom('community_report as r')
      .leftJoin('member as m', 'm.id', 'r.member_id')
      .leftJoin('org as u', 'u.id', 'r.unit_org_id')
      .innerJoin('org as c', 'c.id', 'r.community_org_id')
      .innerJoin('division as d', 'd.code', 'c.division_code')
      .select('r.id')
      .where((eb) =>
        eb.or([
          eb('d.kind', '<>', 'community'),
          eb('r.county_code', '<>', eb.ref('c.county_code')),
          eb.and([eb('r.reporter_kind', '=', 'member'), eb('m.occupation', '<>', 'in_service')]),
          eb.and([eb('r.reporter_kind', '=', 'unit'), eb('u.level', '<>', 'unit')]),
          eb('r.reported_on', '>', today),
        ]),
      )
      .execute();
    expect(wrong).toEqual([]);
    const badServices = await db
      .selectFrom('community_service as s')
      .innerJoin('community_report as r', 'r.id', 's.report_id')
      .select('s.id')
      .where((eb) =>
        eb.or([
          eb('s.served_on', '<', eb.ref('r.reported_on')),
          eb('s.served_on', '>', today),
          eb('s.served_on', '>', sql<string>`make_date(r.year, 12, 31)`),
        ]),
      )
      .execute();
    expect(badServices).toEqual([]);
  });
});
