// The SQL of "my records", as committed in my-records.repository.sql, on both engines: every read keyed
// by the signed-in account's own member row.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './my-records.repository.ts';

const snapshot = sqlSnapshot(new URL('./my-records.repository.sql', import.meta.url));
let database: Database;
let link: { account_id: number; member_id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  link = await database.db
    .selectFrom('member_account')
    .select(['account_id', 'member_id'])
    .orderBy('account_id')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('my-records.repository', () => {
  test("the account's member and its records", async () => {
    const { db } = database;
    const me = await snapshot.record('memberOfAccount', db, (d) => repo.memberOfAccount(d, link.account_id));
    expect(me?.id).toBe(link.member_id);
    expect(
      await snapshot.record('memberOfAccount.none', db, (d) => repo.memberOfAccount(d, -1)),
    ).toBeUndefined();
    expect(
      await snapshot.record('membershipOf', db, (d) => repo.membershipOf(d, link.member_id)),
    ).toBeInstanceOf(Array);
    const meetings = await snapshot.record('meetingsAttended', db, (d) =>
      repo.meetingsAttended(d, link.member_id),
    );
    expect(meetings.length).toBeLessThanOrEqual(100);
    expect(
      (await snapshot.record('duesPaid', db, (d) => repo.duesPaid(d, link.member_id))).length,
    ).toBeLessThanOrEqual(12);
    expect(await snapshot.record('trainingOf', db, (d) => repo.trainingOf(d, link.member_id))).toBeInstanceOf(
      Array,
    );
  });
});
