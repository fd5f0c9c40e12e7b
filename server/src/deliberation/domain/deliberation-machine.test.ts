import { describe, expect, test } from 'vitest';
import { checkStep, evaluate, type MatterFacts, nextStep, type StepRecord } from './deliberation-machine.ts';
import { DELIBERATION_DEFAULTS as S } from './deliberation-settings.ts';
import { needed, quorum, ratioMet } from './quorum.ts';
import { DEFAULT_TEMPLATES } from './templates.ts';

const TODAY = '2026-06-30';

function matter(over: Partial<MatterFacts> = {}): MatterFacts {
  return {
    template: DEFAULT_TEMPLATES.four_two,
    category: 'construction',
    amountFen: 12_000_000,
    status: 'open',
    oneShoulder: false,
    steps: [],
    ...over,
  };
}

const meeting = (
  step: StepRecord['step'],
  body: StepRecord['body'],
  heldOn: string,
  due: number,
  present: number,
  yes: number,
  extra: Partial<StepRecord> = {},
): StepRecord => ({
  step,
  body,
  heldOn,
  counts: { due, present },
  votes: { yes, no: present - yes, abstain: 0 },
  ...extra,
});

const publication = (
  step: StepRecord['step'],
  heldOn: string,
  endsOn: string,
  extra: Partial<StepRecord> = {},
): StepRecord => ({
  step,
  body: 'notice_board',
  heldOn,
  publicity: { startsOn: heldOn, endsOn },
  ...extra,
});

/** The six steps of a valid 四议两公开 in May–June 2026. */
const SIX: StepRecord[] = [
  meeting('propose', 'party_committee', '2026-05-06', 5, 5, 5),
  meeting('consult', 'village_committees', '2026-05-08', 9, 8, 8),
  meeting('review', 'party_assembly', '2026-05-15', 30, 24, 22),
  meeting('resolve', 'representative_meeting', '2026-05-20', 36, 30, 27),
  publication('publish_resolution', '2026-05-21', '2026-05-27'),
  publication('publish_result', '2026-06-20', '2026-06-26', { implementedOn: '2026-06-01' }),
];

/** Records the steps one by one as the service does, and answers the last decision. */
function record(facts: MatterFacts, steps: StepRecord[], today = TODAY) {
  let f = facts;
  let last: ReturnType<typeof checkStep> | null = null;
  for (const s of steps) {
    last = checkStep(f, s, S, today);
    if (!last.ok) return { facts: f, decision: last };
    f = { ...f, steps: [...f.steps, s], status: last.outcome.status };
  }
  return { facts: f, decision: last };
}

describe('quorum arithmetic', () => {
  test('ratios: more than half, at least two thirds', () => {
    expect(needed(7, { num: 1, den: 2, strict: true })).toBe(4);
    expect(needed(8, { num: 1, den: 2, strict: true })).toBe(5);
    expect(needed(30, { num: 2, den: 3, strict: false })).toBe(20);
    expect(needed(31, { num: 2, den: 3, strict: false })).toBe(21);
    expect(ratioMet(20, 30, { num: 2, den: 3, strict: false })).toBe(true);
    expect(ratioMet(19, 30, { num: 2, den: 3, strict: false })).toBe(false);
    expect(ratioMet(4, 8, { num: 1, den: 2, strict: true })).toBe(false);
  });

  test('the party assembly needs two thirds present', () => {
    const rule = S.bodies.party_assembly;
    expect(quorum(rule, { due: 30, present: 20 }, 'either')).toEqual({
      met: true,
      needed: 20,
      householdsNeeded: null,
    });
    expect(quorum(rule, { due: 30, present: 19 }, 'either').met).toBe(false);
  });

  test('a villagers’ meeting is quorate by adults or by households, as configured', () => {
    const rule = S.bodies.villager_meeting;
    const c = { due: 1000, present: 420, householdsDue: 300, householdsPresent: 200 };
    expect(quorum(rule, c, 'either')).toEqual({ met: true, needed: 501, householdsNeeded: 200 });
    expect(quorum(rule, c, 'adults').met).toBe(false);
    expect(quorum(rule, { ...c, householdsPresent: 199 }, 'either').met).toBe(false);
    expect(quorum(rule, { ...c, present: 501, householdsPresent: 0 }, 'households').met).toBe(false);
  });
});

describe('四议两公开 recorded live', () => {
  test('six steps in order make a valid, completed matter', () => {
    const { facts, decision } = record(matter(), SIX);
    expect(decision?.ok).toBe(true);
    expect(facts.status).toBe('completed');
    const e = evaluate(facts, S, TODAY);
    expect(e).toMatchObject({
      validity: 'valid',
      breaches: [],
      status: 'completed',
      resolvedOn: '2026-05-20',
      completedOn: '2026-06-20',
      next: null,
    });
  });

  test('a step out of order is refused, naming the step that comes next', () => {
    const { decision } = record(matter(), [SIX[0] as StepRecord, SIX[2] as StepRecord]);
    expect(decision?.ok).toBe(false);
    if (decision?.ok !== false) return;
    expect(decision.problem.code).toBe('DELIB_STEP_ORDER');
    expect(decision.problem.status).toBe(422);
    expect(decision.problem.zh).toContain('下一步应为「村“两委”会议商议」');
  });

  test('a party assembly without two thirds present is refused with the counts', () => {
    const { decision } = record(matter(), [
      SIX[0] as StepRecord,
      SIX[1] as StepRecord,
      meeting('review', 'party_assembly', '2026-05-15', 30, 19, 19),
    ]);
    if (decision?.ok !== false) throw new Error('expected a refusal');
    expect(decision.problem.code).toBe('DELIB_QUORUM');
    expect(decision.problem.details).toMatchObject({ due: 30, present: 19, needed: 20 });
    expect(decision.problem.zh).toContain('应到 30 人，实到 19 人');
    expect(decision.problem.zh).toContain('请重新召集');
  });

  test('the wrong body is refused', () => {
    const { decision } = record(matter(), [meeting('propose', 'party_assembly', '2026-05-06', 30, 25, 25)]);
    if (decision?.ok !== false) throw new Error('expected a refusal');
    expect(decision.problem.code).toBe('DELIB_BODY');
  });

  test('a land contracting plan must go to the villagers’ meeting, with 10 days’ notice', () => {
    const facts = matter({ category: 'land_contracting' });
    const first = record(facts, SIX.slice(0, 4));
    if (first.decision?.ok !== false) throw new Error('expected a refusal');
    expect(first.decision.problem.code).toBe('DELIB_VILLAGER_MEETING_REQUIRED');
    expect(nextStep(record(facts, SIX.slice(0, 3)).facts, S)?.bodies).toEqual(['villager_meeting']);
    const villagers = (noticeOn: string) =>
      meeting('resolve', 'villager_meeting', '2026-05-30', 1200, 700, 650, { noticeOn });
    const short = record(facts, [...SIX.slice(0, 3), villagers('2026-05-25')]);
    if (short.decision?.ok !== false) throw new Error('expected a refusal');
    expect(short.decision.problem.code).toBe('DELIB_NOTICE_PERIOD');
    expect(short.decision.problem.details).toMatchObject({ days: 5, required: 10 });
    expect(record(facts, [...SIX.slice(0, 3), villagers('2026-05-20')]).decision?.ok).toBe(true);
  });

  test('an amount at the line goes to the villagers’ meeting too', () => {
    const { decision } = record(matter({ amountFen: 50_000_000 }), SIX.slice(0, 4));
    if (decision?.ok !== false) throw new Error('expected a refusal');
    expect(decision.problem.details).toMatchObject({
      reason: 'amount',
      amountYuan: 500_000,
      lineYuan: 500_000,
    });
  });

  test('一肩挑 merges proposal and consultation; otherwise the merge is refused', () => {
    const merged: StepRecord = {
      ...meeting('propose', 'village_committees', '2026-05-06', 9, 9, 9),
      mergedWith: 'consult',
    };
    const refused = record(matter(), [merged]);
    if (refused.decision?.ok !== false) throw new Error('expected a refusal');
    expect(refused.decision.problem.code).toBe('DELIB_MERGE_NOT_ALLOWED');
    const { facts, decision } = record(matter({ oneShoulder: true }), [merged, ...SIX.slice(2)]);
    expect(decision?.ok).toBe(true);
    expect(evaluate(facts, S, TODAY).validity).toBe('valid');
    expect(nextStep(matter({ oneShoulder: true }), S)?.canMerge).toBe(true);
  });

  test('the resolution is on notice for 5 days, and results wait until it ends', () => {
    const short = record(matter(), [
      ...SIX.slice(0, 4),
      publication('publish_resolution', '2026-05-21', '2026-05-24'),
    ]);
    if (short.decision?.ok !== false) throw new Error('expected a refusal');
    expect(short.decision.problem).toMatchObject({
      code: 'DELIB_PUBLICITY_TOO_SHORT',
      details: { days: 4, required: 5 },
    });
    const early = record(matter(), [
      ...SIX.slice(0, 5),
      publication('publish_result', '2026-05-26', '2026-06-01'),
    ]);
    if (early.decision?.ok !== false) throw new Error('expected a refusal');
    expect(early.decision.problem.code).toBe('DELIB_PUBLICITY_NOT_ENDED');
  });

  test('a resolution published late is recorded as it happened and breaks the rule', () => {
    const { facts, decision } = record(matter(), [
      ...SIX.slice(0, 4),
      publication('publish_resolution', '2026-05-28', '2026-06-03'),
    ]);
    if (!decision?.ok) throw new Error('expected the step to be recorded');
    expect(decision.outcome.breaches.map((b) => b.code)).toEqual(['DELIB_RESOLUTION_PUBLISHED_LATE']);
    const e = evaluate(facts, S, TODAY);
    expect(e.validity).toBe('invalid');
    expect(e.breaches[0]?.zh).toContain('2026-05-20 决议，2026-05-28 才公开');
  });

  test('a resolution not published in time makes the open matter invalid from the day after the deadline', () => {
    const { facts } = record(matter(), SIX.slice(0, 4));
    expect(evaluate(facts, S, '2026-05-27')).toMatchObject({ validity: 'pending', breaches: [] });
    expect(nextStep(facts, S)?.dueOn).toBe('2026-05-27');
    const late = evaluate(facts, S, '2026-05-28');
    expect(late.validity).toBe('invalid');
    expect(late.breaches.map((b) => b.code)).toEqual(['DELIB_RESOLUTION_NOT_PUBLISHED']);
  });

  test('implementation before the notice ends breaks the rule', () => {
    const { facts } = record(matter(), [
      ...SIX.slice(0, 5),
      { ...(SIX[5] as StepRecord), implementedOn: '2026-05-25' },
    ]);
    expect(evaluate(facts, S, TODAY).breaches.map((b) => b.code)).toEqual([
      'DELIB_IMPLEMENTED_BEFORE_PUBLICITY_END',
    ]);
  });

  test('a vote that fails ends the matter as rejected, validly', () => {
    const { facts, decision } = record(matter(), [
      ...SIX.slice(0, 2),
      meeting('review', 'party_assembly', '2026-05-15', 30, 24, 14),
    ]);
    if (!decision?.ok) throw new Error('expected the step to be recorded');
    expect(decision.outcome).toMatchObject({ passed: false, quorumMet: true, status: 'rejected' });
    expect(nextStep(facts, S)).toBeNull();
    expect(evaluate(facts, S, TODAY)).toMatchObject({ validity: 'valid', status: 'rejected' });
    const after = checkStep(facts, SIX[3] as StepRecord, S, TODAY);
    expect(after.ok === false && after.problem.code).toBe('DELIB_MATTER_CLOSED');
  });

  test('dates: not in the future, not before the previous step', () => {
    const future = checkStep(
      matter(),
      meeting('propose', 'party_committee', '2026-07-01', 5, 5, 5),
      S,
      TODAY,
    );
    expect(future.ok === false && future.problem.code).toBe('DELIB_DATE_IN_FUTURE');
    const { decision } = record(matter(), [
      SIX[0] as StepRecord,
      meeting('consult', 'village_committees', '2026-05-01', 9, 8, 8),
    ]);
    expect(decision?.ok === false && decision.problem.code).toBe('DELIB_DATE_ORDER');
  });

  test('votes that add up to more than those present are a 400', () => {
    const d = checkStep(
      matter(),
      {
        ...meeting('propose', 'party_committee', '2026-05-06', 5, 4, 4),
        votes: { yes: 4, no: 1, abstain: 0 },
      },
      S,
      TODAY,
    );
    expect(d.ok === false && d.problem.status).toBe(400);
  });

  test('the next step and its deadline', () => {
    const { facts } = record(matter(), SIX.slice(0, 2));
    expect(nextStep(facts, S)).toMatchObject({
      step: { key: 'review' },
      dueOn: '2026-06-07',
      canMerge: false,
    });
    const five = record(matter(), SIX.slice(0, 5)).facts;
    expect(nextStep(five, S)).toMatchObject({
      step: { key: 'publish_result' },
      earliestOn: '2026-05-28',
      dueOn: '2026-11-23',
    });
  });
});

describe('matters entered afterwards (补录) are evaluated rule by rule', () => {
  test('a matter resolved without the party assembly and with too few representatives', () => {
    const facts = matter({
      steps: [
        SIX[0] as StepRecord,
        SIX[1] as StepRecord,
        meeting('resolve', 'representative_meeting', '2026-05-20', 36, 20, 18),
        publication('publish_resolution', '2026-05-21', '2026-05-27'),
      ],
    });
    const e = evaluate(facts, S, TODAY);
    expect(e.validity).toBe('invalid');
    expect(e.breaches.map((b) => b.code)).toEqual(['DELIB_STEP_MISSING', 'DELIB_QUORUM']);
    expect(e.breaches[0]?.zh).toContain('缺少「党员大会审议」');
    expect(e.breaches.every((b) => b.severity === 'breach')).toBe(true);
  });

  test('going on after a failed vote', () => {
    const facts = matter({
      steps: [
        ...SIX.slice(0, 2),
        meeting('review', 'party_assembly', '2026-05-15', 30, 24, 10),
        SIX[3] as StepRecord,
      ],
    });
    expect(evaluate(facts, S, TODAY).breaches.map((b) => b.code)).toEqual([
      'DELIB_PROCEEDED_AFTER_REJECTION',
      'DELIB_RESOLUTION_NOT_PUBLISHED',
    ]);
  });
});

describe('三议两公开一监督 (villager group template)', () => {
  const group = (supervisionYes: number): StepRecord[] => [
    meeting('propose', 'group_leaders', '2026-04-02', 2, 2, 2),
    meeting('consult', 'group_council', '2026-04-05', 8, 7, 7),
    {
      ...meeting('resolve', 'group_meeting', '2026-04-12', 120, 50, 45),
      counts: { due: 120, present: 50, householdsDue: 60, householdsPresent: 42 },
    },
    publication('publish_resolution', '2026-04-13', '2026-04-19'),
    publication('publish_result', '2026-05-20', '2026-05-26'),
    meeting('supervise', 'supervision_committee', '2026-05-28', 3, 3, supervisionYes),
  ];

  test('quorate by households and supervised without objection: valid', () => {
    const { facts, decision } = record(matter({ template: DEFAULT_TEMPLATES.villager_group }), group(3));
    expect(decision?.ok).toBe(true);
    expect(evaluate(facts, S, TODAY)).toMatchObject({ validity: 'valid', status: 'completed' });
  });

  test('the supervision committee objects: recorded, and the matter is not validly made', () => {
    const { facts } = record(matter({ template: DEFAULT_TEMPLATES.villager_group }), group(1));
    const e = evaluate(facts, S, TODAY);
    expect(e.validity).toBe('invalid');
    expect(e.breaches.map((b) => b.code)).toEqual(['DELIB_SUPERVISION_OBJECTION']);
  });

  test('the group template does not route to the villagers’ meeting', () => {
    const f = matter({ template: DEFAULT_TEMPLATES.villager_group, category: 'land_contracting' });
    expect(record(f, group(3)).decision?.ok).toBe(true);
  });
});
