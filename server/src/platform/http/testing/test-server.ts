// A real HTTP server on a free loopback port over a test database, and a small cookie-keeping client.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../config/config.ts';
import type { Database } from '../../db/engine.ts';

export const TEST_PASSWORD = process.env.TEST_PASSWORD ?? 'Qiangji@2026';

export interface TestServer {
  url: string;
  close(): Promise<void>;
  client(): TestClient;
  /** A client signed in as the given demo account. */
  as(username: string, password?: string): Promise<TestClient>;
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class TestClient {
  readonly #base: string;
  #cookie = '';
  csrfToken = '';
  constructor(base: string) {
    this.#base = base;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options: {
      csrf?: boolean;
      rawBody?: string;
      file?: { type: string; data: Uint8Array };
      headers?: Record<string, string>;
    } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.#cookie) headers.cookie = this.#cookie;
    if (options.file) headers['content-type'] = options.file.type;
    else if (body !== undefined || options.rawBody !== undefined)
      headers['content-type'] = 'application/json';
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.#base + path, {
      method,
      headers,
      body: options.file
        ? new Blob([options.file.data as Uint8Array<ArrayBuffer>])
        : (options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body))),
    });
    const setCookies = res.headers.getSetCookie();
    if (setCookies.length) {
      const jar = new Map(
        this.#cookie ? this.#cookie.split('; ').map((c) => c.split('=') as [string, string]) : [],
      );
      for (const c of setCookies) {
        const [pair] = c.split(';');
        const [name, value] = (pair ?? '').split('=') as [string, string];
        if (value) jar.set(name, value);
        else jar.delete(name);
      }
      this.#cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  async login(username: string, password = TEST_PASSWORD): Promise<TestResponse> {
    const res = await this.request<{ csrfToken?: string }>('POST', '/api/auth/login', { username, password });
    if (res.body.csrfToken) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

/** Limits no test reaches (tests of the limits pass their own: rate-limit.db.test.ts). */
export const UNTHROTTLED = {
  RATE_LIMIT_LOGIN: '100000',
  RATE_LIMIT_PUBLIC_REPORT: '100000',
  RATE_LIMIT_TRACKING: '100000',
  RATE_LIMIT_OPEN311_WRITE: '100000',
};

export async function startTestServer(
  database: Database,
  env: Record<string, string> = UNTHROTTLED,
): Promise<TestServer> {
  const config = { ...loadConfig(env), port: 0, demoPassword: TEST_PASSWORD };
  const app = await buildApp({ database, db: database.db, config, version: 'test' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => app.close(),
    client: () => new TestClient(url),
    async as(username, password) {
      const c = new TestClient(url);
      const res = await c.login(username, password);
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return c;
    },
  };
}
