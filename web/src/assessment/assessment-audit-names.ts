// Names of the audit actions and record types of issue 15 (考核、擂台赛、软弱涣散、村集体经济), merged into
// the audit page's tables (admin/audit-names.ts).
type Name = { zh: string; en: string };

export const ASSESSMENT_AUDIT_ACTIONS: Record<string, Name> = {
  'assessment.settings': { zh: '修改考核设置', en: 'Assessment settings changed' },
  'assessment.category': { zh: '设置村类别', en: 'Village category set' },
  'assessment.compute': { zh: '计算年度考核', en: 'Yearly grading computed' },
  'assessment.manual_score': { zh: '人工指标评分', en: 'Manual indicator scored' },
  'assessment.town_review': { zh: '镇（街）审核考核结果', en: 'Town reviewed the results' },
  'assessment.approve': { zh: '审定年度考核', en: 'Grading approved' },
  'assessment.reopen': { zh: '退回年度考核', en: 'Grading reopened' },
  'assessment.publish': { zh: '公布年度考核', en: 'Grading published' },
  'assessment.appeal': { zh: '考核申诉', en: 'Appeal filed' },
  'assessment.appeal_decision': { zh: '处理考核申诉', en: 'Appeal decided' },
  'assessment.export': { zh: '导出考核结果', en: 'Grading exported' },
  'collective_economy.income': { zh: '填报村集体收入', en: 'Collective income entered' },
  'collective_economy.import': { zh: '导入村集体收入', en: 'Collective incomes imported' },
  'collective_economy.enterprise': {
    zh: '登记强村公司或富民工坊',
    en: 'Village company or workshop registered',
  },
  'collective_economy.enterprise_year': {
    zh: '填报强村公司或富民工坊年度数据',
    en: 'Company or workshop year entered',
  },
  'contest.create': { zh: '发起擂台赛', en: 'Contest opened' },
  'contest.entry': { zh: '擂台赛报名并承诺目标', en: 'Contest entry with goals' },
  'contest.scores': { zh: '擂台赛评分', en: 'Contest scored' },
  'contest.finish': { zh: '擂台赛结束并排名', en: 'Contest finished and ranked' },
  'contest.followup': { zh: '擂台赛承诺目标跟踪', en: 'Contest goal followed up' },
  'weak_org.list': { zh: '认定软弱涣散党组织', en: 'Weak orgs listed' },
  'weak_org.plan': { zh: '制定整顿方案', en: 'Rectification plan set' },
  'weak_org.progress': { zh: '登记整改进展', en: 'Rectification progress recorded' },
  'weak_org.transition': { zh: '整顿销号流程', en: 'Rectification step' },
};

export const ASSESSMENT_TARGET_TYPES: Record<string, Name> = {
  assessment: { zh: '书记考核', en: 'Assessment' },
  assessment_round: { zh: '年度考核', en: 'Yearly grading' },
  assessment_appeal: { zh: '考核申诉', en: 'Appeal' },
  collective_enterprise: { zh: '强村公司或富民工坊', en: 'Village company or workshop' },
  contest: { zh: '擂台赛', en: 'Contest' },
  contest_goal: { zh: '擂台赛承诺目标', en: 'Contest goal' },
  weak_org: { zh: '软弱涣散党组织', en: 'Weak org' },
};
