// The SQL of village decisions (四议两公开), as committed in deliberation.repository.sql and
// deliberation-read.repository.sql, on both engines: a county administrator's matters, lists, export and
// figures (another county's matters are neither found nor counted), a matter's steps, and the writes of
// a matter, a step and its state in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './deliberation.repository.ts';
import * as read from './deliberation-read.repository.ts';
import type { Attendees } from './deliberation-tables.ts';

const snapshot = sqlSnapshot(new URL('./deliberation.repository.sql', import.meta.url));
const readSnapshot = sqlSnapshot(new URL('./deliberation-read.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };
/** a matter of the county (its village, year) and one of another county */
let mine: { id: number; org_id: number; year: number; grid_id: number | null };
let theirs: { id: number; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ actor, county } = await countyAdmin(db));
  const matter = (inside: boolean) =>
    db
      .selectFrom('deliberation')
      .innerJoin('org', 'org.id', 'deliberation.org_id')
      .innerJoin('deliberation_step', 'deliberation_step.deliberation_id', 'deliberation.id')
      .select([
        'deliberation.id',
        'deliberation.org_id',
        'deliberation.proposed_on',
        'deliberation.grid_id',
        'org.path',
      ])
      .where('org.path', inside ? 'like' : 'not like', `${county.path}%`)
      .orderBy('deliberation.id')
      .executeTakeFirstOrThrow();
  const m = await matter(true);
  mine = { id: m.id, org_id: m.org_id, year: Number(m.proposed_on.slice(0, 4)), grid_id: m.grid_id };
  const t = await matter(false);
  theirs = { id: t.id, path: t.path };
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  readSnapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('deliberation-read.repository', () => {
  test("a county's matters: a page by each order and filter, the export; none of another county", async () => {
    const { db } = database;
    const base = { basePath: county.path, countyCode: county.code };
    const page = await readSnapshot.record('listMatters', db, (d) => read.listMatters(d, actor, base, 1, 10));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((m) => m.org_path.startsWith(county.path))).toBe(true);
    const filtered = await readSnapshot.record('listMatters every filter, by due', db, (d) =>
      read.listMatters(
        d,
        actor,
        {
          ...base,
          status: 'open',
          validity: 'valid',
          template: 'four_two',
          category: 'collective_project',
          year: mine.year,
          q: '50%_路',
          overdueOn: '2100-01-01',
          sort: 'due',
        },
        2,
        10,
      ),
    );
    expect(filtered).toEqual({ items: [], total: 0 });
    // asked for another county's villages, the county administrator gets nothing
    const other = await read.listMatters(db, actor, { basePath: theirs.path }, 1, 10);
    expect(other).toEqual({ items: [], total: 0 });

    const exported = await readSnapshot.record('exportMatters', db, (d) =>
      read.exportMatters(d, actor, base, 5),
    );
    expect(exported.length).toBe(Math.min(5, page.total));
    expect(exported[0]?.town_name).toBeTruthy();
  });

  test("a county's figures by town and its breaches; the towns below it", async () => {
    const { db } = database;
    const base = {
      path: county.path,
      depth: county.path.split('/').filter(Boolean).length - 1,
      county_code: county.code,
    };
    const figures = await readSnapshot.record('figuresByChild', db, (d) =>
      read.figuresByChild(d, actor, base, mine.year),
    );
    expect(figures.reduce((n, f) => n + f.total, 0)).toBeGreaterThan(0);
    const towns = await readSnapshot.record('childOrgs', db, (d) => read.childOrgs(d, actor, county.id));
    expect(towns.length).toBeGreaterThan(0);
    expect(towns.every((t) => t.level === 'town')).toBe(true);
    const townIds = new Set(towns.map((t) => Number(t.id)));
    expect(figures.every((f) => townIds.has(f.childId))).toBe(true);
    const breaches = await readSnapshot.record('breachCounts', db, (d) =>
      read.breachCounts(d, actor, base, mine.year),
    );
    expect(breaches.every((b) => b.matters > 0)).toBe(true);
    // another county's base: nothing counted
    expect(await read.figuresByChild(db, actor, { path: theirs.path, depth: 3 }, mine.year)).toEqual([]);
  });
});

describe('deliberation.repository', () => {
  test("a matter in scope with its steps; another county's is not found", async () => {
    const { db } = database;
    const matter = await snapshot.record('findDeliberation', db, (d) =>
      repo.findDeliberation(d, actor, mine.id),
    );
    expect(matter).toMatchObject({ id: mine.id, org_id: mine.org_id });
    await expect(repo.findDeliberation(db, actor, theirs.id)).rejects.toThrow();
    const steps = await snapshot.record('loadSteps', db, (d) => repo.loadSteps(d, mine.id));
    expect(steps.length).toBeGreaterThan(0);
    expect(repo.toStepRecord(steps[0] as repo.StepRow).step).toBe(steps[0]?.step);
    if (mine.grid_id !== null) {
      expect(
        await snapshot.record('gridOfVillage', db, (d) =>
          repo.gridOfVillage(d, mine.org_id, mine.grid_id as number),
        ),
      ).toMatchObject({ id: mine.grid_id });
    } else {
      const grid = await db
        .selectFrom('grid')
        .select('id')
        .where('village_org_id', '=', mine.org_id)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(
        await snapshot.record('gridOfVillage', db, (d) => repo.gridOfVillage(d, mine.org_id, grid.id)),
      ).toMatchObject({ id: grid.id });
    }
    expect(
      await snapshot.record('foreignAttachments', db, (d) => repo.foreignAttachments(d, mine.org_id, [-1])),
    ).toEqual([-1]);
    expect(
      await snapshot.record('attachmentsMeta', db, (d) => repo.attachmentsMeta(d, mine.org_id, [-1])),
    ).toEqual(new Map());
    const due = await snapshot.record('dueForRefresh', db, (d) => repo.dueForRefresh(d, '2000-01-01', 10));
    expect(due).toEqual([]);
  });

  test('a matter, a step and its state written (rolled back); a stale version changes nothing', async () => {
    const { db } = database;
    const [first] = await repo.loadSteps(db, mine.id);
    if (!first) throw new Error('the matter has no step');
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const id = await snapshot.record('insertMatter', k, (d) =>
        repo.insertMatter(asTrx(d), {
          org_id: mine.org_id,
          county_code: county.code,
          grid_id: null,
          template: 'four_two',
          title: '村道硬底化',
          category: 'collective_project',
          amount_fen: 1_000_000,
          description: '',
          retrospective: false,
          proposed_on: '2026-03-01',
          created_by: actor.accountId,
        }),
      );
      await snapshot.record('insertStep', k, (d) =>
        repo.insertStep(asTrx(d), {
          deliberation_id: id,
          county_code: county.code,
          seq: 1,
          record: repo.toStepRecord(first),
          place: '村委会',
          attendees: first.attendees as Attendees,
          quorum_met: first.quorum_met,
          passed: first.passed,
          minutes: '',
          content: '',
          attachments: [],
          recorded_by: actor.accountId,
        }),
      );
      expect(await repo.loadSteps(trx, id)).toHaveLength(1);
      const state: repo.MatterState = {
        status: 'open',
        validity: 'pending',
        breaches: [],
        next_step: 'party_committee',
        next_due_on: '2026-03-15',
        resolved_on: null,
        completed_on: null,
      };
      expect(
        await snapshot.record('updateState at version', k, (d) => repo.updateState(d, id, state, 1)),
      ).toBe(true);
      expect(await repo.updateState(trx, id, state, 1)).toBe(false);
      expect(await snapshot.record('updateState', k, (d) => repo.updateState(d, id, state))).toBe(true);
      expect((await repo.findDeliberation(trx, actor, id)).version).toBe(3);
    });
  });
});
