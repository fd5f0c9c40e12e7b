// 党费 of the last four months and this one: each member's declared base (税后月收入, declared at the mid-year review)
// and monthly payments at the rates of RULES §4 (dues/domain/dues-rules.ts), paid within the month;
// about three members in a hundred owe the last month or two, a few who work far away owe six months
// (the six-month warning shows them), and this month's dues come in as the days pass.
import { sql } from 'kysely';
import { categoryOf, DEFAULT_RATES, monthlyDueFen } from '../../dues/domain/dues-rules.ts';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import { addMonths } from '../../recruitment/domain/dates.ts';
import { createRng } from '../random.ts';
import { dice, type OrgLifeContext, type Tx } from './context.ts';

/** The months of payments before this one (the dues record starts with the bases declared then). */
const MONTHS_BACK = 4;

interface DuesRow {
  member_id: number;
  org_id: number;
  county_code: string | null;
  base_fen: number | null;
  due_fen: number;
  /** trailing months left unpaid (0 for most) */
  owed: number;
}

export async function seedDues(tx: Tx, ctx: OrgLifeContext): Promise<{ bases: number; payments: number }> {
  const { seed, today } = ctx;
  const rng = createRng(seed, 'dues');
  const current = today.slice(0, 7);
  const start = addMonths(`${current}-01`, -MONTHS_BACK).slice(0, 7);
  const members = await sql<{
    member_id: number;
    life_org_id: number;
    county_code: string | null;
    occupation: string;
    away: boolean;
  }>`select member_id, life_org_id, county_code, occupation, away from demo_life_member order by member_id`.execute(
    tx,
  );
  const rows: DuesRow[] = members.rows.map((m) => {
    const category = categoryOf(m.occupation);
    const base =
      category === 'in_service'
        ? Math.round(Math.max(2_200, 5_800 + 2_600 * rng.normal()) / 10) * 1_000
        : category === 'retired'
          ? Math.round(Math.max(1_800, 3_900 + 1_200 * rng.normal()) / 10) * 1_000
          : null;
    const r = rng.next();
    const owed = m.away && r < 0.12 ? MONTHS_BACK + 1 : r < 0.03 ? rng.int(1, 2) : 0;
    return {
      member_id: Number(m.member_id),
      org_id: Number(m.life_org_id),
      county_code: m.county_code,
      base_fen: base,
      due_fen: monthlyDueFen(DEFAULT_RATES, category, base ?? 0),
      owed,
    };
  });
  await sql`drop table if exists demo_dues`.execute(tx);
  await sql`create temp table demo_dues (member_id bigint, org_id bigint, county_code text, base_fen int, due_fen int, owed int)`.execute(
    tx,
  );
  await bulkInsert(
    tx,
    'demo_dues',
    [
      { name: 'member_id', type: 'int8' },
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'base_fen', type: 'int4' },
      { name: 'due_fen', type: 'int4' },
      { name: 'owed', type: 'int4' },
    ],
    rows,
    { batchSize: 10_000 },
  );
  const b = await sql`insert into dues_base (member_id, from_month, county_code, base_fen)
    select d.member_id, greatest(${start}, to_char(m.joined_on, 'YYYY-MM')), d.county_code, d.base_fen
    from demo_dues d join member m on m.id = d.member_id where d.base_fen is not null`.execute(tx);
  // months as numbers back from this one: 0 = this month
  const months = Array.from({ length: MONTHS_BACK + 1 }, (_, k) => ({
    month: addMonths(`${current}-01`, -k).slice(0, 7),
    back: k,
  }));
  const p =
    await sql`insert into dues_payment (member_id, month, org_id, county_code, due_fen, paid_fen, paid_on)
    select d.member_id, mo.month, d.org_id, d.county_code, d.due_fen, d.due_fen,
      least(${today}::date, (mo.month || '-01')::date + ${dice(seed, 20, sql`d.member_id`, sql`mo.back`)})
    from demo_dues d join member m on m.id = d.member_id
    cross join (values ${sql.join(months.map((x) => sql`(${x.month}, ${x.back}::int)`))}) as mo(month, back)
    where d.due_fen > 0 and mo.month >= to_char(m.joined_on, 'YYYY-MM')
      and (mo.back > d.owed or (mo.back = 0 and d.owed = 0 and ${dice(seed, 100, sql`d.member_id`, sql`99`)} < 45))
      and (mo.back > 0 or (mo.month || '-01')::date + ${dice(seed, 20, sql`d.member_id`, sql`mo.back`)} <= ${today}::date)`.execute(
      tx,
    );
  await sql`drop table demo_dues`.execute(tx);
  return { bases: Number(b.numAffectedRows ?? 0), payments: Number(p.numAffectedRows ?? 0) };
}
