// The SQL of 小微权力清单: the county lists through scoped.powerItems, the records of power use
// through scoped.powerUses (platform/access/scope.ts).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { PowerFlag, ProcedureStep } from './power-list-tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function listItems(db: Kysely<DB>, actor: Actor, countyCode: string | null) {
  let q = scoped.powerItems(db, actor).selectAll('power_item');
  if (countyCode) q = q.where('power_item.county_code', '=', countyCode);
  return q
    .orderBy('power_item.county_code')
    .orderBy('power_item.kind', 'desc')
    .orderBy('power_item.sort_order')
    .orderBy('power_item.code')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

export async function findItem(db: Db, actor: Actor, unverifiedId: number) {
  const row = await scoped
    .powerItems(db as Kysely<DB>, actor)
    .selectAll('power_item')
    .where('power_item.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('power_item', unverifiedId);
  return row;
}

export function itemsOfCounty(db: Db, countyCode: string) {
  return db.selectFrom('power_item').selectAll().where('county_code', '=', countyCode).execute();
}

export async function insertItem(
  trx: Transaction<DB>,
  v: {
    county_code: string;
    kind: 'positive' | 'negative';
    code: string;
    name: string;
    category: string;
    actor: string;
    basis: string;
    steps: ProcedureStep[];
    keywords: string[];
    updated_by: number;
  },
) {
  const row = await trx
    .insertInto('power_item')
    .values({ ...v, steps: JSON.stringify(v.steps), keywords: JSON.stringify(v.keywords), sort_order: 1000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateItem(
  trx: Transaction<DB>,
  id: number,
  v: Partial<{
    name: string;
    category: string;
    actor: string;
    basis: string;
    steps: ProcedureStep[];
    keywords: string[];
    active: boolean;
  }>,
  by: number,
) {
  await trx
    .updateTable('power_item')
    .set({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.category !== undefined ? { category: v.category } : {}),
      ...(v.actor !== undefined ? { actor: v.actor } : {}),
      ...(v.basis !== undefined ? { basis: v.basis } : {}),
      ...(v.steps !== undefined ? { steps: JSON.stringify(v.steps) } : {}),
      ...(v.keywords !== undefined ? { keywords: JSON.stringify(v.keywords) } : {}),
      ...(v.active !== undefined ? { active: v.active } : {}),
      updated_by: by,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

const USE_COLUMNS = [
  'power_use.id',
  'power_use.org_id',
  'power_use.county_code',
  'power_use.item_id',
  'power_use.title',
  'power_use.description',
  'power_use.amount_fen',
  'power_use.started_on',
  'power_use.procedure',
  'power_use.steps_done',
  'power_use.status',
  'power_use.completed_on',
  'power_use.flag',
  'power_use.flag_detail',
  'power_use.flag_reviewed_at',
  'power_use.flag_review_note',
  'power_use.deliberation_id',
  'village_org.code as org_code',
  'village_org.name as org_name',
  'village_org.path as org_path',
] as const;

export async function findUse(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: 'village:read' | 'village:manage' | 'village:supervise' = 'village:read',
) {
  const row = await scoped
    .powerUses(db as Kysely<DB>, actor, permission)
    .leftJoin('power_item', 'power_item.id', 'power_use.item_id')
    .select([...USE_COLUMNS, 'power_item.code as item_code', 'power_item.name as item_name'])
    .where('power_use.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('power_use', unverifiedId);
  return row;
}
export type UseRow = Awaited<ReturnType<typeof findUse>>;

export function stepsOf(db: Db, useId: number) {
  return db
    .selectFrom('power_use_step')
    .selectAll()
    .where('use_id', '=', useId)
    .orderBy('step_index')
    .execute();
}

export interface UseFilters {
  basePath: string;
  /** the base's county: narrows to the county's records by its index before the path test */
  countyCode?: string | null | undefined;
  itemId?: number | undefined;
  flag?: PowerFlag | 'any' | undefined;
  unreviewed?: boolean | undefined;
  status?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

function filteredUses(db: Kysely<DB>, actor: Actor, f: UseFilters) {
  let q = scoped.powerUses(db, actor).where('village_org.path', 'like', `${f.basePath}%`);
  if (f.countyCode) q = q.where('power_use.county_code', '=', f.countyCode);
  if (f.itemId) q = q.where('power_use.item_id', '=', f.itemId);
  if (f.flag === 'any') q = q.where('power_use.flag', 'is not', null);
  else if (f.flag) q = q.where('power_use.flag', '=', f.flag);
  if (f.unreviewed)
    q = q.where('power_use.flag', 'is not', null).where('power_use.flag_reviewed_at', 'is', null);
  if (f.status) q = q.where('power_use.status', '=', f.status as never);
  if (f.year)
    q = q
      .where('power_use.started_on', '>=', `${f.year}-01-01`)
      .where('power_use.started_on', '<=', `${f.year}-12-31`);
  if (f.q?.trim()) q = q.where('power_use.title', 'like', `%${escapeLike(f.q.trim())}%`);
  return q;
}

export async function listUses(db: Kysely<DB>, actor: Actor, f: UseFilters, page: number, pageSize: number) {
  const base = filteredUses(db, actor, f);
  const [items, count] = await Promise.all([
    base
      .leftJoin('power_item', 'power_item.id', 'power_use.item_id')
      .select([...USE_COLUMNS, 'power_item.code as item_code', 'power_item.name as item_name'])
      .orderBy('power_use.started_on', 'desc')
      .orderBy('power_use.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function exportUses(db: Kysely<DB>, actor: Actor, f: UseFilters, limit: number) {
  return filteredUses(db, actor, f)
    .leftJoin('power_item', 'power_item.id', 'power_use.item_id')
    .innerJoin('org as town_org', 'town_org.id', 'village_org.parent_id')
    .select([
      ...USE_COLUMNS,
      'power_item.code as item_code',
      'power_item.name as item_name',
      'town_org.name as town_name',
    ])
    .orderBy('village_org.path')
    .orderBy('power_use.started_on', 'desc')
    .limit(limit)
    .execute();
}

/** Records per child of the base in a year: all, open, completed, flagged, flagged and not reviewed. */
export async function usesByChild(
  db: Kysely<DB>,
  actor: Actor,
  base: { path: string; depth: number; county_code?: string | null },
  year: number,
) {
  const child = sql<string>`split_part(village_org.path, '/', ${sql.lit(base.depth + 3)})`;
  const rows = await filteredUses(db, actor, { basePath: base.path, countyCode: base.county_code, year })
    .select([
      child.as('child_id'),
      (eb) => eb.fn.countAll<number>().as('uses'),
      sql<number>`count(*) filter (where power_use.status = 'open')`.as('open'),
      sql<number>`count(*) filter (where power_use.status = 'completed')`.as('completed'),
      sql<number>`count(*) filter (where power_use.flag = 'unmatched')`.as('unmatched'),
      sql<number>`count(*) filter (where power_use.flag = 'negative')`.as('negative'),
      sql<number>`count(*) filter (where power_use.flag is not null and power_use.flag_reviewed_at is null)`.as(
        'unreviewed',
      ),
    ])
    .groupBy(child)
    .execute();
  return rows.map((r) => ({
    childId: Number(r.child_id),
    uses: Number(r.uses),
    open: Number(r.open),
    completed: Number(r.completed),
    unmatched: Number(r.unmatched),
    negative: Number(r.negative),
    unreviewed: Number(r.unreviewed),
  }));
}

/** Records per power of the list under the base in a year. */
export async function usesByItem(db: Kysely<DB>, actor: Actor, basePath: string, year: number) {
  const rows = await filteredUses(db, actor, { basePath, year })
    .leftJoin('power_item', 'power_item.id', 'power_use.item_id')
    .select([
      'power_item.code',
      'power_item.name',
      (eb) => eb.fn.countAll<number>().as('uses'),
      sql<number>`count(*) filter (where power_use.status = 'completed')`.as('completed'),
    ])
    .groupBy(['power_item.code', 'power_item.name'])
    .orderBy('uses', 'desc')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    uses: Number(r.uses),
    completed: Number(r.completed),
  }));
}

export async function insertUse(
  trx: Transaction<DB>,
  v: {
    org_id: number;
    county_code: string;
    item_id: number | null;
    title: string;
    description: string;
    amount_fen: number | null;
    started_on: string;
    procedure: ProcedureStep[];
    flag: PowerFlag | null;
    flag_detail: Record<string, unknown> | null;
    deliberation_id: number | null;
    created_by: number;
  },
) {
  const row = await trx
    .insertInto('power_use')
    .values({
      ...v,
      procedure: JSON.stringify(v.procedure),
      flag_detail: v.flag_detail === null ? null : JSON.stringify(v.flag_detail),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertUseStep(
  trx: Transaction<DB>,
  v: {
    use_id: number;
    county_code: string;
    step_index: number;
    done_on: string;
    actor_name: string;
    evidence: string;
    attachments: number[];
    recorded_by: number;
  },
  complete: boolean,
) {
  await trx
    .insertInto('power_use_step')
    .values({ ...v, attachments: JSON.stringify(v.attachments) })
    .execute();
  const res = await trx
    .updateTable('power_use')
    .set({ steps_done: v.step_index, ...(complete ? { status: 'completed', completed_on: v.done_on } : {}) })
    .where('id', '=', v.use_id)
    .where('steps_done', '=', v.step_index - 1)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function reviewUse(trx: Transaction<DB>, id: number, note: string, by: number) {
  const res = await trx
    .updateTable('power_use')
    .set({ flag_reviewed_at: sql`now()`, flag_review_note: note, flag_reviewed_by: by })
    .where('id', '=', id)
    .where('flag', 'is not', null)
    .where('flag_reviewed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A decision of the village (to link a major decision's record to its 四议两公开 matter). */
export function deliberationOfVillage(db: Db, villageId: number, id: number) {
  return db
    .selectFrom('deliberation')
    .select('id')
    .where('id', '=', id)
    .where('org_id', '=', villageId)
    .executeTakeFirst();
}
