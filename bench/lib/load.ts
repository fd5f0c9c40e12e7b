// A bounded load loop on loopback: N concurrent clients, each with its own session, for a fixed time.
export interface Session {
  cookie: string;
}

export async function login(url: string, username: string, password = 'Qiangji@2026'): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie };
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? 0;
}

export async function runLoad(options: {
  url: string;
  sessions: Session[];
  paths: string[];
  concurrency: number;
  seconds: number;
  warmupRequests?: number;
}): Promise<LoadResult> {
  const { url, sessions, paths, concurrency, seconds } = options;
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const get = async (i: number) => {
    const session = sessions[i % sessions.length] as Session;
    const path = paths[n++ % paths.length] as string;
    const t0 = performance.now();
    const res = await fetch(url + path, { headers: { cookie: session.cookie } });
    await res.arrayBuffer();
    if (!res.ok) errors++;
    return performance.now() - t0;
  };
  for (let i = 0; i < (options.warmupRequests ?? 50); i++) await get(i);
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) latencies.push(await get(worker));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    seconds: round(elapsed),
    rps: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? 0),
  };
}

/** Like runLoad, for any request: `make(n)` gives the n-th request (e.g. a POST with a fresh id). */
export async function runRequests(options: {
  url: string;
  concurrency: number;
  seconds: number;
  make: (n: number) => { path: string; init: RequestInit };
  warmupRequests?: number;
}): Promise<LoadResult> {
  const { url, concurrency, seconds, make } = options;
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  let firstError = '';
  const one = async () => {
    const { path, init } = make(n++);
    const t0 = performance.now();
    const res = await fetch(url + path, init);
    const body = await res.text();
    if (!res.ok) {
      errors++;
      firstError ||= `${res.status} ${body.slice(0, 300)}`;
    }
    return performance.now() - t0;
  };
  for (let i = 0; i < (options.warmupRequests ?? 50); i++) await one();
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) latencies.push(await one());
    }),
  );
  if (firstError) console.warn(`  first error: ${firstError}`);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    seconds: round(elapsed),
    rps: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? 0),
  };
}
