// The procedures of village decisions as data: 四议两公开 (RULES §6) and the villager-group
// 三议两公开一监督 (its steps are not published: a configurable template of the same engine). A
// template is a strict sequence of steps; each step is held by one of its allowed bodies.

export const STEP_KEYS = [
  'propose',
  'consult',
  'review',
  'resolve',
  'publish_resolution',
  'publish_result',
  'supervise',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/**
 * Who holds a step. Named rosters: party_committee (the party organization's committee),
 * village_committees (the two committees), party_assembly (the full members), representative_meeting
 * (the representatives), group_leaders and group_council (a villager group's leaders; its leaders and
 * representatives), supervision_committee. Counted rosters: villager_meeting and group_meeting (adult
 * villagers or households of the village or group). notice_board: a publication, no meeting.
 */
export const BODY_KINDS = [
  'party_committee',
  'village_committees',
  'party_assembly',
  'representative_meeting',
  'villager_meeting',
  'group_leaders',
  'group_council',
  'group_meeting',
  'supervision_committee',
  'notice_board',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** Bodies whose attendance is counted against registered adults or households, not named. */
export const COUNTED_BODIES: readonly BodyKind[] = ['villager_meeting', 'group_meeting'];

export type StepKind = 'meeting' | 'publication' | 'supervision';

export interface TemplateStep {
  key: StepKey;
  kind: StepKind;
  /** The bodies that may hold it (the first is the usual one). */
  bodies: BodyKind[];
  nameZh: string;
  nameEn: string;
}

export const TEMPLATE_KEYS = ['four_two', 'villager_group'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface Template {
  key: TemplateKey;
  nameZh: string;
  nameEn: string;
  /** 一肩挑: steps 1 and 2 (propose and consult) may be held as one meeting of the two committees. */
  mergeable: boolean;
  steps: TemplateStep[];
}

export const DEFAULT_TEMPLATES: Record<TemplateKey, Template> = {
  four_two: {
    key: 'four_two',
    nameZh: '四议两公开',
    nameEn: 'Four deliberations, two publications',
    mergeable: true,
    steps: [
      {
        key: 'propose',
        kind: 'meeting',
        bodies: ['party_committee'],
        nameZh: '村党组织提议',
        nameEn: 'Proposal by the village party organization',
      },
      {
        key: 'consult',
        kind: 'meeting',
        bodies: ['village_committees'],
        nameZh: '村“两委”会议商议',
        nameEn: 'Consultation by the two committees',
      },
      {
        key: 'review',
        kind: 'meeting',
        bodies: ['party_assembly'],
        nameZh: '党员大会审议',
        nameEn: 'Review by the party members’ assembly',
      },
      {
        key: 'resolve',
        kind: 'meeting',
        bodies: ['representative_meeting', 'villager_meeting'],
        nameZh: '村民会议或村民代表会议决议',
        nameEn: 'Resolution by the villagers’ meeting or the representatives’ meeting',
      },
      {
        key: 'publish_resolution',
        kind: 'publication',
        bodies: ['notice_board'],
        nameZh: '决议公开',
        nameEn: 'Publication of the resolution',
      },
      {
        key: 'publish_result',
        kind: 'publication',
        bodies: ['notice_board'],
        nameZh: '实施结果公开',
        nameEn: 'Publication of the results',
      },
    ],
  },
  villager_group: {
    key: 'villager_group',
    nameZh: '三议两公开一监督（村民小组）',
    nameEn: 'Three deliberations, two publications, one supervision (villager group)',
    mergeable: false,
    steps: [
      {
        key: 'propose',
        kind: 'meeting',
        bodies: ['group_leaders'],
        nameZh: '村民小组党小组、组长提议',
        nameEn: 'Proposal by the group’s party group and leader',
      },
      {
        key: 'consult',
        kind: 'meeting',
        bodies: ['group_council'],
        nameZh: '村民小组议事会商议',
        nameEn: 'Consultation by the group council',
      },
      {
        key: 'resolve',
        kind: 'meeting',
        bodies: ['group_meeting'],
        nameZh: '村民小组会议（户代表会议）决议',
        nameEn: 'Resolution by the villager group meeting',
      },
      {
        key: 'publish_resolution',
        kind: 'publication',
        bodies: ['notice_board'],
        nameZh: '决议公开',
        nameEn: 'Publication of the resolution',
      },
      {
        key: 'publish_result',
        kind: 'publication',
        bodies: ['notice_board'],
        nameZh: '实施结果公开',
        nameEn: 'Publication of the results',
      },
      {
        key: 'supervise',
        kind: 'supervision',
        bodies: ['supervision_committee'],
        nameZh: '村务监督委员会监督',
        nameEn: 'Supervision by the village affairs supervision committee',
      },
    ],
  },
};

export const BODY_NAMES: Record<BodyKind, { zh: string; en: string }> = {
  party_committee: { zh: '村党组织（支委会）', en: 'Village party committee' },
  village_committees: { zh: '村“两委”联席会议', en: 'Joint meeting of the two committees' },
  party_assembly: { zh: '党员大会', en: 'Party members’ assembly' },
  representative_meeting: { zh: '村民代表会议', en: 'Villager representatives’ meeting' },
  villager_meeting: { zh: '村民会议', en: 'Villagers’ meeting' },
  group_leaders: { zh: '村民小组党小组长、组长', en: 'Villager group leaders' },
  group_council: { zh: '村民小组议事会', en: 'Villager group council' },
  group_meeting: { zh: '村民小组会议', en: 'Villager group meeting' },
  supervision_committee: { zh: '村务监督委员会', en: 'Village affairs supervision committee' },
  notice_board: { zh: '村务公开栏', en: 'Village notice board' },
};

/** Matter categories; the first four must go to the villagers' meeting by default (RULES §6). */
export const CATEGORIES = [
  { code: 'land_contracting', zh: '土地承包经营方案', en: 'Land contracting plan' },
  { code: 'homestead', zh: '宅基地使用方案', en: 'Homestead plan' },
  { code: 'land_compensation', zh: '征地补偿费使用分配', en: 'Use of land acquisition compensation' },
  { code: 'collective_asset_disposal', zh: '集体资产处置', en: 'Disposal of collective assets' },
  { code: 'collective_project', zh: '集体经济项目立项与承包', en: 'Collective economy project' },
  { code: 'public_works', zh: '村公益事业兴办与筹资筹劳', en: 'Public works and contributions' },
  { code: 'construction', zh: '村级工程建设与大额资金使用', en: 'Village works and large spending' },
  { code: 'village_rules', zh: '村规民约与村民自治章程', en: 'Village rules and charter' },
  { code: 'welfare', zh: '救助补贴与福利分配', en: 'Aid, subsidies and welfare' },
  { code: 'other', zh: '其他重大事项', en: 'Other major matter' },
] as const;
export type Category = (typeof CATEGORIES)[number]['code'];
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as Category[];

export function categoryName(code: string): { zh: string; en: string } {
  const c = CATEGORIES.find((x) => x.code === code);
  return c ? { zh: c.zh, en: c.en } : { zh: code, en: code };
}

export function stepOf(template: Template, key: string): TemplateStep | undefined {
  return template.steps.find((s) => s.key === key);
}
