// The SQL of the case figures per village, as committed in case-village.repository.sql, on both engines:
// a county administrator's counts by village (none of another county's villages, even when asked for
// them), one village's cases by each filter, and another county's village read as empty.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './case-village.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-village.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };
let otherCounty: { path: string; county_code: string | null };
// a span that holds every seeded case, judged at a fixed moment (the parameters, not the text, change)
const span = {
  from: new Date('2000-01-01T00:00:00Z'),
  to: new Date('2100-01-01T00:00:00Z'),
  now: new Date('2100-01-01T00:00:00Z'),
};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ actor, county } = await countyAdmin(database.db));
  otherCounty = await database.db
    .selectFrom('org')
    .select(['path', 'county_code'])
    .where('level', '=', 'county')
    .where('id', '<>', county.id)
    .orderBy('code')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

async function busiestVillage(countyCode: string) {
  return database.db
    .selectFrom('civic_case')
    .select(['village_org_id', database.db.fn.countAll<number>().as('n')])
    .where('county_code', '=', countyCode)
    .where('village_org_id', 'is not', null)
    .groupBy('village_org_id')
    .orderBy('n', 'desc')
    .orderBy('village_org_id')
    .executeTakeFirstOrThrow();
}

describe('case-village.repository', () => {
  test("a county's counts by village; another county's villages give nothing", async () => {
    const { db } = database;
    const counts = await snapshot.record('caseCountsByVillage', db, (d) =>
      repo.caseCountsByVillage(d, actor, { basePath: county.path, ...span }),
    );
    expect(counts.size).toBeGreaterThan(0);
    const villages = await db
      .selectFrom('org')
      .select('id')
      .where('path', 'like', `${county.path}%`)
      .where('level', '=', 'village')
      .execute();
    const own = new Set(villages.map((v) => Number(v.id)));
    expect([...counts.keys()].every((id) => own.has(id))).toBe(true);
    const total = [...counts.values()].reduce((n, c) => n + c.received, 0);
    const inCounty = await db
      .selectFrom('civic_case')
      .select(db.fn.countAll<number>().as('n'))
      .where('county_code', '=', county.code)
      .where('village_org_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(total).toBe(Number(inCounty.n));
    // asked for another county's villages, the county administrator gets none
    expect((await repo.caseCountsByVillage(db, actor, { basePath: otherCounty.path, ...span })).size).toBe(0);
  });

  test("one village's cases by each filter; another county's village is empty", async () => {
    const { db } = database;
    const village = await busiestVillage(county.code);
    const villageId = Number(village.village_org_id);
    const received = await snapshot.record('villageCaseRecords received', db, (d) =>
      repo.villageCaseRecords(d, actor, villageId, span, 'received', 1, 5),
    );
    expect(received.total).toBe(Number(village.n));
    expect(received.items.length).toBe(Math.min(5, Number(village.n)));
    const due = await snapshot.record('villageCaseRecords due_to_close', db, (d) =>
      repo.villageCaseRecords(d, actor, villageId, span, 'due_to_close', 1, 5),
    );
    expect(due.total).toBeLessThanOrEqual(received.total);
    const evaluated = await snapshot.record('villageCaseRecords evaluated', db, (d) =>
      repo.villageCaseRecords(d, actor, villageId, span, 'evaluated', 1, 5),
    );
    expect(evaluated.items.every((c) => c.evaluation !== null && c.state !== 'rejected')).toBe(true);

    const foreign = await busiestVillage(otherCounty.county_code as string);
    const none = await repo.villageCaseRecords(
      db,
      actor,
      Number(foreign.village_org_id),
      span,
      'received',
      1,
      5,
    );
    expect(none).toEqual({ total: 0, items: [] });
  });
});
