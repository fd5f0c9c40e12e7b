// The fixture of the transfer, mobile member and 双报到 tests over real HTTP: a test database and
// server, three villages of which A and B (and C) lie in different towns, a branch of B that a letter
// may be addressed to, A's members, and each village's secretary signed in.
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import {
  startTestServer,
  type TestClient,
  type TestServer,
} from '../../platform/http/testing/test-server.ts';

export type Village = { id: number; code: string; path: string };
export type Err = { code: string; message_zh: string; message_en: string };
export type Page<T> = { items: T[]; total: number };

export interface TwoTowns {
  database: Database;
  server: TestServer;
  secA: TestClient;
  secB: TestClient;
  secC: TestClient;
  villageB: Village;
  villageC: Village;
  branchB: { id: number; path: string };
  members: { id: number; occupation: string; org_id: number; path: string }[];
}

export async function twoTowns(): Promise<TwoTowns> {
  const database = await createTestDatabase();
  const server = await startTestServer(database);
  const { db } = database;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 10)
    .orderBy('code')
    .execute();
  // members sit in the grid party branches (or groups) of a village; letters go to a branch
  const a = villages[0] as Village;
  const b = villages.find((v) => v.code.slice(0, 9) !== a.code.slice(0, 9));
  const c = villages.find((v) => v.code.slice(0, 9) !== a.code.slice(0, 9) && v.id !== b?.id);
  if (!b || !c) throw new Error('the test seed needs villages in two towns');
  const branchB = await db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('path', 'like', `${b.path}%`)
    .where('kind', '=', 'branch')
    .orderBy('path')
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.occupation', 'member.org_id', 'org.path'])
    .where('org.path', 'like', `${a.path}%`)
    .orderBy('member.id')
    .execute();
  if (members.length < 6) throw new Error('the test village needs 6 members');
  return {
    database,
    server,
    secA: await server.as(a.code),
    secB: await server.as(b.code),
    secC: await server.as(c.code),
    villageB: b,
    villageC: c,
    branchB,
    members,
  };
}

/** The ids of an org and its ancestors, from its path. */
export const chain = (path: string) => path.split('/').filter(Boolean).map(Number);
