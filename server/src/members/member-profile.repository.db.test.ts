// The SQL of one member, as committed in member-profile.repository.sql, on both engines: a member read
// and locked inside a county administrator's scope (another county's member is not found), its
// history, letters and recruitment, and the writes of the add and edit in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './member-profile.repository.ts';

const snapshot = sqlSnapshot(new URL('./member-profile.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };
let mine: { id: number; org_id: number; path: string };
let theirs: { id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ actor, county } = await countyAdmin(db));
  const member = (inside: boolean) =>
    db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select(['member.id', 'member.org_id', 'org.path'])
      .where('org.path', inside ? 'like' : 'not like', `${county.path}%`)
      .orderBy('member.id')
      .executeTakeFirstOrThrow();
  mine = await member(true);
  theirs = await member(false);
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('member-profile.repository', () => {
  test("a member inside the county's scope; another county's member is not found", async () => {
    const { db } = database;
    const found = await snapshot.record('findMember', db, (d) => repo.findMember(d, actor, mine.id));
    expect(found).toMatchObject({ id: mine.id, org_id: mine.org_id, org_path: mine.path });
    expect(found?.id_number_masked).toContain('*');
    expect(await repo.findMember(db, actor, theirs.id)).toBeUndefined();
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const locked = await snapshot.record('lockMember', k, (d) => repo.lockMember(asTrx(d), actor, mine.id));
      expect(locked?.id_number_enc).toBeTruthy();
      expect(await repo.lockMember(trx, actor, theirs.id)).toBeUndefined();
    });
  });

  test("a member's history, letters and recruitment", async () => {
    const { db } = database;
    // a member with a transfer letter (its history has a period per org)
    const moved = await db.selectFrom('transfer').select('member_id').orderBy('id').executeTakeFirstOrThrow();
    const history = await snapshot.record('membershipHistory', db, (d) =>
      repo.membershipHistory(d, moved.member_id),
    );
    expect(history.length).toBeGreaterThan(0);
    const letters = await snapshot.record('transfersOf', db, (d) => repo.transfersOf(d, moved.member_id));
    expect(letters.length).toBeGreaterThan(0);
    const recruited = await db
      .selectFrom('recruitment')
      .select(['id', 'member_id'])
      .where('member_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(
      await snapshot.record('recruitmentOf', db, (d) => repo.recruitmentOf(d, recruited.member_id as number)),
    ).toMatchObject({ id: recruited.id });
  });

  test('the add and the edit (rolled back): the row, its first period, the totals, the changes', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const id = await snapshot.record('insertMember', k, (d) =>
        repo.insertMember(asTrx(d), {
          org_id: mine.org_id,
          name: '测试党员',
          gender: 'female',
          ethnicity: '汉族',
          birth_date: '1990-05-01',
          id_number_enc: 'enc',
          id_number_hash: 'member-profile-test',
          id_number_masked: '4407**********0000',
          phone_enc: 'enc',
          phone_masked: '138****0000',
          education: '本科',
          occupation: '农民',
          status: 'full',
          joined_on: '2015-07-01',
          converted_on: '2016-07-01',
          county_code: county.code,
        }),
      );
      await snapshot.record('openMembership', k, (d) =>
        repo.openMembership(asTrx(d), {
          id,
          orgId: mine.org_id,
          countyCode: county.code,
          startedOn: '2015-07-01',
        }),
      );
      expect(await repo.membershipHistory(trx, id)).toMatchObject([
        { org_id: mine.org_id, started_on: '2015-07-01', ended_on: null, reason: 'register' },
      ]);
      const countOf = async () =>
        (
          await trx
            .selectFrom('org')
            .select('member_count')
            .where('id', '=', county.id)
            .executeTakeFirstOrThrow()
        ).member_count;
      const before = await countOf();
      // the statement names one parameter per org of the path: a village member's path (city, county, town, village, …)
      await snapshot.record('addToMemberCounts', k, (d) => repo.addToMemberCounts(asTrx(d), mine.path, 1));
      expect(await countOf()).toBe(before + 1);
      await snapshot.record('updateMember', k, (d) =>
        repo.updateMember(asTrx(d), id, { education: '硕士', occupation: '村干部' }),
      );
      expect(await repo.findMember(trx, actor, id)).toMatchObject({
        education: '硕士',
        occupation: '村干部',
      });
    });
  });
});
