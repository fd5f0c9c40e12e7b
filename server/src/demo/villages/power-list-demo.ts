// Demo 小微权力清单 (issue 14 item 7): each county's copy of the model list, and a year of power use
// in every village — most records following their power's procedure to the end, some still open,
// a few matching nothing on the list or matching the negative list (flagged to the town, some of
// them already reviewed there).
import { type Kysely, sql, type Transaction } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DB } from '../../platform/db/schema.ts';
import { POWER_CATALOG } from '../../power-list/power-catalog.ts';
import { addDays } from '../../recruitment/domain/dates.ts';
import { personName } from '../names.ts';
import { createRng } from '../random.ts';

type Tx = Transaction<DB> | Kysely<DB>;

/** Each county's list: a copy of the model catalog. */
export async function seedPowerItems(tx: Tx) {
  const counties = await tx
    .selectFrom('org')
    .select('code')
    .where('level', '=', 'county')
    .orderBy('code')
    .execute();
  const rows = counties.flatMap((c) =>
    POWER_CATALOG.map((p, i) => ({
      county_code: c.code,
      kind: p.kind,
      code: p.code,
      name: p.name,
      category: p.category,
      actor: p.actor,
      basis: p.basis,
      steps: p.steps,
      keywords: p.keywords,
      sort_order: i,
    })),
  );
  await bulkInsert(
    tx,
    'power_item',
    [
      { name: 'county_code', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'category', type: 'text' },
      { name: 'actor', type: 'text' },
      { name: 'basis', type: 'text' },
      { name: 'steps', type: 'jsonb' },
      { name: 'keywords', type: 'jsonb' },
      { name: 'sort_order', type: 'int4' },
    ],
    rows,
  );
  return rows.length;
}

const USE_WEIGHTS: Record<string, number> = {
  Z06: 30,
  Z07: 18,
  Z16: 14,
  Z03: 10,
  Z08: 5,
  Z10: 4,
  Z12: 4,
  Z24: 6,
  Z26: 5,
  Z28: 5,
  Z31: 4,
  Z32: 3,
  Z23: 2,
  Z02: 2,
  Z04: 2,
  Z13: 2,
  Z11: 2,
  Z20: 2,
  Z29: 2,
  Z18: 1,
  Z33: 1,
  Z34: 2,
};
const USE_TITLES: Record<string, string[]> = {
  Z06: ['报销村委会办公用品费用', '支付村道保洁服务费', '支付村级治安巡逻误餐费', '报销党员活动室电费'],
  Z07: ['为村民开具居住证明用印', '村股份经济合作社合同用印', '为困难户救助申请盖章'],
  Z16: ['出具家庭经济状况证明', '出具亲属关系证明', '出具居住证明'],
  Z03: ['采购防汛沙袋和救生衣', '采购村委会办公电脑', '购买垃圾分类收集桶'],
  Z08: ['村民低保申请初审', '低保家庭年度复核'],
  Z10: ['受灾农户临时救助申请', '重病家庭临时救助申请'],
  Z12: ['村民新建住房宅基地申请', '危旧房拆旧建新申请'],
  Z24: ['邻里宅基地边界纠纷调解', '土地承包合同纠纷调解', '家庭赡养纠纷调解'],
  Z26: ['出租屋租客登记', '流动人口信息登记'],
  Z28: ['代办城乡居民医保参保', '代办城乡居民养老保险'],
  Z31: ['春节困难群众走访慰问', '重阳节高龄老人慰问'],
  Z32: ['人居环境整治月度积分评定'],
  Z23: ['聘用村道保洁员', '聘用护林员'],
  Z02: ['村道硬底化工程', '村排水渠改造工程'],
  Z04: ['集体鱼塘承包到期重新发包', '集体商铺公开招租'],
  Z13: ['农户土地流转给合作社种植陈皮'],
  Z11: ['重度残疾人护理补贴申请'],
  Z20: ['耕地地力保护补贴发放'],
  Z29: ['台风前调用应急物资'],
  Z18: ['发放村干部误工补贴'],
  Z33: ['新购设备固定资产登记'],
  Z34: ['召集村民代表会议讨论村道维修'],
};
const UNMATCHED = ['组织村民外出参观学习', '为企业协调用工', '村庄节庆活动筹备', '代收村民水费'];
const NEGATIVE: [string, string][] = [
  ['F01', '以村委会名义为本村企业贷款提供担保'],
  ['F02', '应熟人要求出借公章办理手续'],
  ['F04', '村道维修工程拆分为三个项目直接发包'],
  ['F07', '年终向村干部发放购物卡'],
];

export async function seedPowerUses(tx: Tx, options: { seed: number; today: string }) {
  const { seed, today } = options;
  const items = await tx
    .selectFrom('power_item')
    .select(['id', 'county_code', 'code', 'kind', 'steps'])
    .execute();
  const itemOf = new Map(items.map((i) => [`${i.county_code}:${i.code}`, i]));
  const villages = await sql<{
    id: number;
    code: string;
    county_code: string;
    kind: string;
    secretary: string | null;
  }>`
    select v.id, v.code, v.county_code, coalesce(d.kind, 'village') as kind,
      (select c.name from cadre_post p join village_cadre c on c.id = p.cadre_id
        where p.org_id = v.id and p.post = 'party_secretary' and p.ended_on is null limit 1) as secretary
    from org v left join division d on d.code = v.division_code
    where v.level = 'village' and v.category = 'territorial' order by v.code`.execute(tx);
  const codes = Object.keys(USE_WEIGHTS);
  const weights = codes.map((c) => USE_WEIGHTS[c] as number);
  const uses: Record<string, unknown>[] = [];
  const stepsOf: Record<string, unknown>[][] = [];
  for (const v of villages.rows) {
    const rng = createRng(seed, `power:${v.code}`);
    const n = v.kind === 'community' ? rng.int(6, 14) : rng.int(8, 22);
    const clerk = personName(rng, 'female');
    for (let k = 0; k < n; k++) {
      const startedOn = addDays(today, -rng.int(0, 364));
      const r = rng.next();
      let item: (typeof items)[number] | undefined;
      let title: string;
      let flag: string | null = null;
      let detail: Record<string, unknown> | null = null;
      if (r < 0.02) {
        title = rng.pick(UNMATCHED);
        flag = 'unmatched';
        detail = { reason: '未匹配小微权力清单事项' };
      } else if (r < 0.025) {
        const [code, text] = rng.pick(NEGATIVE);
        title = text;
        flag = 'negative';
        const neg = itemOf.get(`${v.county_code}:${code}`);
        detail = { negativeItemId: neg ? Number(neg.id) : null, negativeCode: code, words: [] };
      } else {
        const code = rng.weighted(codes, weights);
        item = itemOf.get(`${v.county_code}:${code}`);
        title = rng.pick(USE_TITLES[code] ?? ['村级事项']);
      }
      const procedure = item?.steps ?? [];
      const age = -Math.round((Date.parse(startedOn) - Date.parse(today)) / 86_400_000);
      const done =
        procedure.length === 0
          ? 0
          : age > 30 || rng.chance(0.5)
            ? rng.chance(0.96)
              ? procedure.length
              : rng.int(1, procedure.length - 1)
            : rng.int(0, procedure.length);
      const amount =
        item && ['Z03', 'Z06', 'Z02', 'Z04'].includes(item.code)
          ? rng.int(5, item.code === 'Z02' ? 900 : 120) * 100_000
          : null;
      let on = startedOn;
      const steps = procedure.slice(0, done).map((s, i) => {
        on = addDays(on, rng.int(0, 4));
        if (on > today) on = today;
        return {
          step_index: i + 1,
          done_on: on,
          actor_name:
            s.actor.includes('书记') && v.secretary
              ? v.secretary
              : s.actor.split('、')[0] === '经办人'
                ? clerk
                : s.actor.split('、')[0],
          evidence: s.evidence ? `${s.evidence}（已存档）` : '',
        };
      });
      const reviewed = flag !== null && age > 20 && rng.chance(0.6);
      uses.push({
        org_id: Number(v.id),
        county_code: v.county_code,
        item_id: item ? Number(item.id) : null,
        title,
        description: title,
        amount_fen: amount,
        started_on: startedOn,
        procedure,
        steps_done: done,
        status: procedure.length > 0 && done === procedure.length ? 'completed' : 'open',
        completed_on: procedure.length > 0 && done === procedure.length ? on : null,
        flag,
        flag_detail: detail,
        flag_reviewed_at: reviewed ? `${addDays(startedOn, rng.int(3, 15))}T16:00:00+08:00` : null,
        flag_review_note: reviewed
          ? flag === 'negative'
            ? '已约谈村党组织书记，责令整改，移交镇纪委跟进。'
            : '经核查属村民自治事项，纳入清单外事项备案。'
          : null,
      });
      stepsOf.push(steps.map((s) => ({ ...s, county_code: v.county_code })));
    }
  }
  const ids = await bulkInsert(
    tx,
    'power_use',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'item_id', type: 'int8' },
      { name: 'title', type: 'text' },
      { name: 'description', type: 'text' },
      { name: 'amount_fen', type: 'int8' },
      { name: 'started_on', type: 'date' },
      { name: 'procedure', type: 'jsonb' },
      { name: 'steps_done', type: 'int4' },
      { name: 'status', type: 'text' },
      { name: 'completed_on', type: 'date' },
      { name: 'flag', type: 'text' },
      { name: 'flag_detail', type: 'jsonb' },
      { name: 'flag_reviewed_at', type: 'timestamptz' },
      { name: 'flag_review_note', type: 'text' },
    ],
    uses,
    { returning: ['id'] },
  );
  const steps: Record<string, unknown>[] = stepsOf.flatMap((list, i) =>
    list.map((s) => ({ ...s, use_id: Number(ids[i]?.id) })),
  );
  await bulkInsert(
    tx,
    'power_use_step',
    [
      { name: 'use_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'step_index', type: 'int4' },
      { name: 'done_on', type: 'date' },
      { name: 'actor_name', type: 'text' },
      { name: 'evidence', type: 'text' },
    ],
    steps,
  );
  return { uses: uses.length, steps: steps.length };
}
