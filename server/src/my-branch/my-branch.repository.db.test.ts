// The SQL of "my branch", as committed in my-branch.repository.sql, on both engines: each part of a
// village secretary's screen under the village's path.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { monthOf, shanghaiToday } from '../platform/time/calendar.ts';
import * as repo from './my-branch.repository.ts';

const snapshot = sqlSnapshot(new URL('./my-branch.repository.sql', import.meta.url));
const today = shanghaiToday();
let database: Database;
let actor: Actor;
let under: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const village = await database.db
    .selectFrom('org')
    .select(['code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  actor = await accountActor(database.db, village.code);
  under = `${village.path}%`;
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('my-branch.repository', () => {
  test("the parts of the secretary's screen", async () => {
    const { db } = database;
    const byStatus = await snapshot.record('membersByStatus', db, (d) =>
      repo.membersByStatus(d, actor, under),
    );
    expect(byStatus.reduce((n, r) => n + Number(r.n), 0)).toBeGreaterThan(0);
    await snapshot.record('activeByStage', db, (d) => repo.activeByStage(d, actor, under));
    const tasks = await snapshot.record('monthTasks', db, (d) =>
      repo.monthTasks(d, actor, under, today.slice(0, 7)),
    );
    expect(tasks.length).toBeLessThanOrEqual(200);
    expect(
      (await snapshot.record('lastMeetings', db, (d) => repo.lastMeetings(d, actor, under))).length,
    ).toBeLessThanOrEqual(5);
    const { first, last } = monthOf(today);
    const n = await snapshot.record('meetingsBetween', db, (d) =>
      repo.meetingsBetween(d, actor, under, first, last),
    );
    expect(Number(n?.n ?? 0)).toBeGreaterThanOrEqual(0);
  });
});
