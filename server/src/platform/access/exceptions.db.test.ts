// Each documented exception to "inside the actor's subtree" (exceptions.ts, and the three beside their
// rules: public case reads, checklists published from above): what it may return, and what it may not.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/engine.ts';
import type { Role } from '../db/schema.ts';
import { createTestDatabase } from '../db/testing/test-database.ts';
import { AppError } from '../errors/errors.ts';
import { type Actor, makeActor } from './actor.ts';
import {
  accountForSignIn,
  caseAccessOfSubtree,
  memberByIdHashForCommunity,
  ownAccount,
  usernameTaken,
} from './exceptions.ts';
import { PUBLIC_CHANNELS, publicCases } from './public-view.ts';
import { scoped } from './scope.ts';

interface OrgRow {
  id: number;
  path: string;
  county_code: string | null;
}

let database: Database;
let countyA: OrgRow;
let countyB: OrgRow;
let townA: OrgRow;
let villageA: OrgRow;

function actorAt(org: OrgRow, role: Role, accountId = 1): Actor {
  return makeActor({
    accountId,
    username: `test-${role}`,
    displayName: '测试',
    role,
    scopeOrgId: org.id,
    scopePath: org.path,
    scopeCountyCode: org.county_code,
    mustChangePassword: false,
    clientIp: 'test',
  });
}

async function status(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
}

const orgs = (level: 'county' | 'town' | 'village', under = '/') =>
  database.db
    .selectFrom('org')
    .select(['id', 'path', 'county_code'])
    .where('level', '=', level)
    .where('path', 'like', `${under}%`)
    .orderBy('code');

beforeAll(async () => {
  database = await createTestDatabase();
  const counties = await orgs('county').limit(2).execute();
  [countyA, countyB] = counties as [OrgRow, OrgRow];
  townA = await orgs('town', countyA.path).executeTakeFirstOrThrow();
  villageA = await orgs('village', townA.path).executeTakeFirstOrThrow();
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('account look-ups', () => {
  test('sign-in reads the account of a username, whole row; an unknown username reads nothing', async () => {
    const row = await accountForSignIn(database.db, 'sysadmin');
    expect(row?.username).toBe('sysadmin');
    expect(row?.password_hash).toBeTruthy();
    expect(await accountForSignIn(database.db, 'no-such-user')).toBeUndefined();
  });

  test("the actor's own account, and only its own", async () => {
    const sys = await accountForSignIn(database.db, 'sysadmin');
    const sec = await accountForSignIn(database.db, 'secadmin');
    if (!sys || !sec) throw new Error('the seed has its administrators');
    expect((await ownAccount(database.db, { accountId: sys.id }))?.id).toBe(sys.id);
    expect((await ownAccount(database.db, { accountId: sec.id }))?.username).toBe('secadmin');
  });

  test('a username is taken city-wide, told as a yes or no only', async () => {
    expect(await usernameTaken(database.db, 'secadmin')).toBe(true);
    expect(await usernameTaken(database.db, 'no-such-user')).toBe(false);
  });
});

describe('双报到: a member of the whole city by ID hash', () => {
  test('a community inside the scope finds a member of another county, with five fields only', async () => {
    const other = await database.db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select(['member.id', 'member.id_number_hash'])
      .where('org.path', 'like', `${countyB.path}%`)
      .orderBy('member.id')
      .executeTakeFirstOrThrow();
    const secretary = actorAt(villageA, 'secretary');
    const found = await memberByIdHashForCommunity(
      database.db,
      secretary,
      villageA.path,
      other.id_number_hash,
    );
    expect(found?.id).toBe(other.id);
    expect(Object.keys(found ?? {}).sort()).toEqual([
      'id',
      'id_number_masked',
      'name',
      'occupation',
      'org_name',
    ]);
    // the member is outside the secretary's scope: the ordinary start does not reach it
    const scopedRead = await scoped
      .members(database.db, secretary, 'transfer:manage')
      .select('member.id')
      .where('member.id', '=', other.id)
      .executeTakeFirst();
    expect(scopedRead).toBeUndefined();
  });

  test('not for a community outside the scope, not without transfer:manage, not an unknown hash', async () => {
    const member = await database.db
      .selectFrom('member')
      .select('id_number_hash')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const secretary = actorAt(villageA, 'secretary');
    expect(
      await memberByIdHashForCommunity(database.db, secretary, countyB.path, member.id_number_hash),
    ).toBeUndefined();
    expect(
      await memberByIdHashForCommunity(database.db, secretary, villageA.path, 'f'.repeat(64)),
    ).toBeUndefined();
    expect(
      await status(
        memberByIdHashForCommunity(
          database.db,
          actorAt(villageA, 'member'),
          villageA.path,
          member.id_number_hash,
        ),
      ),
    ).toBe('403 PERMISSION_DENIED');
  });
});

describe('statistics of a subtree', () => {
  test("an org inside the caller's subtree: that org's cases, without the caller's own reports", async () => {
    const county = actorAt(countyA, 'org_admin');
    const { org, access } = await caseAccessOfSubtree(database.db, county, townA.id);
    expect(org.id).toBe(townA.id);
    expect(access).toEqual({
      scope: { kind: 'town', orgId: townA.id, countyCode: countyA.county_code },
      reportedBy: null,
      summonedDepartment: null,
    });
    // the ordinary access of the same caller adds its own reports
    expect((await scoped.caseAccess(database.db, county)).reportedBy).toBe(county.accountId);
  });

  test('an org outside the subtree answers 404, a role without org reads 403', async () => {
    expect(await status(caseAccessOfSubtree(database.db, actorAt(villageA, 'secretary'), countyB.id))).toBe(
      '404 ORG_NOT_FOUND',
    );
    expect(await status(caseAccessOfSubtree(database.db, actorAt(townA, 'secretary'), countyA.id))).toBe(
      '404 ORG_NOT_FOUND',
    );
    expect(await status(caseAccessOfSubtree(database.db, actorAt(countyA, 'resident'), townA.id))).toBe(
      '403 PERMISSION_DENIED',
    );
  });
});

describe('public case reads', () => {
  test('only the public channels, never 110 or 信访', async () => {
    const rows = await publicCases(database.db).select(['civic_case.channel']).distinct().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(PUBLIC_CHANNELS).toContain(r.channel);
    const hidden = await database.db
      .selectFrom('civic_case')
      .select('id')
      .where('channel', 'in', ['police_110', 'petition'])
      .executeTakeFirst();
    if (hidden) {
      const leak = await publicCases(database.db)
        .select('civic_case.id')
        .where('civic_case.id', '=', hidden.id)
        .execute();
      expect(leak).toEqual([]);
    }
  });
});

describe('checklists published from above', () => {
  test('a village sees its county’s published checklist, not its drafts, not another county’s', async () => {
    const insert = (issuer: OrgRow, month: string, status: 'draft' | 'published') =>
      database.db
        .insertInto('monthly_checklist')
        .values({
          issuer_org_id: issuer.id,
          county_code: issuer.county_code,
          month,
          title: `测试清单 ${month}`,
          status,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const published = await insert(countyA, '2001-01', 'published');
    const draft = await insert(countyA, '2001-02', 'draft');
    const elsewhere = await insert(countyB, '2001-03', 'published');
    const seen = async (actor: Actor) =>
      (
        await scoped
          .checklists(database.db, actor)
          .select('monthly_checklist.id')
          .where('monthly_checklist.id', 'in', [published.id, draft.id, elsewhere.id])
          .execute()
      )
        .map((r) => r.id)
        .sort((a, b) => a - b);
    expect(await seen(actorAt(villageA, 'secretary'))).toEqual([published.id]);
    // the issuer sees its draft too; another county sees only its own
    expect(await seen(actorAt(countyA, 'org_admin'))).toEqual([published.id, draft.id]);
    expect(await seen(actorAt(countyB, 'org_admin'))).toEqual([elsewhere.id]);
  });
});
