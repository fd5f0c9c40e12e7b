// The SQL of the lists and figures of village decisions: every query starts from
// scoped.deliberations, narrowed to a base org that was verified inside the scope.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';

export interface MatterFilters {
  basePath: string;
  /** the base's county: narrows to the county's matters by its index before the path test */
  countyCode?: string | null | undefined;
  status?: string | undefined;
  validity?: string | undefined;
  template?: string | undefined;
  category?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
  /** open matters past their next deadline */
  overdueOn?: string | undefined;
  sort?: 'proposed' | 'due' | undefined;
}

function filtered(db: Kysely<DB>, actor: Actor, f: MatterFilters) {
  let q = scoped.deliberations(db, actor).where('village_org.path', 'like', `${f.basePath}%`);
  if (f.countyCode) q = q.where('deliberation.county_code', '=', f.countyCode);
  if (f.status) q = q.where('deliberation.status', '=', f.status as never);
  if (f.validity) q = q.where('deliberation.validity', '=', f.validity as never);
  if (f.template) q = q.where('deliberation.template', '=', f.template);
  if (f.category) q = q.where('deliberation.category', '=', f.category);
  if (f.year)
    q = q
      .where('deliberation.proposed_on', '>=', `${f.year}-01-01`)
      .where('deliberation.proposed_on', '<=', `${f.year}-12-31`);
  if (f.q?.trim()) q = q.where('deliberation.title', 'like', `%${escapeLike(f.q.trim())}%`);
  if (f.overdueOn)
    q = q.where('deliberation.status', '=', 'open').where('deliberation.next_due_on', '<', f.overdueOn);
  return q;
}

export async function listMatters(
  db: Kysely<DB>,
  actor: Actor,
  f: MatterFilters,
  page: number,
  pageSize: number,
) {
  const base = filtered(db, actor, f);
  let rows = base.select([
    'deliberation.id',
    'deliberation.org_id',
    'deliberation.template',
    'deliberation.title',
    'deliberation.category',
    'deliberation.amount_fen',
    'deliberation.retrospective',
    'deliberation.status',
    'deliberation.validity',
    'deliberation.breaches',
    'deliberation.next_step',
    'deliberation.next_due_on',
    'deliberation.proposed_on',
    'deliberation.resolved_on',
    'deliberation.completed_on',
    'deliberation.version',
    'village_org.code as org_code',
    'village_org.name as org_name',
    'village_org.short_name as org_short_name',
    'village_org.path as org_path',
  ]);
  rows =
    f.sort === 'due'
      ? rows.orderBy(sql`deliberation.next_due_on asc nulls last`).orderBy('deliberation.id')
      : rows.orderBy('deliberation.proposed_on', 'desc').orderBy('deliberation.id', 'desc');
  const [items, count] = await Promise.all([
    rows
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
export type MatterListRow = Awaited<ReturnType<typeof listMatters>>['items'][number];

/** All matching rows for an export (up to `limit`). */
export function exportMatters(db: Kysely<DB>, actor: Actor, f: MatterFilters, limit: number) {
  return filtered(db, actor, f)
    .innerJoin('org as town_org', 'town_org.id', 'village_org.parent_id')
    .select([
      'deliberation.id',
      'deliberation.template',
      'deliberation.title',
      'deliberation.category',
      'deliberation.amount_fen',
      'deliberation.retrospective',
      'deliberation.status',
      'deliberation.validity',
      'deliberation.breaches',
      'deliberation.next_step',
      'deliberation.next_due_on',
      'deliberation.proposed_on',
      'deliberation.resolved_on',
      'deliberation.completed_on',
      'village_org.name as org_name',
      'town_org.name as town_name',
    ])
    .orderBy('village_org.path')
    .orderBy('deliberation.proposed_on', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Counts per child of the base (the next level down: towns of a county, villages of a town) by
 * status and validity, for matters proposed in `year`.
 */
export async function figuresByChild(
  db: Kysely<DB>,
  actor: Actor,
  base: { path: string; depth: number; county_code?: string | null },
  year: number,
) {
  const child = sql<string>`split_part(village_org.path, '/', ${sql.lit(base.depth + 3)})`;
  const rows = await filtered(db, actor, { basePath: base.path, countyCode: base.county_code, year })
    .select([
      child.as('child_id'),
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`count(*) filter (where deliberation.status = 'open')`.as('open'),
      sql<number>`count(*) filter (where deliberation.status = 'completed')`.as('completed'),
      sql<number>`count(*) filter (where deliberation.status = 'rejected')`.as('rejected'),
      sql<number>`count(*) filter (where deliberation.status = 'withdrawn')`.as('withdrawn'),
      sql<number>`count(*) filter (where deliberation.validity = 'valid')`.as('valid'),
      sql<number>`count(*) filter (where deliberation.validity = 'invalid')`.as('invalid'),
      sql<number>`count(*) filter (where deliberation.validity = 'pending')`.as('pending'),
    ])
    .groupBy(child)
    .execute();
  return rows.map((r) => ({
    childId: Number(r.child_id),
    total: Number(r.total),
    open: Number(r.open),
    completed: Number(r.completed),
    rejected: Number(r.rejected),
    withdrawn: Number(r.withdrawn),
    valid: Number(r.valid),
    invalid: Number(r.invalid),
    pending: Number(r.pending),
  }));
}

/** How often each rule was broken by the matters of the base in `year`. */
export async function breachCounts(
  db: Kysely<DB>,
  actor: Actor,
  base: { path: string; county_code?: string | null },
  year: number,
) {
  const rows = await filtered(db, actor, {
    basePath: base.path,
    countyCode: base.county_code,
    year,
    validity: 'invalid',
  })
    .innerJoin(
      sql<{
        code: string;
      }>`lateral (select distinct b->>'code' as code from jsonb_array_elements(deliberation.breaches) b)`.as(
        'b',
      ),
      (j) => j.onTrue(),
    )
    .select(['b.code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('b.code')
    .orderBy('n', 'desc')
    .execute();
  return rows.map((r) => ({ code: r.code, matters: Number(r.n) }));
}

/** The orgs one level below the base inside the scope (the rows of a figures table). */
export function childOrgs(db: Kysely<DB>, actor: Actor, baseId: number) {
  return scoped
    .orgs(db, actor)
    .select(['org.id', 'org.code', 'org.name', 'org.short_name', 'org.level'])
    .where('org.parent_id', '=', baseId)
    .where('org.level', 'in', ['county', 'town', 'village'])
    .orderBy('org.sort_order')
    .orderBy('org.code')
    .execute();
}
