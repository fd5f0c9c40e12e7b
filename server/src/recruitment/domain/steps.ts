// The 5 stages and 25 steps of 《中国共产党发展党员工作细则》 (2014). Names from GLOSSARY.md.

export const STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, { zh: string; en: string }> = {
  applicant: { zh: '入党申请人阶段', en: 'Applicant' },
  activist: { zh: '入党积极分子的确定和培养教育', en: 'Activist: selection and training' },
  candidate: { zh: '发展对象的确定和考察', en: 'Development candidate: selection and review' },
  probationary: { zh: '预备党员的接收', en: 'Admission as probationary member' },
  full: { zh: '预备党员的教育考察和转正', en: 'Probation and conversion to full member' },
};

export interface StepDef {
  no: number;
  code: string;
  stage: Stage;
  zh: string;
  en: string;
  /** May be recorded again while it is the last step (assessments every 6 months). */
  repeatable?: boolean;
}

export const STEPS: readonly StepDef[] = [
  { no: 1, code: 'application', stage: 'applicant', zh: '递交入党申请书', en: 'Application submitted' },
  { no: 2, code: 'talk', stage: 'applicant', zh: '党组织派人谈话', en: 'Talk with the applicant' },
  {
    no: 3,
    code: 'activist_selected',
    stage: 'activist',
    zh: '推荐和确定入党积极分子',
    en: 'Recommended and selected as activist',
  },
  {
    no: 4,
    code: 'activist_filed',
    stage: 'activist',
    zh: '报上级党委备案',
    en: 'Filed with the higher committee',
  },
  { no: 5, code: 'mentors', stage: 'activist', zh: '指定培养联系人', en: 'Mentors assigned' },
  {
    no: 6,
    code: 'activist_assessment',
    stage: 'activist',
    zh: '培养教育考察',
    en: 'Training and assessment (every 6 months)',
    repeatable: true,
  },
  {
    no: 7,
    code: 'candidate_selected',
    stage: 'candidate',
    zh: '确定发展对象',
    en: 'Selected as development candidate',
  },
  {
    no: 8,
    code: 'candidate_filed',
    stage: 'candidate',
    zh: '报上级党委备案',
    en: 'Filed with the higher committee',
  },
  { no: 9, code: 'sponsors', stage: 'candidate', zh: '确定入党介绍人', en: 'Sponsors assigned' },
  { no: 10, code: 'political_review', stage: 'candidate', zh: '进行政治审查', en: 'Political review' },
  { no: 11, code: 'training', stage: 'candidate', zh: '开展集中培训', en: 'Concentrated training' },
  {
    no: 12,
    code: 'committee_review',
    stage: 'probationary',
    zh: '支部委员会审查（公示）',
    en: 'Branch committee review (publicity)',
  },
  {
    no: 13,
    code: 'pre_review',
    stage: 'probationary',
    zh: '上级党委预审',
    en: 'Pre-review by the higher committee',
  },
  {
    no: 14,
    code: 'volunteer_form',
    stage: 'probationary',
    zh: '填写入党志愿书',
    en: 'Application form filled in',
  },
  {
    no: 15,
    code: 'admission_vote',
    stage: 'probationary',
    zh: '支部大会讨论',
    en: 'Branch general meeting vote',
  },
  {
    no: 16,
    code: 'committee_talk',
    stage: 'probationary',
    zh: '上级党委派人谈话',
    en: 'Talk by the higher committee',
  },
  {
    no: 17,
    code: 'approval',
    stage: 'probationary',
    zh: '上级党委审批',
    en: 'Approval by the higher committee',
  },
  {
    no: 18,
    code: 'approval_filed',
    stage: 'probationary',
    zh: '再上级党委组织部门备案',
    en: 'Filed with the organization department above',
  },
  { no: 19, code: 'placement', stage: 'full', zh: '编入党支部和党小组', en: 'Placed in a branch and group' },
  { no: 20, code: 'oath', stage: 'full', zh: '入党宣誓', en: 'Oath' },
  {
    no: 21,
    code: 'probation_assessment',
    stage: 'full',
    zh: '继续教育考察',
    en: 'Continued education and assessment',
    repeatable: true,
  },
  {
    no: 22,
    code: 'conversion_application',
    stage: 'full',
    zh: '提出转正申请（公示）',
    en: 'Application for conversion (publicity)',
  },
  {
    no: 23,
    code: 'conversion_vote',
    stage: 'full',
    zh: '支部大会讨论转正',
    en: 'Branch general meeting on conversion',
  },
  {
    no: 24,
    code: 'conversion_approval',
    stage: 'full',
    zh: '上级党委审批转正',
    en: 'Conversion approved by the higher committee',
  },
  { no: 25, code: 'archived', stage: 'full', zh: '材料归档', en: 'Records archived' },
];

export const STEP_COUNT = 25;

export function stepDef(no: number): StepDef {
  const s = STEPS[no - 1];
  if (!s) throw new Error(`no recruitment step ${no}`);
  return s;
}

export const stageOfStep = (no: number): Stage => stepDef(no).stage;
