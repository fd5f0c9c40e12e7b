// "A failed request changes nothing", checked on the whole database: a row trigger on every table
// (partitioned tables once, at their root) notes each committed insert, update and delete in a log
// table. A rolled-back transaction leaves no note. Sessions are left out: every signed-in request
// touches its session's last activity.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema.ts';

const LEFT_OUT = ['session', 'qj_write_probe'];

export async function installWriteProbe(db: Kysely<DB>): Promise<void> {
  await sql`create table if not exists qj_write_probe (id bigint generated always as identity, tbl text not null, op text not null)`.execute(
    db,
  );
  await sql`
    create or replace function qj_note_write() returns trigger language plpgsql as $$
    begin
      insert into qj_write_probe (tbl, op) values (tg_table_name, tg_op);
      return null;
    end $$`.execute(db);
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition`.execute(db);
  for (const { name } of tables.rows) {
    if (LEFT_OUT.includes(name)) continue;
    await sql`create trigger qj_write_probe after insert or update or delete on ${sql.table(name)}
      for each row execute function qj_note_write()`.execute(db);
  }
}

/** How many rows were written (committed) so far, and the tables of the last `n`. */
export async function writesSoFar(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: string | number }>`select count(*) as n from qj_write_probe`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function lastWrites(db: Kysely<DB>, n: number): Promise<string[]> {
  const r = await sql<{ tbl: string; op: string }>`
    select tbl, op from qj_write_probe order by id desc limit ${n}`.execute(db);
  return r.rows.map((w) => `${w.op} ${w.tbl}`);
}
