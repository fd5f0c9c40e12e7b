// 软弱涣散 (weak and lax) village party organizations found from data (RULES.md §11): the configurable
// criteria evaluated over one village's facts, each hit with its figure and the rule it broke, and
// how many a county may list. Pure: the caller gathers the facts and passes today.
import { addMonths, addYears, daysBetween } from '../../recruitment/domain/dates.ts';

export const WEAK_ORG_SETTINGS_KEY = 'weak_org';

export const CRITERIA = [
  'secretary_vacant',
  'no_candidate',
  'low_satisfaction',
  'org_life_not_held',
  'election_overdue',
  'last_in_assessment',
  'petitions',
  'publication_overdue',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_NAMES: Record<Criterion | 'manual', { zh: string; en: string }> = {
  secretary_vacant: { zh: '书记职位空缺', en: 'Secretary post vacant' },
  no_candidate: { zh: '长期未发展党员', en: 'No development candidate' },
  low_satisfaction: { zh: '群众满意度低', en: 'Low satisfaction' },
  org_life_not_held: { zh: '组织生活不正常', en: 'Organizational life not held' },
  election_overdue: { zh: '换届逾期', en: 'Election overdue' },
  last_in_assessment: { zh: '年度考核排名末位', en: 'Last in the assessment' },
  petitions: { zh: '信访矛盾突出', en: 'Many petitions' },
  publication_overdue: { zh: '村务公开不及时', en: 'Village affairs not published' },
  manual: { zh: '县级认定的其他情形', en: 'Other situation found by the county' },
};

export interface WeakOrgSettings {
  /** Each criterion on or off with its threshold. */
  secretaryVacantMonths: number | null;
  noCandidateYears: number | null;
  /** below this share of satisfied among the evaluated cases of the last 12 months … */
  satisfactionBelow: number | null;
  /** … once at least this many were evaluated */
  satisfactionMinEvaluated: number;
  /** below this share of the meetings due in the last 12 months */
  orgLifeBelow: number | null;
  electionOverdue: boolean;
  /** last in its category of the latest published assessment, when the category has at least this many */
  lastInAssessmentMinGroup: number | null;
  /** at least this many petitions (信访) in the village's grids in the last 12 months */
  petitionsAtLeast: number | null;
  /** (issue 14) 村务公开 items overdue at least this many */
  publicationOverdueAtLeast: number | null;
  /** 'share': a county lists at most maxShare of its village orgs (rounded up); 'all': every candidate */
  selection: 'share' | 'all';
  maxShare: number;
  /** 回头看: the review after acceptance, months */
  reviewAfterMonths: number;
}

export const WEAK_ORG_SETTINGS_DEFAULTS: WeakOrgSettings = {
  secretaryVacantMonths: 3,
  noCandidateYears: 2,
  satisfactionBelow: 0.6,
  satisfactionMinEvaluated: 5,
  orgLifeBelow: 0.5,
  electionOverdue: true,
  lastInAssessmentMinGroup: 3,
  petitionsAtLeast: 8,
  publicationOverdueAtLeast: 3,
  selection: 'share',
  maxShare: 0.1,
  reviewAfterMonths: 6,
};

/** What the data says about one village org (null: nothing recorded). */
export interface VillageFacts {
  /** since when the village has had no secretary (null: it has one) */
  secretaryVacantSince: string | null;
  /** the last day a development candidate (发展对象) was selected; null: never in the records */
  lastCandidateOn: string | null;
  /** the org's first record date, so "never" is measured from it */
  recordsSince: string;
  evaluated: number;
  satisfied: number;
  meetingsHeld: number;
  meetingsDue: number;
  /** days the election is overdue (null: not overdue) */
  electionOverdueDays: number | null;
  /** the latest published assessment: its year, rank and the size of the category */
  lastAssessment: { year: number; rank: number; size: number; category: string } | null;
  petitions: number;
  /** (issue 14) overdue publication items; null while that capability is not there */
  publicationOverdue: number | null;
}

export interface Hit {
  criterion: Criterion;
  zh: string;
  en: string;
  /** the figures behind the hit */
  figures: Record<string, number | string | null>;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Every criterion the village meets on `today`, in the order of CRITERIA. */
export function evaluateVillage(f: VillageFacts, s: WeakOrgSettings, today: string): Hit[] {
  const hits: Hit[] = [];
  if (s.secretaryVacantMonths !== null && f.secretaryVacantSince !== null) {
    const limit = addMonths(f.secretaryVacantSince, s.secretaryVacantMonths);
    if (today > limit) {
      const days = daysBetween(f.secretaryVacantSince, today);
      hits.push({
        criterion: 'secretary_vacant',
        zh: `书记职位自 ${f.secretaryVacantSince} 起空缺 ${days} 天，超过 ${s.secretaryVacantMonths} 个月`,
        en: `The secretary post has been vacant since ${f.secretaryVacantSince} (${days} days), over ${s.secretaryVacantMonths} months`,
        figures: { vacantSince: f.secretaryVacantSince, days },
      });
    }
  }
  if (s.noCandidateYears !== null) {
    const since = addYears(today, -s.noCandidateYears);
    const last = f.lastCandidateOn;
    if ((last === null && f.recordsSince <= since) || (last !== null && last < since))
      hits.push({
        criterion: 'no_candidate',
        zh:
          last === null
            ? `${s.noCandidateYears} 年以上没有确定发展对象（记录中从未确定）`
            : `最近一次确定发展对象是 ${last}，已超过 ${s.noCandidateYears} 年`,
        en:
          last === null
            ? `No development candidate in over ${s.noCandidateYears} years (none in the records)`
            : `The last development candidate was selected on ${last}, over ${s.noCandidateYears} years ago`,
        figures: { lastCandidateOn: last },
      });
  }
  if (s.satisfactionBelow !== null && f.evaluated >= s.satisfactionMinEvaluated) {
    const rate = f.satisfied / f.evaluated;
    if (rate < s.satisfactionBelow)
      hits.push({
        criterion: 'low_satisfaction',
        zh: `近 12 个月群众满意率 ${pct(rate)}（${f.satisfied}/${f.evaluated}），低于 ${pct(s.satisfactionBelow)}`,
        en: `Satisfaction over the last 12 months ${pct(rate)} (${f.satisfied}/${f.evaluated}), below ${pct(s.satisfactionBelow)}`,
        figures: { satisfied: f.satisfied, evaluated: f.evaluated },
      });
  }
  if (s.orgLifeBelow !== null && f.meetingsDue > 0) {
    const rate = f.meetingsHeld / f.meetingsDue;
    if (rate < s.orgLifeBelow)
      hits.push({
        criterion: 'org_life_not_held',
        zh: `近 12 个月应开会议 ${f.meetingsDue} 次，按期召开 ${f.meetingsHeld} 次（${pct(rate)}），低于 ${pct(s.orgLifeBelow)}`,
        en: `Of ${f.meetingsDue} meetings due in the last 12 months ${f.meetingsHeld} were held (${pct(rate)}), below ${pct(s.orgLifeBelow)}`,
        figures: { held: f.meetingsHeld, due: f.meetingsDue },
      });
  }
  if (s.electionOverdue && f.electionOverdueDays !== null && f.electionOverdueDays > 0)
    hits.push({
      criterion: 'election_overdue',
      zh: `换届已逾期 ${f.electionOverdueDays} 天`,
      en: `The election is ${f.electionOverdueDays} days overdue`,
      figures: { days: f.electionOverdueDays },
    });
  const a = f.lastAssessment;
  if (s.lastInAssessmentMinGroup !== null && a && a.size >= s.lastInAssessmentMinGroup && a.rank === a.size)
    hits.push({
      criterion: 'last_in_assessment',
      zh: `${a.year} 年度考核在同类 ${a.size} 个村（社区）中排名末位`,
      en: `Last of ${a.size} in its category in the ${a.year} assessment`,
      figures: { year: a.year, rank: a.rank, size: a.size },
    });
  if (s.petitionsAtLeast !== null && f.petitions >= s.petitionsAtLeast)
    hits.push({
      criterion: 'petitions',
      zh: `近 12 个月信访事件 ${f.petitions} 件，达到 ${s.petitionsAtLeast} 件`,
      en: `${f.petitions} petitions in the last 12 months (${s.petitionsAtLeast} or more)`,
      figures: { petitions: f.petitions },
    });
  if (
    s.publicationOverdueAtLeast !== null &&
    f.publicationOverdue !== null &&
    f.publicationOverdue >= s.publicationOverdueAtLeast
  )
    hits.push({
      criterion: 'publication_overdue',
      zh: `逾期未公开的村务事项 ${f.publicationOverdue} 项`,
      en: `${f.publicationOverdue} village affairs items overdue for publication`,
      figures: { overdue: f.publicationOverdue },
    });
  return hits;
}

/** How many of a county's `villages` may be listed: every candidate, or at most maxShare (rounded up). */
export function listLimit(villages: number, candidates: number, s: WeakOrgSettings): number {
  if (s.selection === 'all') return candidates;
  return Math.ceil(villages * s.maxShare - 1e-9);
}

/** The day of the review after acceptance (回头看). */
export const reviewDue = (acceptedOn: string, s: WeakOrgSettings) =>
  addMonths(acceptedOn, s.reviewAfterMonths);
