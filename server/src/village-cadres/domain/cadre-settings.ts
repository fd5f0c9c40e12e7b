// The numbers and lists of village cadres and 换届 (RULES §10): every one a default, overridden by the
// setting 'village_cadres' (platform/settings), changed by the city through PUT /api/village-settings.

export const CADRE_SETTINGS_KEY = 'village_cadres';

export interface LadderTier {
  tier: number;
  zh: string;
  en: string;
  grades: number;
}

export const CADRE_DEFAULTS = {
  /** village party organizations and village committees serve 5 years (RULES §10) */
  termYears: 5,
  /** reserve cadres per village (后备干部, RULES §10: ≥ 2) */
  reserveTarget: 2,
  /** women among the representatives, at least (RULES §10: 1/3) */
  representativeWomenShare: { num: 1, den: 3 },
  /** 联审: the departments that give a verdict on every candidate */
  reviewDepartments: [
    { code: 'organization', zh: '组织部门', en: 'Organization department' },
    { code: 'discipline', zh: '纪检监察机关', en: 'Discipline inspection and supervision' },
    { code: 'public_security', zh: '公安机关', en: 'Public security' },
    { code: 'court', zh: '人民法院', en: 'Court' },
    { code: 'procuratorate', zh: '人民检察院', en: 'Procuratorate' },
    { code: 'petition', zh: '信访部门', en: 'Petition bureau' },
    { code: 'civil_affairs', zh: '民政部门', en: 'Civil affairs' },
  ],
  /** the negative list a candidate is reviewed against (RULES §10; list configurable) */
  negativeList: [
    { code: 'criminal_record', zh: '受过刑事处罚', en: 'Criminal record' },
    { code: 'organized_crime', zh: '涉黑涉恶、参与宗族恶势力', en: 'Ties to organized crime or clan gangs' },
    {
      code: 'discipline_violation',
      zh: '受过严重违纪违法处分或处分期未满',
      en: 'Serious discipline violation',
    },
    { code: 'petition_disruption', zh: '长期缠访闹访、煽动群众闹事', en: 'Long petitions with disruption' },
    { code: 'refusing_duties', zh: '拒不履行法定义务、被列为失信被执行人', en: 'Refusal of lawful duties' },
    { code: 'electoral_fraud', zh: '违反换届纪律、贿选拉票', en: 'Electoral fraud or vote buying' },
    { code: 'illegal_land', zh: '违法占地建房未整改', en: 'Unrectified illegal land use' },
    { code: 'other', zh: '其他不宜提名的情形', en: 'Other grounds' },
  ],
  /** 岗位等级序列 of community workers and full-time grid workers (三岗十八级) */
  ladder: {
    name: '三岗十八级',
    tiers: [
      { tier: 1, zh: '一岗（社区正职）', en: 'Post 1 (heads)', grades: 6 },
      { tier: 2, zh: '二岗（社区副职）', en: 'Post 2 (deputies)', grades: 6 },
      {
        tier: 3,
        zh: '三岗（专职工作人员、专职网格员）',
        en: 'Post 3 (staff, full-time grid workers)',
        grades: 6,
      },
    ] as LadderTier[],
    /** years in a grade before moving up one */
    yearsPerGrade: 2,
    /** training hours since the last promotion */
    trainingHoursPerGrade: 40,
    /** the last yearly assessment must be one of these */
    assessmentsThatQualify: ['excellent', 'competent'],
  },
};
export type CadreSettings = typeof CADRE_DEFAULTS;

export const POST_NAMES: Record<
  string,
  { zh: string; en: string; committee: 'party' | 'villagers' | 'supervision' }
> = {
  party_secretary: { zh: '村党组织书记', en: 'Party secretary', committee: 'party' },
  party_deputy_secretary: { zh: '村党组织副书记', en: 'Deputy party secretary', committee: 'party' },
  party_committee_member: { zh: '村党组织委员', en: 'Party committee member', committee: 'party' },
  director: { zh: '村（居）委会主任', en: 'Committee director', committee: 'villagers' },
  deputy_director: { zh: '村（居）委会副主任', en: 'Deputy director', committee: 'villagers' },
  villagers_committee_member: { zh: '村（居）委会委员', en: 'Committee member', committee: 'villagers' },
  supervision_chair: {
    zh: '村务监督委员会主任',
    en: 'Supervision committee chair',
    committee: 'supervision',
  },
  supervision_member: {
    zh: '村务监督委员会委员',
    en: 'Supervision committee member',
    committee: 'supervision',
  },
};
export const POST_KEYS = Object.keys(POST_NAMES) as (keyof typeof POST_NAMES)[];
