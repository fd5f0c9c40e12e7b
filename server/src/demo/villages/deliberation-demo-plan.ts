// One demo village decision, planned in memory (issue 14 item 7): its title and category, its steps
// with dates, bodies, who attended (drawn from the village's rosters), votes, minutes and publication
// texts, cut at today — most made by the rules, some not (published late or never, implemented
// during the notice, entered afterwards without the party assembly or without quorum, a land matter
// resolved by the representatives), some rejected, withdrawn or still open. Pure: rng and rosters in.

import type { Attendees } from '../../deliberation/deliberation-tables.ts';
import { type StepRecord, villagerMeetingRoute } from '../../deliberation/domain/deliberation-machine.ts';
import type { DeliberationSettings } from '../../deliberation/domain/deliberation-settings.ts';
import { needed } from '../../deliberation/domain/quorum.ts';
import type { Category, Template } from '../../deliberation/domain/templates.ts';
import { addDays } from '../../recruitment/domain/dates.ts';
import type { Rng } from '../random.ts';

export interface DemoRosters {
  villageName: string;
  /** cadre ids: the party committee, the villagers' committee, the supervision committee */
  party: number[];
  villagers: number[];
  supervision: number[];
  secretaryName: string;
  oneShoulder: boolean;
  members: number[];
  representatives: number[];
  adults: number;
  households: number;
  /** villager groups: grid id, name, leaders and representatives, adults and households */
  groups: {
    gridId: number;
    name: string;
    leaders: number[];
    council: number[];
    adults: number;
    households: number;
  }[];
}

export type DemoKind =
  | 'valid'
  | 'late_publication'
  | 'unpublished'
  | 'implemented_early'
  | 'retro_missing_review'
  | 'retro_no_quorum'
  | 'retro_wrong_body'
  | 'rejected'
  | 'withdrawn'
  | 'supervision_objection';

export interface PlannedStep {
  record: StepRecord;
  attendees: Attendees;
  place: string;
  minutes: string;
  content: string;
}

export interface PlannedMatter {
  template: Template['key'];
  gridId: number | null;
  title: string;
  category: Category;
  amountFen: number | null;
  description: string;
  retrospective: boolean;
  withdrawn: boolean;
  steps: PlannedStep[];
}

const TITLES: Record<Category, string[]> = {
  land_contracting: [
    '第{n}经济社农用地承包经营权流转方案',
    '{y}年度集体鱼塘承包方案',
    '集体果园土地发包方案',
  ],
  homestead: ['{y}年度宅基地安排使用方案', '旧村宅基地复垦及安置方案'],
  land_compensation: ['{p}征地补偿款分配方案', '{p}青苗补偿款发放方案'],
  collective_asset_disposal: ['村集体旧厂房公开招租', '村集体闲置仓库出租方案', '集体物业续租及租金调整方案'],
  collective_project: [
    '村股份经济合作社入股强村公司方案',
    '村富民工坊建设及运营方案',
    '新会陈皮种植基地合作方案',
  ],
  public_works: ['村文化室修缮筹资筹劳方案', '村道路灯安装工程', '村级公园建设方案'],
  construction: ['{r}硬底化工程', '村委会办公楼维修工程', '农田水利沟渠清淤工程', '村排涝站改造工程'],
  village_rules: ['修订村规民约', '修订村民自治章程', '制定红白理事会章程'],
  welfare: ['{y}年度高龄老人慰问金发放方案', '困难群众临时救助方案', '{y}年度集体分红方案'],
  other: ['村级防汛物资储备方案', '人居环境整治积分制实施方案', '村级“微实事”项目选定方案'],
};
const PROJECTS = [
  '江门大道扩建工程',
  '深江铁路建设项目',
  '银洲湖高速连接线',
  '新会经济开发区扩区项目',
  '县道改造工程',
];
const ROADS = ['村主干道', '新村巷道', '田间机耕路', '村口至小学道路'];
const AMOUNT_YUAN: Record<Category, [number, number]> = {
  land_contracting: [80_000, 900_000],
  homestead: [0, 0],
  land_compensation: [300_000, 4_000_000],
  collective_asset_disposal: [60_000, 800_000],
  collective_project: [100_000, 1_500_000],
  public_works: [30_000, 400_000],
  construction: [50_000, 1_800_000],
  village_rules: [0, 0],
  welfare: [20_000, 300_000],
  other: [10_000, 200_000],
};
const CATEGORY_WEIGHTS: [Category, number][] = [
  ['construction', 26],
  ['public_works', 14],
  ['collective_asset_disposal', 12],
  ['collective_project', 9],
  ['welfare', 12],
  ['land_contracting', 7],
  ['homestead', 4],
  ['land_compensation', 4],
  ['village_rules', 4],
  ['other', 8],
];

function sample(rng: Rng, ids: number[], share: number): number[] {
  const n = Math.max(0, Math.min(ids.length, Math.round(ids.length * share)));
  return rng
    .shuffle([...ids])
    .slice(0, n)
    .sort((a, b) => a - b);
}

function minutes(
  village: string,
  chair: string,
  body: string,
  due: number,
  present: number,
  yes: number,
  no: number,
  abstain: number,
  title: string,
) {
  const passed = yes * 2 > present ? '通过' : '未通过';
  return `${village}召开${body}，研究“${title}”。会议由${chair}主持，应到 ${due} 人，实到 ${present} 人。经充分讨论，举手表决：赞成 ${yes} 人，反对 ${no} 人，弃权 ${abstain} 人，${passed}。`;
}

export function planMatter(
  rng: Rng,
  r: DemoRosters,
  template: Template,
  kind: DemoKind,
  proposedOn: string,
  s: DeliberationSettings,
  year: number,
): PlannedMatter {
  const group = template.key === 'villager_group' ? rng.pick(r.groups) : null;
  let category = rng.weighted(
    CATEGORY_WEIGHTS.map((c) => c[0]),
    CATEGORY_WEIGHTS.map((c) => c[1]),
  );
  if (kind === 'retro_wrong_body')
    category = rng.pick(['land_contracting', 'land_compensation', 'collective_asset_disposal'] as const);
  const [lo, hi] = AMOUNT_YUAN[category];
  const amountFen = hi === 0 ? null : Math.round(rng.int(lo, hi) / 1000) * 100_000;
  const title = (rng.pick(TITLES[category]) as string)
    .replace('{n}', String(rng.int(1, 9)))
    .replace('{y}', String(year))
    .replace('{p}', rng.pick(PROJECTS))
    .replace('{r}', rng.pick(ROADS));
  const fullTitle = group ? `${group.name}${title}` : title;
  const steps: PlannedStep[] = [];
  let day = proposedOn;
  const at = (gap: [number, number]) => {
    day = addDays(day, rng.int(gap[0], gap[1]));
    return day;
  };
  const chair = r.secretaryName;
  const meetingStep = (
    step: StepRecord['step'],
    body: StepRecord['body'],
    ids: { kind: keyof Attendees; ids: number[] }[],
    heldOn: string,
    share: number,
    yesShare: number,
    bodyZh: string,
    extra: Partial<StepRecord> = {},
  ): PlannedStep => {
    const attendees: Attendees = {};
    let due = 0;
    let present = 0;
    for (const x of ids) {
      const chosen = sample(rng, x.ids, share);
      if (chosen.length) attendees[x.kind] = chosen;
      due += x.ids.length;
      present += chosen.length;
    }
    if (present === 0 && due > 0) {
      const x = ids.find((i) => i.ids.length) as { kind: keyof Attendees; ids: number[] };
      attendees[x.kind] = [x.ids[0] as number];
      present = 1;
    }
    let yes = Math.min(present, Math.round(present * yesShare));
    // a vote meant to pass passes on a small roster too (more than half of those due or present)
    const rule = body === 'notice_board' ? null : s.bodies[body];
    if (rule && yesShare >= 0.5)
      yes = Math.min(present, Math.max(yes, needed(rule.pass.of === 'due' ? due : present, rule.pass)));
    const no = Math.round((present - yes) * 0.6);
    const abstain = present - yes - no;
    return {
      record: { step, body, heldOn, counts: { due, present }, votes: { yes, no, abstain }, ...extra },
      attendees,
      place: body === 'party_assembly' ? '村党群服务中心会议室' : '村委会会议室',
      minutes: minutes(r.villageName, chair, bodyZh, due, present, yes, no, abstain, fullTitle),
      content: '',
    };
  };
  const counted = (
    step: StepRecord['step'],
    body: StepRecord['body'],
    heldOn: string,
    adults: number,
    households: number,
    bodyZh: string,
    extra: Partial<StepRecord> = {},
  ): PlannedStep => {
    const present = Math.round(adults * rng.float(0.52, 0.7));
    const hh = Math.round(households * rng.float(0.67, 0.85));
    const yes = Math.round(present * rng.float(0.7, 0.95));
    const no = Math.round((present - yes) * 0.7);
    return {
      record: {
        step,
        body,
        heldOn,
        counts: { due: adults, present, householdsDue: households, householdsPresent: hh },
        votes: { yes, no, abstain: present - yes - no },
        ...extra,
      },
      attendees: {},
      place: '村文化广场',
      minutes: minutes(r.villageName, chair, bodyZh, adults, present, yes, no, present - yes - no, fullTitle),
      content: '',
    };
  };
  const publication = (
    step: StepRecord['step'],
    heldOn: string,
    days: number,
    text: string,
    extra: Partial<StepRecord> = {},
  ): PlannedStep => ({
    record: {
      step,
      body: 'notice_board',
      heldOn,
      publicity: { startsOn: heldOn, endsOn: addDays(heldOn, days - 1) },
      ...extra,
    },
    attendees: {},
    place: '村务公开栏',
    minutes: '',
    content: text,
  });
  const retro = kind.startsWith('retro_');
  if (template.key === 'four_two') {
    const merged = r.oneShoulder && rng.chance(0.35) && s.mergeProposeConsultWhenOneShoulder;
    if (merged) {
      steps.push(
        meetingStep(
          'propose',
          'village_committees',
          [{ kind: 'cadres', ids: [...new Set([...r.party, ...r.villagers])] }],
          at([0, 0]),
          rng.float(0.8, 1),
          1,
          '村“两委”联席会议',
          { mergedWith: 'consult' },
        ),
      );
    } else {
      steps.push(
        meetingStep(
          'propose',
          'party_committee',
          [{ kind: 'cadres', ids: r.party }],
          at([0, 0]),
          rng.float(0.8, 1),
          1,
          '支委会',
        ),
      );
      steps.push(
        meetingStep(
          'consult',
          'village_committees',
          [{ kind: 'cadres', ids: [...new Set([...r.party, ...r.villagers])] }],
          at([1, 7]),
          rng.float(0.75, 1),
          rng.float(0.8, 1),
          '村“两委”联席会议',
        ),
      );
    }
    const reviewShare = kind === 'retro_no_quorum' ? rng.float(0.4, 0.6) : rng.float(0.72, 0.95);
    const reviewYes = kind === 'rejected' ? rng.float(0.2, 0.45) : rng.float(0.8, 0.98);
    if (kind !== 'retro_missing_review')
      steps.push(
        meetingStep(
          'review',
          'party_assembly',
          [{ kind: 'members', ids: r.members }],
          at([3, 14]),
          reviewShare,
          reviewYes,
          '党员大会',
        ),
      );
    if (kind !== 'rejected') {
      const route = villagerMeetingRoute({ category, amountFen, template }, s);
      const resolveOn = at([2, 12]);
      if (route && kind !== 'retro_wrong_body')
        steps.push(
          counted('resolve', 'villager_meeting', resolveOn, r.adults, r.households, '村民会议', {
            noticeOn: addDays(
              resolveOn,
              -rng.int(s.villagerMeetingNoticeDays, s.villagerMeetingNoticeDays + 6),
            ),
          }),
        );
      else
        steps.push(
          meetingStep(
            'resolve',
            'representative_meeting',
            [
              { kind: 'representatives', ids: r.representatives },
              { kind: 'cadres', ids: r.villagers },
            ],
            resolveOn,
            rng.float(0.72, 0.95),
            rng.float(0.75, 0.97),
            '村民代表会议',
          ),
        );
    }
  } else if (group) {
    steps.push(
      meetingStep(
        'propose',
        'group_leaders',
        [{ kind: 'representatives', ids: group.leaders }],
        at([0, 0]),
        1,
        1,
        '村民小组党小组、组长会议',
      ),
    );
    steps.push(
      meetingStep(
        'consult',
        'group_council',
        [{ kind: 'representatives', ids: group.council }],
        at([1, 7]),
        rng.float(0.7, 1),
        rng.float(0.8, 1),
        '村民小组议事会',
      ),
    );
    steps.push(
      counted('resolve', 'group_meeting', at([3, 12]), group.adults, group.households, '村民小组户代表会议'),
    );
  }
  if (kind !== 'rejected' && kind !== 'unpublished') {
    const resolved = steps[steps.length - 1] as PlannedStep;
    const late = kind === 'late_publication';
    const pubOn = at(late ? [s.publishResolutionWithinDays + 1, s.publishResolutionWithinDays + 8] : [0, 4]);
    const days = s.resolutionPublicityDays + rng.int(0, 5);
    steps.push(
      publication(
        'publish_resolution',
        pubOn,
        days,
        `经${r.villageName}${resolved.record.body === 'villager_meeting' ? '村民会议' : resolved.record.body === 'group_meeting' ? '村民小组会议' : '村民代表会议'}${resolved.record.heldOn}决议：${fullTitle}。${amountFen ? `涉及金额 ${(amountFen / 100).toLocaleString('zh-CN')} 元。` : ''}现予公示，公示期 ${days} 天。对公示内容有异议的，请向村务监督委员会反映。`,
      ),
    );
    const endsOn = addDays(pubOn, days - 1);
    const implementedOn =
      kind === 'implemented_early' ? addDays(endsOn, -rng.int(1, 3)) : addDays(endsOn, rng.int(1, 20));
    day = endsOn;
    const resultOn = at([25, 160]);
    steps.push(
      publication(
        'publish_result',
        resultOn,
        s.resultPublicityDays + rng.int(0, 5),
        `“${fullTitle}”已实施完毕。${amountFen ? `实际支出 ${((amountFen * rng.float(0.85, 1)) / 100).toFixed(0)} 元，` : ''}现将实施结果予以公开，接受村民监督。`,
        { implementedOn },
      ),
    );
    if (template.key === 'villager_group') {
      const objection = kind === 'supervision_objection';
      steps.push(
        meetingStep(
          'supervise',
          'supervision_committee',
          [{ kind: 'cadres', ids: r.supervision }],
          at([2, 20]),
          1,
          objection ? 0.3 : 1,
          '村务监督委员会会议',
        ),
      );
    }
  }
  return {
    template: template.key,
    gridId: group?.gridId ?? null,
    title: fullTitle,
    category,
    amountFen,
    description: `${r.villageName}关于“${fullTitle}”的决策事项。`,
    retrospective: retro,
    withdrawn: kind === 'withdrawn',
    steps,
  };
}
