// The SQL of the import of case history (case-import.service.ts).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** `n` new case numbers' sequence values, in order. */
export async function nextCaseSequence(db: Kysely<DB>, n: number): Promise<number[]> {
  const seq = await sql<{ n: string }>`select nextval('civic_case_no_seq') as n
    from generate_series(1, ${n}::int)`.execute(db);
  return seq.rows.map((r) => Number(r.n));
}

/** The external ids among `ids` that the system's cases already carry (imported before). */
export async function importedBefore(
  db: Kysely<DB>,
  systemCode: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const before = new Set<string>();
  for (let i = 0; i < ids.length; i += 50_000) {
    const found = await sql<{ external_id: string }>`select external_id from civic_case
      where external_system = ${systemCode} and external_id = any(${ids.slice(i, i + 50_000) as string[]}::text[])`.execute(
      db,
    );
    for (const f of found.rows) before.add(f.external_id);
  }
  return before;
}

/** Whether the external system exists. */
export async function externalSystemExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('external_system')
    .select(['code'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}
