// `npm start`: builds the web app when its build is missing or older than its sources, then serves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const stale = !fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newestMtime(path.join(root, 'web/src'));
if (stale) {
  console.log('构建网页 / building the web app …');
  const built = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// Cache compiled JavaScript between starts: restart-to-ready is measured (BENCHMARKS.md).
module.enableCompileCache?.(path.join(os.tmpdir(), 'qiangji-compile-cache'));
const { main } = await import('../server/src/main.ts');
await main();
