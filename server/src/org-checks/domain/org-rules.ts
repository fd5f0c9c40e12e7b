// 组织设置与换届 checks (RULES §1). Pure: no database, no clock (the caller passes "today" as an
// Asia/Shanghai date 'YYYY-MM-DD'). Each finding names its rule, the figures and what to do.

import type { OrgCategory, OrgKind, OrgLevel } from '../../platform/db/schema.ts';
import { addMonths, addYears } from '../../recruitment/domain/dates.ts';

/** RULES §1: a branch needs at least 3 full members. */
export const MIN_FULL_MEMBERS = 3;
/** RULES §1: a branch normally has at most 50 members (more → 党总支). */
export const MAX_BRANCH_MEMBERS = 50;
/** RULES §1: with 7 or more full members a branch elects a committee … */
export const COMMITTEE_THRESHOLD = 7;
/** … of 3–5 (never more than 7); otherwise a secretary and at most a deputy. */
export const COMMITTEE_MIN = 3;
export const COMMITTEE_MAX = 5;
/** RULES §1: terms of 5 years for village and community orgs, 3 for others. */
export const TERM_YEARS_VILLAGE = 5;
export const TERM_YEARS_OTHER = 3;
/** Elections due within this many months are shown as upcoming. */
export const DUE_WITHIN_MONTHS = 6;
/** RULES §1: a delayed election is normally at most 1 year late. */
export const MAX_DELAY_MONTHS = 12;

export const FINDING_KINDS = [
  'too_few_full',
  'too_many',
  'committee_size',
  'no_term',
  'term_due',
  'term_overdue',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const RULE_CODES: Record<FindingKind, string> = {
  too_few_full: 'ORG_BRANCH_MIN_FULL_MEMBERS',
  too_many: 'ORG_BRANCH_MAX_MEMBERS',
  committee_size: 'ORG_COMMITTEE_SIZE',
  no_term: 'ORG_TERM_MISSING',
  term_due: 'ORG_TERM_DUE',
  term_overdue: 'ORG_TERM_OVERDUE',
};

/** The rules as a secretary names them: the bracket of each finding's message (the code stays in `rule`). */
export const RULE_NAMES: Record<FindingKind, { zh: string; en: string }> = {
  too_few_full: { zh: '支部正式党员不足3名', en: 'fewer than 3 full members' },
  too_many: { zh: '支部党员超过50名', en: 'more than 50 members' },
  committee_size: { zh: '委员会组成', en: 'committee size' },
  no_term: { zh: '未登记换届', en: 'no term recorded' },
  term_due: { zh: '即将换届', en: 'election due' },
  term_overdue: { zh: '换届逾期', en: 'election overdue' },
};

/** Kinds checked for member numbers (党支部, 联合党支部, 临时党支部). */
export const BRANCH_KINDS: readonly OrgKind[] = ['branch', 'joint_branch', 'temporary_branch'];
/** Kinds that elect a committee or a secretary. */
export const ELECTING_KINDS: readonly OrgKind[] = ['branch', 'joint_branch', 'general_branch'];
/** Levels whose orgs hold their own elections here (grassroots). */
export const ELECTING_LEVELS: readonly OrgLevel[] = ['village', 'grid', 'unit'];

export interface OrgFacts {
  kind: OrgKind;
  level: OrgLevel;
  category: OrgCategory;
  /** members in the org's subtree, and of them full members */
  members: number;
  fullMembers: number;
  term: {
    electedOn: string;
    termYears: number;
    secretaries: number;
    deputies: number;
    /** ordinary committee members (委员) */
    others: number;
  } | null;
}

export interface Finding {
  kind: FindingKind;
  rule: string;
  severity: 'error' | 'warning';
  message_zh: string;
  message_en: string;
  facts: Record<string, unknown>;
}

export function isVillageOrCommunity(org: { level: OrgLevel; category: OrgCategory }): boolean {
  return org.category === 'territorial' && (org.level === 'village' || org.level === 'grid');
}

export function termYearsFor(org: { level: OrgLevel; category: OrgCategory }): number {
  return isVillageOrCommunity(org) ? TERM_YEARS_VILLAGE : TERM_YEARS_OTHER;
}

export function electsCommittee(org: { kind: OrgKind; level: OrgLevel }): boolean {
  return ELECTING_KINDS.includes(org.kind) && ELECTING_LEVELS.includes(org.level);
}

/** Allowed committee sizes (secretary, deputies and others together) for a number of full members. */
export function committeeRange(fullMembers: number): { min: number; max: number; committee: boolean } {
  return fullMembers >= COMMITTEE_THRESHOLD
    ? { min: COMMITTEE_MIN, max: COMMITTEE_MAX, committee: true }
    : { min: 1, max: 2, committee: false };
}

/** Why a committee of this shape does not fit (null when it fits). */
export function committeeProblem(
  fullMembers: number,
  c: { secretaries: number; deputies: number; others: number },
): { zh: string; en: string } | null {
  const size = c.secretaries + c.deputies + c.others;
  if (c.secretaries !== 1)
    return {
      zh: `应有且只有 1 名书记（现为 ${c.secretaries} 名）`,
      en: `exactly 1 secretary is needed (now ${c.secretaries})`,
    };
  const r = committeeRange(fullMembers);
  if (r.committee && (size < r.min || size > r.max))
    return {
      zh: `正式党员 ${fullMembers} 名（≥ ${COMMITTEE_THRESHOLD}），应选举 ${r.min}–${r.max} 人的支部委员会（现为 ${size} 人）`,
      en: `${fullMembers} full members (≥ ${COMMITTEE_THRESHOLD}): a committee of ${r.min}–${r.max} is elected (now ${size})`,
    };
  if (!r.committee && (size > r.max || c.others > 0 || c.deputies > 1))
    return {
      zh: `正式党员 ${fullMembers} 名（不足 ${COMMITTEE_THRESHOLD} 名），不设支部委员会，只选书记（可设 1 名副书记）（现为 ${size} 人）`,
      en: `${fullMembers} full members (fewer than ${COMMITTEE_THRESHOLD}): no committee, a secretary only (and at most one deputy) (now ${size})`,
    };
  return null;
}

function finding(
  kind: FindingKind,
  severity: Finding['severity'],
  zh: string,
  en: string,
  facts: Record<string, unknown>,
): Finding {
  const rule = RULE_CODES[kind];
  const named = RULE_NAMES[kind];
  return {
    kind,
    rule,
    severity,
    message_zh: `【${named.zh}】${zh}`,
    message_en: `[${named.en}] ${en}`,
    facts,
  };
}

/** Every finding for one org on a day. */
export function checkOrg(org: OrgFacts, today: string): Finding[] {
  const out: Finding[] = [];
  if (BRANCH_KINDS.includes(org.kind)) {
    if (org.fullMembers < MIN_FULL_MEMBERS)
      out.push(
        finding(
          'too_few_full',
          'error',
          `党支部须有正式党员 ${MIN_FULL_MEMBERS} 名以上，现仅 ${org.fullMembers} 名：不能成立支部委员会，应与邻近单位组建联合党支部或调整隶属。`,
          `A branch needs at least ${MIN_FULL_MEMBERS} full members; it has ${org.fullMembers}: it cannot hold a committee — form a joint branch with neighbouring units or re-attach it.`,
          { fullMembers: org.fullMembers, min: MIN_FULL_MEMBERS },
        ),
      );
    if (org.members > MAX_BRANCH_MEMBERS)
      out.push(
        finding(
          'too_many',
          'warning',
          `党支部党员一般不超过 ${MAX_BRANCH_MEMBERS} 名，现有 ${org.members} 名：应分设党支部或成立党总支。`,
          `A branch normally has at most ${MAX_BRANCH_MEMBERS} members; it has ${org.members}: split it or set up a general branch.`,
          { members: org.members, max: MAX_BRANCH_MEMBERS },
        ),
      );
  }
  if (!electsCommittee(org)) return out;
  const years = termYearsFor(org);
  if (!org.term) {
    out.push(
      finding(
        'no_term',
        'warning',
        `没有换届选举记录：请上级党组织登记本届选举日期和委员（任期 ${years} 年）。`,
        `No election recorded: the higher org records this term's date and committee (term ${years} years).`,
        { termYears: years },
      ),
    );
    return out;
  }
  if (org.kind !== 'general_branch') {
    const problem = committeeProblem(org.fullMembers, org.term);
    if (problem)
      out.push(
        finding(
          'committee_size',
          'error',
          `委员会组成不符合规定：${problem.zh}。请在下次选举时调整，或由上级党组织登记补选。`,
          `Wrong committee size: ${problem.en}. Adjust it at the next election or record a by-election through the higher org.`,
          {
            fullMembers: org.fullMembers,
            size: org.term.secretaries + org.term.deputies + org.term.others,
            ...committeeRange(org.fullMembers),
          },
        ),
      );
  }
  const endsOn = addYears(org.term.electedOn, org.term.termYears);
  const facts = { electedOn: org.term.electedOn, termYears: org.term.termYears, endsOn };
  if (endsOn < today) {
    const late = addMonths(endsOn, MAX_DELAY_MONTHS) < today;
    out.push(
      finding(
        'term_overdue',
        'error',
        `任期 ${org.term.termYears} 年，${org.term.electedOn} 选举，已于 ${endsOn} 届满：应立即换届${late ? `（延期已超过 ${MAX_DELAY_MONTHS} 个月，须报上级批准）` : '；延期须经上级批准，一般不超过 1 年'}。`,
        `Term of ${org.term.termYears} years elected ${org.term.electedOn} ended ${endsOn}: hold the election now${late ? ` (more than ${MAX_DELAY_MONTHS} months late: the higher org must approve)` : '; a delay needs the higher org’s approval and is normally at most 1 year'}.`,
        { ...facts, beyondDelayLimit: late },
      ),
    );
  } else if (endsOn <= addMonths(today, DUE_WITHIN_MONTHS)) {
    out.push(
      finding(
        'term_due',
        'warning',
        `任期 ${org.term.termYears} 年，将于 ${endsOn} 届满：请在届满前做好换届准备并报上级党组织。`,
        `Term of ${org.term.termYears} years ends ${endsOn}: prepare the election and report to the higher org before then.`,
        facts,
      ),
    );
  }
  return out;
}
