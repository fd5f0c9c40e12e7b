// The defensive check (in-scope.ts): rows read by a query that forgot its scope filter are refused with
// 403 SCOPE_BREACH and an audit record; rows read through the scoped starts pass untouched.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/engine.ts';
import type { Role } from '../db/schema.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { AppError } from '../errors/errors.ts';
import { type Actor, makeActor } from './actor.ts';
import { caseInAccess, casesInAccessOrThrow, inScopeOrThrow, rowsOutsideScope } from './in-scope.ts';
import { scoped } from './scope.ts';

interface OrgRow {
  id: number;
  path: string;
  county_code: string | null;
}

let database: Database;
let countyA: OrgRow;
let countyB: OrgRow;
let secretaryA: Actor;
let countyAdminA: Actor;

function actorAt(org: OrgRow, role: Role, username: string): Actor {
  return makeActor({
    accountId: 1,
    username,
    displayName: '测试',
    role,
    scopeOrgId: org.id,
    scopePath: org.path,
    scopeCountyCode: org.county_code,
    mustChangePassword: false,
    clientIp: 'test',
  });
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
}

const breaches = (username: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['action', 'target_type', 'after'])
    .where('actor_username', '=', username)
    .where('action', '=', 'access.scope_breach')
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  const counties = await database.db
    .selectFrom('org')
    .select(['id', 'path', 'county_code'])
    .where('level', '=', 'county')
    .orderBy('code')
    .limit(2)
    .execute();
  [countyA, countyB] = counties as [OrgRow, OrgRow];
  const village = await database.db
    .selectFrom('org')
    .select(['id', 'path', 'county_code'])
    .where('level', '=', 'village')
    .where('path', 'like', `${countyA.path}%`)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  secretaryA = actorAt(village, 'secretary', 'breach-secretary');
  countyAdminA = actorAt(countyA, 'org_admin', 'breach-county');
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('rows outside the scope', () => {
  test('a path is inside when it starts with the scope path; any of several places will do', () => {
    const actor = { scopePath: '/1/5/' };
    const rows = [
      { id: 1, path: '/1/5/' },
      { id: 2, path: '/1/5/23/' },
      { id: 3, path: '/1/50/' },
      { id: 4, path: null },
    ];
    expect(rowsOutsideScope(actor, rows, (r) => r.path).map((r) => r.id)).toEqual([3, 4]);
    expect(rowsOutsideScope(actor, [{ from: '/1/6/', to: '/1/5/9/' }], (r) => [r.from, r.to])).toEqual([]);
  });

  test('a member read with a forgotten filter is refused and audited', async () => {
    const unscoped = await database.db
      .selectFrom('member')
      .innerJoin('org as member_org', 'member_org.id', 'member.org_id')
      .select(['member.id', 'member_org.path as org_path'])
      .where('member_org.path', 'like', `${countyB.path}%`)
      .limit(3)
      .execute();
    expect(unscoped.length).toBeGreaterThan(0);
    expect(
      await refusal(inScopeOrThrow(database.db, secretaryA, 'member', unscoped, (r) => r.org_path)),
    ).toBe('403 SCOPE_BREACH');
    const audited = await breaches('breach-secretary');
    expect(audited).toHaveLength(1);
    expect(audited[0]?.target_type).toBe('member');
    expect(audited[0]?.after).toMatchObject({ kind: 'member', count: unscoped.length });
  });

  test('the same read through the scoped start passes, rows untouched', async () => {
    const rows = await scoped
      .members(database.db, countyAdminA)
      .select(['member.id', 'member_org.path as org_path'])
      .orderBy('member.id')
      .limit(5)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(await inScopeOrThrow(database.db, countyAdminA, 'member', rows, (r) => r.org_path)).toEqual(rows);
    expect(await breaches('breach-county')).toEqual([]);
  });

  test('inside a transaction the record is appended to it', async () => {
    const org = await database.db
      .selectFrom('org')
      .select(['id', 'path'])
      .where('id', '=', countyB.id)
      .executeTakeFirstOrThrow();
    const actor = { ...countyAdminA, username: 'breach-in-trx' };
    const inside = await database.db.transaction().execute(async (trx) => {
      const answer = await refusal(inScopeOrThrow(trx, actor, 'org', [org], (r) => r.path));
      const n = await trx
        .selectFrom('audit_log')
        .select('id')
        .where('actor_username', '=', 'breach-in-trx')
        .execute();
      return { answer, n: n.length };
    });
    expect(inside).toEqual({ answer: '403 SCOPE_BREACH', n: 1 });
  });
});

describe('cases outside the access', () => {
  test('a case of another county read without the scope is refused; through scoped.cases it passes', async () => {
    const access = await scoped.caseAccess(database.db, countyAdminA);
    const columns = [
      'civic_case.id',
      'civic_case.county_code',
      'civic_case.town_org_id',
      'civic_case.village_org_id',
      'civic_case.grid_id',
      'civic_case.department_id',
      'civic_case.reporter_account_id',
    ] as const;
    const other = await database.db
      .selectFrom('civic_case')
      .select(columns)
      .where('civic_case.county_code', '=', countyB.county_code)
      .limit(2)
      .execute();
    expect(other.length).toBeGreaterThan(0);
    expect(other.some((c) => caseInAccess(access, c))).toBe(false);
    expect(await refusal(casesInAccessOrThrow(database.db, countyAdminA, access, other))).toBe(
      '403 SCOPE_BREACH',
    );
    expect(await breaches('breach-county')).toHaveLength(1);

    const own = await scoped
      .cases(database.db, countyAdminA)
      .select(columns)
      .orderBy('civic_case.id')
      .limit(20)
      .execute();
    expect(own.length).toBeGreaterThan(0);
    expect(await casesInAccessOrThrow(database.db, countyAdminA, access, own)).toEqual(own);
  });
});
