import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/engine.ts';

const database = await openDatabase({ dataDir: process.argv[2] as string });
for (const q of process.argv.slice(3)) {
  const r = await sql.raw(q).execute(database.db);
  console.log(q.slice(0, 80));
  console.table(r.rows.slice(0, 30));
}
await database.close();
