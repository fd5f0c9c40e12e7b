// The database's clock. Rows take their times from it (`default now()`), so a job that compares them
// with "now" reads the same clock: a row written a moment ago is due at once, whatever the server's
// own clock says (another instance's clock may run behind, or the write fell in the same millisecond).
import { type Kysely, sql } from 'kysely';

/**
 * The database's current time, rounded up to the next millisecond: timestamps keep microseconds and a
 * JS Date does not, so a truncated "now" would still be before a row written in the same millisecond.
 */
export async function databaseNow<T>(db: Kysely<T>): Promise<Date> {
  const r = await sql<{ ms: number | string }>`
    select ceil(extract(epoch from clock_timestamp()) * 1000) as ms`.execute(db);
  return new Date(Number(r.rows[0]?.ms ?? Date.now()));
}
