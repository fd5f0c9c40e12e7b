// Demo collective economy: four years of each village's income by source, expenses and distribution,
// and the registers of 强村公司 and 富民工坊 — deterministic from the seed, the latest year being the
// seeding year. Shares above 1,000,000 yuan of operating income follow Jiangmen's reports for the year
// before the seeding year (新会: 195 villages; the city: 60 % and more), growing towards it.
import type { Kysely, Transaction } from 'kysely';
import { type BulkColumn, bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DB } from '../../platform/db/schema.ts';
import { makeUscc } from '../../platform/text/uscc.ts';
import { createRng, type Rng } from '../random.ts';

type Tx = Transaction<DB> | Kysely<DB>;

/** Villages above 1,000,000 yuan of operating income in the year before the seeding year, per county. */
export const ABOVE_MILLION: Record<string, { count?: number; share?: number }> = {
  '440703': { share: 0.86 },
  '440704': { share: 0.9 },
  '440705': { count: 195 },
  '440781': { share: 0.46 },
  '440783': { share: 0.5 },
  '440784': { share: 0.62 },
  '440785': { share: 0.4 },
};

export const VILLAGE_COMPANIES: Record<string, number> = {
  '440703': 5,
  '440704': 4,
  '440705': 13,
  '440781': 8,
  '440783': 8,
  '440784': 6,
  '440785': 6,
};
export const WORKSHOPS: Record<string, number> = {
  '440703': 22,
  '440704': 12,
  '440705': 55,
  '440781': 30,
  '440783': 25,
  '440784': 20,
  '440785': 18,
};
const PRODUCTS = [
  '凉瓜',
  '陈皮',
  '腊味',
  '竹编',
  '葵艺',
  '茶叶',
  '鱼干',
  '粉葛',
  '马冈鹅',
  '沙糖桔',
  '炒米饼',
  '蚝干',
  '黄鳝饭',
  '濑粉',
];

export interface DemoVillage {
  id: number;
  code: string;
  shortName: string;
  townId: number;
  townCode: string;
  townShort: string;
  countyCode: string;
  divisionKind: 'community' | 'village';
}

const yuan = (y: number) => Math.round(y) * 100;

/** Operating income (yuan) in the year before the seeding year: the top `above` of a county above 1,000,000. */
function baseIncomes(villages: DemoVillage[], rng: Rng): Map<number, number> {
  const out = new Map<number, number>();
  const byCounty = new Map<string, DemoVillage[]>();
  for (const v of villages) {
    const list = byCounty.get(v.countyCode) ?? [];
    list.push(v);
    byCounty.set(v.countyCode, list);
  }
  for (const [county, list] of byCounty) {
    const rule = ABOVE_MILLION[county] ?? { share: 0.5 };
    const above = Math.min(list.length, rule.count ?? Math.round(list.length * (rule.share ?? 0.5)));
    const order = rng.shuffle([...list]);
    order.forEach((v, k) => {
      if (k < above) out.set(v.id, 1_000_000 * Math.exp(rng.float(0, Math.log(6.5))) + rng.int(0, 9_999));
      else {
        const r = rng.next();
        out.set(
          v.id,
          r < 0.12
            ? rng.int(60_000, 99_999)
            : r < 0.5
              ? rng.int(100_000, 499_999)
              : rng.int(500_000, 990_000),
        );
      }
    });
  }
  return out;
}

export async function seedCollectiveEconomy(
  tx: Tx,
  options: { seed: number; today: string; villages: DemoVillage[] },
) {
  const rng = createRng(options.seed, 'collective-economy');
  const year = Number(options.today.slice(0, 4));
  const latest = year - 1;
  const villages = options.villages.filter((v) => v.divisionKind === 'village');
  const base = baseIncomes(villages, rng);

  // registers first: a village in a 强村公司 or with a 富民工坊 has that source of income
  const companies: {
    v: DemoVillage[];
    name: string;
    owner: number;
    county: string;
    jobs: number;
    founded: string;
  }[] = [];
  const workshops: { v: DemoVillage; name: string; county: string; jobs: number; founded: string }[] = [];
  const inCompany = new Set<number>();
  const withWorkshop = new Set<number>();
  const byTown = new Map<number, DemoVillage[]>();
  for (const v of villages) {
    const list = byTown.get(v.townId) ?? [];
    list.push(v);
    byTown.set(v.townId, list);
  }
  for (const county of Object.keys(VILLAGE_COMPANIES)) {
    const towns = [...byTown.values()].filter((list) => list[0]?.countyCode === county && list.length >= 3);
    const picked = rng.shuffle([...towns]).slice(0, VILLAGE_COMPANIES[county]);
    for (const list of picked) {
      const joined = rng.shuffle([...list]).slice(0, Math.min(list.length, rng.int(3, 10)));
      for (const v of joined) inCompany.add(v.id);
      const t = list[0] as DemoVillage;
      companies.push({
        v: joined,
        name: `江门市${t.townShort}强村发展有限公司`,
        owner: t.townId,
        county,
        jobs: rng.int(12, 80),
        founded: `${rng.int(year - 5, year - 1)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      });
    }
    const mine = rng.shuffle(villages.filter((v) => v.countyCode === county));
    for (const v of mine.slice(0, WORKSHOPS[county])) {
      withWorkshop.add(v.id);
      // 蓬江区杜阮镇上巷村 makes 凉瓜 products (seed 002)
      const product = v.shortName.includes('上巷') ? '凉瓜' : rng.pick(PRODUCTS);
      workshops.push({
        v,
        name: `${v.shortName}${product}富民工坊`,
        county,
        jobs: rng.int(8, 60),
        founded: `${rng.int(year - 4, year)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      });
    }
  }

  // four years of accounts, from three years before the latest to the seeding year
  const incomeRows: {
    org_id: number;
    year: number;
    source: string;
    county_code: string;
    amount_fen: number;
  }[] = [];
  const accountRows: {
    org_id: number;
    year: number;
    county_code: string;
    expenses_fen: number;
    distributed_fen: number;
    note: string;
  }[] = [];
  for (const v of villages) {
    const b = base.get(v.id) ?? 300_000;
    const years = new Map<number, number>([[latest, b]]);
    years.set(latest - 1, b / (1 + rng.float(-0.02, 0.22)));
    years.set(latest - 2, (years.get(latest - 1) as number) / (1 + rng.float(-0.02, 0.2)));
    years.set(year, b * (1 + rng.normal() * 0.08 + 0.07));
    const split = {
      land_lease: rng.float(0.3, 0.6),
      property_lease: rng.float(0.1, 0.3),
      village_company: inCompany.has(v.id) ? rng.float(0.08, 0.2) : 0,
      workshop: withWorkshop.has(v.id) ? rng.float(0.05, 0.15) : 0,
      services: rng.float(0, 0.1),
      investment: rng.chance(0.3) ? rng.float(0, 0.08) : 0,
    };
    const total = Object.values(split).reduce((t, x) => t + x, 0);
    for (const [y, operating] of years) {
      if (y > year) continue;
      let placed = 0;
      const entries = Object.entries(split).filter(([, w]) => w > 0);
      entries.forEach(([source, w], k) => {
        const amount =
          k === entries.length - 1 ? Math.max(0, operating - placed) : Math.floor((operating * w) / total);
        placed += amount;
        if (amount > 0)
          incomeRows.push({
            org_id: v.id,
            year: y,
            source,
            county_code: v.countyCode,
            amount_fen: yuan(amount),
          });
      });
      const subsidy = rng.int(50_000, 300_000);
      incomeRows.push({
        org_id: v.id,
        year: y,
        source: 'subsidy',
        county_code: v.countyCode,
        amount_fen: yuan(subsidy),
      });
      const expenses = (operating + subsidy) * rng.float(0.2, 0.4);
      const net = operating + subsidy - expenses;
      accountRows.push({
        org_id: v.id,
        year: y,
        county_code: v.countyCode,
        expenses_fen: yuan(expenses),
        distributed_fen: yuan(Math.max(0, net) * rng.float(0.2, 0.5)),
        note: y === year ? `${y} 年 1–11 月决算及 12 月预计` : `${y} 年度决算`,
      });
    }
  }
  await bulkInsert(tx, 'collective_income', INCOME_COLUMNS, incomeRows);
  await bulkInsert(tx, 'collective_account', ACCOUNT_COLUMNS, accountRows);

  // the registers with their villages and three years of figures
  let serial = 0;
  const uscc = (county: string) => makeUscc(`91${county}MA${String(++serial).padStart(7, '0')}`);
  for (const c of companies) {
    const [row] = await tx
      .insertInto('collective_enterprise')
      .values({
        kind: 'village_company',
        name: c.name,
        uscc: uscc(c.county),
        county_code: c.county,
        org_id: c.owner,
        founded_on: c.founded,
        business: '集体物业经营、农产品统购统销、乡村旅游、劳务服务',
        manager: `乡村CEO ${rng.pick(['李', '陈', '黄', '梁', '张', '吴', '林'])}${rng.pick(['志强', '伟明', '嘉欣', '晓峰', '丽华', '国荣'])}`,
      })
      .returning('id')
      .execute();
    const id = Number(row?.id);
    await tx
      .insertInto('collective_enterprise_village')
      .values(c.v.map((v) => ({ enterprise_id: id, org_id: v.id })))
      .execute();
    await tx
      .insertInto('collective_enterprise_year')
      .values(
        [latest - 1, latest, year]
          .filter((y) => y >= Number(c.founded.slice(0, 4)))
          .map((y) => {
            const revenue = rng.int(800_000, 6_000_000);
            return {
              enterprise_id: id,
              year: y,
              county_code: c.county,
              revenue_fen: yuan(revenue),
              dividends_fen: yuan(revenue * rng.float(0.1, 0.3)),
              jobs: c.jobs + rng.int(-5, 5),
            };
          }),
      )
      .execute();
  }
  for (const w of workshops) {
    const [row] = await tx
      .insertInto('collective_enterprise')
      .values({
        kind: 'workshop',
        name: w.name,
        uscc: null,
        county_code: w.county,
        org_id: w.v.id,
        founded_on: w.founded,
        business: '村民家门口就业：来料加工、农产品初加工、特色手工艺',
        manager: `${w.v.shortName}党支部`,
      })
      .returning('id')
      .execute();
    const id = Number(row?.id);
    await tx
      .insertInto('collective_enterprise_village')
      .values({ enterprise_id: id, org_id: w.v.id })
      .execute();
    const years = [latest - 1, latest, year].filter((y) => y >= Number(w.founded.slice(0, 4)));
    if (years.length)
      await tx
        .insertInto('collective_enterprise_year')
        .values(
          years.map((y) => {
            const revenue = rng.int(150_000, 1_500_000);
            return {
              enterprise_id: id,
              year: y,
              county_code: w.county,
              revenue_fen: yuan(revenue),
              dividends_fen: yuan(revenue * rng.float(0.05, 0.2)),
              jobs: w.jobs + rng.int(-3, 3),
            };
          }),
        )
        .execute();
  }
  return { incomes: incomeRows.length, companies: companies.length, workshops: workshops.length };
}

const INCOME_COLUMNS: BulkColumn<{
  org_id: number;
  year: number;
  source: string;
  county_code: string;
  amount_fen: number;
}>[] = [
  { name: 'org_id', type: 'int8' },
  { name: 'year', type: 'int4' },
  { name: 'source', type: 'text' },
  { name: 'county_code', type: 'text' },
  { name: 'amount_fen', type: 'int8' },
];
const ACCOUNT_COLUMNS: BulkColumn<{
  org_id: number;
  year: number;
  county_code: string;
  expenses_fen: number;
  distributed_fen: number;
  note: string;
}>[] = [
  { name: 'org_id', type: 'int8' },
  { name: 'year', type: 'int4' },
  { name: 'county_code', type: 'text' },
  { name: 'expenses_fen', type: 'int8' },
  { name: 'distributed_fen', type: 'int8' },
  { name: 'note', type: 'text' },
];
