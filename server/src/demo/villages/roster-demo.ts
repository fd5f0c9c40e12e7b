// Demo rosters of every village (issue 14 item 7): the registered adult villagers and households of
// the village and of each villager group (from the grids' figures), the representatives elected per
// group (with each group's leader and party group leader; women about 2 in 5), reserve cadres with
// their training and mentoring (some villages short of the target), and the community workers and
// full-time grid workers on the career ladder with their hiring, promotions, training and assessments.
import { type Kysely, sql, type Transaction } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays, addYears } from '../../recruitment/domain/dates.ts';
import { CADRE_DEFAULTS } from '../../village-cadres/domain/cadre-settings.ts';
import { personName } from '../names.ts';
import { educationFor } from '../people.ts';
import { createRng } from '../random.ts';

type Tx = Transaction<DB> | Kysely<DB>;

const pad = (n: number) => String(n).padStart(2, '0');
/** Adults (18+) among residents, for the register's default. */
export const ADULT_SHARE = 0.8;

const TRAININGS = [
  '全市村（社区）后备干部示范培训班',
  '镇街后备干部能力提升班',
  '乡村振兴专题培训',
  '基层治理实务培训',
  '党务工作实务培训',
];
const PRACTICE = [
  '跟班学习村务管理',
  '参与矛盾纠纷调解',
  '协助组织村民代表会议',
  '参与集体经济项目管理',
  '驻点网格走访',
];
const WORKER_TRAININGS = [
  '社区工作者岗位培训',
  '网格化管理业务培训',
  '社会工作实务培训',
  '基层党建业务培训',
  '应急管理与安全生产培训',
];

export async function seedRosters(
  tx: Tx,
  options: { seed: number; today: string; electedOn: Map<number, string> },
) {
  const { seed, today } = options;
  const grids = await sql<{
    id: number;
    village_id: number;
    county_code: string;
    households: number;
    residents: number;
    code: string;
    village_code: string;
    kind: string;
  }>`
    select g.id, g.village_org_id as village_id, g.county_code, g.household_count as households, g.resident_count as residents,
      g.code, v.code as village_code, coalesce(d.kind, 'village') as kind
    from grid g join org v on v.id = g.village_org_id left join division d on d.code = v.division_code
    order by g.code`.execute(tx);
  const byVillage = new Map<number, typeof grids.rows>();
  for (const g of grids.rows)
    byVillage.set(Number(g.village_id), [...(byVillage.get(Number(g.village_id)) ?? []), g]);

  const register: {
    org_id: number;
    grid_id: number | null;
    county_code: string;
    adults: number;
    households: number;
    as_of: string;
  }[] = [];
  const reps: {
    org_id: number;
    grid_id: number;
    county_code: string;
    name: string;
    gender: string;
    group_role: string;
    term_start: string;
    term_end: string;
  }[] = [];
  const reserves: {
    org_id: number;
    county_code: string;
    name: string;
    gender: string;
    birth_date: string;
    education: string;
    party_member: boolean;
    since: string;
    mentor_name: string;
    status: string;
    note: string;
  }[] = [];
  const workers: {
    org_id: number;
    county_code: string;
    grid_worker_id: number | null;
    name: string;
    gender: string;
    birth_date: string;
    education: string;
    tier: number;
    grade: number;
    grade_since: string;
    started_on: string;
  }[] = [];
  const asOf = `${today.slice(0, 4)}-01-01`;
  for (const [villageId, list] of byVillage) {
    const first = list[0];
    if (!first) continue;
    const rng = createRng(seed, `roster:${first.village_code}`);
    const county = first.county_code;
    const adultsOf = (g: { residents: number }) => Math.round(Number(g.residents) * ADULT_SHARE);
    register.push({
      org_id: villageId,
      grid_id: null,
      county_code: county,
      adults: list.reduce((s, g) => s + adultsOf(g), 0),
      households: list.reduce((s, g) => s + Number(g.households), 0),
      as_of: asOf,
    });
    const termStart = options.electedOn.get(villageId) ?? `${Number(today.slice(0, 4)) - 1}-04-01`;
    for (const g of list) {
      register.push({
        org_id: villageId,
        grid_id: Number(g.id),
        county_code: county,
        adults: adultsOf(g),
        households: Number(g.households),
        as_of: asOf,
      });
      const n = Math.max(5, Math.min(14, Math.round(Number(g.households) / 60)));
      for (let k = 0; k < n; k++) {
        const gender = rng.chance(0.4) ? 'female' : 'male';
        reps.push({
          org_id: villageId,
          grid_id: Number(g.id),
          county_code: county,
          name: personName(rng, gender),
          gender,
          group_role: k === 0 ? 'group_leader' : k === 1 ? 'group_party_leader' : 'representative',
          term_start: termStart,
          term_end: addYears(termStart, CADRE_DEFAULTS.termYears),
        });
      }
    }
    const reserveCount = rng.weighted([0, 1, 2, 3, 4], [4, 10, 45, 30, 11]);
    for (let k = 0; k < reserveCount; k++) {
      const gender = rng.chance(0.55) ? 'male' : 'female';
      const birthYear = rng.int(1985, 2000);
      reserves.push({
        org_id: villageId,
        county_code: county,
        name: personName(rng, gender),
        gender,
        birth_date: `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
        education: rng.weighted(['junior_college', 'bachelor', 'senior_high'], [40, 45, 15]),
        party_member: rng.chance(0.7),
        since: addDays(today, -rng.int(60, 1400)),
        mentor_name: personName(rng, rng.chance(0.7) ? 'male' : 'female'),
        status: 'active',
        note: '',
      });
    }
    // communities keep community workers on the ladder (the full-time grid workers are added below)
    if (first.kind === 'community') {
      for (let k = rng.int(5, 12); k > 0; k--) {
        const gender = rng.chance(0.65) ? 'female' : 'male';
        const birthYear = rng.int(1968, 1999);
        const started = addDays(today, -rng.int(200, 5000));
        const tier = rng.weighted([1, 2, 3], [8, 20, 72]);
        const grade = rng.int(1, 6);
        workers.push({
          org_id: villageId,
          county_code: county,
          grid_worker_id: null,
          name: personName(rng, gender),
          gender,
          birth_date: `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
          education: educationFor(rng, birthYear, 'community'),
          tier,
          grade,
          grade_since: addDays(today, -rng.int(60, 1200)),
          started_on: started,
        });
      }
    }
  }
  const gridWorkers = await sql<{ id: number; name: string; village_id: number; county_code: string }>`
    select w.id, w.name, g.village_org_id as village_id, w.county_code
    from grid_worker w join grid g on g.id = w.grid_id where w.kind = 'full_time' order by w.id`.execute(tx);
  const wrng = createRng(seed, 'ladder:grid-workers');
  for (const w of gridWorkers.rows) {
    const gender = wrng.chance(0.55) ? 'female' : 'male';
    const birthYear = wrng.int(1975, 2000);
    workers.push({
      org_id: Number(w.village_id),
      county_code: w.county_code,
      grid_worker_id: Number(w.id),
      name: w.name,
      gender,
      birth_date: `${birthYear}-${pad(wrng.int(1, 12))}-${pad(wrng.int(1, 28))}`,
      education: educationFor(wrng, birthYear, 'community'),
      tier: 3,
      grade: wrng.weighted([1, 2, 3, 4, 5, 6], [25, 25, 20, 15, 10, 5]),
      grade_since: addDays(today, -wrng.int(30, 1300)),
      started_on: addDays(today, -wrng.int(400, 4000)),
    });
  }

  await bulkInsert(
    tx,
    'village_register',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'grid_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'adults', type: 'int4' },
      { name: 'households', type: 'int4' },
      { name: 'as_of', type: 'date' },
    ],
    register,
  );
  await bulkInsert(
    tx,
    'village_representative',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'grid_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'gender', type: 'text' },
      { name: 'group_role', type: 'text' },
      { name: 'term_start', type: 'date' },
      { name: 'term_end', type: 'date' },
    ],
    reps,
  );
  const reserveIds = await bulkInsert(
    tx,
    'reserve_cadre',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'gender', type: 'text' },
      { name: 'birth_date', type: 'date' },
      { name: 'education', type: 'text' },
      { name: 'party_member', type: 'bool' },
      { name: 'since', type: 'date' },
      { name: 'mentor_name', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'note', type: 'text' },
    ],
    reserves,
    { returning: ['id'] },
  );
  const arng = createRng(seed, 'reserve-activities');
  const activities = reserves.flatMap((r, i) =>
    Array.from({ length: arng.int(1, 5) }, () => {
      const kind = arng.weighted(['training', 'mentoring', 'practice'] as const, [45, 35, 20]);
      return {
        reserve_id: Number(reserveIds[i]?.id),
        county_code: r.county_code,
        kind,
        on_date: addDays(today, -arng.int(1, Math.max(2, Math.min(700, -daysAgo(r.since, today))))),
        title:
          kind === 'training'
            ? arng.pick(TRAININGS)
            : kind === 'mentoring'
              ? '导师结对谈心指导'
              : arng.pick(PRACTICE),
        hours:
          kind === 'training' ? arng.pick([8, 16, 24, 32]) : kind === 'mentoring' ? 2 : arng.pick([4, 8, 16]),
        mentor_name: kind === 'mentoring' ? r.mentor_name : '',
      };
    }),
  );
  await bulkInsert(
    tx,
    'reserve_activity',
    [
      { name: 'reserve_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'on_date', type: 'date' },
      { name: 'title', type: 'text' },
      { name: 'hours', type: 'float8' },
      { name: 'mentor_name', type: 'text' },
    ],
    activities,
  );
  const workerIds = await bulkInsert(
    tx,
    'community_worker',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'grid_worker_id', type: 'int8' },
      { name: 'name', type: 'text' },
      { name: 'gender', type: 'text' },
      { name: 'birth_date', type: 'date' },
      { name: 'education', type: 'text' },
      { name: 'tier', type: 'int4' },
      { name: 'grade', type: 'int4' },
      { name: 'grade_since', type: 'date' },
      { name: 'started_on', type: 'date' },
    ],
    workers,
    { returning: ['id'] },
  );
  const erng = createRng(seed, 'ladder-events');
  const events = workers.flatMap((w, i) => {
    const id = Number(workerIds[i]?.id);
    const out: {
      worker_id: number;
      county_code: string;
      kind: string;
      on_date: string;
      from_tier: number | null;
      from_grade: number | null;
      to_tier: number | null;
      to_grade: number | null;
      hours: number | null;
      result: string | null;
      note: string;
    }[] = [
      {
        worker_id: id,
        county_code: w.county_code,
        kind: 'hire',
        on_date: w.started_on,
        from_tier: null,
        from_grade: null,
        to_tier: w.tier,
        to_grade: 1,
        hours: null,
        result: null,
        note: '聘用',
      },
    ];
    if (w.grade > 1)
      out.push({
        worker_id: id,
        county_code: w.county_code,
        kind: 'promotion',
        on_date: w.grade_since,
        from_tier: w.tier,
        from_grade: w.grade - 1,
        to_tier: w.tier,
        to_grade: w.grade,
        hours: null,
        result: null,
        note: '按期晋级',
      });
    for (let k = erng.int(0, 3); k > 0; k--)
      out.push({
        worker_id: id,
        county_code: w.county_code,
        kind: 'training',
        on_date: addDays(today, -erng.int(1, 700)),
        from_tier: null,
        from_grade: null,
        to_tier: null,
        to_grade: null,
        hours: erng.pick([8, 16, 24, 40]),
        result: null,
        note: erng.pick(WORKER_TRAININGS),
      });
    out.push({
      worker_id: id,
      county_code: w.county_code,
      kind: 'assessment',
      on_date: `${Number(today.slice(0, 4)) - 1}-12-31`,
      from_tier: null,
      from_grade: null,
      to_tier: null,
      to_grade: null,
      hours: null,
      result: erng.weighted(['excellent', 'competent', 'basically_competent', 'incompetent'], [20, 70, 8, 2]),
      note: '年度考核',
    });
    return out;
  });
  await bulkInsert(
    tx,
    'community_worker_event',
    [
      { name: 'worker_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'on_date', type: 'date' },
      { name: 'from_tier', type: 'int4' },
      { name: 'from_grade', type: 'int4' },
      { name: 'to_tier', type: 'int4' },
      { name: 'to_grade', type: 'int4' },
      { name: 'hours', type: 'float8' },
      { name: 'result', type: 'text' },
      { name: 'note', type: 'text' },
    ],
    events,
  );
  return {
    register: register.length,
    representatives: reps.length,
    reserves: reserves.length,
    workers: workers.length,
  };
}

function daysAgo(on: string, today: string): number {
  return Math.round((Date.parse(on) - Date.parse(today)) / 86_400_000);
}
