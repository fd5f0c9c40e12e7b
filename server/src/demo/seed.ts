// The Jiangmen demo data set: divisions, the org tree, 2,954 grids with their party orgs and workers,
// units beside the territorial tree, members and demo accounts. Deterministic from a seed.
import { type Kysely, sql, type Transaction } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import { trainClassifierIfEnough } from '../cases/classifier/classifier-training.ts';
import { recomputeOrgTotals } from '../organizations/org-totals.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB, NewMember, NewOrg, OrgKind, Role } from '../platform/db/schema.ts';
import { maskPhone } from '../platform/masking/masking.ts';
import { pinyinInitials } from '../platform/text/pinyin.ts';
import { makeUscc } from '../platform/text/uscc.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { seedAssessmentDemo } from './assessment/assessment-demo.ts';
import { seedCases } from './cases.ts';
import { seedDepartments } from './cases-departments.ts';
import { jiangmenDivisions } from './divisions.ts';
import { memberRow } from './factories.ts';
import { countyGridShapes, type GridShape } from './geometry.ts';
import { mobilePhone, personName } from './names.ts';
import { seedCommunityReports } from './org-life/community-demo.ts';
import { seedOrgTerms } from './org-life/org-check-demo.ts';
import { type OrgLifeSummary, seedOrgLife } from './org-life/org-life.ts';
import { makePerson, type OrgSetting } from './people.ts';
import { buildPlan, type Scale, type UnitPlan, villageMembers } from './plan.ts';
import { createRng } from './random.ts';
import { seedVillageDemo } from './villages/village-demo.ts';

export interface SeedOptions {
  scale: Scale;
  seed?: number /* default 4407 */;
  password: string;
  /** How many cases (default: DEMO_CASES of the scale). */
  cases?: number;
  /** the seeding day in Asia/Shanghai (default: today): every record is dated on or before it */
  today?: string;
  /** false: no organizational life (meetings, dues, training, recruitment …), e.g. for benchmarks */
  orgLife?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface SeedSummary {
  divisions: number;
  orgs: number;
  grids: number;
  gridWorkers: number;
  members: number;
  accounts: number;
  households: number;
  departments: number;
  cases: number;
  casesMs: number;
  /** meetings, checklists, dues, training, recruitment, transfers, notices (demo/org-life/) */
  orgLife: OrgLifeSummary | null;
  /** the classifier trained at the end (null when there were too few closed cases) */
  classifier: {
    version: number;
    samples: number;
    accuracy: number | null;
    departmentAccuracy: number | null;
    ms: number;
  } | null;
  ms: number;
}

export const DEFAULT_SEED = 4407;
const BATCH = 1000;

const ROLE_WORD: Record<string, string> = { org_admin: '管理员', secretary: '书记', grid_worker: '网格员' };

interface OrgRef {
  id: number;
  path: string;
  depth: number;
  code: string;
  shortName: string;
  kind: OrgKind;
  level: NewOrg['level'];
  setting: OrgSetting;
  countyCode: string | null;
  /** Members to create directly in this org. */
  members: number;
}

type Tx = Transaction<DB> | Kysely<DB>;

async function insertBatched<T>(
  items: T[],
  size: number,
  write: (batch: T[]) => Promise<void>,
  progress?: (done: number) => void,
) {
  for (let i = 0; i < items.length; i += size) {
    await write(items.slice(i, i + size));
    progress?.(Math.min(items.length, i + size));
  }
}

/** Inserts orgs (children of already inserted parents) and returns their refs, in input order. */
async function insertOrgs(
  tx: Tx,
  rows: {
    parent: OrgRef | null;
    org: Omit<NewOrg, 'path' | 'depth' | 'parent_id'>;
    setting: OrgSetting;
    members: number;
  }[],
): Promise<OrgRef[]> {
  const out: OrgRef[] = [];
  await insertBatched(rows, BATCH, async (batch) => {
    const inserted = await tx
      .insertInto('org')
      .values(
        batch.map((r) => ({
          ...r.org,
          parent_id: r.parent?.id ?? null,
          // The path needs the row's own id: a placeholder now, set right after the insert.
          path: `pending:${r.org.code}`,
          depth: r.parent ? r.parent.depth + 1 : 0,
        })),
      )
      .returning(['id', 'code'])
      .execute();
    const ids = new Map(inserted.map((r) => [r.code, Number(r.id)]));
    const refs = batch.map((r) => {
      const id = ids.get(r.org.code) as number;
      return {
        id,
        path: `${r.parent?.path ?? '/'}${id}/`,
        depth: r.parent ? r.parent.depth + 1 : 0,
        code: r.org.code,
        shortName: r.org.short_name,
        kind: r.org.kind,
        level: r.org.level,
        setting: r.setting,
        countyCode: r.org.county_code ?? null,
        members: r.members,
      };
    });
    const values = refs.map((r) => sql`(${r.id}::bigint, ${r.path})`);
    await sql`update org set path = v.path from (values ${sql.join(values)}) as v(id, path) where org.id = v.id`.execute(
      tx,
    );
    out.push(...refs);
  });
  return out;
}

function villageKind(members: number): OrgKind {
  if (members > 100) return 'committee';
  if (members > 50) return 'general_branch';
  return 'branch';
}

const VILLAGE_SUFFIX: Partial<Record<OrgKind, string>> = {
  committee: '委员会',
  general_branch: '总支部委员会',
  branch: '支部委员会',
};

export async function seedDemo(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? shanghaiToday();
  const progress = options.onProgress ?? (() => {});
  const db = database.db;

  const existing = await db
    .selectFrom('org')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0)
    throw new Error(
      'seedDemo: the org table already has rows; demo data goes only into an empty, migrated database',
    );

  const plan = buildPlan(seed, options.scale);
  const shapes = new Map<string, GridShape>();
  for (const c of plan.counties) {
    const byVillage = countyGridShapes(
      {
        code: c.division.code,
        towns: c.towns.map((t) => ({
          code: t.division.code,
          villages: t.villages.map((v) => ({ code: v.division.code, grids: v.grids.length })),
        })),
      },
      seed,
    );
    for (const t of c.towns)
      for (const v of t.villages) {
        const list = byVillage.get(v.division.code) ?? [];
        v.grids.forEach((g, k) => {
          const s = list[k];
          if (s) shapes.set(g.code, s);
        });
      }
  }
  const passwordHash = await hashPassword(options.password);

  const summary = await db.transaction().execute(async (tx) => {
    // divisions: the whole city at every scale (reference data for lookups)
    const divisions = jiangmenDivisions();
    await insertBatched(
      divisions,
      BATCH,
      async (b) => {
        await tx.insertInto('division').values(b).execute();
      },
      (d) => progress('divisions', d, divisions.length),
    );

    // orgs, level by level (parents first)
    const orgTotal =
      1 +
      plan.counties.reduce(
        (s, c) =>
          s + 1 + c.towns.reduce((t, w) => t + 1 + w.villages.reduce((u, v) => u + 1 + v.grids.length, 0), 0),
        0,
      ) +
      plan.units.reduce((s, u) => s + 1 + u.children.length, 0);
    let orgDone = 0;
    const step = (n: number) => {
      orgDone += n;
      progress('orgs', orgDone, orgTotal);
    };
    const territorial = (o: {
      code: string;
      name: string;
      short: string;
      kind: OrgKind;
      level: NewOrg['level'];
      division: string;
      county: string | null;
      sort: number;
    }) => ({
      code: o.code,
      name: o.name,
      short_name: o.short,
      kind: o.kind,
      level: o.level,
      category: 'territorial' as const,
      division_code: o.division,
      county_code: o.county,
      pinyin_initials: pinyinInitials(o.short),
      sort_order: o.sort,
    });
    const [city] = await insertOrgs(tx, [
      {
        parent: null,
        org: territorial({
          code: plan.city.code,
          name: '中共江门市委员会',
          short: '江门市委',
          kind: 'committee',
          level: 'city',
          division: plan.city.code,
          county: null,
          sort: 0,
        }),
        setting: 'community',
        members: 0,
      },
    ]);
    if (!city) throw new Error('seedDemo: city org not inserted');
    step(1);
    const counties = await insertOrgs(
      tx,
      plan.counties.map((c, i) => {
        const name = c.division.name;
        return {
          parent: city,
          org: territorial({
            code: c.division.code,
            name: name.endsWith('区') ? `中共江门市${name}委员会` : `中共${name}委员会`,
            short: `${name}委`,
            kind: 'committee',
            level: 'county',
            division: c.division.code,
            county: c.division.code,
            sort: i,
          }),
          setting: 'community' as OrgSetting,
          members: 0,
        };
      }),
    );
    step(counties.length);
    const countyRef = new Map(counties.map((c) => [c.code, c]));
    const towns = await insertOrgs(
      tx,
      plan.counties.flatMap((c) =>
        c.towns.map((t, i) => {
          const street = t.division.kind === 'street';
          const name = t.division.name;
          return {
            parent: countyRef.get(c.division.code) as OrgRef,
            org: territorial({
              code: t.division.code,
              name: street ? `中共${name}工作委员会` : `中共${name}委员会`,
              short: street ? `${name}党工委` : `${name}党委`,
              kind: street ? 'working_committee' : 'committee',
              level: 'town',
              division: t.division.code,
              county: c.division.code,
              sort: i,
            }),
            setting: 'community' as OrgSetting,
            members: 0,
          };
        }),
      ),
    );
    step(towns.length);
    const townRef = new Map(towns.map((t) => [t.code, t]));
    const villagePlans = plan.counties.flatMap((c) => c.towns.flatMap((t) => t.villages));
    const villages = await insertOrgs(
      tx,
      plan.counties.flatMap((c) =>
        c.towns.flatMap((t) =>
          t.villages.map((v, i) => {
            const kind = villageKind(villageMembers(v));
            return {
              parent: townRef.get(t.division.code) as OrgRef,
              org: territorial({
                code: v.division.code,
                name: `中共${v.shortName}${VILLAGE_SUFFIX[kind]}`,
                short: v.shortName,
                kind,
                level: 'village',
                division: v.division.code,
                county: c.division.code,
                sort: i,
              }),
              setting: (v.division.kind === 'community' ? 'community' : 'village') as OrgSetting,
              members: 0,
            };
          }),
        ),
      ),
    );
    step(villages.length);
    const villageRef = new Map(villages.map((v) => [v.code, v]));
    const gridOrgs = await insertOrgs(
      tx,
      villagePlans.flatMap((v) =>
        v.grids.map((g, i) => {
          const branch = g.members >= 3;
          return {
            parent: villageRef.get(v.division.code) as OrgRef,
            org: territorial({
              code: g.code,
              name: branch ? `中共${g.name}支部委员会` : `${g.name}党小组`,
              short: g.name,
              kind: branch ? 'branch' : 'group',
              level: 'grid',
              division: v.division.code,
              county: v.countyCode,
              sort: i,
            }),
            setting: (v.division.kind === 'community' ? 'community' : 'village') as OrgSetting,
            members: g.members,
          };
        }),
      ),
    );
    step(gridOrgs.length);
    const gridOrgRef = new Map(gridOrgs.map((g) => [g.code, g]));

    // units beside the territorial tree
    const uscc = (u: UnitPlan) => (u.usccFirst17 ? makeUscc(u.usccFirst17) : null);
    const settingOf = (u: UnitPlan): OrgSetting =>
      u.category === 'agency' || u.category === 'school' || u.category === 'hospital'
        ? 'agency'
        : u.category === 'state_enterprise' || u.category === 'new_org'
          ? 'enterprise'
          : u.category === 'chain_committee'
            ? 'chain'
            : u.code.startsWith('HY03')
              ? 'gig'
              : 'enterprise';
    const unitRow = (u: UnitPlan, i: number) => ({
      code: u.code,
      name: u.name,
      short_name: u.shortName,
      kind: u.kind,
      level: 'unit' as const,
      category: u.category,
      division_code: null,
      county_code: u.countyCode,
      unit_name: u.unitName,
      uscc: uscc(u),
      pinyin_initials: pinyinInitials(u.shortName),
      sort_order: 100 + i,
    });
    const parentOf = (code: string) => (code === city.code ? city : (countyRef.get(code) as OrgRef));
    const unitCommittees = await insertOrgs(
      tx,
      plan.units.map((u, i) => ({
        parent: parentOf(u.parentCode),
        org: unitRow(u, i),
        setting: settingOf(u),
        members: 0,
      })),
    );
    step(unitCommittees.length);
    const unitBranches = await insertOrgs(
      tx,
      plan.units.flatMap((u, k) =>
        u.children.map((c, i) => ({
          parent: unitCommittees[k] as OrgRef,
          org: { ...unitRow(c, i), sort_order: i },
          setting: settingOf(c),
          members: c.members,
        })),
      ),
    );
    step(unitBranches.length);

    // grids
    const gridRows = villagePlans.flatMap((v) =>
      v.grids.map((g) => {
        const s = shapes.get(g.code);
        if (!s) throw new Error(`seedDemo: no shape for grid ${g.code}`);
        return {
          code: g.code,
          name: g.name,
          org_id: (gridOrgRef.get(g.code) as OrgRef).id,
          village_org_id: (villageRef.get(v.division.code) as OrgRef).id,
          division_code: v.division.code,
          county_code: v.countyCode,
          household_count: g.households,
          resident_count: g.residents,
          boundary: JSON.stringify([s.ring]),
          center_lng: s.center[0],
          center_lat: s.center[1],
          min_lng: s.bbox.minLng,
          min_lat: s.bbox.minLat,
          max_lng: s.bbox.maxLng,
          max_lat: s.bbox.maxLat,
        };
      }),
    );
    const gridIds = new Map<string, number>();
    await insertBatched(
      gridRows,
      BATCH,
      async (b) => {
        const rows = await tx.insertInto('grid').values(b).returning(['id', 'code']).execute();
        for (const r of rows) gridIds.set(r.code, Number(r.id));
      },
      (d) => progress('grids', d, gridRows.length),
    );

    // full-time grid workers
    const workerRng = createRng(seed, 'workers');
    const workers = villagePlans.flatMap((v) =>
      v.grids.flatMap((g) =>
        Array.from({ length: g.workers }, () => {
          const phone = mobilePhone(workerRng);
          return {
            grid_id: gridIds.get(g.code) as number,
            name: personName(workerRng, workerRng.chance(0.55) ? 'female' : 'male'),
            phone_enc: encryptPii(phone),
            phone_masked: maskPhone(phone),
            kind: 'full_time' as const,
            county_code: v.countyCode,
          };
        }),
      ),
    );
    await insertBatched(
      workers,
      BATCH,
      async (b) => {
        await tx.insertInto('grid_worker').values(b).execute();
      },
      (d) => progress('workers', d, workers.length),
    );

    // members
    const memberOrgs = [...gridOrgs, ...unitBranches].filter((o) => o.members > 0);
    const memberTotal = memberOrgs.reduce((s, o) => s + o.members, 0);
    const memberRng = createRng(seed, `people:${options.scale}`);
    const usedIds = new Set<string>();
    const allCounties =
      plan.counties.length === 7 ? plan.counties.map((c) => c.division.code) : ['440703', '440704'];
    let memberDone = 0;
    let pending: NewMember[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      await tx.insertInto('member').values(pending).execute();
      memberDone += pending.length;
      pending = [];
      progress('members', memberDone, memberTotal);
    };
    for (const o of memberOrgs) {
      for (let i = 0; i < o.members; i++) {
        const idCounty = o.countyCode ?? memberRng.pick(allCounties);
        const p = makePerson(memberRng, idCounty, o.setting, usedIds, today);
        pending.push(await memberRow(p, o.id, o.countyCode));
        if (pending.length >= BATCH) await flush();
      }
    }
    await flush();

    // accounts: one per org, plus the three administrators (三员分立)
    const allOrgs = [
      city,
      ...counties,
      ...towns,
      ...villages,
      ...gridOrgs,
      ...unitCommittees,
      ...unitBranches,
    ];
    const roleOf = (o: OrgRef): Role => {
      if (o.level === 'grid') return 'grid_worker';
      if (o.level === 'village') return 'secretary';
      if (o.level === 'unit')
        return o.kind === 'committee' || o.kind === 'working_committee' ? 'org_admin' : 'secretary';
      return 'org_admin';
    };
    const accounts = [
      ...allOrgs.map((o) => {
        const role = roleOf(o);
        return {
          username: o.code,
          display_name: `${o.shortName}${ROLE_WORD[role]}`,
          role,
          scope_org_id: o.id,
        };
      }),
      {
        username: 'sysadmin',
        display_name: '系统管理员',
        role: 'system_admin' as Role,
        scope_org_id: city.id,
      },
      {
        username: 'secadmin',
        display_name: '安全管理员',
        role: 'security_admin' as Role,
        scope_org_id: city.id,
      },
      {
        username: 'auditadmin',
        display_name: '审计管理员',
        role: 'audit_admin' as Role,
        scope_org_id: city.id,
      },
    ].map((a) => ({ ...a, password_hash: passwordHash, must_change_password: false }));
    await insertBatched(
      accounts,
      BATCH,
      async (b) => {
        await tx.insertInto('account').values(b).execute();
      },
      (d) => progress('accounts', d, accounts.length),
    );

    progress('totals', 0, 1);
    await recomputeOrgTotals(tx);
    // terms and committees of the grassroots orgs, member accounts (org checks, my records)
    const orgTerms = await seedOrgTerms(tx, { seed, passwordHash, today });
    await seedCommunityReports(tx, { seed }); // 双报到双服务 of this year and the last (demo/org-life/community-demo.ts)
    progress('totals', 1, 1);
    // village decisions and power: 换届, cadres, rosters, power list, decisions, 村务公开 (issue 14)
    await seedVillageDemo(tx, { seed, onProgress: progress });

    // the case loop: departments, their logins, external systems, then 12 months of cases
    const depts = await seedDepartments(tx, { seed, passwordHash });
    const casesStarted = performance.now();
    const cases = await seedCases(tx, {
      seed,
      scale: options.scale,
      onProgress: (done, total) => progress('cases', done, total),
      ...(options.cases === undefined ? {} : { count: options.cases }),
    });
    const casesMs = Math.round(performance.now() - casesStarted);
    // a year of organizational life up to today (after the cases: the notices point at them)
    const orgLife =
      options.orgLife === false
        ? null
        : await seedOrgLife(tx, {
            seed,
            today,
            // the test databases' patrol tests count their own check-ins: no demo patrols there
            patrols: options.scale !== 'test',
            onProgress: (_, done, total) => progress('org life', done, total),
          });
    // issue 15: categories, collective economy, contests, two years of assessments, weak-org ledgers
    progress('assessment', 0, 1);
    await seedAssessmentDemo(tx, { seed, today: today });
    progress('assessment', 1, 1);

    return {
      divisions: divisions.length,
      orgs: allOrgs.length,
      grids: gridRows.length,
      gridWorkers: workers.length,
      members: memberTotal,
      accounts: accounts.length + depts.departmentAccounts + depts.residents + orgTerms.accounts,
      households: gridRows.reduce((s, g) => s + g.household_count, 0),
      departments: depts.departments,
      cases: cases.cases,
      casesMs,
      orgLife,
    };
  });
  // the dispatcher's classifier, trained from the closed demo cases so a first start suggests at once
  const classifier = summary.cases > 0 ? await trainClassifierIfEnough(db, 'system') : null;
  return {
    ...summary,
    classifier: classifier && {
      version: classifier.version,
      samples: classifier.sampleCount,
      accuracy: classifier.accuracy,
      departmentAccuracy: classifier.departmentAccuracy,
      ms: classifier.trainingMs,
    },
    ms: Math.round(performance.now() - started),
  };
}
