// The plan of the demo data before any row is written: households and grids per village (fixed for
// the whole city, so every scale shares it), grid workers, and members per org (scale-dependent).
import { CITY_CODE, type DivisionRow, jiangmenDivisions, villageShortName } from './divisions.ts';
import {
  AGENCIES,
  chainUnits,
  HOSPITALS,
  INDUSTRY_COMMITTEES,
  newOrgUnits,
  SCHOOLS,
  STATE_ENTERPRISES,
} from './names.ts';
import { createRng } from './random.ts';

export type Scale = 'test' | 'demo' | 'city';

export const TOTAL_GRIDS = 2954;
export const TOTAL_FULL_TIME_WORKERS = 4400;
export const TARGET_HOUSEHOLDS = 1_600_000;
export const TEST_COUNTIES = ['440703', '440704'];
const MEMBER_TARGET: Record<Scale, number> = { test: 1500, demo: 30_000, city: 200_000 };

export interface GridPlan {
  code: string;
  name: string;
  households: number;
  residents: number;
  workers: number;
  members: number;
}

export interface VillagePlan {
  division: DivisionRow;
  shortName: string;
  countyCode: string;
  households: number;
  grids: GridPlan[];
}

export interface TownPlan {
  division: DivisionRow;
  villages: VillagePlan[];
}

export interface CountyPlan {
  division: DivisionRow;
  towns: TownPlan[];
}

export interface UnitPlan {
  code: string;
  name: string;
  shortName: string;
  kind: 'committee' | 'working_committee' | 'branch' | 'joint_branch' | 'general_branch';
  category:
    | 'agency'
    | 'state_enterprise'
    | 'school'
    | 'hospital'
    | 'new_org'
    | 'industry_committee'
    | 'chain_committee';
  /** Parent: the city ('4407') or a county code. */
  parentCode: string;
  countyCode: string | null;
  unitName: string | null;
  usccFirst17: string | null;
  members: number;
  children: UnitPlan[];
}

export interface DemoPlan {
  scale: Scale;
  city: DivisionRow;
  counties: CountyPlan[];
  units: UnitPlan[];
}

/** Households, grids and full-time workers per village and grid for the whole city (independent of scale). */
export function cityPlan(seed: number): CountyPlan[] {
  const divisions = jiangmenDivisions();
  const counties = divisions.filter((d) => d.level === 'county');
  const towns = divisions.filter((d) => d.level === 'town');
  const villages = divisions.filter((d) => d.level === 'village');

  // Households: communities are denser; virtual communities / farm living areas (codes ≥ 400) small.
  const raw = villages.map((v) => {
    const rng = createRng(seed, `hh:${v.code}`);
    const n = Number(v.code.slice(9, 12));
    const base = n >= 400 ? 250 : v.kind === 'community' ? 2600 : 900;
    return base * Math.exp(0.45 * rng.normal());
  });
  const rawTotal = raw.reduce((a, b) => a + b, 0);
  const households = raw.map((h) => Math.max(60, Math.round((h * TARGET_HOUSEHOLDS) / rawTotal)));

  // Grids: one per village, the rest to the village with the most households per grid (D'Hondt).
  const grids = villages.map(() => 1);
  for (let left = TOTAL_GRIDS - villages.length; left > 0; left--) {
    let best = 0;
    let bestQ = -1;
    for (let i = 0; i < villages.length; i++) {
      const q = (households[i] as number) / (grids[i] as number);
      if (q > bestQ) {
        bestQ = q;
        best = i;
      }
    }
    grids[best] = (grids[best] as number) + 1;
  }

  const villagePlans: VillagePlan[] = villages.map((v, i) => {
    const rng = createRng(seed, `grid:${v.code}`);
    const n = grids[i] as number;
    const total = households[i] as number;
    const weights = Array.from({ length: n }, () => rng.float(0.7, 1.3));
    const split = apportion(total, weights);
    const shortName = villageShortName(v.name);
    return {
      division: v,
      shortName,
      countyCode: v.code.slice(0, 6),
      households: total,
      grids: split.map((h, k) => ({
        code: `${v.code}${String(k + 1).padStart(3, '0')}`,
        name: `${shortName}第${k + 1}网格`,
        households: h,
        residents: Math.round(h * rng.float(2.6, 3.4)),
        workers: 1,
        members: 0,
      })),
    };
  });

  // Full-time workers: one per grid, a second one in the grids with the most households.
  const allGrids = villagePlans.flatMap((v) => v.grids);
  const byLoad = [...allGrids].sort((a, b) => b.households - a.households || a.code.localeCompare(b.code));
  for (const g of byLoad.slice(0, TOTAL_FULL_TIME_WORKERS - allGrids.length)) g.workers = 2;

  return counties.map((c) => ({
    division: c,
    towns: towns
      .filter((t) => t.parent_code === c.code)
      .map((t) => ({ division: t, villages: villagePlans.filter((v) => v.division.parent_code === t.code) })),
  }));
}

/** Splits `total` into integers proportional to `weights` (largest remainder), summing exactly to total. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = (order[k] as readonly [number, number])[1];
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

function unitPlans(seed: number, scale: Scale): UnitPlan[] {
  const rng = createRng(seed, 'units');
  const small = scale === 'test';
  const factor = scale === 'city' ? 4 : 1;
  const size = () => (small ? rng.int(4, 12) : rng.int(8, 40) * factor);
  const take = <T>(items: readonly T[], n: number) => items.slice(0, small ? Math.min(2, n) : n);
  const committee = (
    code: string,
    name: string,
    shortName: string,
    kind: UnitPlan['kind'],
    category: UnitPlan['category'],
    children: UnitPlan[],
    parentCode = CITY_CODE,
    countyCode: string | null = null,
  ): UnitPlan => ({
    code,
    name,
    shortName,
    kind,
    category,
    parentCode,
    countyCode,
    unitName: null,
    usccFirst17: null,
    members: 0,
    children,
  });
  const branch = (
    code: string,
    unit: string,
    name: string,
    shortName: string,
    category: UnitPlan['category'],
    members: number,
    extra: Partial<UnitPlan> = {},
  ): UnitPlan => ({
    code,
    name,
    shortName,
    kind: members > 50 ? 'general_branch' : 'branch',
    category,
    parentCode: '',
    countyCode: null,
    unitName: unit,
    usccFirst17: null,
    members,
    children: [],
    ...extra,
  });
  const seq = (prefix: string, i: number) => `${prefix}${String(i + 1).padStart(3, '0')}`;
  const short = (name: string) => name.replace(/^江门市/, '').replace(/有限公司$/, '');

  const units: UnitPlan[] = [];
  units.push(
    committee(
      'JG000',
      '中共江门市直属机关工作委员会',
      '市直机关工委',
      'working_committee',
      'agency',
      take(AGENCIES, 30).map((a, i) =>
        branch(seq('JG', i), `江门${a}`, `中共江门${a}机关支部委员会`, a, 'agency', size()),
      ),
    ),
  );
  units.push(
    committee(
      'GQ000',
      '中共江门市人民政府国有资产监督管理委员会委员会',
      '市国资委党委',
      'committee',
      'state_enterprise',
      take(STATE_ENTERPRISES, 10).map((u, i) =>
        branch(seq('GQ', i), u, `中共${u}支部委员会`, short(u), 'state_enterprise', size()),
      ),
    ),
  );
  units.push(
    committee(
      'XX000',
      '中共江门市委教育工作委员会',
      '市委教育工委',
      'working_committee',
      'school',
      take(SCHOOLS, 10).map((u, i) =>
        branch(seq('XX', i), u, `中共${u}支部委员会`, short(u), 'school', size()),
      ),
    ),
  );
  units.push(
    committee(
      'YY000',
      '中共江门市卫生健康局委员会',
      '市卫健局党委',
      'committee',
      'hospital',
      take(HOSPITALS, 8).map((u, i) =>
        branch(seq('YY', i), u, `中共${u}支部委员会`, short(u), 'hospital', size()),
      ),
    ),
  );
  const firms = newOrgUnits(createRng(seed, 'new-orgs'), small ? 2 : 40);
  const counties = ['440703', '440704', '440705', '440781', '440783', '440784', '440785'];
  units.push(
    committee(
      'LX000',
      '中共江门市委两新组织工作委员会',
      '市两新工委',
      'working_committee',
      'new_org',
      firms.map((f, i) => {
        const orgCode = `MA${Array.from({ length: 7 }, () => rng.pick(Array.from('0123456789ABCDEFGHJKLMNPQRTUWXY'))).join('')}`;
        const first17 = `${f.usccPrefix}${small ? rng.pick(TEST_COUNTIES) : rng.pick(counties)}${orgCode}`;
        return branch(
          seq('LX', i),
          f.name,
          `中共${f.name}支部委员会`,
          short(f.name),
          'new_org',
          small ? rng.int(3, 8) : rng.int(3, 15) * factor,
          {
            usccFirst17: first17,
          },
        );
      }),
    ),
  );
  take(INDUSTRY_COMMITTEES, 3)
    .slice(0, small ? 1 : 3)
    .forEach((ind, k) => {
      const code = `HY${String(k + 1).padStart(2, '0')}`;
      units.push(
        committee(
          code,
          ind.name,
          ind.short,
          'committee',
          'industry_committee',
          take(ind.units, ind.units.length).map((u, i) => {
            const joint = ind.joint;
            const suffix = joint && !u.endsWith('联合') ? '联合支部委员会' : '支部委员会';
            const b = branch(
              `${code}${String(i + 1).padStart(3, '0')}`,
              u,
              `中共${u}${suffix}`,
              u.replace(/^江门市/, ''),
              'industry_committee',
              size(),
            );
            if (joint && b.kind === 'branch') b.kind = 'joint_branch';
            return b;
          }),
        ),
      );
    });
  // 新会陈皮产业链党委: 34 branches and 1,200 members (RULES §1); in the test scale it hangs under the
  // city, since 新会区 is not generated there.
  const chainCount = small ? 2 : 34;
  const chainMembers = small
    ? [6, 7]
    : apportion(
        1200,
        Array.from({ length: chainCount }, () => rng.float(0.6, 1.4)),
      );
  units.push(
    committee(
      'CL000',
      '中共新会陈皮产业链委员会',
      '新会陈皮产业链党委',
      'committee',
      'chain_committee',
      chainUnits(chainCount).map((u, i) =>
        branch(seq('CL', i), u, `中共${u}支部委员会`, u, 'chain_committee', chainMembers[i] as number, {
          countyCode: small ? null : '440705',
        }),
      ),
      small ? CITY_CODE : '440705',
      small ? null : '440705',
    ),
  );
  for (const u of units)
    for (const c of u.children) {
      c.parentCode = u.code;
      if (c.kind === 'general_branch' && c.members <= 50) c.kind = 'branch';
    }
  return units;
}

/** The full plan for one scale: the city plan (filtered for 'test'), units, and members per grid and branch. */
export function buildPlan(seed: number, scale: Scale): DemoPlan {
  const all = cityPlan(seed);
  const counties = scale === 'test' ? all.filter((c) => TEST_COUNTIES.includes(c.division.code)) : all;
  const units = unitPlans(seed, scale);
  const unitMembers = units.reduce((s, u) => s + u.children.reduce((t, c) => t + c.members, 0), 0);
  const grids = counties.flatMap((c) => c.towns.flatMap((t) => t.villages.flatMap((v) => v.grids)));
  const rng = createRng(seed, `members:${scale}`);
  const territorial = Math.max(0, MEMBER_TARGET[scale] - unitMembers);
  const counts = apportion(
    territorial,
    grids.map((g) => g.residents * rng.float(0.5, 1.5)),
  );
  grids.forEach((g, i) => {
    g.members = counts[i] as number;
  });
  const city = jiangmenDivisions()[0] as DivisionRow;
  return { scale, city, counties, units };
}

export function villageMembers(v: VillagePlan): number {
  return v.grids.reduce((s, g) => s + g.members, 0);
}
