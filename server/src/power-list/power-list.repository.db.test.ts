// The SQL of 小微权力清单, as committed in power-list.repository.sql, on both engines: a county
// administrator's list and records of power use (another county's are neither found, listed nor
// counted), the export and figures, and the writes of an item, a record, its steps and a flag's review
// in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './power-list.repository.ts';

const snapshot = sqlSnapshot(new URL('./power-list.repository.sql', import.meta.url));
let database: Database;
let actor: Actor;
let county: { id: number; path: string; code: string };
/** a record of power use of the county (its village and year) and one of another county */
let mine: { id: number; org_id: number; year: number; item_id: number | null };
let theirs: { id: number; path: string; county_code: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ({ actor, county } = await countyAdmin(db));
  const use = (inside: boolean) =>
    db
      .selectFrom('power_use')
      .innerJoin('org', 'org.id', 'power_use.org_id')
      .select([
        'power_use.id',
        'power_use.org_id',
        'power_use.item_id',
        'power_use.started_on',
        'power_use.county_code',
        'org.path',
      ])
      .where('org.path', inside ? 'like' : 'not like', `${county.path}%`)
      .orderBy('power_use.id')
      .executeTakeFirstOrThrow();
  const m = await use(true);
  mine = { id: m.id, org_id: m.org_id, item_id: m.item_id, year: Number(m.started_on.slice(0, 4)) };
  const t = await use(false);
  theirs = { id: t.id, path: t.path, county_code: t.county_code };
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('power-list.repository', () => {
  test("the county's list; another county's item is neither listed nor found", async () => {
    const { db } = database;
    const items = await snapshot.record('listItems', db, (d) => repo.listItems(d, actor, county.code));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.county_code === county.code)).toBe(true);
    const all = await snapshot.record('listItems every county', db, (d) => repo.listItems(d, actor, null));
    expect(all.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
    const first = items[0] as repo.ItemRow;
    expect(await snapshot.record('findItem', db, (d) => repo.findItem(d, actor, first.id))).toMatchObject({
      id: first.id,
    });
    const foreign = await snapshot.record('itemsOfCounty', db, (d) =>
      repo.itemsOfCounty(d, theirs.county_code),
    );
    expect(foreign.length).toBeGreaterThan(0);
    await expect(repo.findItem(db, actor, (foreign[0] as repo.ItemRow).id)).rejects.toThrow();
  });

  test("a record in scope with its steps; another county's is not found", async () => {
    const { db } = database;
    expect(await snapshot.record('findUse', db, (d) => repo.findUse(d, actor, mine.id))).toMatchObject({
      id: mine.id,
      org_id: mine.org_id,
    });
    await expect(repo.findUse(db, actor, theirs.id)).rejects.toThrow();
    const steps = await snapshot.record('stepsOf', db, (d) => repo.stepsOf(d, mine.id));
    expect(steps.every((s) => s.use_id === mine.id)).toBe(true);
    const matter = await db
      .selectFrom('deliberation')
      .select(['id', 'org_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(
      await snapshot.record('deliberationOfVillage', db, (d) =>
        repo.deliberationOfVillage(d, matter.org_id, matter.id),
      ),
    ).toEqual({ id: matter.id });
    expect(await repo.deliberationOfVillage(db, matter.org_id + 1_000_000, matter.id)).toBeUndefined();
  });

  test("the county's records: a page, every filter, the export, the figures; another county's base is empty", async () => {
    const { db } = database;
    const base = { basePath: county.path, countyCode: county.code };
    const page = await snapshot.record('listUses', db, (d) => repo.listUses(d, actor, base, 1, 10));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((u) => u.org_path.startsWith(county.path))).toBe(true);
    const filtered = await snapshot.record('listUses every filter', db, (d) =>
      repo.listUses(
        d,
        actor,
        {
          ...base,
          itemId: mine.item_id ?? -1,
          flag: 'negative',
          unreviewed: true,
          status: 'open',
          year: mine.year,
          q: '50%_路',
        },
        2,
        10,
      ),
    );
    expect(filtered).toEqual({ items: [], total: 0 });
    await snapshot.record('listUses any flag', db, (d) =>
      repo.listUses(d, actor, { ...base, flag: 'any' }, 1, 10),
    );
    expect(await repo.listUses(db, actor, { basePath: theirs.path }, 1, 10)).toEqual({ items: [], total: 0 });

    const exported = await snapshot.record('exportUses', db, (d) => repo.exportUses(d, actor, base, 5));
    expect(exported.length).toBe(Math.min(5, page.total));

    const depth = county.path.split('/').filter(Boolean).length - 1;
    const byTown = await snapshot.record('usesByChild', db, (d) =>
      repo.usesByChild(d, actor, { path: county.path, depth, county_code: county.code }, mine.year),
    );
    expect(byTown.reduce((n, t) => n + t.uses, 0)).toBeGreaterThan(0);
    const byItem = await snapshot.record('usesByItem', db, (d) =>
      repo.usesByItem(d, actor, county.path, mine.year),
    );
    expect(byItem.reduce((n, i) => n + i.uses, 0)).toBe(byTown.reduce((n, t) => n + t.uses, 0));
    expect(await repo.usesByItem(db, actor, theirs.path, mine.year)).toEqual([]);
  });

  test('an item, a record, its steps and a review written (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const procedure = [
        { name: '提出', actor: '村民委员会', evidence: '申请书' },
        { name: '公示', actor: '村务监督委员会', evidence: '公示照片' },
      ];
      const itemId = await snapshot.record('insertItem', k, (d) =>
        repo.insertItem(asTrx(d), {
          county_code: county.code,
          kind: 'positive',
          code: 'TEST-01',
          name: '村级小额工程',
          category: '工程建设',
          actor: '村民委员会',
          basis: '《村民委员会组织法》',
          steps: procedure,
          keywords: ['工程'],
          updated_by: actor.accountId,
        }),
      );
      await snapshot.record('updateItem', k, (d) =>
        repo.updateItem(asTrx(d), itemId, { name: '村级小额工程项目', active: false }, actor.accountId),
      );
      expect(await repo.findItem(trx, actor, itemId)).toMatchObject({
        name: '村级小额工程项目',
        active: false,
      });
      const useId = await snapshot.record('insertUse', k, (d) =>
        repo.insertUse(asTrx(d), {
          org_id: mine.org_id,
          county_code: county.code,
          item_id: itemId,
          title: '修缮村道',
          description: '',
          amount_fen: 500_000,
          started_on: '2026-03-01',
          procedure,
          flag: 'unmatched',
          flag_detail: { reason: 'test' },
          deliberation_id: null,
          created_by: actor.accountId,
        }),
      );
      const step = (i: number) => ({
        use_id: useId,
        county_code: county.code,
        step_index: i,
        done_on: '2026-03-02',
        actor_name: '张三',
        evidence: '',
        attachments: [],
        recorded_by: actor.accountId,
      });
      expect(
        await snapshot.record('insertUseStep', k, (d) => repo.insertUseStep(asTrx(d), step(1), false)),
      ).toBe(true);
      expect(
        await snapshot.record('insertUseStep completing', k, (d) =>
          repo.insertUseStep(asTrx(d), step(2), true),
        ),
      ).toBe(true);
      expect(await repo.findUse(trx, actor, useId)).toMatchObject({ status: 'completed', steps_done: 2 });
      expect(
        await snapshot.record('reviewUse', k, (d) =>
          repo.reviewUse(asTrx(d), useId, '已核实', actor.accountId),
        ),
      ).toBe(true);
      expect(await repo.reviewUse(trx, useId, '再次', actor.accountId)).toBe(false);
    });
  });
});
