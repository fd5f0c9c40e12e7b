// The recruitment pipeline as an explicit state machine. Pure: no clock (today is passed in), no
// storage. Each decision says whether an action is allowed and, if so, what it changes; the service
// persists the result and audits it. The state is the list of recorded steps: the last one decides
// which step may come next (steps 6 and 21, the assessments, may repeat).
import { addDays, addMonths, addYears, daysBetween, isDate } from './dates.ts';
import { type RecruitmentSettings, RULES, type Violation, violations } from './rules.ts';
import { STEP_COUNT, type Stage, stageOfStep, stepDef } from './steps.ts';

export type RecruitmentStatus = 'active' | 'completed' | 'closed';
export type PublicityKind = 'admission' | 'conversion';

export interface StepRecord {
  step: number;
  on: string;
}

/** A member proposed as mentor or sponsor, as the register knows them. */
export interface MemberRef {
  memberId: number;
  name: string;
  status: 'full' | 'probationary';
  convertedOn: string | null;
}

export interface TrainingRecord {
  startsOn: string;
  endsOn: string;
  hours: number;
}

export interface Publicity {
  startsOn: string;
  endsOn: string;
}

export interface Objection {
  id: number;
  kind: PublicityKind;
  raisedOn: string;
  resolvedOn: string | null;
}

export interface Snapshot {
  status: RecruitmentStatus;
  birthDate: string;
  steps: readonly StepRecord[];
  publicity: { admission: Publicity | null; conversion: Publicity | null };
  objections: readonly Objection[];
  trainings: readonly TrainingRecord[];
  extensionMonths: number | null;
}

export interface Vote {
  /** Full members with voting rights of the branch on the meeting date (computed by the service). */
  membersDue: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  /** Written opinions of absent members (they count). */
  writtenYes: number;
  writtenNo: number;
}

export interface StepInput {
  step: number;
  on: string;
  mentors?: readonly MemberRef[] | undefined;
  sponsors?: readonly MemberRef[] | undefined;
  review?: { complete: boolean; conclusion: 'qualified' | 'unqualified' } | undefined;
  publicity?: Publicity | undefined;
  vote?: Vote | undefined;
  delayReason?: string | undefined;
}

export interface StepEffects {
  stage: Stage;
  lastStep: number;
  /** The talk came more than 1 month after the application (accepted, listed as late). */
  late: boolean;
  /** The date the application was approved: the person becomes a probationary member. */
  createMember?: { joinedOn: string; probationEndsOn: string };
  /** The person becomes a full member on this date (the end of probation). */
  convertMember?: { convertedOn: string };
  publicity?: { kind: PublicityKind } & Publicity;
  vote?: Vote & { passed: true };
  completed: boolean;
}

export type Decision<T> = { ok: true; effects: T } | { ok: false; violation: Violation };

const ok = <T>(effects: T): Decision<T> => ({ ok: true, effects });
const refuse = <T>(violation: Violation): Decision<T> => ({ ok: false, violation });

export const lastStepOf = (s: Pick<Snapshot, 'steps'>) => s.steps.reduce((m, r) => Math.max(m, r.step), 0);

/** The date of the latest record of a step, or null. */
export function dateOf(s: Pick<Snapshot, 'steps'>, step: number): string | null {
  let on: string | null = null;
  for (const r of s.steps) if (r.step === step && (on === null || r.on > on)) on = r.on;
  return on;
}

function lastRecord(s: Snapshot): StepRecord | null {
  let last: StepRecord | null = null;
  for (const r of s.steps)
    if (!last || r.step > last.step || (r.step === last.step && r.on >= last.on)) last = r;
  return last;
}

/** The steps that may be recorded next. */
export function nextSteps(s: Snapshot): number[] {
  if (s.status !== 'active') return [];
  const last = lastStepOf(s);
  const out: number[] = [];
  if (last > 0 && stepDef(last).repeatable) out.push(last);
  if (last < STEP_COUNT) out.push(last + 1);
  return out;
}

/** The date probation ends: one year from the admitting branch meeting, plus any extension. */
export function probationEndsOn(s: Pick<Snapshot, 'steps' | 'extensionMonths'>): string | null {
  const meeting = dateOf(s, 15);
  if (!meeting) return null;
  return addMonths(addYears(meeting, RULES.probationYears), s.extensionMonths ?? 0);
}

export const adultOn = (birthDate: string) => addYears(birthDate, RULES.minAge);

/** Step 1: the application, checked when it is created. */
export function decideApplication(birthDate: string, appliedOn: string, today: string): Decision<null> {
  if (!isDate(appliedOn)) return refuse(violations.badDate('appliedOn', appliedOn));
  if (appliedOn > today) return refuse(violations.dateInFuture(appliedOn, today));
  const adult = adultOn(birthDate);
  if (appliedOn < adult) return refuse(violations.underAge(birthDate, appliedOn, adult));
  return ok(null);
}

function checkDate(s: Snapshot, on: string, today: string): Violation | null {
  if (!isDate(on)) return violations.badDate('on', on);
  if (on > today) return violations.dateInFuture(on, today);
  const prev = lastRecord(s);
  if (prev && on < prev.on) return violations.dateBeforePrevious(on, prev.on, prev.step);
  return null;
}

function checkMembers(
  role: 'mentor' | 'sponsor',
  people: readonly MemberRef[],
  on: string,
): Violation | null {
  for (const p of people) {
    if (p.status !== 'full' || !p.convertedOn || p.convertedOn > on)
      return violations.notFullMember(role, p.name, on, p.convertedOn);
  }
  return null;
}

/** Each gap between the activist's selection, the assessments and `until` is at most 6 months. */
export function assessmentGap(s: Snapshot, until: string): Violation | null {
  const start = dateOf(s, 3);
  if (!start) return null;
  const points = [start, ...s.steps.filter((r) => r.step === 6).map((r) => r.on)].sort();
  points.push(until);
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1] as string;
    const to = points[i] as string;
    const dueOn = addMonths(from, RULES.assessmentEveryMonths);
    if (to > dueOn) return violations.assessmentGap(from, to, dueOn);
  }
  return null;
}

export function trainingTotals(trainings: readonly TrainingRecord[], until: string) {
  let days = 0;
  let hours = 0;
  for (const t of trainings) {
    if (t.endsOn > until) continue;
    days += daysBetween(t.startsOn, t.endsOn) + 1;
    hours += t.hours;
  }
  return { days, hours: Math.round(hours * 10) / 10 };
}

function checkPublicity(s: Snapshot, kind: PublicityKind, on: string): Violation | null {
  const p = s.publicity[kind];
  if (!p) return violations.publicityMissing();
  if (on <= p.endsOn) return violations.publicityNotClosed(p.endsOn, on);
  const open = s.objections.filter((o) => o.kind === kind && (o.resolvedOn === null || o.resolvedOn > on));
  if (open.length > 0) return violations.objectionUnresolved(open.length, open.map((o) => o.raisedOn).sort());
  return null;
}

function checkNewPublicity(p: Publicity | undefined, on: string, settings: RecruitmentSettings) {
  if (!p) return violations.publicityMissing();
  if (!isDate(p.startsOn)) return violations.badDate('publicity.startsOn', p.startsOn);
  if (!isDate(p.endsOn)) return violations.badDate('publicity.endsOn', p.endsOn);
  if (p.startsOn < on) return violations.dateBeforePrevious(p.startsOn, on, 0);
  const days = daysBetween(p.startsOn, p.endsOn) + 1;
  if (days < settings.publicityDays)
    return violations.publicityTooShort(p.startsOn, p.endsOn, Math.max(days, 0), settings.publicityDays);
  return null;
}

export function checkVote(vote: Vote | undefined, on: string): Violation | null {
  if (!vote) return violations.voteCounts('缺少表决结果 / the vote is missing');
  const { membersDue: due, present, yes, no, abstain, writtenYes, writtenNo } = vote;
  const all = [due, present, yes, no, abstain, writtenYes, writtenNo];
  if (all.some((n) => !Number.isInteger(n) || n < 0))
    return violations.voteCounts('人数须为非负整数 / counts must be whole numbers ≥ 0');
  if (present > due)
    return violations.voteCounts(`到会 ${present} 人多于应到 ${due} 人 / ${present} present of ${due} due`);
  if (yes + no + abstain > present)
    return violations.voteCounts(`表决票数多于到会人数 / more votes than members present`);
  if (writtenYes + writtenNo > due - present)
    return violations.voteCounts(`书面意见多于未到会人数 / more written opinions than absent members`);
  if (present * 2 <= due) return violations.quorum(on, due, present);
  if ((yes + writtenYes) * 2 <= due) return violations.majority(on, due, yes + writtenYes);
  return null;
}

/** Approval within 3 months of the meeting; up to 6 with a stated reason; never beyond 6. */
export function checkApproval(
  meetingOn: string,
  on: string,
  delayReason: string | undefined,
): Violation | null {
  const never = addMonths(meetingOn, RULES.approvalNeverBeyondMonths);
  if (on > never) return violations.approvalTooLate(meetingOn, on, never);
  const within = addMonths(meetingOn, RULES.approvalWithinMonths);
  if (on > within && !delayReason?.trim()) return violations.approvalNeedsReason(meetingOn, on, within);
  return null;
}

export function decideStep(
  s: Snapshot,
  input: StepInput,
  today: string,
  settings: RecruitmentSettings,
): Decision<StepEffects> {
  const allowed = nextSteps(s);
  if (!allowed.includes(input.step)) return refuse(violations.stepOrder(input.step, allowed, s.status));
  const bad = checkDate(s, input.on, today);
  if (bad) return refuse(bad);
  const { step, on } = input;
  const fx: StepEffects = { stage: stageOfStep(step), lastStep: step, late: false, completed: false };
  const need = (dateOfStep: number) => dateOf(s, dateOfStep) as string;

  let problem: Violation | null = null;
  switch (step) {
    case 2:
      fx.late = on > addMonths(need(1), RULES.talkWithinMonths);
      break;
    case 5: {
      const mentors = input.mentors ?? [];
      const ids = new Set(mentors.map((m) => m.memberId));
      if (
        ids.size !== mentors.length ||
        mentors.length < RULES.mentorsMin ||
        mentors.length > RULES.mentorsMax
      )
        problem = violations.mentorCount(ids.size === mentors.length ? mentors.length : ids.size);
      else problem = checkMembers('mentor', mentors, on);
      break;
    }
    case 6:
      problem = assessmentGap(s, on);
      break;
    case 7: {
      const activistOn = need(3);
      const earliest = addDays(addYears(activistOn, RULES.activistMinYears), 1);
      if (on < earliest) problem = violations.activistTooShort(activistOn, on, earliest);
      else problem = assessmentGap(s, on);
      break;
    }
    case 9: {
      const sponsors = input.sponsors ?? [];
      const ids = new Set(sponsors.map((m) => m.memberId));
      if (ids.size !== sponsors.length || sponsors.length !== RULES.sponsors)
        problem = violations.sponsorCount(ids.size, ids.size !== sponsors.length);
      else problem = checkMembers('sponsor', sponsors, on);
      break;
    }
    case 10:
      if (!input.review?.complete || input.review.conclusion !== 'qualified')
        problem = violations.politicalReviewIncomplete();
      break;
    case 11: {
      const t = trainingTotals(s.trainings, on);
      if (t.days < RULES.trainingMinDays && t.hours < RULES.trainingMinHours)
        problem = violations.trainingInsufficient(t.days, t.hours, on);
      break;
    }
    case 12:
    case 22:
      problem = checkNewPublicity(input.publicity, on, settings);
      if (!problem && input.publicity)
        fx.publicity = { kind: step === 12 ? 'admission' : 'conversion', ...input.publicity };
      break;
    case 13:
      problem = checkPublicity(s, 'admission', on);
      break;
    case 15:
    case 23: {
      if (step === 23) {
        const ends = probationEndsOn(s) as string;
        if (on < ends) problem = violations.probationNotEnded(ends, on, s.extensionMonths);
        else problem = checkPublicity(s, 'conversion', on);
      }
      problem ??= checkVote(input.vote, on);
      if (!problem && input.vote) fx.vote = { ...input.vote, passed: true };
      break;
    }
    case 17: {
      problem = checkApproval(need(15), on, input.delayReason);
      const meeting = need(15);
      fx.createMember = { joinedOn: meeting, probationEndsOn: addYears(meeting, RULES.probationYears) };
      break;
    }
    case 24:
      problem = checkApproval(need(23), on, input.delayReason);
      fx.convertMember = { convertedOn: probationEndsOn(s) as string };
      break;
    case 25:
      fx.completed = true;
      break;
  }
  if (problem) return refuse(problem);
  return ok(fx);
}

export function decideExtension(
  s: Snapshot,
  on: string,
  months: number,
  today: string,
): Decision<{ probationEndsOn: string }> {
  const last = lastStepOf(s);
  if (s.status !== 'active' || last < 20 || last > 21) return refuse(violations.extensionNotNow());
  const bad = checkDate(s, on, today);
  if (bad) return refuse(bad);
  if (s.extensionMonths !== null) return refuse(violations.extensionOnce());
  if (!Number.isInteger(months) || months < RULES.extensionMinMonths || months > RULES.extensionMaxMonths)
    return refuse(violations.extensionLength(months));
  const ends = probationEndsOn(s) as string;
  if (on < ends) return refuse(violations.extensionBeforeEnd(ends, on));
  return ok({ probationEndsOn: addMonths(ends, months) });
}

export function decideObjection(
  s: Snapshot,
  kind: PublicityKind,
  raisedOn: string,
  today: string,
): Decision<null> {
  if (s.status !== 'active') return refuse(violations.stepOrder(0, [], s.status));
  const p = s.publicity[kind];
  if (!p) return refuse(violations.objectionNoPublicity(kind));
  if (!isDate(raisedOn)) return refuse(violations.badDate('raisedOn', raisedOn));
  if (raisedOn > today) return refuse(violations.dateInFuture(raisedOn, today));
  if (raisedOn < p.startsOn) return refuse(violations.objectionBeforePublicity(raisedOn, p.startsOn));
  return ok(null);
}

export function decideResolution(o: Objection, resolvedOn: string, today: string): Decision<null> {
  if (!isDate(resolvedOn)) return refuse(violations.badDate('resolvedOn', resolvedOn));
  if (resolvedOn > today) return refuse(violations.dateInFuture(resolvedOn, today));
  if (resolvedOn < o.raisedOn) return refuse(violations.dateBeforePrevious(resolvedOn, o.raisedOn, 0));
  return ok(null);
}

export function decideTraining(s: Snapshot, t: TrainingRecord, today: string): Decision<null> {
  if (s.status !== 'active') return refuse(violations.stepOrder(0, [], s.status));
  for (const [field, value] of [
    ['startsOn', t.startsOn],
    ['endsOn', t.endsOn],
  ] as const)
    if (!isDate(value)) return refuse(violations.badDate(field, value));
  if (t.endsOn > today) return refuse(violations.dateInFuture(t.endsOn, today));
  if (t.endsOn < t.startsOn) return refuse(violations.dateBeforePrevious(t.endsOn, t.startsOn, 0));
  const applied = dateOf(s, 1);
  if (applied && t.startsOn < applied) return refuse(violations.dateBeforePrevious(t.startsOn, applied, 1));
  return ok(null);
}

export function decideClose(s: Snapshot, on: string, today: string): Decision<null> {
  if (s.status !== 'active') return refuse(violations.stepOrder(0, [], s.status));
  if (lastStepOf(s) >= 17) return refuse(violations.closeAfterApproval());
  const bad = checkDate(s, on, today);
  if (bad) return refuse(bad);
  return ok(null);
}

export type DueKind = 'talk' | 'assessment' | 'approval' | 'conversion' | 'conversion_approval';

/** The next deadline of an active recruitment, if a rule sets one: late once `dueOn` < today. */
export function nextDue(s: Snapshot): { kind: DueKind; dueOn: string } | null {
  if (s.status !== 'active') return null;
  const last = lastStepOf(s);
  if (last === 1) return { kind: 'talk', dueOn: addMonths(dateOf(s, 1) as string, RULES.talkWithinMonths) };
  if (last >= 3 && last <= 6) {
    const points = [dateOf(s, 3) as string, ...s.steps.filter((r) => r.step === 6).map((r) => r.on)].sort();
    return {
      kind: 'assessment',
      dueOn: addMonths(points[points.length - 1] as string, RULES.assessmentEveryMonths),
    };
  }
  if (last === 15 || last === 16)
    return { kind: 'approval', dueOn: addMonths(dateOf(s, 15) as string, RULES.approvalWithinMonths) };
  if (last >= 17 && last <= 22) return { kind: 'conversion', dueOn: probationEndsOn(s) as string };
  if (last === 23)
    return {
      kind: 'conversion_approval',
      dueOn: addMonths(dateOf(s, 23) as string, RULES.approvalWithinMonths),
    };
  return null;
}
