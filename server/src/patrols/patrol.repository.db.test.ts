// The SQL of patrols (patrol.repository.sql) and of patrol coverage (patrol-coverage.repository.sql), on
// both engines; the rows written in a transaction rolled back: a grid worker's patrol with a check-in in its
// own grid and one in another county's grid, read back as the worker's own (and never as a neighbour's),
// ended once; then the coverage a town sees of them (and another town does not).
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './patrol.repository.ts';
import * as coverageRepo from './patrol-coverage.repository.ts';
import { cstWeekStart } from './patrol-rules.ts';

const snapshot = sqlSnapshot(new URL('./patrol.repository.sql', import.meta.url));
const coverageSnapshot = sqlSnapshot(new URL('./patrol-coverage.repository.sql', import.meta.url));
type GridRow = { id: number; code: string; village_org_id: number; county_code: string | null };

let database: Database;
let grid: GridRow;
let neighbour: GridRow;
let farGrid: GridRow;
let worker: Actor;
let neighbourWorker: Actor;
let townActor: Actor;
let otherTownActor: Actor;

// an hour into this week at least, so every row written lies in this week (CST)
const T0 = Math.max(Date.now(), cstWeekStart(new Date()).getTime() + 3_600_000);
const minutesAgo = (m: number) => new Date(T0 - m * 60_000);
const t = (d: unknown) => d as Transaction<DB>;

async function townCodeOf(db: Kysely<DB>, villageId: number) {
  const town = await db
    .selectFrom('org as village')
    .innerJoin('org as town', 'town.id', 'village.parent_id')
    .select('town.code')
    .where('village.id', '=', villageId)
    .executeTakeFirstOrThrow();
  return town.code;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const cols = ['id', 'code', 'village_org_id', 'county_code'] as const;
  const grids = await db
    .selectFrom('grid')
    .select([...cols])
    .where('county_code', '=', '440704')
    .orderBy('id')
    .execute();
  grid = grids[0] as GridRow;
  neighbour = grids.find((g) => g.id !== grid.id) as GridRow;
  farGrid = await db
    .selectFrom('grid')
    .select([...cols])
    .where('county_code', '=', '440703')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  worker = await accountActor(db, grid.code);
  neighbourWorker = await accountActor(db, neighbour.code);
  townActor = await accountActor(db, await townCodeOf(db, grid.village_org_id));
  otherTownActor = await accountActor(db, await townCodeOf(db, farGrid.village_org_id));
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  coverageSnapshot.verify();
  await database?.close();
});

/** A patrol of the worker (started 30 minutes ago) with a check-in in its grid and one far away. */
async function writePatrol(trx: Transaction<DB>, record: boolean) {
  const k: Kysely<DB> = trx;
  const values = {
    account_id: worker.accountId,
    started_at: minutesAgo(30),
    note: '',
    county_code: worker.scopeCountyCode ?? '',
    client_request_id: `${worker.accountId}:start-1`,
  };
  const patrol = record
    ? await snapshot.record('insertPatrol', k, (d) => repo.insertPatrol(t(d), values))
    : await repo.insertPatrol(trx, values);
  const own = {
    account_id: worker.accountId,
    grid_id: grid.id,
    lng: 113.1,
    lat: 22.6,
    at: minutesAgo(20),
    county_code: grid.county_code ?? '',
    client_request_id: `${worker.accountId}:c-1`,
  };
  const ownId = record
    ? await snapshot.record('insertCheckin', k, (d) => repo.insertCheckin(t(d), own))
    : await repo.insertCheckin(trx, own);
  const farId = await repo.insertCheckin(trx, {
    ...own,
    grid_id: farGrid.id,
    lng: 112.9,
    lat: 22.5,
    at: minutesAgo(10),
    county_code: farGrid.county_code ?? '',
    client_request_id: null,
  });
  return { patrol, ownId, farId };
}

describe('patrol.repository', () => {
  test("a worker's patrol and check-ins: written, read back as its own only, ended once (rolled back)", async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      expect(await snapshot.record('gridIdsInScope', k, (d) => repo.gridIdsInScope(d, worker))).toEqual([
        grid.id,
      ]);
      expect(await snapshot.record('openPatrol', k, (d) => repo.openPatrol(d, worker))).toBeUndefined();
      const { patrol, ownId, farId } = await writePatrol(trx, true);
      expect(patrol).toMatchObject({ account_id: worker.accountId, ended_at: null, note: '' });

      const key = `${worker.accountId}:start-1`;
      expect(
        (await snapshot.record('patrolByRequest', k, (d) => repo.patrolByRequest(d, worker, key)))?.id,
      ).toBe(patrol.id);
      expect((await repo.openPatrol(trx, worker))?.id).toBe(patrol.id);
      expect((await snapshot.record('patrolById', k, (d) => repo.patrolById(d, worker, patrol.id)))?.id).toBe(
        patrol.id,
      );
      expect(
        (await snapshot.record('patrolAt', k, (d) => repo.patrolAt(d, worker, minutesAgo(15))))?.id,
      ).toBe(patrol.id);
      expect(await repo.patrolAt(trx, worker, minutesAgo(40))).toBeUndefined();
      // a neighbour (another grid worker of the same county) never reads them
      expect(await repo.patrolById(trx, neighbourWorker, patrol.id)).toBeUndefined();
      expect(await repo.patrolByRequest(trx, neighbourWorker, key)).toBeUndefined();
      expect(await repo.openPatrol(trx, neighbourWorker)).toBeUndefined();
      expect(await repo.checkinById(trx, neighbourWorker, ownId).catch(() => 'none')).toBe('none');
      // a town holds no patrol:checkin: the access layer refuses before any SQL
      expect(() => repo.openPatrol(trx, townActor)).toThrow();

      const byKey = await snapshot.record('checkinByRequest', k, (d) =>
        repo.checkinByRequest(d, worker, `${worker.accountId}:c-1`),
      );
      expect(byKey).toMatchObject({ id: ownId, grid_id: grid.id, grid_code: grid.code });
      const far = await snapshot.record('checkinById', k, (d) => repo.checkinById(d, worker, farId));
      expect(far).toMatchObject({ id: farId, grid_id: farGrid.id, grid_code: farGrid.code });
      const within = await snapshot.record('checkinsWithin', k, (d) =>
        repo.checkinsWithin(d, worker, minutesAgo(30), minutesAgo(10)),
      );
      expect(within.map((c) => c.id)).toEqual([ownId, farId]);
      // the day's end is excluded, the patrol's end included
      expect(
        (await repo.checkinsWithin(trx, worker, minutesAgo(30), minutesAgo(20))).map((c) => c.id),
      ).toEqual([ownId]);
      const ofDay = await snapshot.record('checkinsOfDay', k, (d) =>
        repo.checkinsOfDay(d, worker, minutesAgo(30), minutesAgo(10)),
      );
      expect(ofDay.map((c) => c.id)).toEqual([ownId]);
      expect(await repo.checkinsWithin(trx, neighbourWorker, minutesAgo(30), minutesAgo(0))).toEqual([]);
      const overlapping = await snapshot.record('patrolsOverlapping', k, (d) =>
        repo.patrolsOverlapping(d, worker, minutesAgo(60), minutesAgo(0)),
      );
      expect(overlapping.map((p) => p.id)).toEqual([patrol.id]);
      expect(await repo.patrolsOverlapping(trx, worker, minutesAgo(90), minutesAgo(60))).toEqual([]);

      const ended = await snapshot.record('endOpenPatrol', k, (d) =>
        repo.endOpenPatrol(t(d), patrol.id, {
          endedAt: minutesAgo(5),
          closedAt: minutesAgo(0),
          distanceM: 1234,
          durationS: 1500,
          checkinCount: 2,
          note: '巡查完毕',
        }),
      );
      expect(ended).toMatchObject({ id: patrol.id, distance_m: 1234, checkin_count: 2, note: '巡查完毕' });
      expect(ended?.ended_at?.getTime()).toBe(minutesAgo(5).getTime());
      // ending again changes nothing; without a note the note stays
      const again = await snapshot.record('endOpenPatrol without a note', k, (d) =>
        repo.endOpenPatrol(t(d), patrol.id, {
          endedAt: minutesAgo(1),
          closedAt: minutesAgo(0),
          distanceM: 1,
          durationS: 1,
          checkinCount: 0,
        }),
      );
      expect(again).toBeUndefined();
      const read = await snapshot.record('patrolByIdOrThrow', k, (d) =>
        repo.patrolByIdOrThrow(d, worker, patrol.id),
      );
      expect(read).toMatchObject({ note: '巡查完毕', distance_m: 1234 });
      expect(await repo.openPatrol(trx, worker)).toBeUndefined();
      await expect(repo.patrolByIdOrThrow(trx, neighbourWorker, patrol.id)).rejects.toThrow();
    });
  });
});

describe('patrol-coverage.repository', () => {
  test('a town sees its grids and grid workers with this week; another town does not (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const { patrol } = await writePatrol(trx, false);
      await repo.endOpenPatrol(trx, patrol.id, {
        endedAt: minutesAgo(5),
        closedAt: minutesAgo(0),
        distanceM: 1234,
        durationS: 1500,
        checkinCount: 2,
      });
      const weekStart = cstWeekStart(new Date());
      const window = { lookback: new Date(T0 - 7 * 86_400_000), weekStart };
      const [grids, workers] = await coverageSnapshot.record('coverageRows', k, (d) =>
        coverageRepo.coverageRows(d, townActor, window),
      );
      expect(grids.length).toBeGreaterThan(1);
      const mine = grids.find((g) => g.id === grid.id);
      expect(mine).toMatchObject({ code: grid.code, village_id: grid.village_org_id });
      expect(Number(mine?.week_count)).toBe(1);
      expect(grids.some((g) => g.id === farGrid.id)).toBe(false);
      const me = workers.find((w) => w.id === worker.accountId);
      expect(me).toMatchObject({ grid_id: grid.id });
      expect(Number(me?.week_checkins)).toBe(2);
      expect(Number(me?.week_outside)).toBe(1);
      expect(Number(me?.week_patrols)).toBe(1);
      expect(Number(me?.week_distance_m)).toBe(1234);

      const [villageGrids, villageWorkers] = await coverageSnapshot.record(
        'coverageRows of a village',
        k,
        (d) => coverageRepo.coverageRows(d, townActor, { ...window, villageId: grid.village_org_id }),
      );
      expect(villageGrids.length).toBeGreaterThan(0);
      expect(villageGrids.length).toBeLessThan(grids.length);
      expect(villageGrids.every((g) => g.village_id === grid.village_org_id)).toBe(true);
      expect(villageWorkers.map((w) => w.id)).toContain(worker.accountId);

      const [otherGrids, otherWorkers] = await coverageRepo.coverageRows(trx, otherTownActor, window);
      expect(otherGrids.some((g) => g.id === grid.id)).toBe(false);
      expect(otherWorkers.some((w) => w.id === worker.accountId)).toBe(false);
      expect(Number(otherGrids.find((g) => g.id === farGrid.id)?.week_count)).toBe(1);
    });
  });
});
