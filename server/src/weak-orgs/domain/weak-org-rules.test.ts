import { describe, expect, test } from 'vitest';
import { allowedActions, canTake, nextState } from './ledger-machine.ts';
import {
  evaluateVillage,
  listLimit,
  reviewDue,
  type VillageFacts,
  WEAK_ORG_SETTINGS_DEFAULTS,
} from './weak-org-rules.ts';

const TODAY = '2026-12-06';
const healthy: VillageFacts = {
  secretaryVacantSince: null,
  lastCandidateOn: '2026-05-01',
  recordsSince: '2020-01-01',
  evaluated: 40,
  satisfied: 36,
  meetingsHeld: 40,
  meetingsDue: 44,
  electionOverdueDays: null,
  lastAssessment: { year: 2025, rank: 3, size: 10, category: 'farming' },
  petitions: 1,
  publicationOverdue: null,
};
const s = WEAK_ORG_SETTINGS_DEFAULTS;
const codes = (f: Partial<VillageFacts>) =>
  evaluateVillage({ ...healthy, ...f }, s, TODAY).map((h) => h.criterion);

describe('criteria', () => {
  test('a healthy village meets none', () => {
    expect(codes({})).toEqual([]);
  });
  test('secretary vacant more than 3 months (to the day)', () => {
    expect(codes({ secretaryVacantSince: '2026-09-06' })).toEqual([]);
    expect(codes({ secretaryVacantSince: '2026-09-05' })).toEqual(['secretary_vacant']);
    expect(evaluateVillage({ ...healthy, secretaryVacantSince: '2026-09-05' }, s, TODAY)[0]?.zh).toBe(
      '书记职位自 2026-09-05 起空缺 92 天，超过 3 个月',
    );
  });
  test('no development candidate for 2 years', () => {
    expect(codes({ lastCandidateOn: '2024-12-06' })).toEqual([]);
    expect(codes({ lastCandidateOn: '2024-12-05' })).toEqual(['no_candidate']);
    expect(codes({ lastCandidateOn: null, recordsSince: '2020-01-01' })).toEqual(['no_candidate']);
    // an org recorded only since last year cannot yet have gone two years without
    expect(codes({ lastCandidateOn: null, recordsSince: '2025-06-01' })).toEqual([]);
  });
  test('satisfaction below 60% counts only with enough evaluations', () => {
    expect(codes({ evaluated: 10, satisfied: 5 })).toEqual(['low_satisfaction']);
    expect(codes({ evaluated: 10, satisfied: 6 })).toEqual([]);
    expect(codes({ evaluated: 4, satisfied: 0 })).toEqual([]);
  });
  test('organizational life below half of the meetings due', () => {
    expect(codes({ meetingsHeld: 21, meetingsDue: 44 })).toEqual(['org_life_not_held']);
    expect(codes({ meetingsHeld: 22, meetingsDue: 44 })).toEqual([]);
  });
  test('election overdue, last in the assessment, petitions, publication', () => {
    expect(codes({ electionOverdueDays: 30 })).toEqual(['election_overdue']);
    expect(codes({ lastAssessment: { year: 2025, rank: 10, size: 10, category: 'farming' } })).toEqual([
      'last_in_assessment',
    ]);
    expect(codes({ lastAssessment: { year: 2025, rank: 2, size: 2, category: 'farming' } })).toEqual([]);
    expect(codes({ petitions: 8 })).toEqual(['petitions']);
    expect(codes({ publicationOverdue: 3 })).toEqual(['publication_overdue']);
    expect(codes({ publicationOverdue: null })).toEqual([]);
  });
  test('a criterion switched off is never met', () => {
    const off = { ...s, petitionsAtLeast: null, electionOverdue: false };
    expect(evaluateVillage({ ...healthy, petitions: 50, electionOverdueDays: 9 }, off, TODAY)).toEqual([]);
  });
});

describe('selection and review', () => {
  test('at most 10% of the villages, rounded up; or every candidate', () => {
    expect(listLimit(63, 12, s)).toBe(7);
    expect(listLimit(60, 12, s)).toBe(6);
    expect(listLimit(63, 12, { ...s, selection: 'all' })).toBe(12);
  });
  test('回头看 six months after acceptance', () => {
    expect(reviewDue('2026-03-31', s)).toBe('2026-09-30');
  });
});

describe('ledger machine', () => {
  test('the path to 销号 and 回头看', () => {
    expect(nextState('plan', 'listed')).toBe('rectifying');
    expect(nextState('request_acceptance', 'rectifying')).toBe('acceptance_requested');
    expect(nextState('reject', 'acceptance_requested')).toBe('rectifying');
    expect(nextState('accept', 'acceptance_requested')).toBe('accepted');
    expect(nextState('review', 'accepted')).toBe('reviewed');
    expect(nextState('review', 'accepted', true)).toBe('rectifying');
  });
  test('no shortcut', () => {
    expect(canTake('accept', 'rectifying')).toBe(false);
    expect(() => nextState('accept', 'listed')).toThrow();
    expect(allowedActions('reviewed')).toEqual([]);
    expect(allowedActions('rectifying')).toEqual(['plan', 'request_acceptance']);
  });
});
