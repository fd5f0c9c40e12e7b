// 换届 rules, pure: the state of a candidate's joint qualification review (联审) from the departments'
// verdicts, the results an election may write into the cadres' terms, and a term's state on a day
// (the same "due within 6 months / overdue" as the org checks, org-checks/domain/org-rules.ts).

import { DUE_WITHIN_MONTHS, MAX_DELAY_MONTHS } from '../../org-checks/domain/org-rules.ts';
import { addMonths, addYears } from '../../recruitment/domain/dates.ts';
import { POST_NAMES } from './cadre-settings.ts';

export type ReviewState = 'pending' | 'cleared' | 'disqualified';

export interface Verdict {
  department: string;
  verdict: 'pass' | 'fail';
}

/** Cleared when every department passed the candidate; disqualified when any failed. */
export function reviewState(
  verdicts: readonly Verdict[],
  departments: readonly string[],
): { state: ReviewState; missing: string[] } {
  if (verdicts.some((v) => v.verdict === 'fail')) return { state: 'disqualified', missing: [] };
  const given = new Set(verdicts.map((v) => v.department));
  const missing = departments.filter((d) => !given.has(d));
  return { state: missing.length === 0 ? 'cleared' : 'pending', missing };
}

export interface CandidateFacts {
  id: number;
  name: string;
  partyMember: boolean;
  review: ReviewState;
}

export interface ResultProblem {
  code: string;
  zh: string;
  en: string;
  details: Record<string, unknown>;
}

const ELECTION_RULE_NAMES: Record<string, { zh: string; en: string }> = {
  ELECTION_CANDIDATE_NOT_CLEARED: { zh: '候选人未通过联审', en: 'Candidate not cleared' },
  ELECTION_CANDIDATE_UNKNOWN: { zh: '非本次候选人', en: 'Not a candidate' },
  ELECTION_ONE_HEAD: { zh: '主任职数', en: 'One chair' },
  ELECTION_ONE_POST_PER_COMMITTEE: { zh: '一人一职', en: 'One post per committee' },
  ELECTION_ONE_SECRETARY: { zh: '书记职数', en: 'One secretary' },
  ELECTION_PARTY_POST_MEMBER: { zh: '党内职务须为党员', en: 'Party posts for members' },
  ELECTION_POST_UNKNOWN: { zh: '职务不存在', en: 'Unknown post' },
  ELECTION_SUPERVISION_SEPARATE: { zh: '监委会成员不得兼任', en: 'Supervisors hold no other post' },
};

const problem = (
  code: string,
  zh: string,
  en: string,
  details: Record<string, unknown> = {},
): ResultProblem => ({
  code,
  // the text names the rule in words; the code stays in `code` (issue 11: names, never codes)
  zh: `【${ELECTION_RULE_NAMES[code]?.zh ?? '选举结果'}】${zh}`,
  en: `[${ELECTION_RULE_NAMES[code]?.en ?? 'Election result'}] ${en}`,
  details,
});

/**
 * Whether these results may be written into the cadres' terms: every elected candidate cleared by
 * 联审, party posts held by party members, one secretary and one director, one post per committee
 * per person. 一肩挑 (the secretary elected director too) is allowed.
 */
export function checkResults(
  candidates: readonly CandidateFacts[],
  elected: readonly { candidateId: number; post: string }[],
): ResultProblem | null {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  for (const e of elected) {
    const c = byId.get(e.candidateId);
    if (!c)
      return problem(
        'ELECTION_CANDIDATE_UNKNOWN',
        `候选人 ${e.candidateId} 不是本次选举的候选人。`,
        `Candidate ${e.candidateId} does not stand in this election.`,
        { candidateId: e.candidateId, field: 'elected' },
      );
    const post = POST_NAMES[e.post];
    if (!post)
      return problem('ELECTION_POST_UNKNOWN', `没有「${e.post}」这个职务。`, `No such post "${e.post}".`, {
        post: e.post,
        field: 'elected',
      });
    if (c.review !== 'cleared')
      return problem(
        'ELECTION_CANDIDATE_NOT_CLEARED',
        `${c.name} 的资格联审${c.review === 'disqualified' ? '未通过（负面清单）' : '尚未完成'}，不能当选。请先完成联审。`,
        `${c.name} has ${c.review === 'disqualified' ? 'failed' : 'not completed'} the joint qualification review and cannot be elected.`,
        { candidateId: c.id, review: c.review },
      );
    if (post.committee === 'party' && !c.partyMember)
      return problem(
        'ELECTION_PARTY_POST_MEMBER',
        `${c.name} 不是党员，不能担任${post.zh}。`,
        `${c.name} is not a party member and cannot be ${post.en}.`,
        { candidateId: c.id, post: e.post },
      );
  }
  const count = (p: string) => elected.filter((e) => e.post === p).length;
  if (count('party_secretary') !== 1)
    return problem(
      'ELECTION_ONE_SECRETARY',
      `须选出且只选出 1 名村党组织书记（现为 ${count('party_secretary')} 名）。`,
      `Exactly one party secretary is elected (${count('party_secretary')} given).`,
    );
  if (count('director') > 1 || count('supervision_chair') > 1)
    return problem(
      'ELECTION_ONE_HEAD',
      '村（居）委会主任和村务监督委员会主任各只能选出 1 名。',
      'At most one committee director and one supervision chair.',
    );
  const seen = new Set<string>();
  for (const e of elected) {
    const key = `${e.candidateId}:${POST_NAMES[e.post]?.committee}`;
    if (seen.has(key))
      return problem(
        'ELECTION_ONE_POST_PER_COMMITTEE',
        '同一人在同一委员会只能担任一个职务。',
        'One post per committee per person.',
        { candidateId: e.candidateId },
      );
    seen.add(key);
  }
  const supervision = new Set(
    elected.filter((e) => POST_NAMES[e.post]?.committee === 'supervision').map((e) => e.candidateId),
  );
  const twoCommittees = elected
    .filter((e) => POST_NAMES[e.post]?.committee !== 'supervision')
    .map((e) => e.candidateId);
  const both = twoCommittees.filter((id) => supervision.has(id));
  if (both.length)
    return problem(
      'ELECTION_SUPERVISION_SEPARATE',
      '村“两委”成员不能兼任村务监督委员会成员。',
      'Members of the two committees cannot sit on the supervision committee.',
      { candidateIds: both },
    );
  return null;
}

export type TermState = 'ok' | 'due' | 'overdue';

/** A term elected on a day: when it ends and its state today (as the org checks count it). */
export function termState(
  electedOn: string,
  termYears: number,
  today: string,
): { endsOn: string; state: TermState; beyondDelayLimit: boolean } {
  const endsOn = addYears(electedOn, termYears);
  if (endsOn < today)
    return { endsOn, state: 'overdue', beyondDelayLimit: addMonths(endsOn, MAX_DELAY_MONTHS) < today };
  if (endsOn <= addMonths(today, DUE_WITHIN_MONTHS)) return { endsOn, state: 'due', beyondDelayLimit: false };
  return { endsOn, state: 'ok', beyondDelayLimit: false };
}
