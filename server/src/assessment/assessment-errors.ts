// The assessment's errors: each with a stable code and a message in Chinese and English that names the
// rule, the figures and what to do.
import { conflict, forbidden, notFound, unprocessable } from '../platform/errors/errors.ts';

export const assessmentErrors = {
  runLevel: () =>
    forbidden(
      'ASSESSMENT_RUN_LEVEL',
      '年度考核由县（市、区）委或市委组织部门组织计算、审定和公布；镇（街）负责审核本辖区的村（社区）。',
      'The yearly assessment is computed, approved and published by a county (or the city); a town reviews its villages.',
    ),
  settingsLevel: () =>
    forbidden(
      'ASSESSMENT_SETTINGS_LEVEL',
      '考核的村类别、指标体系、分档办法和补贴标准由市委组织部设置。',
      'Categories, indicator sets, grading and allowances are set by the city organization department.',
    ),
  reviewLevel: () =>
    forbidden(
      'ASSESSMENT_REVIEW_LEVEL',
      '人工评分指标和考核结果的审核由村（社区）所在的镇（街）党（工）委负责。',
      'Manual indicators and the review of results are the town’s task.',
    ),
  futureYear: (year: number, current: number) =>
    unprocessable(
      'ASSESSMENT_YEAR_FUTURE',
      `${year} 年尚未开始，只能考核 ${current} 年及以前的年度。`,
      `${year} has not begun: only ${current} and earlier years can be assessed.`,
      { year },
    ),
  roundLocked: (names: string[], state: string) =>
    unprocessable(
      'ASSESSMENT_ROUND_LOCKED',
      `${names.join('、')}的年度考核已${state}，不能重新计算。如需更正，请先退回审核。`,
      `The assessment of ${names.join(', ')} is already ${state}: it cannot be recomputed. Reopen it first.`,
      { counties: names },
    ),
  noRound: (year: number) =>
    notFound(
      'ASSESSMENT_ROUND_NOT_FOUND',
      `${year} 年度考核尚未计算。`,
      `The ${year} assessment has not been computed yet.`,
      { year },
    ),
  notDraft: (state: string) =>
    unprocessable(
      'ASSESSMENT_NOT_IN_REVIEW',
      `本年度考核${state}，不能再修改评分或审核。`,
      `This year’s assessment is ${state}: scores and reviews can no longer change.`,
    ),
  notManual: (name: string) =>
    unprocessable(
      'ASSESSMENT_INDICATOR_NOT_MANUAL',
      `指标「${name}」由系统按记录计算，不能人工评分。`,
      `Indicator ${name} is computed from the records: it cannot be scored by hand.`,
    ),
  indicatorNotInSet: (code: string) =>
    notFound(
      'ASSESSMENT_INDICATOR_NOT_FOUND',
      `该村（社区）的考核指标中没有 ${code}。`,
      `This assessment has no indicator ${code}.`,
      { indicator: code },
    ),
  evidenceRequired: () =>
    unprocessable(
      'ASSESSMENT_EVIDENCE_REQUIRED',
      '人工评分须写明评分依据（佐证材料）。',
      'A manual score needs its evidence.',
      { field: 'evidence' },
    ),
  unreviewed: (towns: { name: string; n: number }[]) =>
    unprocessable(
      'ASSESSMENT_TOWNS_NOT_REVIEWED',
      `还有镇（街）未完成审核：${towns.map((t) => `${t.name}（${t.n} 个村（社区））`).join('、')}。`,
      `Towns have not finished their review: ${towns.map((t) => `${t.name} (${t.n})`).join(', ')}.`,
      { towns },
    ),
  wrongState: (from: string, action: string) =>
    unprocessable(
      'ASSESSMENT_STATE',
      `考核状态为「${from}」，不能${action}。`,
      `The assessment is ${from}: it cannot be ${action}.`,
    ),
  changed: () =>
    conflict(
      'ASSESSMENT_CHANGED',
      '考核状态已被他人更改，请刷新后重试。',
      'Someone changed the assessment meanwhile: reload and try again.',
    ),
  notPublished: () =>
    unprocessable(
      'APPEAL_NOT_PUBLISHED',
      '考核结果公布后才能申诉。',
      'An appeal can be filed only once the results are published.',
    ),
  appealClosed: (until: string) =>
    unprocessable(
      'APPEAL_WINDOW_CLOSED',
      `申诉期已于 ${until} 截止。`,
      `The appeal window closed on ${until}.`,
      { until },
    ),
  appealExists: () =>
    unprocessable(
      'APPEAL_EXISTS',
      '本年度考核已提出过申诉，每年度只能申诉一次。',
      'An appeal was already filed for this assessment: one per year.',
    ),
  ownVillageOnly: () =>
    forbidden(
      'APPEAL_OWN_VILLAGE',
      '只能对本村（社区）书记的考核结果提出申诉。',
      'Only the village’s own secretary account may appeal its assessment.',
    ),
  appealNotOpen: () =>
    unprocessable('APPEAL_DECIDED', '该申诉已作出决定。', 'This appeal has already been decided.'),
  correctionRequired: () =>
    unprocessable(
      'APPEAL_CORRECTION_REQUIRED',
      '申诉成立时须至少更正一项指标的得分。',
      'An upheld appeal must correct at least one indicator’s score.',
      { field: 'corrections' },
    ),
  unknownCategory: (code: string) =>
    unprocessable(
      'VILLAGE_CATEGORY_UNKNOWN',
      `村类别 ${code} 不在考核设置中。`,
      `No village category ${code} in the assessment settings.`,
      { category: code },
    ),
  notVillage: (name: string) =>
    unprocessable(
      'VILLAGE_CATEGORY_NOT_VILLAGE',
      `${name} 不是村（社区）党组织，不能设置村类别。`,
      `${name} is not a village or community party org.`,
    ),
};

export const ROUND_STATE_NAMES = { draft: '审核中', approved: '已审定', published: '已公布' } as const;
