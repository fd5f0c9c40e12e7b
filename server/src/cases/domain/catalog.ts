// The two-level category catalog of cases (GB/T 30428 family: 部件 components and 事件 events, plus the
// social-governance classes of grid work), with each sub-category's default department kind, urgent flag
// and the time limit of each step. This is the seed of the case_category table; administrators edit it there.
import type { LimitUnit, StepLimits, TimeLimit } from './sla.ts';

export interface DepartmentKind {
  code: string;
  name_zh: string;
  /** The everyday short name (城管, 住建 …). */
  short_zh: string;
  name_en: string;
}

/** Kinds of 职能部门 seeded in every county (the county's bureaus, their stations and the utilities). */
export const DEPARTMENT_KINDS: readonly DepartmentKind[] = [
  {
    code: 'urban_management',
    name_zh: '城市管理和综合执法局',
    short_zh: '城管',
    name_en: 'Urban Management and Law Enforcement',
  },
  {
    code: 'housing',
    name_zh: '住房和城乡建设局',
    short_zh: '住建',
    name_en: 'Housing and Urban-Rural Development',
  },
  { code: 'water', name_zh: '水务局', short_zh: '水务', name_en: 'Water Affairs' },
  { code: 'transport', name_zh: '交通运输局', short_zh: '交通', name_en: 'Transport' },
  { code: 'traffic_police', name_zh: '公安交警大队', short_zh: '交警', name_en: 'Traffic Police' },
  { code: 'ecology', name_zh: '生态环境分局', short_zh: '生态环境', name_en: 'Ecology and Environment' },
  { code: 'market', name_zh: '市场监督管理局', short_zh: '市场监管', name_en: 'Market Regulation' },
  { code: 'police', name_zh: '公安派出所', short_zh: '派出所', name_en: 'Police Station' },
  { code: 'power', name_zh: '供电局', short_zh: '供电', name_en: 'Power Supply' },
  { code: 'telecom', name_zh: '通信运营商', short_zh: '通信', name_en: 'Telecom Operators' },
  { code: 'gas', name_zh: '燃气公司', short_zh: '燃气', name_en: 'Gas Company' },
  { code: 'civil_affairs', name_zh: '民政局', short_zh: '民政', name_en: 'Civil Affairs' },
  { code: 'justice', name_zh: '司法所', short_zh: '司法所', name_en: 'Judicial Office' },
  { code: 'emergency', name_zh: '应急管理局', short_zh: '应急管理', name_en: 'Emergency Management' },
  { code: 'fire', name_zh: '消防救援大队', short_zh: '消防', name_en: 'Fire and Rescue' },
  { code: 'health', name_zh: '卫生健康局', short_zh: '卫生健康', name_en: 'Health' },
  {
    code: 'hrss',
    name_zh: '人力资源和社会保障局',
    short_zh: '人社',
    name_en: 'Human Resources and Social Security',
  },
  { code: 'natural_resources', name_zh: '自然资源局', short_zh: '自然资源', name_en: 'Natural Resources' },
  { code: 'education', name_zh: '教育局', short_zh: '教育', name_en: 'Education' },
  {
    code: 'culture_sports',
    name_zh: '文化广电旅游体育局',
    short_zh: '文广旅体',
    name_en: 'Culture, Radio, Tourism and Sports',
  },
  { code: 'petition', name_zh: '信访局', short_zh: '信访', name_en: 'Letters and Visits' },
];

export type DepartmentKindCode = (typeof DEPARTMENT_KINDS)[number]['code'];

/** The code of a county's department of a kind, e.g. '440703-water'. */
export function departmentCode(countyCode: string, kind: string): string {
  return `${countyCode}-${kind}`;
}

export type CategoryKind = 'component' | 'event' | 'social';

export interface Subcategory {
  /** Stable code 'C01-03': class code, dash, two digits. */
  code: string;
  parent_code: string;
  name_zh: string;
  name_en: string;
  default_department_kind: string;
  urgent: boolean;
  limits: StepLimits;
}

export interface CategoryClass {
  code: string;
  kind: CategoryKind;
  name_zh: string;
  name_en: string;
  subcategories: readonly Subcategory[];
}

const UNIT_OF: Record<string, LimitUnit> = { h: 'working_hour', u: 'urgent_hour', d: 'workday' };

/** '2h' = 2 工作时, '4u' = 4 紧急工作时, '3d' = 3 工作日. */
function limit(text: string): TimeLimit {
  const m = /^(\d+(?:\.\d+)?)([hud])$/.exec(text);
  if (!m) throw new Error(`bad limit '${text}'`);
  return { amount: Number(m[1]), unit: UNIT_OF[m[2] as string] as LimitUnit };
}

/** Time limit presets: dispatch, handling, verification. */
const PRESETS = {
  /** emergencies and hazards: every hour counts */
  urgent: ['0.5u', '4u', '2u'],
  /** sanitation: within the day */
  fast: ['1h', '4h', '4h'],
  normal: ['2h', '3d', '1d'],
  medium: ['2h', '5d', '1d'],
  /** construction, disputes, services that need procedures */
  long: ['4h', '10d', '2d'],
} as const;
type Preset = keyof typeof PRESETS;

type SubSpec = readonly [name_zh: string, name_en: string, department: DepartmentKindCode, preset: Preset];

function klass(
  code: string,
  kind: CategoryKind,
  name_zh: string,
  name_en: string,
  subs: readonly SubSpec[],
): CategoryClass {
  return {
    code,
    kind,
    name_zh,
    name_en,
    subcategories: subs.map(([zh, en, department, preset], i) => {
      const [dispatch, handling, verification] = PRESETS[preset];
      return {
        code: `${code}-${String(i + 1).padStart(2, '0')}`,
        parent_code: code,
        name_zh: zh,
        name_en: en,
        default_department_kind: department,
        urgent: preset === 'urgent',
        limits: { dispatch: limit(dispatch), handling: limit(handling), verification: limit(verification) },
      };
    }),
  };
}

export const CATEGORY_CLASSES: readonly CategoryClass[] = [
  // 部件 (components)
  klass('C01', 'component', '公用设施', 'Public utilities', [
    ['井盖破损', 'Manhole cover broken or missing', 'water', 'urgent'],
    ['路灯不亮', 'Street light out', 'urban_management', 'normal'],
    ['消防栓损坏', 'Fire hydrant damaged', 'water', 'normal'],
    ['雨水箅子缺损', 'Storm drain grate damaged', 'water', 'normal'],
    ['电力设施损坏', 'Power facility damaged', 'power', 'urgent'],
    ['通信设施损坏', 'Telecom facility damaged', 'telecom', 'normal'],
    ['燃气设施损坏', 'Gas facility damaged', 'gas', 'urgent'],
    ['公厕设施损坏', 'Public toilet facility damaged', 'urban_management', 'normal'],
  ]),
  klass('C02', 'component', '道路交通', 'Roads and traffic', [
    ['道路破损', 'Road surface damaged', 'housing', 'medium'],
    ['人行道板松动', 'Loose pavement slabs', 'housing', 'medium'],
    ['交通信号灯故障', 'Traffic light out of order', 'traffic_police', 'urgent'],
    ['交通标志损坏', 'Traffic sign damaged', 'traffic_police', 'normal'],
    ['道路护栏损坏', 'Road guardrail damaged', 'transport', 'normal'],
    ['公交站亭损坏', 'Bus shelter damaged', 'transport', 'normal'],
    ['桥梁设施损坏', 'Bridge facility damaged', 'transport', 'urgent'],
  ]),
  klass('C03', 'component', '市容环境', 'City appearance (facilities)', [
    ['垃圾桶破损', 'Litter bin damaged', 'urban_management', 'normal'],
    ['户外广告设施松动', 'Outdoor billboard loose', 'urban_management', 'urgent'],
    ['店招牌匾破损', 'Shop sign damaged', 'urban_management', 'normal'],
    ['垃圾收集点设施损坏', 'Refuse collection point damaged', 'urban_management', 'normal'],
    ['报刊亭破损', 'Newsstand damaged', 'urban_management', 'normal'],
  ]),
  klass('C04', 'component', '园林绿化', 'Landscaping and greenery', [
    ['行道树倒伏', 'Street tree fallen', 'urban_management', 'urgent'],
    ['绿地破损', 'Green space damaged', 'urban_management', 'medium'],
    ['古树名木受损', 'Old or famous tree damaged', 'natural_resources', 'medium'],
    ['花坛花箱损坏', 'Flower bed or planter damaged', 'urban_management', 'normal'],
    ['绿化护栏损坏', 'Green-belt railing damaged', 'urban_management', 'normal'],
  ]),
  klass('C05', 'component', '其他', 'Other components', [
    ['监控设施损坏', 'Surveillance camera damaged', 'police', 'normal'],
    ['健身器材损坏', 'Fitness equipment damaged', 'culture_sports', 'normal'],
    ['宣传栏损坏', 'Notice board damaged', 'urban_management', 'normal'],
    ['其他部件问题', 'Other component problem', 'urban_management', 'medium'],
  ]),
  // 事件 (events)
  klass('E01', 'event', '市容环境', 'City appearance', [
    ['暴露垃圾', 'Exposed rubbish', 'urban_management', 'fast'],
    ['积存垃圾渣土', 'Accumulated rubbish or muck', 'urban_management', 'fast'],
    ['道路不洁', 'Dirty road', 'urban_management', 'fast'],
    ['水域不洁', 'Dirty waterway', 'water', 'normal'],
    ['污水冒溢', 'Sewage overflow', 'water', 'urgent'],
    ['动物尸体', 'Animal carcass', 'urban_management', 'fast'],
    ['公厕不洁', 'Dirty public toilet', 'urban_management', 'fast'],
  ]),
  klass('E02', 'event', '宣传广告', 'Posters and advertising', [
    ['违规张贴', 'Illegal posting', 'urban_management', 'normal'],
    ['违规悬挂横幅', 'Illegal banner', 'urban_management', 'normal'],
    ['违规户外广告', 'Illegal outdoor advertising', 'urban_management', 'medium'],
    ['涂写刻画', 'Graffiti', 'urban_management', 'normal'],
    ['占道散发广告', 'Flyers handed out on the street', 'urban_management', 'fast'],
  ]),
  klass('E03', 'event', '施工管理', 'Construction management', [
    ['施工扰民', 'Construction disturbing residents', 'housing', 'normal'],
    ['违规占道施工', 'Construction occupying the road', 'urban_management', 'normal'],
    ['工地扬尘', 'Construction site dust', 'housing', 'normal'],
    ['渣土撒漏', 'Muck spilled from trucks', 'urban_management', 'fast'],
    ['无证掘路', 'Road dug up without permit', 'urban_management', 'normal'],
    ['违法建设', 'Illegal construction', 'urban_management', 'long'],
  ]),
  klass('E04', 'event', '街面秩序', 'Street order', [
    ['占道经营', 'Street vending on the road', 'urban_management', 'fast'],
    ['店外经营', 'Business outside the shop', 'urban_management', 'fast'],
    ['流动商贩', 'Mobile hawkers', 'urban_management', 'fast'],
    ['露天烧烤', 'Open-air barbecue', 'urban_management', 'fast'],
    ['机动车乱停放', 'Illegally parked cars', 'traffic_police', 'normal'],
    ['非机动车乱停放', 'Badly parked bicycles and e-bikes', 'transport', 'normal'],
    ['乱堆物料', 'Materials piled in public space', 'urban_management', 'normal'],
  ]),
  klass('E05', 'event', '突发事件', 'Emergencies', [
    ['道路积水', 'Flooded road', 'water', 'urgent'],
    ['路面塌陷', 'Road collapse', 'housing', 'urgent'],
    ['供水管道爆裂', 'Burst water main', 'water', 'urgent'],
    ['燃气泄漏', 'Gas leak', 'gas', 'urgent'],
    ['火灾', 'Fire', 'fire', 'urgent'],
    ['倒树断枝阻路', 'Fallen tree blocking the road', 'urban_management', 'urgent'],
    ['危险化学品泄漏', 'Hazardous chemical spill', 'emergency', 'urgent'],
  ]),
  klass('E06', 'event', '其他', 'Other events', [
    ['噪声扰民', 'Noise disturbance', 'ecology', 'normal'],
    ['无照经营', 'Unlicensed business', 'market', 'medium'],
    ['食品安全问题', 'Food safety problem', 'market', 'normal'],
    ['犬只扰民', 'Dogs disturbing residents', 'police', 'normal'],
    ['其他事件', 'Other event', 'urban_management', 'medium'],
  ]),
  // 社会治理 (social governance)
  klass('S01', 'social', '矛盾纠纷', 'Disputes', [
    ['邻里纠纷', 'Neighbour dispute', 'justice', 'long'],
    ['婚姻家庭纠纷', 'Marriage and family dispute', 'justice', 'long'],
    ['劳资纠纷', 'Wage arrears and labour dispute', 'hrss', 'long'],
    ['物业纠纷', 'Property management dispute', 'housing', 'long'],
    ['土地山林权属纠纷', 'Land and forest ownership dispute', 'natural_resources', 'long'],
    ['消费纠纷', 'Consumer dispute', 'market', 'medium'],
  ]),
  klass('S02', 'social', '治安隐患', 'Public security hazards', [
    ['可疑人员', 'Suspicious person', 'police', 'urgent'],
    ['聚众赌博', 'Gambling', 'police', 'normal'],
    ['电信诈骗线索', 'Telecom fraud lead', 'police', 'normal'],
    ['出租屋治安隐患', 'Rental housing security hazard', 'police', 'medium'],
    ['校园周边治安隐患', 'Security hazard near a school', 'police', 'normal'],
  ]),
  klass('S03', 'social', '民生服务', 'Livelihood services', [
    ['社会救助申请', 'Social assistance application', 'civil_affairs', 'long'],
    ['养老服务需求', 'Elderly care request', 'civil_affairs', 'medium'],
    ['就业求助', 'Job-seeking help', 'hrss', 'medium'],
    ['社保医保咨询', 'Social and medical insurance enquiry', 'hrss', 'normal'],
    ['就医求助', 'Medical help', 'health', 'normal'],
    ['子女入学', 'School enrolment', 'education', 'long'],
  ]),
  klass('S04', 'social', '社情民意', 'Public opinion', [
    ['意见建议', 'Suggestion', 'petition', 'medium'],
    ['政策咨询', 'Policy enquiry', 'petition', 'normal'],
    ['表扬感谢', 'Praise and thanks', 'petition', 'normal'],
    ['舆情线索', 'Public opinion lead', 'petition', 'normal'],
  ]),
  klass('S05', 'social', '特殊人群', 'Special groups', [
    ['社区矫正对象', 'Person under community correction', 'justice', 'normal'],
    ['刑满释放人员', 'Released prisoner', 'justice', 'normal'],
    ['严重精神障碍患者', 'Person with severe mental disorder', 'health', 'urgent'],
    ['吸毒人员', 'Drug user', 'police', 'normal'],
    ['留守儿童', 'Left-behind child', 'civil_affairs', 'medium'],
    ['独居老人', 'Elderly person living alone', 'civil_affairs', 'medium'],
  ]),
  klass('S06', 'social', '安全生产', 'Work safety', [
    ['三小场所消防隐患', 'Fire hazard in small shops and workshops', 'fire', 'normal'],
    ['电动自行车违规充电', 'E-bike charged indoors or in corridors', 'fire', 'normal'],
    ['企业安全生产隐患', 'Enterprise work-safety hazard', 'emergency', 'normal'],
    ['危险化学品隐患', 'Hazardous chemicals hazard', 'emergency', 'urgent'],
    ['自建房安全隐患', 'Self-built house safety hazard', 'housing', 'medium'],
    ['地质灾害隐患', 'Geological hazard', 'natural_resources', 'urgent'],
  ]),
  klass('S07', 'social', '生态环境', 'Ecology and environment', [
    ['污水直排', 'Sewage discharged directly', 'ecology', 'normal'],
    ['废气排放', 'Waste gas emission', 'ecology', 'normal'],
    ['工业噪声', 'Industrial noise', 'ecology', 'normal'],
    ['非法倾倒固体废物', 'Illegal dumping of solid waste', 'ecology', 'normal'],
    ['露天焚烧', 'Open burning', 'ecology', 'fast'],
    ['河道非法采砂', 'Illegal sand mining in a river', 'water', 'normal'],
    ['黑臭水体', 'Black and odorous water', 'water', 'medium'],
  ]),
];

export const CATEGORY_KIND_NAMES: Record<CategoryKind, { zh: string; en: string }> = {
  component: { zh: '部件', en: 'Component' },
  event: { zh: '事件', en: 'Event' },
  social: { zh: '社会治理', en: 'Social governance' },
};

export const SUBCATEGORIES: readonly Subcategory[] = CATEGORY_CLASSES.flatMap((c) => c.subcategories);
const BY_CODE = new Map(SUBCATEGORIES.map((s) => [s.code, s]));

export function findSubcategory(code: string): Subcategory | undefined {
  return BY_CODE.get(code);
}

/** One row of the case_category table (classes have no department, urgency or limits). */
export interface CategoryRow {
  code: string;
  parent_code: string | null;
  kind: CategoryKind;
  name_zh: string;
  name_en: string;
  default_department_kind: string | null;
  urgent: boolean;
  limits: StepLimits | null;
  sort_order: number;
}

/** Every class and sub-category, classes before their sub-categories, for seeding. */
export function categoryRows(classes: readonly CategoryClass[] = CATEGORY_CLASSES): CategoryRow[] {
  const rows: CategoryRow[] = [];
  classes.forEach((c, i) => {
    rows.push({
      code: c.code,
      parent_code: null,
      kind: c.kind,
      name_zh: c.name_zh,
      name_en: c.name_en,
      default_department_kind: null,
      urgent: false,
      limits: null,
      sort_order: (i + 1) * 100,
    });
    c.subcategories.forEach((s, j) => {
      rows.push({ ...s, kind: c.kind, sort_order: (i + 1) * 100 + j + 1 });
    });
  });
  return rows;
}
