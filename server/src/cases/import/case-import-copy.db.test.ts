// The bulk path through COPY (issue 13), on both engines: the import command with bad rows in either
// mode, a re-import that adds nothing, the roll-ups equal to a count of the cases after the import
// (before and after the fold), and a case written by the bulk writer carrying the same step instants
// as the same case taken in by the normal intake.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildIndexes, dropSecondaryIndexes } from '../../demo/cases.repository.ts';
import { DEFAULT_SEED } from '../../demo/seed.ts';
import { makeActor } from '../../platform/access/actor.ts';
import type { Database } from '../../platform/db/engine.ts';
import type { Role } from '../../platform/db/schema.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import { startTestServer, type TestServer } from '../../platform/http/testing/test-server.ts';
import { demoApiKey } from '../api-key.ts';
import { writeCases } from '../case-bulk-writer.ts';
import { caseStats } from '../case-stats.service.ts';
import { foldAll } from '../case-stats-fold.job.ts';
import type { NewCivicCase } from '../domain/case-tables.ts';
import { importCommand } from './import-command.ts';

let database: Database;
let server: TestServer;
let dir: string;
let centers: { lng: number; lat: number }[];
let category: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-import-copy-'));
  centers = (
    await database.db
      .selectFrom('grid')
      .select(['center_lng as lng', 'center_lat as lat'])
      .orderBy('id')
      .limit(40)
      .execute()
  ).map((g) => ({ lng: g.lng, lat: g.lat }));
  category = (
    await database.db
      .selectFrom('case_category')
      .select('code')
      .where('parent_code', 'is not', null)
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
});

afterAll(async () => {
  await server?.close();
  await database?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** n history records as JSON lines; every 50th has an unknown category, one line is not JSON. */
function historyFile(name: string, prefix: string, n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = centers[i % centers.length] as { lng: number; lat: number };
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      JSON.stringify({
        externalId: `${prefix}-${i}`,
        categoryCode: i % 50 === 7 ? 'NOPE' : category,
        title: `历史工单\t${i}\n（含制表符与换行）\\`,
        lng: at.lng,
        lat: at.lat,
        reportedAt: `2025-04-${day}T09:00:00+08:00`,
        finishedAt: `2025-04-${day}T17:30:00+08:00`,
        state: i % 3 === 0 ? 'evaluated' : 'closed',
        evaluation: i % 3 === 0 ? 'satisfied' : null,
      }),
    );
  }
  lines.splice(5, 0, '{not json');
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const cityActor = async () => {
  const a = await database.db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select(['account.id', 'account.username', 'account.display_name', 'account.role', 'org.id as org_id'])
    .select(['org.path', 'org.county_code'])
    .where('org.parent_id', 'is', null)
    .where('account.role', '=', 'org_admin')
    .orderBy('account.id')
    .executeTakeFirstOrThrow();
  return makeActor({
    accountId: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role as Role,
    scopeOrgId: a.org_id,
    scopePath: a.path,
    scopeCountyCode: a.county_code,
    mustChangePassword: false,
    clientIp: 'test',
  });
};

const countCases = async () =>
  Number(
    (
      await database.db
        .selectFrom('civic_case')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('import of case history through COPY', () => {
  test('bad rows reported in both modes; all or nothing writes nothing; a re-import adds nothing', async () => {
    const file = historyFile('a.jsonl', 'COPY', 400);
    const before = await countCases();
    const none = await importCommand(database.db, { file, system: 'hotline_12345', mode: 'all_or_nothing' });
    expect(none.written).toBe(false);
    expect(await countCases()).toBe(before);

    const result = await importCommand(database.db, { file, system: 'hotline_12345', mode: 'keep_good' });
    // 400 records + the line that is not JSON; every 50th record (i = 7, 57, …) has no category
    expect(result.total).toBe(401);
    expect(result.rejected).toBe(9);
    expect(result.imported).toBe(392);
    expect(result.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['NOT_AN_OBJECT', 'UNKNOWN_CATEGORY']),
    );
    expect(await countCases()).toBe(before + 392);
    const one = await database.db
      .selectFrom('civic_case')
      .select(['title', 'state', 'grid_id', 'closed_at'])
      .where('external_id', '=', 'COPY-3')
      .executeTakeFirstOrThrow();
    expect(one.title).toBe('历史工单\t3\n（含制表符与换行）\\');
    expect(one.state).toBe('evaluated');
    expect(one.grid_id).not.toBeNull();
    const steps = await database.db
      .selectFrom('case_step')
      .innerJoin('civic_case', 'civic_case.id', 'case_step.case_id')
      .select((e) => e.fn.countAll().as('n'))
      .where('civic_case.external_id', 'like', 'COPY-%')
      .executeTakeFirstOrThrow();
    expect(Number(steps.n)).toBe(2 * 392);
    const audits = await database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'case.import')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(1);

    const again = await importCommand(database.db, { file, system: 'hotline_12345', mode: 'keep_good' });
    expect(again.imported).toBe(0);
    expect(again.problems.filter((p) => p.code === 'DUPLICATE_EXTERNAL_ID')).toHaveLength(392);
    expect(await countCases()).toBe(before + 392);
  });

  test('the roll-ups count the imported cases, before and after the fold', async () => {
    const actor = await cityActor();
    const file = historyFile('b.jsonl', 'ROLL', 300);
    const before = await caseStats(database.db, actor, {});
    const result = await importCommand(database.db, { file, system: 'police_110', mode: 'keep_good' });
    expect(result.imported).toBeGreaterThan(0);
    const after = await caseStats(database.db, actor, {});
    expect(after.total).toBe(before.total + result.imported);
    expect(after.total).toBe(await countCases());
    const april = { from: '2025-04-01T00:00:00+08:00', to: '2025-05-01T00:00:00+08:00' };
    const inApril = await database.db
      .selectFrom('civic_case')
      .select((e) => e.fn.countAll().as('n'))
      .where('created_at', '>=', new Date(april.from))
      .where('created_at', '<', new Date(april.to))
      .executeTakeFirstOrThrow();
    const month = await caseStats(database.db, actor, april);
    expect(month.total).toBe(Number(inApril.n));
    await foldAll(database.db);
    expect((await caseStats(database.db, actor, {})).total).toBe(after.total);
    expect((await caseStats(database.db, actor, april)).total).toBe(Number(inApril.n));
  });

  test('a case written in bulk has the step instants the intake gives the same case', async () => {
    const res = await fetch(`${server.url}/api/external/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': demoApiKey('hotline_12345', DEFAULT_SEED),
      },
      body: JSON.stringify({
        externalId: 'INSTANTS-1',
        categoryCode: category,
        title: '市民来电反映路灯不亮',
        lng: centers[0]?.lng,
        lat: centers[0]?.lat,
      }),
    });
    expect(res.status).toBeLessThan(300);
    const taken = await database.db
      .selectFrom('civic_case')
      .selectAll()
      .where('external_id', '=', 'INSTANTS-1')
      .executeTakeFirstOrThrow();
    expect(taken.step_deadline).not.toBeNull();
    const {
      id: _id,
      step_yellow_at: _y,
      supervise_at: _s,
      ...row
    } = taken as unknown as Record<string, unknown> & { id: number };
    const copy = {
      ...row,
      case_no: `${taken.case_no}B`,
      external_id: 'INSTANTS-1B',
      client_request_id: null,
    } as unknown as NewCivicCase;
    await database.db
      .transaction()
      .execute((trx) => writeCases(trx, [{ row: copy, steps: [], summons: [] }]));
    const written = await database.db
      .selectFrom('civic_case')
      .select(['step_yellow_at', 'step_deadline', 'supervise_at'])
      .where('external_id', '=', 'INSTANTS-1B')
      .executeTakeFirstOrThrow();
    expect(written.step_deadline?.getTime()).toBe(taken.step_deadline?.getTime());
    expect(written.step_yellow_at?.getTime()).toBe(taken.step_yellow_at?.getTime());
    expect(written.supervise_at?.getTime()).toBe(taken.supervise_at?.getTime());
  });
});

describe('the city seed around a bulk load', () => {
  test('drops the secondary indexes of the case tables and builds the same ones again', async () => {
    const indexes = async () =>
      (
        await sql<{ def: string }>`select indexdef as def from pg_indexes
          where tablename in ('civic_case', 'case_step', 'case_summons') order by indexname`.execute(
          database.db,
        )
      ).rows.map((r) => r.def);
    const before = await indexes();
    await database.db.transaction().execute(async (trx) => {
      const defs = await dropSecondaryIndexes(trx);
      expect(defs.length).toBeGreaterThan(5);
      const kept = await sql<{ n: number }>`select count(*)::int as n from pg_indexes
        where tablename in ('civic_case', 'case_step', 'case_summons')`.execute(trx);
      expect(kept.rows[0]?.n).toBe(before.length - defs.length);
      await buildIndexes(trx, defs);
    });
    expect(await indexes()).toEqual(before);
  });
});
