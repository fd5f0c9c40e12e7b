// Rewrites BENCHMARKS.md from bench/results/*.json.
import fs from 'node:fs';
import path from 'node:path';

interface Result {
  suite: string;
  title: string;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; os: string; commit: string };
  seconds: number;
  figures: Record<string, unknown>;
}

const fmt = (v: unknown): string =>
  typeof v === 'object' && v !== null ? `\`${JSON.stringify(v)}\`` : String(v);

function rows(prefix: string, obj: Record<string, unknown>, out: string[]) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && !('p95' in v))
      rows(key, v as Record<string, unknown>, out);
    else if (v && typeof v === 'object' && 'p95' in v) {
      const l = v as Record<string, number>;
      out.push(
        `| ${key} | p50 ${l.p50} ms · **p95 ${l.p95} ms** · p99 ${l.p99} ms · ${l.rps} req/s · ${l.requests} requests · ${l.errors} errors |`,
      );
    } else out.push(`| ${key} | ${fmt(v)} |`);
  }
}

export function writeBenchmarksMd(resultsDir: string, file: string): void {
  const results = fs
    .readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8')) as Result)
    .sort((a, b) => a.suite.localeCompare(b.suite));
  const head = fs.existsSync(file) ? (fs.readFileSync(file, 'utf8').split('<!-- results -->')[0] ?? '') : '';
  const parts = [head.trimEnd() || '# Benchmarks', '', '<!-- results -->', ''];
  for (const r of results) {
    parts.push(`## ${r.suite}: ${r.title}`, '');
    parts.push(
      `Measured ${r.date.slice(0, 10)} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.os}, commit ${r.machine.commit}; the run took ${r.seconds} s. Raw: \`bench/results/${r.suite}.json\`.`,
      '',
    );
    const out: string[] = ['| figure | value |', '|---|---|'];
    rows('', r.figures, out);
    parts.push(...out, '');
  }
  fs.writeFileSync(file, `${parts.join('\n')}\n`);
}
