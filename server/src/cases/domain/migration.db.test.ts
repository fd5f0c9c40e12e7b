// 0002_cases.sql on a fresh database: every table takes and gives back a row, the constraints hold, and
// the reference data equals the catalog and calendar of cases/domain.
// PGlite: a fresh in-memory database migrated here. PostgreSQL: a copy of the migrated template.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Database, openDatabase } from '../../platform/db/engine.ts';
import { migrate, readMigrations } from '../../platform/db/migrate.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import { currentEngine } from '../../platform/db/testing/test-env.ts';
import { WorkCalendar } from './calendar.ts';
import { CALENDAR_DEFAULTS } from './calendar-defaults.ts';
import { caseNumber } from './case-no.ts';
import type { CasesDB } from './case-tables.ts';
import { categoryRows, DEPARTMENT_KINDS } from './catalog.ts';

const engine = currentEngine();
let database: Database;
let db: Kysely<DB & CasesDB>;

beforeAll(async () => {
  if (engine === 'pglite') {
    database = await openDatabase({ dataDir: 'memory://' });
    const applied = await migrate(database);
    expect(applied).toEqual(readMigrations().map((m) => m.version));
  } else {
    database = await createTestDatabase({ seeded: false });
  }
  // Until the lead merges CasesDB into DB.
  db = database.db as unknown as Kysely<DB & CasesDB>;
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe(`0002_cases on ${engine}`, () => {
  test('reference data equals the domain catalog and calendar', async () => {
    const kinds = await db
      .selectFrom('department_kind')
      .select(['code', 'name_zh', 'short_zh', 'name_en'])
      .orderBy('sort_order')
      .execute();
    expect(kinds).toEqual(DEPARTMENT_KINDS);
    const categories = await db
      .selectFrom('case_category')
      .select([
        'code',
        'parent_code',
        'kind',
        'name_zh',
        'name_en',
        'default_department_kind',
        'urgent',
        'limits',
        'sort_order',
      ])
      .orderBy('sort_order')
      .execute();
    expect(categories).toEqual(categoryRows());
    const days = await db
      .selectFrom('work_calendar_day')
      .select(['date', 'kind', 'name'])
      .orderBy('date')
      .execute();
    expect(days).toEqual(CALENDAR_DEFAULTS);
    const calendar = new WorkCalendar(days);
    expect(calendar.formatLocal(calendar.addWorkingHours(calendar.at('2025-09-30 16:00'), 8))).toBe(
      '2025-10-09 17:00',
    );
  });

  test('one row in each table, read back', async () => {
    await db
      .insertInto('division')
      .values({ code: '4407', name: '江门市', level: 'city', parent_code: null, kind: 'city' })
      .execute();
    const org = await db
      .insertInto('org')
      .values({
        path: '/x/',
        depth: 0,
        code: 'T1',
        name: '测试镇党委',
        short_name: '测试镇',
        kind: 'committee',
        level: 'town',
        category: 'territorial',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const grid = await db
      .insertInto('grid')
      .values({
        code: 'G1',
        name: '第一网格',
        org_id: org.id,
        village_org_id: org.id,
        division_code: '4407',
        county_code: '440703',
        household_count: 1,
        resident_count: 1,
        boundary: JSON.stringify([]),
        center_lng: 113.08,
        center_lat: 22.58,
        min_lng: 113,
        min_lat: 22.5,
        max_lng: 113.1,
        max_lat: 22.6,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const account = await db
      .insertInto('account')
      .values({
        username: 'dept1',
        display_name: '水务',
        password_hash: 'x',
        role: 'department_staff',
        scope_org_id: org.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const dept = await db
      .insertInto('department')
      .values({ code: '440703-water', name: '蓬江区水务局', kind: 'water', county_code: '440703' })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(dept).toMatchObject({ code: '440703-water', kind: 'water', org_id: null });
    await db
      .insertInto('department_account')
      .values({ account_id: account.id, department_id: dept.id })
      .execute();
    expect(await db.selectFrom('department_account').selectAll().execute()).toEqual([
      { account_id: account.id, department_id: dept.id },
    ]);

    await db
      .insertInto('work_calendar_day')
      .values({ date: '2027-01-01', kind: 'holiday', name: '元旦' })
      .execute();
    expect(
      await db
        .selectFrom('work_calendar_day')
        .select(['date', 'kind'])
        .where('date', '=', '2027-01-01')
        .executeTakeFirst(),
    ).toEqual({ date: '2027-01-01', kind: 'holiday' });

    const system = await db
      .insertInto('external_system')
      .values({
        code: 'hotline_12345',
        name: '12345 热线',
        api_key_hash: 'h1',
        webhook_url: 'https://example.test/hook',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(system).toMatchObject({ code: 'hotline_12345', active: true, webhook_secret_enc: null });

    const seq = await sql<{ n: number }>`select nextval('civic_case_no_seq')::int as n`.execute(db);
    const at = new Date('2025-09-30T08:00:00Z');
    const caseNo = caseNumber(at, seq.rows[0]?.n ?? 0);
    expect(caseNo).toBe('JM20250930000001');
    const created = await db
      .insertInto('civic_case')
      .values({
        case_no: caseNo,
        channel: 'hotline_12345',
        external_system: 'hotline_12345',
        external_id: 'RX-1',
        external_content_hash: 'c1',
        category_code: 'C01-01',
        title: '井盖缺失',
        lng: 113.08,
        lat: 22.58,
        grid_id: grid.id,
        village_org_id: org.id,
        town_org_id: org.id,
        county_code: '440703',
        reporter_name: '张三',
        reporter_phone_masked: '138****0000',
        urgent: true,
        department_id: dept.id,
        step: 'dispatch',
        step_started_at: at,
        step_deadline: new Date('2025-09-30T08:30:00Z'),
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      case_no: 'JM20250930000001',
      state: 'reported',
      light: 'green',
      supervision: 'none',
      redispatch_count: 0,
      rework_count: 0,
      extension_count: 0,
      reopen_count: 0,
      grid_nearest: false,
      version: 1,
      description: '',
      created_at: at,
      step_deadline: new Date('2025-09-30T08:30:00Z'),
    });
    const caseId = created.id;

    await db
      .insertInto('case_step')
      .values({
        case_id: caseId,
        county_code: '440703',
        action: 'file',
        from_state: 'reported',
        to_state: 'filed',
        actor_id: null,
        actor_role: 'system',
        attachments: JSON.stringify([1]),
        details: JSON.stringify({ categoryCode: 'C01-01' }),
        at,
      })
      .execute();
    expect(
      await db.selectFrom('case_step').select(['action', 'note', 'attachments', 'details', 'at']).execute(),
    ).toEqual([{ action: 'file', note: '', attachments: [1], details: { categoryCode: 'C01-01' }, at }]);

    await db
      .insertInto('case_summons')
      .values({ case_id: caseId, county_code: '440703', department_id: dept.id, report_deadline: at })
      .execute();
    expect(
      await db.selectFrom('case_summons').select(['state', 'reported_at', 'report_deadline']).execute(),
    ).toEqual([{ state: 'summoned', reported_at: null, report_deadline: at }]);

    await db
      .insertInto('case_attachment')
      .values({
        case_id: caseId,
        county_code: '440703',
        kind: 'photo',
        mime: 'image/jpeg',
        bytes: 1234,
        sha256: 'ab'.repeat(32),
        storage_key: 'cases/2025/09/30/abc.jpg',
        uploaded_by: account.id,
      })
      .execute();
    expect(await db.selectFrom('case_attachment').select(['kind', 'bytes', 'storage_key']).execute()).toEqual(
      [{ kind: 'photo', bytes: 1234, storage_key: 'cases/2025/09/30/abc.jpg' }],
    );

    await db
      .insertInto('webhook_delivery')
      .values({
        system_id: system.id,
        case_id: caseId,
        county_code: '440703',
        event: 'case.file',
        payload: JSON.stringify({ case_no: caseNo, state: 'filed' }),
      })
      .execute();
    expect(
      await db
        .selectFrom('webhook_delivery')
        .select(['attempts', 'payload', 'delivered_at'])
        .where('delivered_at', 'is', null)
        .execute(),
    ).toEqual([{ attempts: 0, payload: { case_no: caseNo, state: 'filed' }, delivered_at: null }]);

    await db
      .insertInto('notification')
      .values({ account_id: account.id, kind: 'case.dispatch', title: '新派遣案件', case_id: caseId })
      .execute();
    expect(await db.selectFrom('notification').select(['title', 'body', 'read_at']).execute()).toEqual([
      { title: '新派遣案件', body: '', read_at: null },
    ]);

    await db
      .insertInto('patrol_checkin')
      .values({
        account_id: account.id,
        grid_id: grid.id,
        lng: 113.081,
        lat: 22.581,
        at,
        county_code: '440703',
        client_request_id: 'p-1',
      })
      .execute();
    expect(await db.selectFrom('patrol_checkin').select(['lng', 'lat', 'at']).execute()).toEqual([
      { lng: 113.081, lat: 22.581, at },
    ]);

    // The same external id twice: refused by the unique key.
    await expect(
      db
        .insertInto('civic_case')
        .values({
          case_no: 'JM20250930000002',
          channel: 'hotline_12345',
          external_system: 'hotline_12345',
          external_id: 'RX-1',
          title: '重复',
          county_code: '440703',
        })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
    // Not a known state.
    await expect(
      sql`insert into civic_case (case_no, channel, title, county_code, state) values ('JM1', 'resident', 't', '440703', 'bogus')`.execute(
        db,
      ),
    ).rejects.toThrow(/check/i);

    // Optimistic concurrency: of two updates from version 1, one changes the row.
    const bump = () =>
      db
        .updateTable('civic_case')
        .set((eb) => ({ state: 'filed', version: eb('version', '+', 1) }))
        .where('id', '=', caseId)
        .where('version', '=', 1)
        .executeTakeFirst();
    const [first, second] = [await bump(), await bump()];
    expect([Number(first.numUpdatedRows), Number(second.numUpdatedRows)]).toEqual([1, 0]);
  });
});
