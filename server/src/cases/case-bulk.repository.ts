// The SQL of the bulk writer (case-bulk-writer.ts) and the import of case history.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** The ids of cases just written, by their numbers. */
export async function caseIdsByNumber(
  db: Kysely<DB>,
  numbers: readonly string[],
): Promise<Map<string, number>> {
  const rows = await sql<{ id: number; case_no: string }>`select id, case_no from civic_case
    where case_no = any(${numbers as string[]}::text[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.case_no, Number(r.id)]));
}
