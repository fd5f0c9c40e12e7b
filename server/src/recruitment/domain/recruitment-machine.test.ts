import { describe, expect, test } from 'vitest';
import {
  assessmentGap,
  type Decision,
  decideApplication,
  decideClose,
  decideExtension,
  decideObjection,
  decideStep,
  type MemberRef,
  nextDue,
  nextSteps,
  probationEndsOn,
  type Snapshot,
  type StepInput,
  type Vote,
} from './recruitment-machine.ts';
import { RECRUITMENT_SETTINGS_DEFAULTS as SETTINGS } from './rules.ts';
import { STEPS } from './steps.ts';

const TODAY = '2030-12-31';
const full = (memberId: number, convertedOn = '2010-01-01'): MemberRef => ({
  memberId,
  name: `党员${memberId}`,
  status: 'full',
  convertedOn,
});
const vote = (over: Partial<Vote> = {}): Vote => ({
  membersDue: 10,
  present: 8,
  yes: 8,
  no: 0,
  abstain: 0,
  writtenYes: 0,
  writtenNo: 0,
  ...over,
});

/** The dates of a clean path: applied 2024-03-01, activist 2024-04-10, candidate 2025-04-11, … */
const PATH: Record<number, string> = {
  1: '2024-03-01',
  2: '2024-03-20',
  3: '2024-04-10',
  4: '2024-04-15',
  5: '2024-04-20',
  7: '2025-04-11',
  8: '2025-04-15',
  9: '2025-04-20',
  10: '2025-05-10',
  11: '2025-05-20',
  12: '2025-06-01',
  13: '2025-06-10',
  14: '2025-06-12',
  15: '2025-06-20',
  16: '2025-06-25',
  17: '2025-07-10',
  18: '2025-07-15',
  19: '2025-07-16',
  20: '2025-07-20',
  21: '2026-01-10',
  22: '2026-06-01',
  23: '2026-06-20',
  24: '2026-07-01',
  25: '2026-07-05',
};
const ASSESSMENTS = ['2024-10-01', '2025-03-20'];

function snapshotAfter(last: number, over: Partial<Snapshot> = {}): Snapshot {
  const steps = [];
  for (let n = 1; n <= last; n++) {
    if (n === 6) for (const on of ASSESSMENTS) steps.push({ step: 6, on });
    else steps.push({ step: n, on: PATH[n] as string });
  }
  return {
    status: 'active',
    birthDate: '1995-05-05',
    steps,
    publicity: {
      admission: last >= 12 ? { startsOn: '2025-06-02', endsOn: '2025-06-08' } : null,
      conversion: last >= 22 ? { startsOn: '2026-06-02', endsOn: '2026-06-08' } : null,
    },
    objections: [],
    trainings: [{ startsOn: '2025-05-12', endsOn: '2025-05-14', hours: 24 }],
    extensionMonths: null,
    ...over,
  };
}

const code = <T>(d: Decision<T>) => (d.ok ? 'ok' : d.violation.code);
const step = (s: Snapshot, input: StepInput) => decideStep(s, input, TODAY, SETTINGS);

describe('the machine', () => {
  test('25 steps in 5 stages', () => {
    expect(STEPS).toHaveLength(25);
    expect(STEPS.map((s) => s.no)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(STEPS.map((s) => s.stage)).size).toBe(5);
  });

  test('the whole path is accepted step by step', () => {
    for (let n = 2; n <= 25; n++) {
      const s = snapshotAfter(n - 1);
      const input: StepInput = { step: n, on: PATH[n] as string };
      if (n === 5) input.mentors = [full(1)];
      if (n === 6) input.on = '2024-10-01';
      if (n === 9) input.sponsors = [full(1), full(2)];
      if (n === 10) input.review = { complete: true, conclusion: 'qualified' };
      if (n === 12) input.publicity = { startsOn: '2025-06-02', endsOn: '2025-06-08' };
      if (n === 22) input.publicity = { startsOn: '2026-06-02', endsOn: '2026-06-08' };
      if (n === 15 || n === 23) input.vote = vote();
      const s2 = n === 6 ? snapshotAfter(5) : s;
      const d = step(s2, input);
      expect(code(d), `step ${n}`).toBe('ok');
      if (d.ok && n === 17)
        expect(d.effects.createMember).toEqual({ joinedOn: '2025-06-20', probationEndsOn: '2026-06-20' });
      if (d.ok && n === 24) expect(d.effects.convertMember).toEqual({ convertedOn: '2026-06-20' });
      if (d.ok && n === 25) expect(d.effects.completed).toBe(true);
    }
  });

  test('steps go in order; assessments repeat; nothing after the end', () => {
    expect(nextSteps(snapshotAfter(1))).toEqual([2]);
    expect(nextSteps(snapshotAfter(6))).toEqual([6, 7]);
    expect(nextSteps(snapshotAfter(21))).toEqual([21, 22]);
    expect(code(step(snapshotAfter(1), { step: 3, on: '2024-04-10' }))).toBe('RECRUIT_STEP_ORDER');
    expect(code(step(snapshotAfter(25, { status: 'completed' }), { step: 25, on: TODAY }))).toBe(
      'RECRUIT_STEP_ORDER',
    );
  });

  test('dates are never in the future nor before the previous step', () => {
    expect(decideStep(snapshotAfter(1), { step: 2, on: '2024-03-21' }, '2024-03-20', SETTINGS)).toMatchObject(
      {
        ok: false,
        violation: { code: 'RECRUIT_DATE_IN_FUTURE' },
      },
    );
    expect(code(decideStep(snapshotAfter(1), { step: 2, on: '2024-03-20' }, '2024-03-20', SETTINGS))).toBe(
      'ok',
    );
    expect(code(step(snapshotAfter(1), { step: 2, on: '2024-02-29' }))).toBe('RECRUIT_DATE_BEFORE_PREVIOUS');
    expect(code(step(snapshotAfter(1), { step: 2, on: '2024-03-01' }))).toBe('ok');
    expect(code(step(snapshotAfter(1), { step: 2, on: '2024-3-1' }))).toBe('RECRUIT_DATE_INVALID');
  });
});

describe('rules at their boundary dates', () => {
  test('age ≥ 18 on the application date', () => {
    expect(code(decideApplication('2006-03-01', '2024-02-29', TODAY))).toBe('RECRUIT_AGE_UNDER_18');
    expect(code(decideApplication('2006-03-01', '2024-03-01', TODAY))).toBe('ok');
    const d = decideApplication('2006-03-01', '2024-02-29', TODAY);
    if (!d.ok) expect(d.violation.zh).toContain('2024-03-01');
    expect(code(decideApplication('2000-01-01', '2031-01-01', TODAY))).toBe('RECRUIT_DATE_IN_FUTURE');
  });

  test('the talk within 1 month: on the last day on time, the day after late', () => {
    const s = snapshotAfter(1);
    const onTime = step(s, { step: 2, on: '2024-04-01' });
    const late = step(s, { step: 2, on: '2024-04-02' });
    expect(onTime.ok && onTime.effects.late).toBe(false);
    expect(late.ok && late.effects.late).toBe(true);
    expect(nextDue(s)).toEqual({ kind: 'talk', dueOn: '2024-04-01' });
  });

  test('more than 1 year as activist before becoming a candidate', () => {
    const s = snapshotAfter(6);
    expect(code(step(s, { step: 7, on: '2025-04-10' }))).toBe('RECRUIT_ACTIVIST_UNDER_1_YEAR');
    expect(code(step(s, { step: 7, on: '2025-04-11' }))).toBe('ok');
  });

  test('an assessment every 6 months', () => {
    const s = snapshotAfter(5);
    expect(code(step(s, { step: 6, on: '2024-10-10' }))).toBe('ok');
    expect(code(step(s, { step: 6, on: '2024-10-11' }))).toBe('RECRUIT_ASSESSMENT_EVERY_6_MONTHS');
    // candidate date more than 6 months after the last assessment (2025-03-20 → due 2025-09-20)
    expect(code(step(snapshotAfter(6), { step: 7, on: '2025-09-20' }))).toBe('ok');
    expect(code(step(snapshotAfter(6), { step: 7, on: '2025-09-21' }))).toBe(
      'RECRUIT_ASSESSMENT_EVERY_6_MONTHS',
    );
    expect(assessmentGap(snapshotAfter(6), '2025-04-11')).toBeNull();
    expect(nextDue(snapshotAfter(6))).toEqual({ kind: 'assessment', dueOn: '2025-09-20' });
  });

  test('1–2 mentors, full members on the date', () => {
    const s = snapshotAfter(4);
    const on = PATH[5] as string;
    expect(code(step(s, { step: 5, on, mentors: [] }))).toBe('RECRUIT_MENTORS_1_TO_2');
    expect(code(step(s, { step: 5, on, mentors: [full(1), full(2), full(3)] }))).toBe(
      'RECRUIT_MENTORS_1_TO_2',
    );
    expect(code(step(s, { step: 5, on, mentors: [full(1), full(1)] }))).toBe('RECRUIT_MENTORS_1_TO_2');
    expect(code(step(s, { step: 5, on, mentors: [full(1), full(2)] }))).toBe('ok');
    expect(code(step(s, { step: 5, on, mentors: [full(1, '2024-04-21')] }))).toBe(
      'RECRUIT_MENTOR_NOT_FULL_MEMBER',
    );
    expect(code(step(s, { step: 5, on, mentors: [full(1, '2024-04-20')] }))).toBe('ok');
  });

  test('2 sponsors, full members on that date', () => {
    const s = snapshotAfter(8);
    const on = PATH[9] as string;
    expect(code(step(s, { step: 9, on, sponsors: [full(1)] }))).toBe('RECRUIT_SPONSORS_2');
    expect(code(step(s, { step: 9, on, sponsors: [full(1), full(1)] }))).toBe('RECRUIT_SPONSORS_2');
    const probationary: MemberRef = { memberId: 3, name: '王五', status: 'probationary', convertedOn: null };
    expect(code(step(s, { step: 9, on, sponsors: [full(1), probationary] }))).toBe(
      'RECRUIT_SPONSOR_NOT_FULL_MEMBER',
    );
    expect(code(step(s, { step: 9, on, sponsors: [full(1), full(2, '2025-04-21')] }))).toBe(
      'RECRUIT_SPONSOR_NOT_FULL_MEMBER',
    );
    expect(code(step(s, { step: 9, on, sponsors: [full(1), full(2, '2025-04-20')] }))).toBe('ok');
  });

  test('political review complete and qualified', () => {
    const s = snapshotAfter(9);
    const on = PATH[10] as string;
    expect(code(step(s, { step: 10, on }))).toBe('RECRUIT_POLITICAL_REVIEW_INCOMPLETE');
    expect(code(step(s, { step: 10, on, review: { complete: false, conclusion: 'qualified' } }))).toBe(
      'RECRUIT_POLITICAL_REVIEW_INCOMPLETE',
    );
    expect(code(step(s, { step: 10, on, review: { complete: true, conclusion: 'qualified' } }))).toBe('ok');
  });

  test('training ≥ 3 days or ≥ 24 class hours, counted up to the step date', () => {
    const on = PATH[11] as string;
    const withTrainings = (trainings: Snapshot['trainings']) => snapshotAfter(10, { trainings });
    expect(
      code(
        step(withTrainings([{ startsOn: '2025-05-12', endsOn: '2025-05-13', hours: 23.5 }]), {
          step: 11,
          on,
        }),
      ),
    ).toBe('RECRUIT_TRAINING_UNDER_3_DAYS_24_HOURS');
    expect(
      code(
        step(withTrainings([{ startsOn: '2025-05-12', endsOn: '2025-05-13', hours: 24 }]), { step: 11, on }),
      ),
    ).toBe('ok');
    expect(
      code(
        step(withTrainings([{ startsOn: '2025-05-12', endsOn: '2025-05-14', hours: 0 }]), { step: 11, on }),
      ),
    ).toBe('ok');
    // a training that ends after the step's date does not count
    expect(
      code(
        step(withTrainings([{ startsOn: '2025-05-19', endsOn: '2025-05-21', hours: 30 }]), { step: 11, on }),
      ),
    ).toBe('RECRUIT_TRAINING_UNDER_3_DAYS_24_HOURS');
  });

  test('publicity of the configured length, closed without unresolved objection', () => {
    const on = PATH[12] as string;
    const s11 = snapshotAfter(11);
    expect(code(step(s11, { step: 12, on }))).toBe('RECRUIT_PUBLICITY_REQUIRED');
    expect(
      code(step(s11, { step: 12, on, publicity: { startsOn: '2025-06-02', endsOn: '2025-06-07' } })),
    ).toBe('RECRUIT_PUBLICITY_TOO_SHORT');
    expect(
      code(
        decideStep(
          s11,
          { step: 12, on, publicity: { startsOn: '2025-06-02', endsOn: '2025-06-06' } },
          TODAY,
          { publicityDays: 5 },
        ),
      ),
    ).toBe('ok');
    const s12 = snapshotAfter(12);
    expect(code(step(s12, { step: 13, on: '2025-06-08' }))).toBe('RECRUIT_PUBLICITY_NOT_CLOSED');
    expect(code(step(s12, { step: 13, on: '2025-06-09' }))).toBe('ok');
    const objected = snapshotAfter(12, {
      objections: [{ id: 1, kind: 'admission', raisedOn: '2025-06-05', resolvedOn: null }],
    });
    expect(code(step(objected, { step: 13, on: '2025-06-10' }))).toBe('RECRUIT_OBJECTION_UNRESOLVED');
    const resolved = snapshotAfter(12, {
      objections: [{ id: 1, kind: 'admission', raisedOn: '2025-06-05', resolvedOn: '2025-06-09' }],
    });
    expect(code(step(resolved, { step: 13, on: '2025-06-10' }))).toBe('ok');
    expect(code(decideObjection(snapshotAfter(11), 'admission', '2025-06-05', TODAY))).toBe(
      'RECRUIT_NO_PUBLICITY',
    );
    expect(code(decideObjection(s12, 'admission', '2025-06-01', TODAY))).toBe('RECRUIT_DATE_BEFORE_PREVIOUS');
  });

  test('the branch meeting: quorum and majority of the full members due', () => {
    const s = snapshotAfter(14);
    const on = PATH[15] as string;
    expect(code(step(s, { step: 15, on, vote: vote({ membersDue: 10, present: 5, yes: 5 }) }))).toBe(
      'RECRUIT_MEETING_QUORUM',
    );
    expect(code(step(s, { step: 15, on, vote: vote({ membersDue: 10, present: 6, yes: 6 }) }))).toBe('ok');
    expect(code(step(s, { step: 15, on, vote: vote({ membersDue: 10, present: 6, yes: 5, no: 1 }) }))).toBe(
      'RECRUIT_MEETING_MAJORITY',
    );
    // written opinions of absent members count
    expect(
      code(
        step(s, { step: 15, on, vote: vote({ membersDue: 10, present: 6, yes: 5, no: 1, writtenYes: 1 }) }),
      ),
    ).toBe('ok');
    expect(code(step(s, { step: 15, on, vote: vote({ membersDue: 3, present: 4 }) }))).toBe(
      'RECRUIT_VOTE_COUNTS_INVALID',
    );
    expect(code(step(s, { step: 15, on, vote: vote({ present: 6, yes: 6, no: 1 }) }))).toBe(
      'RECRUIT_VOTE_COUNTS_INVALID',
    );
  });

  test('approval within 3 months, up to 6 with a reason, never beyond 6', () => {
    const s = snapshotAfter(16);
    expect(code(step(s, { step: 17, on: '2025-09-20' }))).toBe('ok');
    expect(code(step(s, { step: 17, on: '2025-09-21' }))).toBe('RECRUIT_APPROVAL_WITHIN_3_MONTHS');
    expect(code(step(s, { step: 17, on: '2025-12-20', delayReason: '等待外调材料' }))).toBe('ok');
    expect(code(step(s, { step: 17, on: '2025-12-21', delayReason: '等待外调材料' }))).toBe(
      'RECRUIT_APPROVAL_BEYOND_6_MONTHS',
    );
    expect(nextDue(snapshotAfter(15))).toEqual({ kind: 'approval', dueOn: '2025-09-20' });
  });

  test('probation of 1 year from the admitting meeting before the conversion vote', () => {
    const s = snapshotAfter(22);
    expect(probationEndsOn(s)).toBe('2026-06-20');
    expect(code(step(s, { step: 23, on: '2026-06-19', vote: vote() }))).toBe('RECRUIT_PROBATION_NOT_ENDED');
    expect(code(step(s, { step: 23, on: '2026-06-20', vote: vote() }))).toBe('ok');
    expect(nextDue(snapshotAfter(20))).toEqual({ kind: 'conversion', dueOn: '2026-06-20' });
  });

  test('one extension of 6 to 12 months, decided when probation ends', () => {
    const s = snapshotAfter(21);
    expect(code(decideExtension(s, '2026-06-20', 5, TODAY))).toBe('RECRUIT_EXTENSION_6_TO_12_MONTHS');
    expect(code(decideExtension(s, '2026-06-20', 13, TODAY))).toBe('RECRUIT_EXTENSION_6_TO_12_MONTHS');
    expect(code(decideExtension(s, '2026-06-19', 6, TODAY))).toBe('RECRUIT_EXTENSION_AT_PROBATION_END');
    expect(decideExtension(s, '2026-06-20', 6, TODAY)).toEqual({
      ok: true,
      effects: { probationEndsOn: '2026-12-20' },
    });
    expect(decideExtension(s, '2026-06-20', 12, TODAY)).toEqual({
      ok: true,
      effects: { probationEndsOn: '2027-06-20' },
    });
    const extended = snapshotAfter(21, { extensionMonths: 6 });
    expect(code(decideExtension(extended, '2026-12-20', 6, TODAY))).toBe('RECRUIT_EXTENSION_ONCE');
    expect(probationEndsOn(extended)).toBe('2026-12-20');
    expect(
      code(step(snapshotAfter(22, { extensionMonths: 6 }), { step: 23, on: '2026-12-19', vote: vote() })),
    ).toBe('RECRUIT_PROBATION_NOT_ENDED');
    expect(code(decideExtension(snapshotAfter(22), '2026-06-20', 6, TODAY))).toBe('RECRUIT_STEP_ORDER');
  });

  test('the conversion needs its publicity closed and its own vote', () => {
    const objected = snapshotAfter(22, {
      objections: [{ id: 2, kind: 'conversion', raisedOn: '2026-06-03', resolvedOn: null }],
    });
    expect(code(step(objected, { step: 23, on: '2026-06-20', vote: vote() }))).toBe(
      'RECRUIT_OBJECTION_UNRESOLVED',
    );
    expect(
      code(step(snapshotAfter(22), { step: 23, on: '2026-06-20', vote: vote({ present: 5, yes: 5 }) })),
    ).toBe('RECRUIT_MEETING_QUORUM');
    expect(code(step(snapshotAfter(23), { step: 24, on: '2026-09-21' }))).toBe(
      'RECRUIT_APPROVAL_WITHIN_3_MONTHS',
    );
  });

  test('an application can be ended before approval, not after', () => {
    expect(code(decideClose(snapshotAfter(10), '2025-05-11', TODAY))).toBe('ok');
    expect(code(decideClose(snapshotAfter(17), '2025-07-11', TODAY))).toBe('RECRUIT_STEP_ORDER');
  });
});
