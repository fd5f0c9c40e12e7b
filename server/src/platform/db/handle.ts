// The types that name a database handle outside the SQL layers. Services and routes pass a handle (or the
// transaction of ctx.write) on to repositories; they never build SQL with it. Only repositories,
// platform/db, platform/access, *-tables.ts, demo/ seed writers and tests import `kysely` (biome.json,
// rule "SQL only in repositories").
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';

/** The database handle of the server (Database['db']). */
export type Db = Kysely<DB>;
/** The transaction of one write (ctx.write). */
export type Trx = Transaction<DB>;
