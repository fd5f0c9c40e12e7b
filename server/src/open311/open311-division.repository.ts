// The SQL of locating an Open311 address without coordinates: the names of the villages and towns (from the
// division list) that an address may hold. Place names are public; no scope applies.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** Every village and town org with its division's name. */
export function villageAndTownNames(db: Kysely<DB>) {
  return db
    .selectFrom('org')
    .innerJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.level', 'division.name'])
    .where('org.level', 'in', ['village', 'town'])
    .execute();
}
