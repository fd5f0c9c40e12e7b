// The configurable rules of the secretaries' assessment (分级分档, RULES.md §11): village categories,
// the indicator catalog, each category's indicator set with weights, how grades are given (forced
// distribution such as 3:5:2, or score thresholds), the allowance each grade brings, and the appeal
// window. Defaults here; overrides in the setting table under ASSESSMENT_SETTINGS_KEY (the city's
// organization department changes them). A round keeps a copy of the settings it was graded with.
// Pure: no database.

export const ASSESSMENT_SETTINGS_KEY = 'assessment';

export interface Named {
  zh: string;
  en: string;
}

/** Where an indicator's figure comes from. */
export const INDICATOR_SOURCES = [
  'org_life',
  'recruitment',
  'dues',
  'training',
  'case_response',
  'case_on_time',
  'case_satisfaction',
  'income_growth',
  'income_level',
  'contest_promise',
  'village_publication',
  'decision_validity',
  'manual',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/**
 * How a figure becomes a score of 0–100: `linear` is 0 at or below `zero`, 100 at or above `full`,
 * in proportion between (zero may be above full for "lower is better"); `steps` gives the score of
 * the highest step whose `min` the figure reaches (and `below` under the first).
 */
export type Scoring =
  | { kind: 'linear'; zero: number; full: number }
  | { kind: 'steps'; below: number; steps: { min: number; score: number }[] };

export type IndicatorUnit = 'rate' | 'count' | 'hours' | 'growth' | 'yuan' | 'score';

export interface IndicatorDef {
  code: string;
  name: Named;
  source: IndicatorSource;
  unit: IndicatorUnit;
  scoring: Scoring;
  /** What the figure counts, shown beside every score. */
  description: Named;
}

export interface CategoryDef {
  code: string;
  name: Named;
}

export interface WeightedIndicator {
  indicator: string;
  weight: number;
}

export interface GradeDef {
  code: string;
  name: Named;
  /** Forced distribution: this grade's share (e.g. 3 of 3:5:2). */
  share: number;
  /** Thresholds: the lowest total score of this grade (null for the last grade). */
  minScore: number | null;
  /** Allowance (fen): once a year, and each month of the following year. */
  annualBonusFen: number;
  monthlyFen: number;
}

export interface AssessmentSettings {
  categories: CategoryDef[];
  indicators: IndicatorDef[];
  /** Category code → its indicators with weights (summing to 100). */
  sets: Record<string, WeightedIndicator[]>;
  /** 'forced': grades by share of the ranked group; 'threshold': by minimum score. */
  method: 'forced' | 'threshold';
  /** Forced distribution inside each category of a county, or across the county's villages. */
  distributionGroup: 'category' | 'county';
  /** Best first. */
  grades: GradeDef[];
  /** Days after publication in which a secretary may appeal. */
  appealDays: number;
  /** The category of a community (社区) and of a village (村) that no one has classified yet. */
  categoryOfCommunity: string;
  categoryOfVillage: string;
}

const rate = (zero: number, full: number): Scoring => ({ kind: 'linear', zero, full });
const ind = (
  code: string,
  source: IndicatorSource,
  unit: IndicatorUnit,
  scoring: Scoring,
  name: Named,
  description: Named,
): IndicatorDef => ({ code, source, unit, scoring, name, description });
const manual = (code: string, zh: string, en: string, dzh: string, den: string) =>
  ind(code, 'manual', 'score', rate(0, 100), { zh, en }, { zh: dzh, en: den });

export const DEFAULT_INDICATORS: IndicatorDef[] = [
  ind(
    'org_life',
    'org_life',
    'rate',
    rate(0.4, 1),
    { zh: '组织生活落实率', en: 'Organizational life held' },
    {
      zh: '本村党组织及所属支部全年应开的三会一课、主题党日、组织生活会等已按期召开的比例',
      en: 'Share of the meetings due in the year (三会一课, theme days, life meetings) that the village’s branches held',
    },
  ),
  ind(
    'development',
    'recruitment',
    'count',
    rate(0, 1),
    { zh: '发展党员', en: 'Member development' },
    {
      zh: '全年确定的发展对象人数（1 名及以上得满分）',
      en: 'Development candidates selected in the year (one or more: full marks)',
    },
  ),
  ind(
    'dues',
    'dues',
    'rate',
    rate(0.6, 1),
    { zh: '党费按月交纳率', en: 'Dues paid monthly' },
    {
      zh: '全年党员应交党费的人次中按月交纳的比例',
      en: 'Share of the member-months of the year whose dues were paid',
    },
  ),
  ind(
    'training',
    'training',
    'hours',
    rate(0, 32),
    { zh: '党员人均培训学时', en: 'Training hours per member' },
    {
      zh: '全年党员参加培训的学时除以党员人数（每年不少于 32 学时得满分）',
      en: 'Class hours attended in the year per member (32 or more: full marks)',
    },
  ),
  ind(
    'case_response',
    'case_response',
    'rate',
    rate(0.6, 1),
    { zh: '事件响应率', en: 'Cases responded in time' },
    {
      zh: '本村网格全年受理的事件中按时响应（立案或答复）的比例',
      en: 'Share of the cases of the village’s grids answered within the response limit',
    },
  ),
  ind(
    'case_on_time',
    'case_on_time',
    'rate',
    rate(0.6, 1),
    { zh: '按期结案率', en: 'Cases closed on time' },
    {
      zh: '本村网格全年应结案事件中按期结案的比例',
      en: 'Share of the cases due to close that closed by their deadline',
    },
  ),
  ind(
    'case_satisfaction',
    'case_satisfaction',
    'rate',
    rate(0.6, 1),
    { zh: '群众满意率', en: 'Residents satisfied' },
    {
      zh: '本村网格全年已评价事件中满意和基本满意的比例',
      en: 'Share of the evaluated cases rated satisfied or basically satisfied',
    },
  ),
  ind(
    'income_growth',
    'income_growth',
    'growth',
    rate(-0.1, 0.15),
    { zh: '集体经营性收入增长', en: 'Collective operating income growth' },
    {
      zh: '村集体经营性收入比上年的增长率（下降 10% 及以上 0 分，增长 15% 及以上满分）',
      en: 'Growth of the collective operating income over the year before (−10%: 0, +15%: full marks)',
    },
  ),
  ind(
    'income_level',
    'income_level',
    'yuan',
    {
      kind: 'steps',
      below: 20,
      steps: [
        { min: 100_000, score: 50 },
        { min: 500_000, score: 75 },
        { min: 1_000_000, score: 100 },
      ],
    },
    { zh: '集体经营性收入', en: 'Collective operating income' },
    {
      zh: '村集体全年经营性收入（10 万、50 万、100 万元分档）',
      en: 'The collective’s operating income of the year (steps at 100,000 / 500,000 / 1,000,000 yuan)',
    },
  ),
  ind(
    'contest_promise',
    'contest_promise',
    'rate',
    rate(0, 1),
    { zh: '擂台赛承诺兑现', en: 'Contest promises kept' },
    {
      zh: '上一年擂台赛承诺目标经镇（街）跟进认定的兑现程度（全部兑现得满分）',
      en: 'How far the goals promised in last year’s contest were met, as the town followed them up',
    },
  ),
  ind(
    'village_publication',
    'village_publication',
    'rate',
    rate(0.6, 1),
    { zh: '村务公开按时率', en: 'Village affairs published on time' },
    {
      zh: '全年应公开的村务事项中按时公开的比例',
      en: 'Share of the village affairs due for publication that were published on time',
    },
  ),
  ind(
    'decision_validity',
    'decision_validity',
    'rate',
    rate(0.6, 1),
    { zh: '“四议两公开”决策合规率', en: 'Valid village decisions (四议两公开)' },
    {
      zh: '全年重大事项决策中程序完整、合法有效的比例',
      en: 'Share of the year’s major decisions made through the full, valid procedure',
    },
  ),
  manual(
    'rural_revitalization',
    '乡村振兴重点任务',
    'Rural revitalization tasks',
    '镇（街）按年度乡村振兴和“百千万工程”任务清单评分，附佐证材料',
    'Scored by the town against the year’s rural revitalization task list, with evidence',
  ),
  manual(
    'farmland_protection',
    '耕地保护与粮食生产',
    'Farmland and grain',
    '镇（街）按耕地保护、撂荒地复耕和粮食生产任务评分，附佐证材料',
    'Scored by the town on farmland protection and grain production, with evidence',
  ),
  manual(
    'overseas_liaison',
    '联系服务侨胞',
    'Overseas Chinese liaison',
    '镇（街）按联系服务侨胞、侨资侨力助力乡村建设情况评分，附佐证材料',
    'Scored by the town on liaison with overseas Chinese and their part in the village’s work, with evidence',
  ),
  manual(
    'urban_governance',
    '城市基层治理',
    'Urban grassroots governance',
    '镇（街）按物业管理、人居环境和小区治理情况评分，附佐证材料',
    'Scored by the town on property management, living environment and estate governance, with evidence',
  ),
  manual(
    'ecology',
    '生态保护与森林防火',
    'Ecology and forest fire prevention',
    '镇（街）按生态保护、森林防火和地质灾害防治情况评分，附佐证材料',
    'Scored by the town on ecology, forest fire and geological hazard prevention, with evidence',
  ),
  manual(
    'safety',
    '平安建设',
    'Safety and stability',
    '镇（街）按矛盾纠纷化解、信访稳定和安全生产情况评分，附佐证材料',
    'Scored by the town on dispute resolution, petitions and work safety, with evidence',
  ),
];

export const DEFAULT_CATEGORIES: CategoryDef[] = [
  { code: 'urban_village', name: { zh: '城中村', en: 'Urban village' } },
  { code: 'suburban', name: { zh: '城郊村', en: 'Suburban village' } },
  { code: 'farming', name: { zh: '纯农村', en: 'Farming village' } },
  { code: 'overseas', name: { zh: '侨村', en: 'Overseas Chinese village' } },
  { code: 'mountain', name: { zh: '山区村', en: 'Mountain village' } },
  { code: 'community', name: { zh: '城市社区', en: 'Urban community' } },
];

const set = (pairs: [string, number][]): WeightedIndicator[] =>
  pairs.map(([indicator, weight]) => ({ indicator, weight }));
const COMMON: [string, number][] = [
  ['org_life', 15],
  ['development', 5],
  ['dues', 5],
  ['training', 5],
];

export const DEFAULT_SETS: Record<string, WeightedIndicator[]> = {
  urban_village: set([
    ...COMMON,
    ['case_response', 10],
    ['case_on_time', 10],
    ['case_satisfaction', 10],
    ['income_growth', 10],
    ['income_level', 10],
    ['village_publication', 5],
    ['decision_validity', 5],
    ['contest_promise', 2],
    ['urban_governance', 5],
    ['safety', 3],
  ]),
  suburban: set([
    ...COMMON,
    ['case_response', 8],
    ['case_on_time', 8],
    ['case_satisfaction', 9],
    ['income_growth', 10],
    ['income_level', 8],
    ['village_publication', 5],
    ['decision_validity', 5],
    ['contest_promise', 2],
    ['rural_revitalization', 10],
    ['safety', 5],
  ]),
  // seed 003: a pure farming village is not measured by income alone
  farming: set([
    ...COMMON,
    ['case_response', 6],
    ['case_on_time', 6],
    ['case_satisfaction', 8],
    ['income_growth', 10],
    ['income_level', 3],
    ['village_publication', 6],
    ['decision_validity', 6],
    ['contest_promise', 2],
    ['rural_revitalization', 10],
    ['farmland_protection', 10],
    ['safety', 3],
  ]),
  overseas: set([
    ...COMMON,
    ['case_response', 6],
    ['case_on_time', 6],
    ['case_satisfaction', 8],
    ['income_growth', 8],
    ['income_level', 4],
    ['village_publication', 6],
    ['decision_validity', 6],
    ['contest_promise', 2],
    ['rural_revitalization', 8],
    ['overseas_liaison', 12],
    ['safety', 4],
  ]),
  mountain: set([
    ...COMMON,
    ['case_response', 6],
    ['case_on_time', 6],
    ['case_satisfaction', 8],
    ['income_growth', 8],
    ['income_level', 2],
    ['village_publication', 6],
    ['decision_validity', 6],
    ['contest_promise', 2],
    ['rural_revitalization', 8],
    ['ecology', 10],
    ['farmland_protection', 4],
    ['safety', 4],
  ]),
  community: set([
    ['org_life', 20],
    ['development', 5],
    ['dues', 5],
    ['training', 5],
    ['case_response', 12],
    ['case_on_time', 12],
    ['case_satisfaction', 14],
    ['village_publication', 6],
    ['decision_validity', 4],
    ['contest_promise', 2],
    ['urban_governance', 10],
    ['safety', 5],
  ]),
};

/** RULES.md §11: a county's 3:5:2; grade 一 +1,000 yuan a year and +100 a month, grade 三 −50 a month. */
export const DEFAULT_GRADES: GradeDef[] = [
  {
    code: 'first',
    name: { zh: '一档', en: 'Grade 1' },
    share: 3,
    minScore: 85,
    annualBonusFen: 100_000,
    monthlyFen: 10_000,
  },
  {
    code: 'second',
    name: { zh: '二档', en: 'Grade 2' },
    share: 5,
    minScore: 70,
    annualBonusFen: 0,
    monthlyFen: 0,
  },
  {
    code: 'third',
    name: { zh: '三档', en: 'Grade 3' },
    share: 2,
    minScore: null,
    annualBonusFen: 0,
    monthlyFen: -5_000,
  },
];

export const ASSESSMENT_SETTINGS_DEFAULTS: AssessmentSettings = {
  categories: DEFAULT_CATEGORIES,
  indicators: DEFAULT_INDICATORS,
  sets: DEFAULT_SETS,
  method: 'forced',
  distributionGroup: 'category',
  grades: DEFAULT_GRADES,
  appealDays: 15,
  categoryOfCommunity: 'community',
  categoryOfVillage: 'farming',
};

export interface SettingsProblem {
  field: string;
  zh: string;
  en: string;
}

/**
 * Everything wrong with a settings object, each problem naming its field (empty when valid):
 * unique codes, every set's indicators known and weighted to exactly 100, a set for every category,
 * at least two grades, positive shares, thresholds falling from grade to grade, the last grade
 * without a threshold.
 */
export function settingsProblems(s: AssessmentSettings): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  const p = (field: string, zh: string, en: string) => out.push({ field, zh, en });
  const dupes = (codes: string[]) => codes.filter((c, i) => codes.indexOf(c) !== i);
  const categoryCodes = s.categories.map((c) => c.code);
  const indicatorCodes = s.indicators.map((i) => i.code);
  for (const d of dupes(categoryCodes)) p('categories', `村类别代码 ${d} 重复`, `Category code ${d} repeats`);
  for (const d of dupes(indicatorCodes)) p('indicators', `指标代码 ${d} 重复`, `Indicator code ${d} repeats`);
  if (s.categories.length === 0) p('categories', '至少设置一个村类别', 'Give at least one category');
  for (const i of s.indicators) {
    if (i.scoring.kind === 'linear' && i.scoring.zero === i.scoring.full)
      p(
        `indicators.${i.code}.scoring`,
        `指标「${i.name.zh}」的零分值与满分值相同`,
        `Indicator ${i.name.en}: zero and full are equal`,
      );
    if (i.scoring.kind === 'steps') {
      const mins = i.scoring.steps.map((x) => x.min);
      if (mins.some((m, k) => k > 0 && m <= (mins[k - 1] as number)))
        p(
          `indicators.${i.code}.scoring`,
          `指标「${i.name.zh}」的分档须从低到高排列`,
          `Indicator ${i.name.en}: steps must rise`,
        );
    }
  }
  for (const c of s.categories) {
    const items = s.sets[c.code];
    if (!items || items.length === 0) {
      p(`sets.${c.code}`, `村类别「${c.name.zh}」没有指标`, `Category ${c.name.en} has no indicators`);
      continue;
    }
    for (const w of items) {
      if (!indicatorCodes.includes(w.indicator))
        p(
          `sets.${c.code}`,
          `村类别「${c.name.zh}」引用了不存在的指标 ${w.indicator}`,
          `Unknown indicator ${w.indicator}`,
        );
      if (!(w.weight > 0))
        p(
          `sets.${c.code}`,
          `指标 ${w.indicator} 的权重须大于 0`,
          `Indicator ${w.indicator}: weight must be > 0`,
        );
    }
    for (const d of dupes(items.map((w) => w.indicator)))
      p(`sets.${c.code}`, `村类别「${c.name.zh}」中指标 ${d} 重复`, `Indicator ${d} repeats in ${c.name.en}`);
    const sum = Math.round(items.reduce((t, w) => t + w.weight, 0) * 100) / 100;
    if (sum !== 100)
      p(
        `sets.${c.code}`,
        `村类别「${c.name.zh}」的权重合计为 ${sum}，须为 100`,
        `Category ${c.name.en}: weights add up to ${sum}, not 100`,
      );
  }
  for (const code of Object.keys(s.sets))
    if (!categoryCodes.includes(code))
      p(`sets.${code}`, `指标体系对应的村类别 ${code} 不存在`, `No category ${code} for this set`);
  if (!categoryCodes.includes(s.categoryOfCommunity))
    p('categoryOfCommunity', '社区的默认类别不存在', 'The default category of communities does not exist');
  if (!categoryCodes.includes(s.categoryOfVillage))
    p('categoryOfVillage', '村的默认类别不存在', 'The default category of villages does not exist');
  if (s.grades.length < 2) p('grades', '至少设置两个档次', 'Give at least two grades');
  for (const d of dupes(s.grades.map((g) => g.code)))
    p('grades', `档次代码 ${d} 重复`, `Grade code ${d} repeats`);
  s.grades.forEach((g, k) => {
    if (s.method === 'forced' && !(g.share >= 0))
      p(
        `grades.${g.code}.share`,
        `「${g.name.zh}」的比例不能为负`,
        `${g.name.en}: share must not be negative`,
      );
    const last = k === s.grades.length - 1;
    if (s.method === 'threshold') {
      if (last && g.minScore !== null)
        p(`grades.${g.code}.minScore`, '最后一档不设分数线', 'The last grade has no minimum score');
      if (!last && (g.minScore === null || g.minScore < 0 || g.minScore > 100))
        p(
          `grades.${g.code}.minScore`,
          `「${g.name.zh}」须有 0–100 的分数线`,
          `${g.name.en} needs a minimum of 0–100`,
        );
      const prev = s.grades[k - 1]?.minScore;
      if (!last && k > 0 && prev !== null && prev !== undefined && g.minScore !== null && g.minScore >= prev)
        p(`grades.${g.code}.minScore`, '分数线须逐档降低', 'Minimum scores must fall from grade to grade');
    }
  });
  if (s.method === 'forced' && s.grades.reduce((t, g) => t + g.share, 0) <= 0)
    p(
      'grades',
      '强制分布的比例合计须大于 0',
      'The shares of the forced distribution must add up to more than 0',
    );
  if (!(Number.isInteger(s.appealDays) && s.appealDays >= 1 && s.appealDays <= 90))
    p('appealDays', '申诉期须为 1–90 天', 'The appeal window must be 1–90 days');
  return out;
}

/** Stored overrides merged over the defaults (whole lists replace, as the settings page saves them). */
export function mergeAssessmentSettings(
  stored: Partial<AssessmentSettings> | null | undefined,
): AssessmentSettings {
  return { ...ASSESSMENT_SETTINGS_DEFAULTS, ...(stored ?? {}) };
}
