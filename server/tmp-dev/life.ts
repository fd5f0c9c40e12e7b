import { seedOrgLife } from '../src/demo/org-life/org-life.ts';
import { setDataKey } from '../src/platform/crypto/crypto.ts';
import { openDatabase } from '../src/platform/db/engine.ts';

setDataKey('0123456789abcdef0123456789abcdef');
const database = await openDatabase({ dataDir: process.argv[2] as string });
const t = performance.now();
const s = await database.db
  .transaction()
  .execute((tx) => seedOrgLife(tx, { seed: 4407, today: '2026-12-06' }));
console.log('org life', Math.round(performance.now() - t), 'ms', s);
if (process.argv[3] !== 'keep') throw new Error('rollback');
await database.close();
