// SQL of the subtree totals on org (organizations/org-totals.ts rolls them up): the orgs with their stored
// totals, the direct counts of members and grids per org, and the batched write of changed totals.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export function orgsWithTotals(db: Kysely<DB>) {
  return db
    .selectFrom('org')
    .select(['id', 'path', 'member_count', 'grid_count', 'household_count'])
    .execute();
}

/** Members per org (the org itself, not its subtree). */
export function membersPerOrg(db: Kysely<DB>) {
  return db
    .selectFrom('member')
    .select(['org_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('org_id')
    .execute();
}

/** Grids and their households per org (the org itself, not its subtree). */
export function gridsPerOrg(db: Kysely<DB>) {
  return db
    .selectFrom('grid')
    .select([
      'org_id',
      (eb) => eb.fn.countAll<string | number>().as('n'),
      (eb) => eb.fn.sum<string | number>('household_count').as('h'),
    ])
    .groupBy('org_id')
    .execute();
}

/** One statement for a batch of [id, members, grids, households]. */
export async function writeOrgTotals(
  db: Kysely<DB>,
  rows: [number, number, number, number][],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(([id, m, g, h]) => sql`(${id}::bigint, ${m}::int, ${g}::int, ${h}::int)`);
  await sql`update org set member_count = v.m, grid_count = v.g, household_count = v.h
      from (values ${sql.join(values)}) as v(id, m, g, h) where org.id = v.id`.execute(db);
}
