import { sql } from 'kysely';
import { prepareContext } from '../src/demo/org-life/context.ts';
import { openDatabase } from '../src/platform/db/engine.ts';

const database = await openDatabase({ dataDir: process.argv[2] as string });
let s = performance.now();
await sql`select count(*) from member`.execute(database.db);
console.log('warm', Math.round(performance.now() - s));
s = performance.now();
await database.db.transaction().execute(async (tx) => {
  const c = await prepareContext(tx, { seed: 4407, today: '2026-12-06' });
  console.log(c);
});
console.log('ctx', Math.round(performance.now() - s));
await database.close();
