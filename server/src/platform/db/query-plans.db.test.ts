// The plan test (issue 13), on both engines: on tables large enough that the planner cares (generated
// here: 100,000 cases, 40 % of them in one town, 80,000 members, half in one county, 40,000
// recruitments and 12,000 more branches under one town), every list
// and statistics query a user opens is EXPLAIN ANALYZEd as the service runs it. It fails when a query
// scans the case or member table sequentially, reads more of it than a page (and a bounded count)
// needs, or — for a list — no longer has a Limit over an ordered index walk. Timings are never
// asserted: rows read are what the plan's shape decides.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listCases } from '../../cases/case-list.service.ts';
import { caseStats } from '../../cases/case-stats.service.ts';
import { foldAll } from '../../cases/case-stats-fold.job.ts';
import { OPEN_STATES } from '../../cases/domain/case-machine.ts';
import { memberPage } from '../../members/member.service.ts';
import { listFindings } from '../../org-checks/org-check-findings.ts';
import { list as listOrgs } from '../../organizations/org.service.ts';
import { branches, list as listRecruitments } from '../../recruitment/recruitment-read.service.ts';
import { type Actor, makeActor } from '../access/actor.ts';
import type { Database } from './engine.ts';
import type { DB, Role } from './schema.ts';
import { capturing, describePlan, explain, type PlanRules, planProblems } from './testing/plan-check.ts';
import { createTestDatabase } from './testing/test-database.ts';

const CASES = 100_000;
const MEMBERS = 80_000;
const ORGS = 12_000;
const RECRUITMENTS = 40_000;

let database: Database;
let db: Kysely<DB>;
const who: Record<string, string> = {};
let town: { id: number; code: string };
let county: { id: number; code: string };

async function actorOf(username: string): Promise<Actor> {
  const a = await db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scope_org_id')
    .select([
      'account.id',
      'account.username',
      'account.display_name',
      'account.role',
      'account.scope_org_id',
      'org.path',
      'org.county_code',
    ])
    .where('account.username', '=', username)
    .executeTakeFirstOrThrow();
  return makeActor({
    accountId: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role as Role,
    scopeOrgId: a.scope_org_id,
    scopePath: a.path,
    scopeCountyCode: a.county_code,
    mustChangePassword: false,
    clientIp: 'test',
  });
}

/** 40 % of the cases in one town, 25 % in the rest of its county, 35 % over the city; a year of them. */
async function generateCases() {
  await sql`create temp table gen_grid as
    select g.id, g.village_org_id, v.parent_id as town_id, g.county_code,
      case when v.parent_id = ${town.id} then 't' when g.county_code = ${county.code} then 'c' else 'o' end as part,
      row_number() over (partition by case when v.parent_id = ${town.id} then 't'
        when g.county_code = ${county.code} then 'c' else 'o' end order by g.id) - 1 as i
    from grid g join org v on v.id = g.village_org_id`.execute(db);
  await sql`create temp table gen_cat as
    select code, row_number() over (order by code) - 1 as i from case_category where parent_code is not null`.execute(
    db,
  );
  const dept = await db
    .selectFrom('department')
    .select('id')
    .where('code', '=', `${county.code}-urban_management`)
    .executeTakeFirstOrThrow();
  const resident = await db
    .selectFrom('account')
    .select('id')
    .where('username', '=', `resident-${county.code}`)
    .executeTakeFirstOrThrow();
  // the newest 4 % are open (in handling, some late), one in twenty rejected, the rest evaluated
  await sql`
    with n as (select count(*) filter (where part = 't') as t, count(*) filter (where part = 'c') as c,
      count(*) filter (where part = 'o') as o from gen_grid),
    k as (select count(*) as n from gen_cat),
    g as (
      select s,
        case when (s * 7919) % 100 < 40 then 't' when (s * 7919) % 100 < 65 then 'c' else 'o' end as part,
        now() - s * interval '300 seconds' as created,
        s <= ${CASES * 0.04} as open, s % 20 = 7 as rejected
      from generate_series(1, ${CASES}) s
    )
    insert into civic_case (case_no, channel, category_code, title, grid_id, village_org_id, town_org_id,
      county_code, reporter_account_id, state, department_id, step, step_started_at, step_deadline,
      step_yellow_at, due_at, respond_by, responded_at, handled_at, handling_deadline, closed_at,
      evaluation, evaluated_at, created_at, updated_at)
    select 'GEN' || lpad(g.s::text, 9, '0'),
      (array['grid_worker','grid_worker','grid_worker','grid_worker','grid_worker','grid_worker','resident',
        'hotline_12345','hotline_12345','police_110'])[g.s % 10 + 1],
      c.code, '生成的案件 ' || g.s, gg.id, gg.village_org_id, gg.town_id, gg.county_code,
      case when g.s % 10 = 6 then ${resident.id}::bigint end,
      case when g.open then 'in_handling' when g.rejected then 'rejected' else 'evaluated' end,
      -- a department of the case's county only (civic_case_department_county_fk)
      case when g.s % 30 = 0 and not g.rejected and gg.county_code = ${county.code} then ${dept.id}::bigint end,
      case when g.open then 'handling' end,
      case when g.open then g.created + interval '1 hour' end,
      case when g.open then g.created + (g.s % 9 + 1) * interval '1 day' end,
      case when g.open then g.created + interval '1 hour' + (g.s % 9 + 1) * interval '0.8 day' end,
      g.created + interval '5 days', g.created + interval '2 hours', g.created + interval '1 hour',
      case when not g.open and not g.rejected then g.created + interval '2 days' end,
      case when not g.rejected then g.created + interval '3 days' end,
      case when not g.open then g.created + interval '2 days' end,
      case when not g.open and not g.rejected then 'satisfied' end,
      case when not g.open and not g.rejected then g.created + interval '3 days' end,
      g.created, g.created
    from g cross join n cross join k
    join gen_grid gg on gg.part = g.part
      and gg.i = g.s % (case g.part when 't' then n.t when 'c' then n.c else n.o end)
    join gen_cat c on c.i = g.s % k.n`.execute(db);
  await foldAll(db);
}

/** Half of the members in the county, the rest over the city, in branches. */
async function generateMembers() {
  await sql`create temp table gen_org as
    select id, county_code, (county_code = ${county.code}) as inside,
      row_number() over (partition by county_code = ${county.code} order by id) - 1 as i
    from org where kind in ('branch', 'joint_branch', 'general_branch') and county_code is not null`.execute(
    db,
  );
  await sql`
    with n as (select count(*) filter (where inside) as a, count(*) filter (where not inside) as b from gen_org)
    insert into member (org_id, name, pinyin_initials, gender, ethnicity, birth_date, id_number_enc,
      id_number_hash, id_number_masked, phone_enc, phone_masked, education, occupation, status,
      joined_on, converted_on, county_code)
    select o.id,
      (array['陈','李','黄','张','梁','林','吴','刘','何','谭'])[s % 10 + 1] ||
        (array['伟','芳','敏','静','强','磊','洋','艳','杰','娟','涛','明'])[(s / 10) % 12 + 1] ||
        (array['华','英','文','军','平','辉'])[(s / 120) % 6 + 1],
      'gen', case when s % 2 = 0 then 'male' else 'female' end, '汉族',
      date '1950-01-01' + (s % 18000), 'enc', 'gen-' || s, '4407**********' || lpad((s % 10000)::text, 4, '0'),
      'enc', '138****' || lpad((s % 10000)::text, 4, '0'), '本科', '其他',
      case when s % 10 = 0 then 'probationary' else 'full' end,
      date '1980-01-01' + (s % 15000), case when s % 10 <> 0 then date '1981-01-01' + (s % 15000) end, o.county_code
    from generate_series(1, ${MEMBERS}) s cross join n
    join gen_org o on o.inside = (s % 2 = 0) and o.i = s % (case when s % 2 = 0 then n.a else n.b end)`.execute(
    db,
  );
}

/** ORGS more branches of units under the town (a city of many 两新 branches), after the members. */
async function generateOrgs() {
  await sql`
    with base as (select coalesce(max(id), 0) as top from org)
    insert into org (id, parent_id, path, depth, code, name, short_name, kind, level, category,
      county_code, pinyin_initials, member_count)
    overriding system value
    select base.top + s, t.id, t.path || (base.top + s) || '/', t.depth + 1, 'GEN' || lpad(s::text, 8, '0'),
      (array['江门','新会','台山','开平','鹤山'])[s % 5 + 1] || '生成企业' || s || '党支部', '生成支部' || s,
      'branch', 'unit', 'new_org', t.county_code, 'scqydzb', (s * 37) % 90
    from generate_series(1, ${ORGS}) s cross join base cross join org t where t.id = ${town.id}`.execute(db);
  await sql`select setval(pg_get_serial_sequence('org', 'id'), (select max(id) from org))`.execute(db);
}

/** RECRUITMENTS applications (one applicant each) in the branches of gen_org, half in the county. */
async function generateRecruitments() {
  await sql`
    with base as (select coalesce(max(id), 0) as top from applicant)
    insert into applicant (id, name, gender, ethnicity, birth_date, id_number_enc, id_number_hash,
      id_number_masked, phone_enc, phone_masked, education, occupation, county_code)
    overriding system value
    select base.top + s, '申请人' || s, case when s % 2 = 0 then 'male' else 'female' end, '汉族',
      date '1980-01-01' + (s % 9000), 'enc', 'gen-applicant-' || s, '4407**********0000', 'enc',
      '138****0000', '本科', '其他', null
    from generate_series(1, ${RECRUITMENTS}) s cross join base`.execute(db);
  await sql`select setval(pg_get_serial_sequence('applicant', 'id'), (select max(id) from applicant))`.execute(
    db,
  );
  await sql`
    with n as (select count(*) filter (where inside) as a, count(*) filter (where not inside) as b from gen_org),
    base as (select max(id) - ${RECRUITMENTS} as first from applicant)
    insert into recruitment (applicant_id, org_id, county_code, status, stage, last_step, applied_on,
      last_step_on, due_on, due_kind)
    select base.first + s, o.id, o.county_code,
      case when s % 10 = 0 then 'completed' when s % 10 = 1 then 'closed' else 'active' end,
      (array['applicant','activist','candidate','probationary'])[(s / 2) % 4 + 1], (s / 2) % 4 * 5 + 1,
      date '2023-01-01' + (s % 900), date '2023-01-01' + (s % 900) + (s % 60),
      date '2024-01-01' + (s % 900), 'talk'
    from generate_series(1, ${RECRUITMENTS}) s cross join n cross join base
    join gen_org o on o.inside = (s % 2 = 0) and o.i = s % (case when s % 2 = 0 then n.a else n.b end)`.execute(
    db,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const first = await db
    .selectFrom('grid')
    .innerJoin('org as grid_org', 'grid_org.id', 'grid.org_id')
    .innerJoin('org as village', 'village.id', 'grid.village_org_id')
    .innerJoin('org as t', 't.id', 'village.parent_id')
    .innerJoin('org as c', 'c.id', 't.parent_id')
    .select(['t.id as town_id', 't.code as town_code', 'c.id as county_id', 'c.code as county_code'])
    .select(['grid_org.code as grid_code', 'village.code as village_code'])
    .where('grid.county_code', '=', '440704')
    .orderBy('grid.id')
    .executeTakeFirstOrThrow();
  town = { id: first.town_id, code: first.town_code };
  county = { id: first.county_id, code: first.county_code };
  Object.assign(who, {
    city: '4407',
    county: county.code,
    town: town.code,
    village: first.village_code,
    worker: first.grid_code,
    department: `${county.code}-urban_management`,
    resident: `resident-${county.code}`,
  });
  await generateCases();
  await generateMembers();
  await generateRecruitments();
  await generateOrgs();
  await database.exec('analyze');
}, 600_000);

afterAll(async () => {
  await database?.close();
});

const LIST: PlanRules = { tables: ['civic_case', 'member'], maxRows: 3_000, orderedWalk: true };
const BOUNDED: PlanRules = { tables: ['civic_case', 'member'], maxRows: 3_000, orderedWalk: false };
const NO_SEQ_SCAN: PlanRules = {
  tables: ['civic_case', 'member'],
  maxRows: Number.POSITIVE_INFINITY,
  orderedWalk: false,
};

/** Runs `call` with a capturing db, then checks the plan of each statement that reads a big table. */
async function check(
  label: string,
  call: (db: Kysely<DB>) => Promise<unknown>,
  rules: PlanRules,
  listRules = rules,
) {
  const spy = capturing(db);
  await call(spy.db);
  const tables = new RegExp(`\\b(${rules.tables.join('|')})\\b`);
  // a statement the service only EXPLAINs (a count's estimate, platform/db/bounded-count.ts) is never run
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  const explained = new Set(
    spy.statements
      .map((s) => /^\s*explain \(format json\) \(([\s\S]*)\)\s*$/i.exec(s.sql)?.[1])
      .filter((inner): inner is string => inner !== undefined)
      .map(flat),
  );
  const reading = spy.statements.filter(
    (s) => tables.test(s.sql) && /^\s*select/i.test(s.sql) && !explained.has(flat(s.sql)),
  );
  expect(reading.length, `${label}: no statement read the tables`).toBeGreaterThan(0);
  const problems: string[] = [];
  let lists = 0;
  for (const s of reading) {
    const plan = await explain(db, s);
    // the page itself (a statement with an order and a limit) must walk; counts and names need not
    const isPage = /\border by\b[\s\S]*\blimit\b/i.test(s.sql) && !/^\s*select count/i.test(s.sql);
    if (isPage) lists++;
    const found = planProblems(plan, isPage ? listRules : { ...rules, orderedWalk: false });
    if (found.length) problems.push(`${found.join('; ')}\n${s.sql.slice(0, 300)}\n${describePlan(plan)}`);
  }
  if (listRules.orderedWalk) expect(lists, `${label}: no page query`).toBeGreaterThan(0);
  expect(problems, label).toEqual([]);
}

const open = OPEN_STATES.join(',');

describe('case lists: an ordered index walk that stops after the page', () => {
  const lists: [string, string, Record<string, unknown>][] = [
    ['town, by deadline (the command center)', 'town', { sort: 'deadline', order: 'asc' }],
    ['town, newest first', 'town', { sort: 'createdAt', order: 'desc' }],
    ['town, two open states', 'town', { state: 'filed,dispatched,in_handling' }],
    ['town, red by deadline', 'town', { light: 'red', sort: 'deadline' }],
    ['town, a channel', 'town', { channel: 'hotline_12345' }],
    ['town, a category class', 'town', { categoryCode: 'E06' }],
    ['town, closed cases', 'town', { state: 'evaluated' }],
    [
      'town, a month',
      'town',
      {
        from: new Date(Date.now() - 60 * 86_400_000).toISOString(),
        to: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      },
    ],
    [
      'department queue',
      'department',
      { state: 'dispatched,in_handling,returned,extension_requested', sort: 'deadline', order: 'asc' },
    ],
    ['department, every case', 'department', { sort: 'createdAt', order: 'desc' }],
    ["grid worker's tasks", 'worker', { sort: 'deadline', order: 'asc' }],
    ["grid worker's own reports", 'worker', { mine: true, sort: 'deadline', order: 'asc' }],
    ['village', 'village', { sort: 'createdAt', order: 'desc' }],
    ['county', 'county', { sort: 'deadline', order: 'asc' }],
    ['city', 'city', { sort: 'createdAt', order: 'desc' }],
    ['city, open by deadline', 'city', { state: open, sort: 'deadline', order: 'asc' }],
    ['resident', 'resident', { sort: 'createdAt', order: 'desc' }],
  ];
  test.each(lists)('%s: first page, next page, a deep page', async (label, account, filter) => {
    const actor = await actorOf(who[account] as string);
    const first = await listCases(db, actor, filter, 1, 20);
    await check(label, (spy) => listCases(spy, actor, filter, 1, 20), LIST);
    if (first.nextCursor) {
      const cursor = first.nextCursor;
      await check(`${label}, page 2`, (spy) => listCases(spy, actor, { ...filter, cursor }, 1, 20), LIST);
      // a cursor far down the list: where page 300 would start
      const deep = await listCases(db, actor, filter, 300, 20);
      if (deep.items.length && deep.nextCursor) {
        const far = deep.nextCursor;
        await check(
          `${label}, deep`,
          (spy) => listCases(spy, actor, { ...filter, cursor: far }, 1, 20),
          LIST,
        );
      }
    }
  });
});

describe('statistics: roll-ups and a few live rows', () => {
  const day = 86_400_000;
  const ranges: [string, Record<string, string>][] = [
    ['all time', {}],
    ['whole months', { from: '2026-01-01T00:00:00+08:00', to: new Date(Date.now() + day).toISOString() }],
    [
      'partial days',
      {
        from: new Date(Date.now() - 40 * day - 3_723_000).toISOString(),
        to: new Date(Date.now() - day).toISOString(),
      },
    ],
  ];
  test.each(['city', 'county', 'town'])('%s', async (account) => {
    const actor = await actorOf(who[account] as string);
    for (const [label, range] of ranges) {
      // a report range reads the scope's open cases (their lights depend on the moment), index-only
      await check(
        `${account}, ${label}`,
        (spy) => caseStats(spy, actor, range),
        label === 'all time' ? BOUNDED : NO_SEQ_SCAN,
      );
    }
    await check(
      `${account}, the town chosen`,
      (spy) => caseStats(spy, actor, { scopeOrgId: town.id }),
      BOUNDED,
    );
  });

  test.each(['village', 'worker', 'department', 'resident'])(
    '%s (read from its cases, through an index)',
    async (account) => {
      const actor = await actorOf(who[account] as string);
      await check(account, (spy) => caseStats(spy, actor, {}), NO_SEQ_SCAN);
    },
  );
});

describe('members: the list walks, the counts add org rows', () => {
  test.each([
    ['the county', () => county.id],
    [
      'the city',
      async () =>
        (await db.selectFrom('org').select('id').where('code', '=', '4407').executeTakeFirstOrThrow()).id,
    ],
    [
      'a branch',
      async () =>
        (
          await db
            .selectFrom('member')
            .select('org_id')
            .where('county_code', '=', county.code)
            .orderBy('id')
            .executeTakeFirstOrThrow()
        ).org_id,
    ],
  ] as const)('%s', async (label, orgOf) => {
    const orgId = await orgOf();
    const actor = await actorOf('4407');
    for (const sort of ['name', 'joinedOn', 'birthDate'] as const) {
      for (const status of [undefined, 'full'] as const) {
        const f = { sort, order: 'asc' as const, status };
        const first = await memberPage(db, actor, orgId, f, 1, 20);
        await check(
          `${label} by ${sort} ${status ?? ''}`,
          (spy) => memberPage(spy, actor, orgId, f, 1, 20),
          LIST,
        );
        const cursor = first.nextCursor;
        if (cursor)
          await check(
            `${label} by ${sort}, page 2`,
            (spy) => memberPage(spy, actor, orgId, f, 1, 20, cursor),
            LIST,
          );
      }
    }
  });

  test("the city's organization checks and recruitment's branches read no member row", async () => {
    const actor = await actorOf('4407');
    const spy = capturing(db);
    await listFindings(spy.db, actor, {});
    await branches(spy.db, actor);
    for (const s of spy.statements.filter((q) => /\bmember\b/.test(q.sql))) {
      const plan = await explain(db, s);
      expect(planProblems(plan, { tables: ['member'], maxRows: 1_000, orderedWalk: false }), s.sql).toEqual(
        [],
      );
    }
    // the city's checks go over every checked org (12,000 generated branches among them): slow, not timed
  }, 180_000);
});

const ORG_LIST: PlanRules = { tables: ['org'], maxRows: 3_000, orderedWalk: true };

describe('the org list: an ordered walk of the org index, the count stops at its cap', () => {
  test.each(['city', 'county'])(
    '%s',
    async (account) => {
      const actor = await actorOf(who[account] as string);
      for (const sort of ['code', 'name', 'memberCount'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          for (const kind of [undefined, 'branch'] as const) {
            const f = { sort, order, kind };
            const label = `${account} by ${sort} ${order} ${kind ?? ''}`;
            await check(label, (spy) => listOrgs(spy, actor, f, 1, 20), ORG_LIST);
            // a cursor far down the list: where page 200 would start
            const deep = await listOrgs(db, actor, f, 200, 20);
            const far = deep.nextCursor;
            if (far) await check(`${label}, deep`, (spy) => listOrgs(spy, actor, f, 1, 20, far), ORG_LIST);
          }
        }
      }
    },
    120_000,
  );
});

const PIPELINE: PlanRules = { tables: ['recruitment'], maxRows: 3_000, orderedWalk: true };

describe('the recruitment pipeline: latest step first by index, the count stops at its cap', () => {
  const audit = async () => 0;
  test.each(['city', 'county'])(
    '%s',
    async (account) => {
      const actor = await actorOf(who[account] as string);
      for (const query of [{}, { stage: 'activist' as const }, { status: 'completed' as const }]) {
        const label = `${account} ${JSON.stringify(query)}`;
        await check(label, (spy) => listRecruitments(spy, actor, audit, query), PIPELINE);
        const deep = await listRecruitments(db, actor, audit, { ...query, page: 150, pageSize: 20 });
        const far = deep.nextCursor;
        if (far)
          await check(
            `${label}, deep`,
            (spy) => listRecruitments(spy, actor, audit, { ...query, cursor: far }),
            PIPELINE,
          );
      }
    },
    120_000,
  );
});
