// Counts of the lists (issue 13) that never scan per request: the matches read at most `cap` + 1 far,
// and past the cap the planner's estimate (shown as "约 N"). The member, org and recruitment lists
// count this way; the case list keeps its own form over its roll-up (cases/case-list.repository.ts).
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from './schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: any filtered query of any tables
type Filtered = SelectQueryBuilder<DB, any, object>;

/** The matches of `filtered`, read at most `cap` + 1 far. */
export async function cappedCount(db: Kysely<DB>, filtered: Filtered, cap: number): Promise<number> {
  const row = await db
    .selectFrom(
      filtered
        .select(sql`1`.as('one'))
        .limit(cap + 1)
        .as('capped'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The planner's estimate of the matches of `filtered` (an EXPLAIN, no row read). */
export async function estimatedCount(db: Kysely<DB>, filtered: Filtered): Promise<number> {
  const result = await sql<Record<string, unknown>>`explain (format json) ${filtered.select(
    sql`1`.as('one'),
  )}`.execute(db);
  const cell = Object.values(result.rows[0] ?? {})[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan?: { 'Plan Rows'?: number } }[];
  return Math.round(plan[0]?.Plan?.['Plan Rows'] ?? 0);
}

/** What a list answers of its count: exact up to `cap`, then the estimate (never below cap + 1). */
export async function boundedCount(
  db: Kysely<DB>,
  filtered: () => Filtered,
  cap: number,
): Promise<{ total: number; count: number; countExact: boolean }> {
  const n = await cappedCount(db, filtered(), cap);
  if (n <= cap) return { total: n, count: n, countExact: true };
  const estimate = Math.max(cap + 1, await estimatedCount(db, filtered()));
  return { total: estimate, count: estimate, countExact: false };
}
