// The SQL of a village meeting's rosters, as committed in roster.repository.sql, on both engines: who is
// due at each body of a demo village on a fixed day (cadre posts, representatives of the village and of
// a villager group, full members, the register), 一肩挑, and the names of people by roster kind.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './roster.repository.ts';

const snapshot = sqlSnapshot(new URL('./roster.repository.sql', import.meta.url));
/** a fixed day: the rosters never depend on the date the test runs */
const ON = '2026-06-30';
let database: Database;
/** a village with representatives in a villager group (its grid) */
let village: repo.VillageRef;
let gridId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const row = await db
    .selectFrom('village_representative')
    .innerJoin('org', 'org.id', 'village_representative.org_id')
    .select(['org.id', 'org.path', 'village_representative.grid_id'])
    .where('village_representative.grid_id', 'is not', null)
    .where('village_representative.term_start', '<=', ON)
    .orderBy('village_representative.id')
    .executeTakeFirstOrThrow();
  village = { id: row.id, path: row.path };
  gridId = Number(row.grid_id);
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('roster.repository', () => {
  test("each body's roster of the village on a fixed day", async () => {
    const { db } = database;
    const named = async (body: Parameters<typeof repo.rosterOf>[2], grid: number | null) => {
      const r = await snapshot.record(`rosterOf ${body}`, db, (d) =>
        repo.rosterOf(d, village, body, ON, grid),
      );
      return r.kind === 'named' ? r.people : [];
    };
    const committees = await named('village_committees', null);
    expect(committees.length).toBeGreaterThan(0);
    const party = await named('party_committee', null);
    expect(party.every((p) => committees.some((c) => c.id === p.id))).toBe(true);
    await named('supervision_committee', null);
    const reps = await named('representative_meeting', null);
    expect(reps.some((p) => p.kind === 'representative')).toBe(true);
    await named('group_leaders', gridId);
    const council = await named('group_council', gridId);
    expect(council.length).toBeGreaterThan(0);
    const assembly = await named('party_assembly', null);
    expect(assembly.every((p) => p.kind === 'member')).toBe(true);
    const counted = await snapshot.record('rosterOf group_meeting', db, (d) =>
      repo.rosterOf(d, village, 'group_meeting', ON, gridId),
    );
    expect(counted).toMatchObject({ kind: 'counted', gridId });
    await snapshot.record('rosterOf villager_meeting', db, (d) =>
      repo.rosterOf(d, village, 'villager_meeting', ON, null),
    );
    expect(await repo.rosterOf(db, village, 'group_council', ON, null)).toEqual({ kind: 'none' });
    // another village's roster holds none of these people
    const elsewhere = await repo.rosterOf(
      db,
      { id: village.id + 1_000_000, path: '/none/' },
      'village_committees',
      ON,
      null,
    );
    expect(elsewhere).toEqual({ kind: 'named', people: [] });

    expect(
      typeof (await snapshot.record('isOneShoulder', db, (d) => repo.isOneShoulder(d, village.id, ON))),
    ).toBe('boolean');
    const first = committees[0];
    const rep = reps.find((p) => p.kind === 'representative');
    const names = await snapshot.record('namesOf', db, (d) =>
      repo.namesOf(d, {
        members: assembly[0] ? [assembly[0].id] : [],
        cadres: first ? [first.id] : [],
        representatives: rep ? [rep.id] : [],
      }),
    );
    expect(names.cadres.get(first?.id ?? 0)).toBe(first?.name);
    expect(names.representatives.get(rep?.id ?? 0)).toBe(rep?.name);
  });
});
