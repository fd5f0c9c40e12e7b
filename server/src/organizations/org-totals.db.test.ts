import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMembers, insertOrg, type OrgRef } from '../demo/factories.ts';
import { type Database, openDatabase } from '../platform/db/engine.ts';
import { migrate } from '../platform/db/migrate.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import * as repo from './org-totals.repository.ts';
import { recomputeOrgTotals } from './org-totals.ts';

const snapshot = sqlSnapshot(new URL('./org-totals.repository.sql', import.meta.url));

let database: Database;

const addOrg = (code: string, parent: OrgRef | null) => insertOrg(database.db, code, parent);

async function addMembers(orgId: number, n: number) {
  await insertMembers(database.db, { orgId, countyCode: null }, n, {
    status: 'full',
    joined_on: '2000-01-01',
    converted_on: '2001-01-01',
  });
}

async function addGrid(code: string, orgId: number, villageOrgId: number, households: number) {
  await database.db
    .insertInto('grid')
    .values({
      code,
      name: code,
      org_id: orgId,
      village_org_id: villageOrgId,
      division_code: '4407',
      county_code: '440704',
      household_count: households,
      resident_count: households * 3,
      boundary: '[]',
      center_lng: 113,
      center_lat: 22.5,
      min_lng: 113,
      min_lat: 22.5,
      max_lng: 113,
      max_lat: 22.5,
    })
    .execute();
}

const totals = async () =>
  Object.fromEntries(
    (
      await database.db
        .selectFrom('org')
        .select(['code', 'member_count', 'grid_count', 'household_count'])
        .execute()
    ).map((o) => [o.code, [o.member_count, o.grid_count, o.household_count]]),
  );

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await database.db
    .insertInto('division')
    .values({ code: '4407', name: '江门市', level: 'city', parent_code: null, kind: 'city' })
    .execute();
});

afterAll(async () => {
  snapshot.verify();
  await database.close();
});

describe('recomputeOrgTotals', () => {
  it('sets subtree totals: every org counts itself and everything below it', async () => {
    const root = await addOrg('R', null);
    const a = await addOrg('A', root);
    const b = await addOrg('B', root);
    const a1 = await addOrg('A1', a);
    const a2 = await addOrg('A2', a);
    await addMembers(root.id, 1);
    await addMembers(a.id, 2);
    await addMembers(a1.id, 3);
    await addMembers(a2.id, 4);
    await addMembers(b.id, 5);
    await addGrid('G1', a1.id, a.id, 100);
    await addGrid('G2', a2.id, a.id, 250);

    const result = await recomputeOrgTotals(database.db);
    expect(result).toEqual({ orgs: 5, updated: 5 });
    expect(await totals()).toEqual({
      R: [15, 2, 350],
      A: [9, 2, 350],
      A1: [3, 1, 100],
      A2: [4, 1, 250],
      B: [5, 0, 0],
    });
  });

  it('writes only what changed, and follows later changes', async () => {
    expect(await recomputeOrgTotals(database.db)).toEqual({ orgs: 5, updated: 0 });
    const b = await database.db
      .selectFrom('org')
      .select('id')
      .where('code', '=', 'B')
      .executeTakeFirstOrThrow();
    await database.db.deleteFrom('member').where('org_id', '=', Number(b.id)).execute();
    expect(await recomputeOrgTotals(database.db)).toEqual({ orgs: 5, updated: 2 });
    const t = await totals();
    expect(t.R).toEqual([10, 2, 350]);
    expect(t.B).toEqual([0, 0, 0]);
  });

  it('sends the SQL committed in org-totals.repository.sql', async () => {
    const { db } = database;
    const orgs = await snapshot.record('orgsWithTotals', db, (d) => repo.orgsWithTotals(d));
    expect(orgs).toHaveLength(5);
    const members = await snapshot.record('membersPerOrg', db, (d) => repo.membersPerOrg(d));
    expect(members.reduce((n, r) => n + Number(r.n), 0)).toBe(10);
    const grids = await snapshot.record('gridsPerOrg', db, (d) => repo.gridsPerOrg(d));
    expect(grids.reduce((n, r) => n + Number(r.h), 0)).toBe(350);
    const stored = orgs
      .slice(0, 2)
      .map((o): [number, number, number, number] => [
        Number(o.id),
        o.member_count,
        o.grid_count,
        o.household_count,
      ]);
    await snapshot.record('writeOrgTotals', db, (d) => repo.writeOrgTotals(d, stored));
    expect(await recomputeOrgTotals(db)).toEqual({ orgs: 5, updated: 0 });
  });
});
