// Issue 10 item 6, with two real server processes on one PostgreSQL database:
//  - a logout, a disabled account and a lockout take effect on the other instance within 1 s;
//  - failed sign-ins on both instances add up to one lockout;
//  - a server without QJ_DATA_KEY, or with another key than the data's, refuses to start and names it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createProcessDatabase,
  type ProcessDatabase,
  type ServerProcess,
  startServerProcess,
} from '../platform/db/testing/server-process.ts';
import { TEST_PASSWORD } from '../platform/db/testing/test-env.ts';

let pdb: ProcessDatabase;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  pdb = await createProcessDatabase();
  [a, b] = await Promise.all([startServerProcess(pdb), startServerProcess(pdb)]);
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await pdb?.dispose();
});

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(server: ServerProcess, username: string, password = TEST_PASSWORD) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string; code?: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: res.status, code: body.code, session: { cookie, csrf: body.csrfToken ?? '' } };
}

const me = async (server: ServerProcess, s: Session) =>
  (await fetch(`${server.url}/api/me`, { headers: { cookie: s.cookie } })).status;

const post = (server: ServerProcess, s: Session, path: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: '{}',
  });

/** Polls `server` until the session is refused; answers the milliseconds since `since`. */
async function refusedAfter(server: ServerProcess, s: Session, since: number): Promise<number> {
  for (;;) {
    if ((await me(server, s)) === 401) return Date.now() - since;
    if (Date.now() - since > 10_000)
      throw new Error('the other instance still accepts the session after 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sessions across two server processes', () => {
  test('a logout on A is honoured by B within 1 s', async () => {
    const { session } = await signIn(a, '440704');
    // B has just read (and cached) the session
    expect(await me(b, session)).toBe(200);
    expect(await me(b, session)).toBe(200);
    const at = Date.now();
    expect((await post(a, session, '/api/auth/logout')).status).toBe(200);
    const ms = await refusedAfter(b, session, at);
    console.log(`[sessions] logout on A refused on B after ${ms} ms`);
    expect(ms).toBeLessThan(1000);
  });

  test('an account disabled on A is refused by B within 1 s', async () => {
    const { session: user } = await signIn(b, '440704001015');
    expect(await me(b, user)).toBe(200);
    const { session: sys } = await signIn(a, 'sysadmin');
    const list = (await (
      await fetch(`${a.url}/api/accounts?q=440704001015&pageSize=5`, { headers: { cookie: sys.cookie } })
    ).json()) as { items: { id: number; username: string }[] };
    const id = list.items.find((i) => i.username === '440704001015')?.id;
    expect(id).toBeDefined();
    const at = Date.now();
    expect((await post(a, sys, `/api/accounts/${id}/disable`)).status).toBe(200);
    const ms = await refusedAfter(b, user, at);
    console.log(`[sessions] account disabled on A refused on B after ${ms} ms`);
    expect(ms).toBeLessThan(1000);
    expect((await post(a, sys, `/api/accounts/${id}/enable`)).status).toBe(200);
  });

  test('failed sign-ins on both instances add up to one lockout, refused on both at once', async () => {
    const user = '440703';
    const answers: number[] = [];
    for (let i = 0; i < 5; i++)
      answers.push((await signIn(i % 2 === 0 ? a : b, user, 'wrong-password')).status);
    expect(answers).toEqual([401, 401, 401, 401, 423]);
    const at = Date.now();
    const onA = await signIn(a, user);
    const onB = await signIn(b, user);
    expect([onA.code, onB.code]).toEqual(['AUTH_LOCKED', 'AUTH_LOCKED']);
    expect(Date.now() - at).toBeLessThan(5_000);
  });
});

describe('the data key is configuration on PostgreSQL', () => {
  test('a server without QJ_DATA_KEY refuses to start and names it', async () => {
    const error = await startServerProcess(pdb, { QJ_DATA_KEY: '' }, 60_000).then(
      async (s) => {
        await s.stop();
        return null;
      },
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/QJ_DATA_KEY must be set when DATABASE_URL is used/);
  });

  test('a server with another key than the data was written with refuses to start and names it', async () => {
    const error = await startServerProcess(
      pdb,
      { QJ_DATA_KEY: 'ffeeddccbbaa99887766554433221100' },
      60_000,
    ).then(
      async (s) => {
        await s.stop();
        return null;
      },
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/QJ_DATA_KEY does not decrypt the personal data already in DATABASE_URL/);
  });
});
