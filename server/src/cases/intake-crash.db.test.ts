// Crash safety of intake (issue 4 item 12): a real server process is killed with SIGKILL in the middle
// of a stream of 12345 intake requests. After a restart every acknowledged case is there exactly once
// with its first step and audit row, nothing is half-written, the audit chain still verifies, and
// resending the unacknowledged requests creates each missing case once.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SEED } from '../demo/seed.ts';
import { openDatabase, openPgliteDatabase } from '../platform/db/engine.ts';
import {
  createProcessDatabase,
  type ProcessDatabase,
  startServerProcess,
} from '../platform/db/testing/server-process.ts';
import { TEST_DATA_KEY } from '../platform/db/testing/test-env.ts';
import { demoApiKey } from './api-key.ts';

let pdb: ProcessDatabase;
const key = demoApiKey('hotline_12345', DEFAULT_SEED);
const PREFIX = `CRASH-${Date.now().toString(36)}-`;

beforeAll(async () => {
  pdb = await createProcessDatabase();
}, 300_000);

afterAll(async () => {
  await pdb?.dispose();
});

function body(n: number, point: { lng: number; lat: number }) {
  return JSON.stringify({
    externalId: `${PREFIX}${n}`,
    title: `来电反映第 ${n} 号问题`,
    description: '路灯不亮',
    lng: point.lng + (n % 10) * 0.0001,
    lat: point.lat,
    reporterName: '陈女士',
    reporterPhone: '13800138000',
  });
}

async function openDirect() {
  if (pdb.engine === 'pglite') {
    return (await openPgliteDatabase({ dataDir: path.join(pdb.env.DATA_DIR as string, 'pglite') })).database;
  }
  return openDatabase({ databaseUrl: pdb.env.DATABASE_URL as string, poolSize: 2 });
}

describe('SIGKILL during a stream of intake requests', () => {
  test('every acknowledged case survives once; nothing is half-written; resending completes the rest', async () => {
    // a point inside a grid, read before any server holds the database
    let direct = await openDirect();
    const g = await direct.db
      .selectFrom('grid')
      .select(['center_lng', 'center_lat'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await direct.close();
    const point = { lng: g.center_lng, lat: g.center_lat };

    const server = await startServerProcess(pdb);
    const acked = new Set<number>();
    const sent = new Set<number>();
    let next = 0;
    let killed = false;
    const send = async (url: string, n: number) =>
      fetch(`${url}/api/external/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: body(n, point),
      });
    // 8 clients stream requests; the server is killed once 40 are acknowledged, with requests in flight
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!killed) {
          const n = next++;
          sent.add(n);
          try {
            const res = await send(server.url, n);
            if (res.status === 201) acked.add(n);
            else if (!killed) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          } catch (e) {
            if (!killed) throw e;
          }
          if (acked.size >= 40 && !killed) {
            killed = true;
            await server.kill();
          }
        }
      }),
    );
    expect(acked.size).toBeGreaterThanOrEqual(40);
    expect(sent.size).toBeGreaterThan(acked.size);

    // restart on the same data: recovery, then the facts straight from the database
    const again = await startServerProcess(pdb);
    await again.stop();
    direct = await openDirect();
    try {
      const rows = await direct.db
        .selectFrom('civic_case')
        .leftJoin('case_step', (j) =>
          j.onRef('case_step.case_id', '=', 'civic_case.id').on('action', '=', 'report'),
        )
        .select(['civic_case.id', 'civic_case.external_id', 'case_step.id as step_id'])
        .where('civic_case.external_id', 'like', `${PREFIX}%`)
        .execute();
      const stored = rows.map((r) => Number((r.external_id as string).slice(PREFIX.length)));
      // each acknowledged case is there, and no case is there twice
      for (const n of acked) expect(stored).toContain(n);
      expect(new Set(stored).size).toBe(stored.length);
      // nothing half-written: every stored case has its first step and its audit row
      for (const r of rows) expect(r.step_id).not.toBeNull();
      const audited = await direct.db
        .selectFrom('audit_log')
        .select('target_id')
        .where('action', '=', 'case.report')
        .where(
          'target_id',
          'in',
          rows.map((r) => String(r.id)),
        )
        .execute();
      expect(audited).toHaveLength(rows.length);
    } finally {
      await direct.close();
    }

    // the audit chain survived the crash
    const verify = spawnSync(process.execPath, ['server/src/main.ts', 'audit-verify'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, ...pdb.env, QJ_DATA_KEY: TEST_DATA_KEY },
    });
    expect(verify.status, verify.stderr.toString()).toBe(0);
    expect(JSON.parse(verify.stdout.toString().trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      ok: true,
    });

    // resending everything sent: acknowledged ones answer 200 (the same case), the rest are created once
    const third = await startServerProcess(pdb);
    try {
      for (const n of [...sent].sort((a, b) => a - b)) {
        const res = await send(third.url, n);
        expect([200, 201]).toContain(res.status);
        if (acked.has(n)) expect(res.status).toBe(200);
      }
    } finally {
      await third.stop();
    }
    direct = await openDirect();
    try {
      const total = await direct.db
        .selectFrom('civic_case')
        .select((e) => e.fn.countAll().as('n'))
        .where('external_id', 'like', `${PREFIX}%`)
        .executeTakeFirstOrThrow();
      expect(Number(total.n)).toBe(sent.size);
    } finally {
      await direct.close();
    }
  }, 600_000);
});
