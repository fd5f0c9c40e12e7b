// "My branch" over real HTTP on both engines: a village secretary's branch screen in one call.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';

let database: Database;
let server: TestServer;
let secretary: TestClient;
let village: { id: number; code: string };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  village = await database.db
    .selectFrom('org')
    .select(['id', 'code'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  secretary = await server.as(village.code);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('my branch', () => {
  test("the secretary's branch screen in one call", async () => {
    const res = await secretary.get<{
      org: { id: number };
      members: { total: number; full: number };
      pipeline: Record<string, number>;
      checklist: { items: unknown[] };
      meetings: { last: unknown[] };
      dues: null;
      warnings: { counts: Record<string, number> };
    }>('/api/my-branch');
    expect(res.status).toBe(200);
    expect(res.body.org.id).toBe(village.id);
    expect(res.body.members.total).toBeGreaterThan(0);
    expect(Object.keys(res.body.pipeline)).toContain('activist');
    expect(res.body.warnings.counts).toHaveProperty('term_due');
  });
});
