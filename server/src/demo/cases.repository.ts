// The SQL of the case seed (cases.ts): the secondary indexes of the case tables, dropped before a
// large load into empty tables and built once after it (issue 13: building an index over 5 M rows
// at the end costs a fraction of keeping ~25 indexes up to date row by row).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

const TABLES = ['civic_case', 'case_step', 'case_summons'];

/** Whether the case tables hold no case yet. */
export async function noCasesYet(db: Kysely<DB>): Promise<boolean> {
  const row = await sql<{ any: boolean }>`select exists (select 1 from civic_case) as any`.execute(db);
  return !row.rows[0]?.any;
}

/**
 * Drops the indexes of the case tables that back no constraint (primary keys and unique keys stay:
 * the writer reads new ids by case number) and answers the statements that build them again.
 */
export async function dropSecondaryIndexes(db: Kysely<DB>): Promise<string[]> {
  const found = await sql<{
    name: string;
    def: string;
  }>`select ci.relname as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_class ci on ci.oid = i.indexrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname = any(${TABLES}::text[])
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by t.relname, ci.relname`.execute(db);
  for (const r of found.rows) await sql`drop index ${sql.id(r.name)}`.execute(db);
  return found.rows.map((r) => r.def);
}

/** Builds the indexes again (the statements dropSecondaryIndexes answered), then analyzes the tables. */
export async function buildIndexes(db: Kysely<DB>, definitions: readonly string[]): Promise<void> {
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  for (const def of definitions) await sql.raw(def).execute(db);
  for (const t of TABLES) await sql`analyze ${sql.id(t)}`.execute(db);
}
