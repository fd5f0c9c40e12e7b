import { seedDemo } from '../src/demo/seed.ts';
import { setDataKey } from '../src/platform/crypto/crypto.ts';
import { openDatabase } from '../src/platform/db/engine.ts';
import { migrate } from '../src/platform/db/migrate.ts';

setDataKey('0123456789abcdef0123456789abcdef');
const database = await openDatabase({ dataDir: process.argv[2] as string });
await migrate(database);
const t = performance.now();
const s = await seedDemo(database, { scale: 'demo', password: 'Qiangji@2026', cases: 12000, orgLife: false });
console.log('base seed', Math.round(performance.now() - t), 'ms', s.classifier);
await database.close();
