// The SQL of the 村务公开 calendar job: every village's items for the periods that have begun (one
// INSERT … SELECT per kind and period, idempotent), and the overdue items' alerts up the tree (the
// village's, the town's and the county's accounts get a notification once per item).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Period } from './domain/calendar.ts';

/** Items of a kind and period for every village (finance: those of the cadence), if not there yet. */
export async function ensurePeriodItems(
  db: Kysely<DB>,
  kind: 'general' | 'finance',
  p: Period,
  title: string,
  households: { atLeast?: number; below?: number } = {},
): Promise<number> {
  const res = await sql`
    insert into publication_item (org_id, county_code, kind, period, title, due_on)
    select v.id, v.county_code, ${kind}, ${p.period}, ${title}, ${p.dueOn}::date
    from org v
    left join village_register r on r.org_id = v.id and r.grid_id is null
    where v.level = 'village' and v.category = 'territorial' and v.county_code is not null
      and (${households.atLeast ?? null}::int is null or coalesce(r.households, 0) >= ${households.atLeast ?? null}::int)
      and (${households.below ?? null}::int is null or coalesce(r.households, 0) < ${households.below ?? null}::int)
    on conflict (org_id, kind, period) do nothing`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

/** Notifies up the tree of overdue items not alerted yet (a batch); answers how many items. */
export async function alertOverdue(db: Kysely<DB>, today: string, batch: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await sql<{ id: number }>`
      select i.id from publication_item i
      where i.published_on is null and i.due_on < ${today}::date and i.alerted_at is null
      order by i.id limit ${batch} for update skip locked`.execute(trx);
    const ids = due.rows.map((r) => Number(r.id));
    if (ids.length === 0) return 0;
    await sql`
      insert into notification (account_id, kind, title, body)
      select a.id, 'village_publication_overdue', '村务公开逾期：' || v.short_name,
        i.title || '，应于 ' || to_char(i.due_on, 'YYYY-MM-DD') || ' 前公开，至今未公开。'
      from publication_item i
      join org v on v.id = i.org_id
      join account a on a.scope_org_id = any ((string_to_array(trim(both '/' from v.path), '/'))[2:4]::bigint[])
        and a.role in ('secretary', 'org_admin') and not a.disabled
      where i.id = any (${ids}::bigint[])`.execute(trx);
    await sql`update publication_item set alerted_at = now() where id = any (${ids}::bigint[])`.execute(trx);
    return ids.length;
  });
}
