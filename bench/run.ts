// npm run bench [-- suite ...]: runs the workloads, writes bench/results/<suite>.json, then
// rewrites BENCHMARKS.md from every results file. Loopback only; every loop is bounded in time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBenchmarksMd } from './lib/report.ts';
import { ROOT } from './lib/server.ts';
import { suites } from './suites.ts';

const RESULTS = path.join(ROOT, 'bench/results');
fs.mkdirSync(RESULTS, { recursive: true });

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(suites);
for (const name of names) {
  const suite = suites[name];
  if (!suite) throw new Error(`unknown suite ${name}; suites: ${Object.keys(suites).join(', ')}`);
  console.log(`\n== ${name}: ${suite.title}`);
  const started = Date.now();
  const figures = await suite.run();
  const result = {
    suite: name,
    title: suite.title,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      commit: (() => {
        try {
          return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
        } catch {
          return 'unknown';
        }
      })(),
    },
    seconds: Math.round((Date.now() - started) / 100) / 10,
    figures,
  };
  fs.writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
}
writeBenchmarksMd(RESULTS, path.join(ROOT, 'BENCHMARKS.md'));
console.log('\nBENCHMARKS.md updated');
