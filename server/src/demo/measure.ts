// Seeds a throwaway PGlite database and prints timings and sizes:
//   node_modules/.bin/node server/src/demo/measure.ts [test|demo|city]
import { sql } from 'kysely';
import { recomputeOrgTotals } from '../organizations/org-totals.ts';
import { setDataKey } from '../platform/crypto/crypto.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { migrate } from '../platform/db/migrate.ts';
import type { Scale } from './plan.ts';
import { seedDemo } from './seed.ts';

const scale = (process.argv[2] ?? 'demo') as Scale;
setDataKey('00112233445566778899aabbccddeeff');
const database = await openDatabase({
  dataDir: process.env.DATABASE_URL ? undefined : 'memory://',
  databaseUrl: process.env.DATABASE_URL,
});
await migrate(database);
const started = performance.now();
const stepStart = new Map<string, number>();
const summary = await seedDemo(database, {
  scale,
  password: 'Qiangji@2026',
  onProgress: (step) => {
    if (!stepStart.has(step)) stepStart.set(step, Math.round(performance.now() - started));
  },
});
console.log(`seedDemo(${scale}) on ${database.engine}:`, summary);
console.log('step started at (ms):', Object.fromEntries(stepStart));
const size = await database.db
  .selectFrom('grid')
  .select((eb) => eb.fn.sum<number>(sql`length(boundary::text)`).as('n'))
  .executeTakeFirst();
const rings = await database.db.selectFrom('grid').select('boundary').execute();
const compact = JSON.stringify(rings.map((r) => r.boundary)).length;
console.log(
  `grid boundary JSON: ${compact} bytes compact (JSON.stringify of all), ${size?.n} bytes as jsonb text`,
);
const t = performance.now();
await recomputeOrgTotals(database.db);
console.log(`recomputeOrgTotals (no changes): ${Math.round(performance.now() - t)} ms`);
await database.close();
