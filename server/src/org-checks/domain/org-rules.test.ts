import { describe, expect, test } from 'vitest';
import { checkOrg, committeeProblem, type OrgFacts, termYearsFor } from './org-rules.ts';

const today = '2026-11-24';
const branch = (over: Partial<OrgFacts> = {}): OrgFacts => ({
  kind: 'branch',
  level: 'grid',
  category: 'territorial',
  members: 10,
  fullMembers: 9,
  term: { electedOn: '2024-01-01', termYears: 5, secretaries: 1, deputies: 1, others: 2 },
  ...over,
});
const kinds = (o: OrgFacts, day = today) => checkOrg(o, day).map((f) => f.kind);

describe('member numbers', () => {
  test('3 full members is enough, 2 is not', () => {
    const term = { electedOn: '2024-01-01', termYears: 5, secretaries: 1, deputies: 0, others: 0 };
    expect(kinds(branch({ fullMembers: 3, members: 3, term }))).toEqual([]);
    const f = checkOrg(branch({ fullMembers: 2, members: 5, term }), today);
    expect(f.map((x) => x.kind)).toEqual(['too_few_full']);
    expect(f[0]?.rule).toBe('ORG_BRANCH_MIN_FULL_MEMBERS');
    expect(f[0]?.message_zh).toContain('联合党支部');
  });
  test('50 members is allowed, 51 is too many', () => {
    expect(kinds(branch({ members: 50, fullMembers: 40 }))).toEqual([]);
    expect(kinds(branch({ members: 51, fullMembers: 40 }))).toEqual(['too_many']);
  });
  test('a general branch is not checked for the branch numbers', () => {
    expect(kinds(branch({ kind: 'general_branch', members: 80, fullMembers: 2 }))).toEqual([]);
  });
});

describe('committee size', () => {
  test('7 full members: 3–5, never 2 or 6', () => {
    const c = (deputies: number, others: number) => ({ secretaries: 1, deputies, others });
    expect(committeeProblem(7, c(1, 1))).toBeNull();
    expect(committeeProblem(7, c(1, 3))).toBeNull();
    expect(committeeProblem(7, c(1, 0))).not.toBeNull();
    expect(committeeProblem(7, c(1, 4))).not.toBeNull();
  });
  test('6 full members: a secretary and at most a deputy', () => {
    expect(committeeProblem(6, { secretaries: 1, deputies: 0, others: 0 })).toBeNull();
    expect(committeeProblem(6, { secretaries: 1, deputies: 1, others: 0 })).toBeNull();
    expect(committeeProblem(6, { secretaries: 1, deputies: 1, others: 1 })).not.toBeNull();
  });
  test('exactly one secretary', () => {
    expect(committeeProblem(9, { secretaries: 0, deputies: 1, others: 2 })).not.toBeNull();
    expect(committeeProblem(9, { secretaries: 2, deputies: 0, others: 1 })).not.toBeNull();
  });
  test('the finding names the rule', () => {
    const f = checkOrg(
      branch({
        fullMembers: 7,
        term: { electedOn: '2024-01-01', termYears: 5, secretaries: 1, deputies: 0, others: 0 },
      }),
      today,
    );
    expect(f.map((x) => x.rule)).toEqual(['ORG_COMMITTEE_SIZE']);
  });
});

describe('terms', () => {
  test('5 years for village and community orgs, 3 for others', () => {
    expect(termYearsFor({ level: 'village', category: 'territorial' })).toBe(5);
    expect(termYearsFor({ level: 'grid', category: 'territorial' })).toBe(5);
    expect(termYearsFor({ level: 'unit', category: 'school' })).toBe(3);
  });
  const elected = (electedOn: string, termYears = 5) =>
    branch({ term: { electedOn, termYears, secretaries: 1, deputies: 1, others: 2 } });
  test('ends today: not yet overdue, due', () => {
    expect(kinds(elected('2021-11-24'))).toEqual(['term_due']);
  });
  test('ended yesterday: overdue', () => {
    expect(kinds(elected('2021-11-23'))).toEqual(['term_overdue']);
  });
  test('ends in exactly 6 months: due; a day later: nothing', () => {
    expect(kinds(elected('2022-05-24'))).toEqual(['term_due']);
    expect(kinds(elected('2022-05-25'))).toEqual([]);
  });
  test('3-year term of a unit branch', () => {
    const unit = { ...elected('2023-11-23', 3), level: 'unit' as const, category: 'school' as const };
    expect(kinds(unit)).toEqual(['term_overdue']);
  });
  test('more than a year late says the higher org must approve', () => {
    const [f] = checkOrg(elected('2020-11-23'), today);
    expect(f?.facts.beyondDelayLimit).toBe(true);
    const [g] = checkOrg(elected('2020-11-24'), today);
    expect(g?.facts.beyondDelayLimit).toBe(false);
  });
  test('no term recorded', () => {
    expect(kinds(branch({ term: null }))).toEqual(['no_term']);
  });
});

describe('messages name the rule in words, never its code', () => {
  test('every finding’s Chinese message is free of Latin letters; the code stays in `rule`', () => {
    const cases: OrgFacts[] = [
      branch({ fullMembers: 2, members: 2 }),
      branch({ members: 60, fullMembers: 58 }),
      branch({ term: null }),
      branch({ term: { electedOn: '2019-01-01', termYears: 5, secretaries: 1, deputies: 0, others: 9 } }),
      branch({ term: { electedOn: '2022-01-01', termYears: 5, secretaries: 1, deputies: 1, others: 2 } }),
    ];
    const findings = cases.flatMap((o) => checkOrg(o, today));
    expect(new Set(findings.map((f) => f.kind)).size).toBeGreaterThanOrEqual(5);
    for (const f of findings) {
      expect(f.message_zh, f.message_zh).not.toMatch(/[A-Za-z_]{2,}/);
      expect(f.rule).toMatch(/^ORG_[A-Z_]+$/);
    }
  });
});
