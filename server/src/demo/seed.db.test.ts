import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { decryptPii, piiHash, setDataKey } from '../platform/crypto/crypto.ts';
import { type Database, openDatabase } from '../platform/db/engine.ts';
import { migrate } from '../platform/db/migrate.ts';
import { maskIdNumber } from '../platform/masking/masking.ts';
import { validateIdNumber } from '../platform/text/id-number.ts';
import { validateMobile } from '../platform/text/phone.ts';
import { validateUscc } from '../platform/text/uscc.ts';
import { type SeedSummary, seedDemo } from './seed.ts';

let database: Database;
let summary: SeedSummary;
const steps = new Set<string>();

beforeAll(async () => {
  setDataKey('0123456789abcdef0123456789abcdef');
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  summary = await seedDemo(database, {
    scale: 'test',
    password: 'Demo@2026pass',
    onProgress: (step) => steps.add(step),
  });
}, 600_000);

afterAll(async () => {
  await database.close();
});

const q = async <T>(text: string) => (await sql.raw<T>(text).execute(database.db)).rows;

describe('seedDemo (test scale)', () => {
  it('reports what it wrote', async () => {
    expect(summary).toMatchObject({ divisions: 1438, grids: 610, gridWorkers: 979, members: 1500 });
    // one per org, the three administrators, one per department (2 counties × 21 kinds), a resident per
    // county, a member per village (demo/org-life/org-check-demo.ts)
    expect(summary.departments).toBe(42);
    const [linked] = await q<{ n: number }>('select count(*)::int as n from member_account');
    expect(linked?.n).toBeGreaterThan(0);
    expect(summary.accounts).toBe(summary.orgs + 3 + 42 + 2 + (linked?.n ?? 0));
    expect(summary.cases).toBe(500);
    expect([...steps]).toEqual([
      'divisions',
      'orgs',
      'grids',
      'workers',
      'members',
      'accounts',
      'totals',
      'village',
      'cases',
      'org life',
      'assessment',
    ]);
    const [counts] = await q<Record<string, number>>(`select
      (select count(*) from org)::int as orgs, (select count(*) from grid)::int as grids,
      (select count(*) from member)::int as members, (select count(*) from account)::int as accounts`);
    expect(counts).toEqual({ orgs: summary.orgs, grids: 610, members: 1500, accounts: summary.accounts });
  });

  it('builds a consistent tree: paths, depths, parents', async () => {
    const rows = await q<{
      id: number;
      parent_id: number | null;
      path: string;
      depth: number;
      ppath: string | null;
    }>(
      'select o.id, o.parent_id, o.path, o.depth, p.path as ppath from org o left join org p on p.id = o.parent_id',
    );
    for (const r of rows) {
      expect(r.path).toBe(`${r.ppath ?? '/'}${r.id}/`);
      expect(r.depth).toBe(r.path.split('/').length - 3);
    }
    const levels = await q<{ level: string; n: number }>(
      'select level, count(*)::int as n from org group by 1 order by 1',
    );
    expect(Object.fromEntries(levels.map((l) => [l.level, l.n]))).toMatchObject({
      city: 1,
      county: 2,
      town: 9,
      village: 202,
      grid: 610,
    });
    const cats = await q<{ category: string }>('select distinct category from org order by 1');
    expect(cats.map((c) => c.category)).toEqual([
      'agency',
      'chain_committee',
      'hospital',
      'industry_committee',
      'new_org',
      'school',
      'state_enterprise',
      'territorial',
    ]);
  });

  it('names and codes orgs as the real ones are', async () => {
    const byCode = async (code: string) =>
      await database.db.selectFrom('org').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(await byCode('4407')).toMatchObject({
      name: '中共江门市委员会',
      kind: 'committee',
      level: 'city',
      path: expect.stringMatching(/^\/\d+\/$/),
    });
    expect(await byCode('440704')).toMatchObject({
      name: '中共江门市江海区委员会',
      short_name: '江海区委',
      pinyin_initials: 'jhqw',
    });
    const village = await byCode('440703002101');
    expect(village.short_name).toBe('羊桥社区');
    expect(village.name).toMatch(/^中共羊桥社区(委员会|总支部委员会|支部委员会)$/);
    const grid = await byCode('440703002101001');
    expect(grid.short_name).toBe('羊桥社区第1网格');
    expect(['中共羊桥社区第1网格支部委员会', '羊桥社区第1网格党小组']).toContain(grid.name);
    const newOrgs = await database.db
      .selectFrom('org')
      .select(['uscc', 'unit_name'])
      .where('category', '=', 'new_org')
      .where('level', '=', 'unit')
      .where('uscc', 'is not', null)
      .execute();
    expect(newOrgs.length).toBeGreaterThan(0);
    for (const o of newOrgs) expect(validateUscc(o.uscc ?? '').ok).toBe(true);
  });

  it('links grids to their party orgs and villages, with valid shapes', async () => {
    const bad =
      await q(`select g.code from grid g join org o on o.id = g.org_id join org v on v.id = g.village_org_id
      where o.code <> g.code or o.parent_id <> v.id or v.level <> 'village' or left(g.code, 12) <> v.code
      or g.center_lng not between g.min_lng and g.max_lng or g.center_lat not between g.min_lat and g.max_lat`);
    expect(bad).toEqual([]);
    const [shape] = await q<{ maxv: number; minv: number }>(
      'select max(jsonb_array_length(boundary->0))::int as maxv, min(jsonb_array_length(boundary->0))::int as minv from grid',
    );
    expect(shape?.maxv).toBeLessThanOrEqual(16);
    expect(shape?.minv).toBeGreaterThanOrEqual(4);
    const kinds = await q<{ ok: boolean }>(`select bool_and((o.kind = 'branch') = (o.member_count >= 3)) as ok
      from org o where o.level = 'grid'`);
    expect(kinds[0]?.ok).toBe(true);
  });

  it('keeps subtree totals', async () => {
    const city = await database.db
      .selectFrom('org')
      .selectAll()
      .where('code', '=', '4407')
      .executeTakeFirstOrThrow();
    expect(city.member_count).toBe(1500);
    expect(city.grid_count).toBe(610);
    expect(city.household_count).toBe(summary.households);
    const counties = await database.db
      .selectFrom('org')
      .select(['member_count', 'grid_count'])
      .where('level', '=', 'county')
      .execute();
    expect(counties.reduce((s, c) => s + c.grid_count, 0)).toBe(610);
  });

  it('writes members with valid, encrypted, unique personal data', async () => {
    const members = await database.db.selectFrom('member').selectAll().execute();
    const committees = await q<{ id: number }>(
      "select id from org where kind in ('committee', 'working_committee') and level <> 'village'",
    );
    const committeeIds = new Set(committees.map((c) => c.id));
    let probationary = 0;
    for (const m of members.slice(0, 300)) {
      expect(committeeIds.has(m.org_id)).toBe(false);
      const id = decryptPii(m.id_number_enc);
      const v = validateIdNumber(id);
      expect(v.ok).toBe(true);
      if (v.ok) {
        expect(v.birthDate).toBe(m.birth_date);
        expect(v.gender).toBe(m.gender);
      }
      expect(m.id_number_masked).toBe(maskIdNumber(id));
      expect(m.id_number_hash).toBe(await piiHash(id));
      expect(validateMobile(decryptPii(m.phone_enc)).ok).toBe(true);
      const adult = `${Number(m.birth_date.slice(0, 4)) + 18}${m.birth_date.slice(4)}`;
      expect(m.joined_on >= adult).toBe(true);
      if (m.status === 'full') {
        expect(m.converted_on).toBe(`${Number(m.joined_on.slice(0, 4)) + 1}${m.joined_on.slice(4)}`);
      } else {
        probationary++;
        expect(m.converted_on).toBeNull();
      }
      expect(m.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    }
    expect(probationary).toBeLessThan(30);
    expect(new Set(members.map((m) => m.id_number_hash)).size).toBe(members.length);
  });

  it('creates demo accounts with one shared password', async () => {
    const accounts = await database.db.selectFrom('account').selectAll().execute();
    const by = new Map(accounts.map((a) => [a.username, a]));
    expect(by.get('4407')?.role).toBe('org_admin');
    expect(by.get('440704001')?.role).toBe('org_admin');
    expect(by.get('440703002101')?.role).toBe('secretary');
    expect(by.get('440703002101001')?.role).toBe('grid_worker');
    expect(by.get('JG000')?.role).toBe('org_admin');
    expect(by.get('JG001')?.role).toBe('secretary');
    const city = by.get('4407')?.scope_org_id;
    for (const [u, role] of [
      ['sysadmin', 'system_admin'],
      ['secadmin', 'security_admin'],
      ['auditadmin', 'audit_admin'],
    ]) {
      expect(by.get(u as string)).toMatchObject({ role, scope_org_id: city });
    }
    expect(new Set(accounts.map((a) => a.password_hash)).size).toBe(1);
    expect(accounts.every((a) => a.must_change_password === false)).toBe(true);
    expect(await verifyPassword('Demo@2026pass', accounts[0]?.password_hash ?? '')).toBe(true);
  });

  it('refuses a database that already has orgs', async () => {
    await expect(seedDemo(database, { scale: 'test', password: 'x' })).rejects.toThrow(/already has rows/);
  });

  it('lives up to the day it is seeded: old cases closed, a year of organizational life', async () => {
    const [stale] = await q<{ n: number }>(
      `select count(*)::int as n from civic_case where state not in ('closed', 'evaluated', 'rejected') and created_at < now() - interval '45 days'`,
    );
    expect(stale?.n).toBe(0);
    const [life] = await q<Record<string, number>>(`select
      (select count(*) from meeting)::int as meetings,
      (select count(*) from meeting_attendance)::int as attendance,
      (select count(*) from checklist_task where done_on is not null)::int as done,
      (select count(*) from checklist_task)::int as tasks,
      (select count(*) from dues_payment)::int as payments,
      (select count(*) from training_attendance)::int as trained,
      (select count(distinct stage) from recruitment)::int as stages,
      (select count(*) from transfer)::int as transfers,
      (select count(*) from mobile_member)::int as mobile,
      (select count(*) from notification)::int as notices,
      (select count(*) from membership_history)::int as history,
      (select count(*) from member)::int as members,
      (select count(*) from meeting where held_on > (now() at time zone 'Asia/Shanghai')::date)::int as future`);
    expect(life?.meetings).toBeGreaterThan(1000);
    expect(life?.attendance).toBeGreaterThan(1000);
    expect((life?.done ?? 0) / (life?.tasks ?? 1)).toBeGreaterThan(0.6);
    expect(life?.payments).toBeGreaterThan(1000);
    expect(life?.trained).toBeGreaterThan(100);
    expect(life?.stages).toBeGreaterThanOrEqual(4);
    expect(life?.transfers).toBeGreaterThan(0);
    expect(life?.mobile).toBeGreaterThan(0);
    expect(life?.notices).toBeGreaterThan(0);
    expect(life?.history).toBeGreaterThanOrEqual(life?.members ?? 0);
    expect(life?.future).toBe(0);
    expect(summary.orgLife?.meetings).toBe(life?.meetings);
  });

  it('assesses two years, holds contests, lists weak orgs with ledgers, records collective incomes (issue 15)', async () => {
    const [a] = await q<Record<string, number>>(`select
      (select count(distinct year) from assessment_round)::int as years,
      (select count(*) from assessment)::int as assessments,
      (select count(*) from assessment a where not exists
        (select 1 from assessment_indicator i where i.assessment_id = a.id))::int as without_indicators,
      (select count(*) from contest)::int as contests,
      (select count(*) from contest_entry)::int as entries,
      (select count(*) from weak_org)::int as weak,
      (select count(distinct state) from weak_org)::int as weak_states,
      (select count(*) from collective_income)::int as incomes,
      (select count(*) from village_category)::int as categorized`);
    expect(a?.years).toBe(2);
    expect(a?.assessments).toBeGreaterThan(0);
    expect(a?.without_indicators).toBe(0);
    expect(a?.contests).toBeGreaterThan(0);
    expect(a?.entries).toBeGreaterThan(0);
    expect(a?.weak).toBeGreaterThan(0);
    expect(a?.weak_states).toBeGreaterThanOrEqual(2);
    expect(a?.incomes).toBeGreaterThan(0);
    expect(a?.categorized).toBeGreaterThan(0);
  });
});
