// Demo 软弱涣散: last year's lists (about 20 villages citywide, most rectified, accepted and reviewed
// six months on; one review overdue; one still rectifying) and this year's lists in six counties from
// the candidates the criteria find on the seeding day, their ledgers in every state. 江海区 has only
// last year's list: its county lists this year's itself. Deterministic, dated up to the seeding day.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays, addMonths } from '../../recruitment/domain/dates.ts';
import type { LedgerState } from '../../weak-orgs/domain/ledger-machine.ts';
import {
  evaluateVillage,
  type Hit,
  WEAK_ORG_SETTINGS_DEFAULTS,
} from '../../weak-orgs/domain/weak-org-rules.ts';
import { villageFacts } from '../../weak-orgs/weak-org-facts.ts';
import { createRng } from '../random.ts';
import type { DemoVillage } from './economy-demo.ts';

type Tx = Transaction<DB> | Kysely<DB>;

const LAST_YEAR_LISTS: Record<string, number> = {
  '440703': 3,
  '440704': 2,
  '440705': 4,
  '440781': 4,
  '440783': 3,
  '440784': 2,
  '440785': 3,
};
const THIS_YEAR: LedgerState[] = [
  'accepted',
  'acceptance_requested',
  'rectifying',
  'listed',
  'rectifying',
  'acceptance_requested',
];

const PROBLEMS: Record<string, [string, string][]> = {
  secretary_vacant: [
    ['书记职位长期空缺，班子战斗力弱', '从致富能手、退役军人和返乡大学生中选优配强书记，镇党委派第一书记'],
  ],
  no_candidate: [
    ['两年以上未发展党员，党员队伍老化', '建立入党积极分子和后备力量台账，年内确定发展对象不少于 1 名'],
  ],
  low_satisfaction: [['群众诉求办理不及时，满意度低', '实行书记接访日，网格员每周入户，诉求限时办结并回访']],
  org_life_not_held: [['“三会一课”不经常、不规范', '固定每月主题党日，季度召开党员大会，镇党委派员列席督导']],
  election_overdue: [['换届逾期未进行', '报县委组织部同意后限期完成换届，严格候选人联审']],
  last_in_assessment: [['年度考核排名末位，重点任务推进慢', '制定年度任务清单，镇领导包联，每月通报进度']],
  petitions: [['信访矛盾集中，历史遗留问题多', '逐件建立化解台账，包案领导限期化解']],
  publication_overdue: [['村务公开不及时、不规范', '按村务公开目录逐月公开，财务收支每月上墙并在线公开']],
};
const EXTRA: [string, string][] = [
  ['村集体“三资”管理不规范', '清产核资，合同重新审查备案，纳入农村产权交易平台'],
  ['党员教育管理松散', '建立党员积分管理，开展“万名党员进党校”轮训'],
];
const CADRES = ['镇党委副书记', '镇党委委员、组织委员', '街道党工委副书记', '镇党委书记'];
const NAMES = [
  '陈志明',
  '李伟强',
  '黄丽华',
  '梁国荣',
  '吴晓峰',
  '林嘉欣',
  '张建新',
  '冯少聪',
  '谭志坚',
  '甄美玲',
];

function lastYearHits(rng: ReturnType<typeof createRng>, last: number): Hit[] {
  const all: Hit[] = [
    {
      criterion: 'last_in_assessment',
      zh: `${last - 1} 年度考核在同类村中排名末位`,
      en: `Last in its category in ${last - 1}`,
      figures: { year: last - 1 },
    },
    {
      criterion: 'org_life_not_held',
      zh: '近 12 个月应开会议 48 次，按期召开 19 次（39.6%），低于 50%',
      en: '19 of 48 meetings held',
      figures: { held: 19, due: 48 },
    },
    {
      criterion: 'no_candidate',
      zh: '最近一次确定发展对象是 2021 年，已超过 2 年',
      en: 'No candidate since 2021',
      figures: { lastCandidateOn: '2021-06-30' },
    },
    {
      criterion: 'low_satisfaction',
      zh: '近 12 个月群众满意率 52.4%（22/42），低于 60%',
      en: 'Satisfaction 52.4%',
      figures: { satisfied: 22, evaluated: 42 },
    },
    {
      criterion: 'petitions',
      zh: '近 12 个月信访事件 11 件，达到 8 件',
      en: '11 petitions',
      figures: { petitions: 11 },
    },
  ];
  return rng.shuffle(all).slice(0, rng.int(1, 2));
}

interface LedgerPlan {
  village: DemoVillage;
  year: number;
  state: LedgerState;
  hits: Hit[];
  listedOn: string;
  /** review result of a reviewed ledger */
  reviewOverdue?: boolean;
}

async function insertLedger(
  tx: Tx,
  p: LedgerPlan,
  accounts: ReadonlyMap<string, number>,
  rng: ReturnType<typeof createRng>,
  today: string,
) {
  const clamp = (d: string) => (d < today ? d : addDays(today, -1));
  const county = accounts.get(p.village.countyCode) ?? null;
  const town = accounts.get(p.village.townCode) ?? null;
  const planned = p.state !== 'listed';
  const planOn = clamp(addDays(p.listedOn, 20));
  const problems = [
    ...p.hits.flatMap((h) => PROBLEMS[h.criterion] ?? []),
    ...(rng.chance(0.6) ? [rng.pick(EXTRA)] : []),
  ].slice(0, 3);
  const closed = ['acceptance_requested', 'accepted', 'reviewed'].includes(p.state)
    ? problems.length
    : p.state === 'rectifying'
      ? Math.floor(problems.length / 2)
      : 0;
  const askedOn = clamp(addMonths(p.listedOn, 7));
  const acceptedOn = p.state === 'accepted' || p.state === 'reviewed' ? clamp(addDays(askedOn, 14)) : null;
  const reviewDue = acceptedOn ? addMonths(acceptedOn, WEAK_ORG_SETTINGS_DEFAULTS.reviewAfterMonths) : null;
  const reviewedOn = p.state === 'reviewed' && reviewDue ? clamp(addDays(reviewDue, 10)) : null;
  const [row] = await tx
    .insertInto('weak_org')
    .values({
      org_id: p.village.id,
      town_org_id: p.village.townId,
      county_code: p.village.countyCode,
      year: p.year,
      reasons: JSON.stringify({ hits: p.hits, manual: null, criteria: p.hits.map((h) => h.criterion) }),
      state: p.state,
      plan: planned
        ? '镇党委领导班子成员包联，选派驻村第一书记，问题清单逐项销号，每月向县委组织部报告进展'
        : '',
      cadre_name: planned ? rng.pick(NAMES) : '',
      cadre_post: planned ? rng.pick(CADRES) : '',
      deadline: planned ? addMonths(p.listedOn, 8) : null,
      listed_by: county,
      listed_on: p.listedOn,
      acceptance_evidence: acceptedOn
        ? '县委组织部实地验收：班子配齐配强，组织生活规范，群众满意度测评达 90% 以上'
        : '',
      accepted_on: acceptedOn,
      accepted_by: acceptedOn ? county : null,
      review_due_on: reviewDue,
      reviewed_on: reviewedOn,
      review_result: reviewedOn ? 'consolidated' : null,
      review_note: reviewedOn ? '回头看：整顿成果巩固，未发现问题反弹' : '',
    })
    .returning('id')
    .execute();
  const id = Number(row?.id);
  if (planned && problems.length)
    await tx
      .insertInto('rectification_problem')
      .values(
        problems.map(([problem, measure], i) => {
          const doneOn = i < closed ? clamp(addMonths(p.listedOn, 2 + i * 2)) : null;
          return {
            weak_org_id: id,
            county_code: p.village.countyCode,
            seq: i + 1,
            problem,
            measure,
            deadline: addMonths(p.listedOn, 3 + i * 2),
            done_on: doneOn,
            evidence: doneOn ? '镇党委会议纪要、现场照片、党员群众测评表' : '',
          };
        }),
      )
      .execute();
  const steps: { action: string; on: string; note: string; by: number | null }[] = [
    { action: 'list', on: p.listedOn, note: '县委确定为软弱涣散基层党组织，列入年度整顿名单', by: county },
  ];
  if (planned)
    steps.push({
      action: 'plan',
      on: planOn,
      note: `制定整顿方案：${problems.length} 个问题逐项整改`,
      by: town,
    });
  problems.slice(0, closed).forEach(([problem], i) => {
    steps.push({
      action: 'problem_done',
      on: clamp(addMonths(p.listedOn, 2 + i * 2)),
      note: `问题“${problem}”整改完成`,
      by: town,
    });
  });
  if (p.state === 'rectifying')
    steps.push({
      action: 'progress',
      on: clamp(addDays(today, -9)),
      note: '镇党委听取整顿进展汇报，督促按期完成',
      by: town,
    });
  if (['acceptance_requested', 'accepted', 'reviewed'].includes(p.state))
    steps.push({
      action: 'request_acceptance',
      on: askedOn,
      note: '申请销号：问题清单已全部整改完成',
      by: town,
    });
  if (acceptedOn) steps.push({ action: 'accept', on: acceptedOn, note: '验收销号', by: county });
  if (reviewedOn) steps.push({ action: 'review', on: reviewedOn, note: '回头看：整顿成果巩固', by: county });
  await tx
    .insertInto('rectification_progress')
    .values(
      steps.map((s) => ({
        weak_org_id: id,
        county_code: p.village.countyCode,
        action: s.action,
        on_date: s.on,
        note: s.note,
        recorded_by: s.by,
      })),
    )
    .execute();
  return id;
}

export async function seedWeakOrgs(
  tx: Tx,
  options: {
    seed: number;
    today: string;
    villages: DemoVillage[];
    quality: ReadonlyMap<number, number>;
    accounts: ReadonlyMap<string, number>;
    countyActor: (code: string) => Promise<Actor>;
  },
) {
  const rng = createRng(options.seed, 'weak-orgs');
  const { today } = options;
  const year = Number(today.slice(0, 4));
  const last = year - 1;
  const clamp = (d: string) => (d < today ? d : addDays(today, -1));
  const plans: LedgerPlan[] = [];
  const counties = [...new Set(options.villages.map((v) => v.countyCode))].sort();
  for (const county of counties) {
    const weakest = options.villages
      .filter((v) => v.countyCode === county)
      .sort((a, b) => (options.quality.get(a.id) ?? 0) - (options.quality.get(b.id) ?? 0))
      .slice(0, LAST_YEAR_LISTS[county] ?? 2);
    weakest.forEach((v, k) => {
      plans.push({
        village: v,
        year: last,
        // the last of the largest lists still rectifies; one review is overdue; the rest were reviewed
        state:
          county === '440781' && k === weakest.length - 1
            ? 'rectifying'
            : county === '440705' && k === 0
              ? 'accepted'
              : 'reviewed',
        hits: lastYearHits(rng, last),
        listedOn: clamp(`${last}-03-20`),
      });
    });
  }
  // this year, from what the criteria find in each county (江海区 lists its own)
  let k = 0;
  for (const county of counties.filter((c) => c !== '440704')) {
    const actor = await options.countyActor(county);
    const { villages, facts } = await villageFacts(tx as Kysely<DB>, actor, actor.scopePath, today);
    const lastListed = new Set(plans.map((p) => p.village.id));
    const found = villages
      .map((v) => ({
        v,
        hits: evaluateVillage(
          facts.get(v.id) as NonNullable<ReturnType<typeof facts.get>>,
          WEAK_ORG_SETTINGS_DEFAULTS,
          today,
        ),
      }))
      .filter((c) => c.hits.length > 0 && !lastListed.has(c.v.id))
      .sort((a, b) => b.hits.length - a.hits.length || a.v.code.localeCompare(b.v.code))
      .slice(0, rng.int(2, 3));
    for (const c of found) {
      const village = options.villages.find((v) => v.id === c.v.id);
      if (!village) continue;
      plans.push({
        village,
        year,
        state: THIS_YEAR[k++ % THIS_YEAR.length] as LedgerState,
        hits: c.hits,
        listedOn: clamp(`${year}-03-18`),
      });
    }
  }
  const ids: number[] = [];
  for (const p of plans) ids.push(await insertLedger(tx, p, options.accounts, rng, today));
  return { weakOrgs: ids.length };
}
