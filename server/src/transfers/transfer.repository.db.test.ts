// The SQL of transfers, as committed in transfer.repository.sql, on both engines: the reads of a village
// secretary, and a letter's writes (issue, confirm, the member's move) in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { shanghaiToday } from '../platform/time/calendar.ts';
import * as repo from './transfer.repository.ts';

const snapshot = sqlSnapshot(new URL('./transfer.repository.sql', import.meta.url));
const today = shanghaiToday();
let database: Database;
let actor: Actor;
let member: { id: number; org_id: number; county_code: string | null };
let target: { id: number; path: string; county_code: string | null };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const village = await db
    .selectFrom('org')
    .select(['code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 10)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  actor = await accountActor(db, village.code);
  member = await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.org_id', 'member.county_code'])
    .where('org.path', 'like', `${village.path}%`)
    .orderBy('member.id')
    .executeTakeFirstOrThrow();
  target = await db
    .selectFrom('org')
    .select(['id', 'path', 'county_code'])
    .where('kind', '=', 'branch')
    .where('path', 'not like', `${village.path}%`)
    .orderBy('path')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('transfer.repository', () => {
  test('reads: a page, one letter, the history, the receiving orgs and their parents', async () => {
    const { db } = database;
    const page = await snapshot.record('transferPage', db, (d) =>
      repo.transferPage(
        d,
        actor,
        { direction: { side: 'out', pattern: `${actor.scopePath}%` }, state: 'issued', scope: 'city', today },
        1,
        20,
      ),
    );
    expect(page.total).toBe(page.rows.length);
    expect(await snapshot.record('transferById', db, (d) => repo.transferById(d, actor, -1))).toBeUndefined();
    expect(
      await snapshot.record('membershipHistory', db, (d) => repo.membershipHistory(d, member.id)),
    ).toBeInstanceOf(Array);
    const byCode = await snapshot.record('receivingOrgRows.code', db, (d) =>
      repo.receivingOrgRows(d, actor, { by: 'code', text: '4407' }),
    );
    expect(byCode.length).toBeGreaterThan(0);
    await snapshot.record('receivingOrgRows.initials', db, (d) =>
      repo.receivingOrgRows(d, actor, { by: 'initials', text: 'DZB' }),
    );
    await snapshot.record('receivingOrgRows.name', db, (d) =>
      repo.receivingOrgRows(d, actor, { by: 'name', text: '支部' }),
    );
    await snapshot.record('receivingOrgRows.all', db, (d) => repo.receivingOrgRows(d, actor, null));
    expect(await snapshot.record('orgNames', db, (d) => repo.orgNames(d, [target.id]))).toHaveLength(1);
    expect(
      await snapshot.record('transferTarget', db, (d) => repo.transferTarget(d, actor, target.id)),
    ).toMatchObject({
      id: target.id,
    });
  });

  test('writes: issue, confirm at the version read, the member moves (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      const facts = await snapshot.record('issueFacts', k, (d) =>
        repo.issueFacts(t(d), member, today.slice(0, 4)),
      );
      expect(facts.from.id).toBe(member.org_id);
      const row = await snapshot.record('insertLetter', k, (d) =>
        repo.insertLetter(t(d), {
          member_id: member.id,
          county_code: member.county_code,
          from_org_id: member.org_id,
          to_org_id: target.id,
          scope: 'city',
          letter_no: 'TEST-1',
          letter_seq: facts.lastSeq + 1,
          issued_on: today,
          valid_until: today,
          reason: '',
          note: '',
          issued_by: actor.accountId,
        }),
      );
      const letter = await snapshot.record('transferForUpdate', k, (d) =>
        repo.transferForUpdate(t(d), actor, row.id),
      );
      expect(letter?.member_org_id).toBe(member.org_id);
      if (!letter) throw new Error('the new letter is not in scope');
      const set = { state: 'received' as const, updated_at: new Date(), received_on: today };
      expect(
        await snapshot.record('updateLetter', k, (d) => repo.updateLetter(t(d), row.id, letter.version, set)),
      ).toBe(true);
      expect(await repo.updateLetter(trx, row.id, letter.version, set)).toBe(false);
      expect(await snapshot.record('moveMemberOrg', k, (d) => repo.moveMemberOrg(t(d), letter))).toBe(true);
      await snapshot.record('endOpenMembership', k, (d) => repo.endOpenMembership(t(d), member.id, today));
      await snapshot.record('insertRegisterMembership', k, (d) =>
        repo.insertRegisterMembership(t(d), member.id, member.org_id, today),
      );
      await snapshot.record('insertTransferMembership', k, (d) =>
        repo.insertTransferMembership(t(d), letter, today),
      );
      expect(await repo.membershipHistory(trx, member.id)).toContainEqual(
        expect.objectContaining({ org_id: target.id, ended_on: null, transfer_id: row.id }),
      );
      await snapshot.record('shiftMemberCounts', k, (d) =>
        repo.shiftMemberCounts(t(d), [member.org_id], [target.id]),
      );
    });
  });
});
