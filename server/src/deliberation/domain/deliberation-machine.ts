// The village decision procedure as a pure machine: no clock (today is passed in), no storage. The
// state is the list of recorded steps. `checkStep` decides whether a step may be recorded live (strict
// order, the right body, quorum, notice, 公示 windows) and what it makes of the matter; `evaluate`
// states whether the matter was validly made and, if not, which rules broke — for matters recorded
// live and for matters entered afterwards (补录), whose every fact is kept as it happened.
import { addDays, daysBetween, isDate } from '../../recruitment/domain/dates.ts';
import type { BodyRule, DeliberationSettings } from './deliberation-settings.ts';
import { type Counts, passes, quorum, ratioText, type Votes } from './quorum.ts';
import { type Problem, problems } from './rules.ts';

export type { Counts, Votes } from './quorum.ts';

import {
  BODY_NAMES,
  type BodyKind,
  COUNTED_BODIES,
  categoryName,
  type StepKey,
  type Template,
  type TemplateStep,
} from './templates.ts';

export type MatterStatus = 'open' | 'completed' | 'rejected' | 'withdrawn';
export type Validity = 'pending' | 'valid' | 'invalid';

export interface StepRecord {
  step: StepKey;
  /** 一肩挑: the step merged into this one ('consult' into 'propose') */
  mergedWith?: StepKey | null;
  body: BodyKind;
  heldOn: string;
  noticeOn?: string | null;
  counts?: Counts | null;
  votes?: Votes | null;
  publicity?: { startsOn: string; endsOn: string } | null;
  implementedOn?: string | null;
}

export interface MatterFacts {
  template: Template;
  category: string;
  amountFen: number | null;
  status: MatterStatus;
  /** the village's secretary also directs the villagers' committee (一肩挑) */
  oneShoulder: boolean;
  /** in the order recorded */
  steps: readonly StepRecord[];
}

const stepName = (t: TemplateStep) => ({ zh: t.nameZh, en: t.nameEn });

// ---- routing ----

/** Why the matter must be resolved by the villagers' meeting, or null. */
export function villagerMeetingRoute(
  facts: Pick<MatterFacts, 'category' | 'amountFen' | 'template'>,
  s: DeliberationSettings,
): { reason: 'category' | 'amount'; facts: Record<string, unknown> } | null {
  if (facts.template.key !== 'four_two') return null;
  if ((s.villagerMeetingCategories as string[]).includes(facts.category)) {
    const n = categoryName(facts.category);
    return { reason: 'category', facts: { category: facts.category, categoryZh: n.zh, categoryEn: n.en } };
  }
  if (facts.amountFen !== null && facts.amountFen >= s.villagerMeetingAmountFen)
    return {
      reason: 'amount',
      facts: { amountYuan: facts.amountFen / 100, lineYuan: s.villagerMeetingAmountFen / 100 },
    };
  return null;
}

// ---- order ----

interface Position {
  /** index of the next template step */
  next: number;
  rejected: TemplateStep | null;
}

function indexOf(t: Template, key: string): number {
  return t.steps.findIndex((s) => s.key === key);
}

function positionAfter(t: Template, steps: readonly WithPassed[]): Position {
  let next = 0;
  let rejected: TemplateStep | null = null;
  for (const r of steps) {
    const i = indexOf(t, r.mergedWith ?? r.step);
    if (i + 1 > next) next = i + 1;
    const def = t.steps[indexOf(t, r.step)];
    rejected = def?.kind === 'meeting' && r.votes && r.passed === false ? def : null;
  }
  return { next, rejected };
}

export interface NextStep {
  step: TemplateStep;
  /** propose and consult may be held as one meeting (一肩挑) */
  canMerge: boolean;
  /** the bodies allowed for it here (the villagers' meeting only, when the matter must go there) */
  bodies: BodyKind[];
  /** the deadline, when one applies */
  dueOn: string | null;
  /** the earliest date it may be held (after a 公示 window) */
  earliestOn: string | null;
}

type WithPassed = StepRecord & { passed?: boolean | null };

/** What may be recorded next, or null when the matter is closed or at its end. */
export function nextStep(facts: MatterFacts, s: DeliberationSettings): NextStep | null {
  if (facts.status !== 'open') return null;
  const pos = positionAfter(facts.template, facts.steps.map(withOutcome(s)));
  if (pos.rejected) return null;
  const step = facts.template.steps[pos.next];
  if (!step) return null;
  const last = facts.steps[facts.steps.length - 1];
  const route = villagerMeetingRoute(facts, s);
  const bodies: BodyKind[] =
    step.key === 'resolve' && route ? step.bodies.filter((b) => b === 'villager_meeting') : step.bodies;
  const resolution = facts.steps.find((r) => r.step === 'publish_resolution');
  const resolved = facts.steps.find((r) => r.step === 'resolve');
  let dueOn: string | null = null;
  let earliestOn: string | null = null;
  if (step.key === 'publish_resolution' && resolved)
    dueOn = addDays(resolved.heldOn, s.publishResolutionWithinDays);
  else if (step.key === 'publish_result' && resolution?.publicity) {
    earliestOn = addDays(resolution.publicity.endsOn, 1);
    const within = s.stepWithinDays.publish_result;
    dueOn = within === undefined ? null : addDays(resolution.publicity.endsOn, within);
  } else if (last) {
    const within = s.stepWithinDays[step.key];
    const from = last.publicity?.endsOn ?? last.heldOn;
    dueOn = within === undefined ? null : addDays(from, within);
  }
  if (step.key === 'review' && s.publicityAfterConsultDays > 0) {
    const consult = facts.steps.find((r) => r.step === 'consult' || r.mergedWith === 'consult');
    if (consult) earliestOn = addDays(consult.heldOn, s.publicityAfterConsultDays);
  }
  return {
    step,
    canMerge:
      step.key === 'propose' &&
      facts.template.mergeable &&
      s.mergeProposeConsultWhenOneShoulder &&
      facts.oneShoulder,
    bodies,
    dueOn,
    earliestOn,
  };
}

// ---- one step's rules ----

function bodyRule(s: DeliberationSettings, body: BodyKind): BodyRule | null {
  return body === 'notice_board' ? null : s.bodies[body];
}

/** Quorum and vote of a meeting step (null for publications). */
function withOutcome(s: DeliberationSettings) {
  return (r: StepRecord): WithPassed => {
    const rule = bodyRule(s, r.body);
    if (!rule || !r.counts || !r.votes) return { ...r, passed: null };
    // a meeting without quorum decided nothing (its own breach): it is not a rejection
    if (!quorum(rule, r.counts, s.quorumBasis).met) return { ...r, passed: null };
    return { ...r, passed: passes(rule, r.counts, r.votes) };
  };
}

/**
 * Every rule the step at `index` of `steps` breaks, given the steps before it (in the recorded
 * order). Input errors (400) and the rules of the step itself; order is checked by the callers.
 */
export function stepProblems(
  facts: MatterFacts,
  steps: readonly StepRecord[],
  index: number,
  s: DeliberationSettings,
): Problem[] {
  const r = steps[index] as StepRecord;
  const t = facts.template;
  const def = t.steps.find((x) => x.key === r.step);
  const out: Problem[] = [];
  if (!def) return out;
  const prev = index > 0 ? (steps[index - 1] as StepRecord) : null;
  const prevDef = prev ? t.steps.find((x) => x.key === prev.step) : undefined;
  // body (a merged 1–2 is a meeting of the two committees)
  const allowed: BodyKind[] = r.mergedWith === 'consult' ? ['village_committees'] : def.bodies;
  if (!allowed.includes(r.body))
    out.push(
      problems.body(
        r.step,
        BODY_NAMES[r.body],
        allowed.map((b) => BODY_NAMES[b]),
        stepName(def),
      ),
    );
  // dates
  if (prev && prevDef && r.heldOn < prev.heldOn)
    out.push(problems.dateOrder(r.step, r.heldOn, prev.heldOn, stepName(prevDef)));
  if (r.step === 'resolve') {
    const route = villagerMeetingRoute(facts, s);
    if (route && r.body !== 'villager_meeting')
      out.push(problems.villagerMeetingRequired(r.step, route.reason, route.facts));
    if (r.body === 'villager_meeting') {
      if (!r.noticeOn || !isDate(r.noticeOn)) out.push(problems.noticeMissing(r.step));
      else {
        const days = daysBetween(r.noticeOn, r.heldOn);
        if (days < s.villagerMeetingNoticeDays)
          out.push(problems.notice(r.step, r.noticeOn, r.heldOn, days, s.villagerMeetingNoticeDays));
      }
    }
  }
  if (r.step === 'review' && s.publicityAfterConsultDays > 0) {
    const consult = steps.slice(0, index).find((x) => x.step === 'consult' || x.mergedWith === 'consult');
    if (consult && daysBetween(consult.heldOn, r.heldOn) < s.publicityAfterConsultDays)
      out.push(problems.consultPublicity(r.step, consult.heldOn, r.heldOn, s.publicityAfterConsultDays));
  }
  // meetings: counts, quorum, votes
  const rule = bodyRule(s, r.body);
  if (def.kind !== 'publication' && rule) {
    const c = r.counts;
    if (!c)
      out.push(
        problems.countsInvalid(
          r.step,
          '须登记应到和实到人数。',
          'due and present counts are needed.',
          'attendees',
        ),
      );
    else {
      const counted = COUNTED_BODIES.includes(r.body);
      if (c.present > c.due)
        out.push(
          problems.countsInvalid(
            r.step,
            `实到 ${c.present} 人多于应到 ${c.due} 人。`,
            `${c.present} present exceeds ${c.due} due.`,
            'presentCount',
          ),
        );
      if (counted && (c.householdsPresent ?? 0) > (c.householdsDue ?? 0))
        out.push(
          problems.countsInvalid(
            r.step,
            `到会户代表 ${c.householdsPresent} 户多于登记户数 ${c.householdsDue} 户。`,
            `${c.householdsPresent} households present exceeds ${c.householdsDue} registered.`,
            'householdsPresent',
          ),
        );
      if (c.due === 0 && !(counted && (c.householdsDue ?? 0) > 0))
        out.push(problems.emptyRoster(r.step, BODY_NAMES[r.body]));
      else {
        const q = quorum(rule, c, s.quorumBasis);
        if (!q.met)
          out.push(
            problems.quorum(r.step, BODY_NAMES[r.body], {
              due: c.due,
              present: c.present,
              needed: q.needed,
              ratio: ratioText(rule.quorum).zh,
              householdsDue: counted ? (c.householdsDue ?? null) : null,
              householdsPresent: counted ? (c.householdsPresent ?? null) : null,
              householdsNeeded: q.householdsNeeded,
            }),
          );
      }
      const v = r.votes;
      if (!v) out.push(problems.votesMissing(r.step));
      else if (v.yes + v.no + v.abstain > c.present)
        out.push(
          problems.countsInvalid(
            r.step,
            `赞成 ${v.yes}、反对 ${v.no}、弃权 ${v.abstain}，合计多于实到 ${c.present} 人。`,
            `yes ${v.yes}, no ${v.no}, abstain ${v.abstain} add up to more than the ${c.present} present.`,
            'votes',
          ),
        );
      else if (def.kind === 'supervision' && !passes(rule, c, v))
        out.push(problems.supervisionObjection(r.step, r.heldOn));
    }
  }
  // publications: 公示 window, timeliness, implementation
  if (def.kind === 'publication') {
    const w = r.publicity;
    if (!w || !isDate(w.startsOn) || !isDate(w.endsOn) || w.endsOn < w.startsOn)
      out.push(problems.publicityMissing(r.step));
    else {
      const days = daysBetween(w.startsOn, w.endsOn) + 1;
      const required = r.step === 'publish_resolution' ? s.resolutionPublicityDays : s.resultPublicityDays;
      if (days < required) out.push(problems.publicityTooShort(r.step, w.startsOn, w.endsOn, days, required));
    }
    const resolved = steps.slice(0, index).find((x) => x.step === 'resolve');
    if (
      r.step === 'publish_resolution' &&
      resolved &&
      daysBetween(resolved.heldOn, r.heldOn) > s.publishResolutionWithinDays
    )
      out.push(problems.publishedLate(r.step, resolved.heldOn, r.heldOn, s.publishResolutionWithinDays));
    if (r.step === 'publish_result') {
      const resolution = steps.slice(0, index).find((x) => x.step === 'publish_resolution');
      const endsOn = resolution?.publicity?.endsOn;
      if (endsOn && r.heldOn <= endsOn) out.push(problems.publicityNotEnded(r.step, endsOn, r.heldOn));
      if (endsOn && r.implementedOn && r.implementedOn <= endsOn)
        out.push(problems.implementedEarly(r.step, r.implementedOn, endsOn));
    }
  }
  return out;
}

// ---- live recording ----

export interface StepOutcome {
  /** position of the step in the template (1-based) */
  seq: number;
  quorumMet: boolean | null;
  passed: boolean | null;
  /** what was recorded that makes the matter not validly made (recorded anyway: it happened) */
  breaches: Problem[];
  /** the matter's status after the step */
  status: MatterStatus;
}

export type Decision = { ok: true; outcome: StepOutcome } | { ok: false; problem: Problem };

/** Whether `input` may be recorded now, in strict order, and what it makes of the matter. */
export function checkStep(
  facts: MatterFacts,
  input: StepRecord,
  s: DeliberationSettings,
  today: string,
): Decision {
  const t = facts.template;
  if (facts.status !== 'open') return { ok: false, problem: problems.closed(facts.status) };
  const next = nextStep(facts, s);
  const def = t.steps.find((x) => x.key === input.step);
  const given = def ? stepName(def) : { zh: input.step, en: input.step };
  if (!next || next.step.key !== input.step)
    return { ok: false, problem: problems.order(input.step, given, next ? stepName(next.step) : null) };
  if (input.mergedWith) {
    if (input.step !== 'propose' || input.mergedWith !== 'consult' || !t.mergeable)
      return { ok: false, problem: problems.mergeNotAllowed('template') };
    if (!s.mergeProposeConsultWhenOneShoulder)
      return { ok: false, problem: problems.mergeNotAllowed('setting') };
    if (!facts.oneShoulder) return { ok: false, problem: problems.mergeNotAllowed('not_one_shoulder') };
  }
  if (!isDate(input.heldOn))
    return {
      ok: false,
      problem: problems.countsInvalid(
        input.step,
        `日期 ${input.heldOn} 无效。`,
        `${input.heldOn} is not a date.`,
        'heldOn',
      ),
    };
  if (input.heldOn > today)
    return { ok: false, problem: problems.dateFuture(input.step, input.heldOn, today) };
  const steps = [...facts.steps, input];
  const found = stepProblems(facts, steps, steps.length - 1, s);
  const input400 = found.find((x) => x.status === 400);
  if (input400) return { ok: false, problem: input400 };
  const refused = found.find((x) => x.severity === 'refuse');
  if (refused) return { ok: false, problem: refused };
  const rule = bodyRule(s, input.body);
  const meeting = (def?.kind ?? 'meeting') !== 'publication' && rule && input.counts && input.votes;
  const passed = meeting ? passes(rule, input.counts as Counts, input.votes as Votes) : null;
  const last = indexOf(t, input.mergedWith ?? input.step) === t.steps.length - 1;
  const status: MatterStatus =
    def?.kind === 'meeting' && passed === false ? 'rejected' : last ? 'completed' : 'open';
  return {
    ok: true,
    outcome: {
      seq: indexOf(t, input.step) + 1,
      quorumMet: meeting ? quorum(rule, input.counts as Counts, s.quorumBasis).met : null,
      passed,
      breaches: found.filter((x) => x.severity === 'breach'),
      status,
    },
  };
}

// ---- the whole matter ----

export interface Evaluation {
  validity: Validity;
  breaches: Problem[];
  status: MatterStatus;
  next: NextStep | null;
  resolvedOn: string | null;
  completedOn: string | null;
}

/**
 * Whether the matter was validly made, and every rule it broke: steps missing or out of order, a
 * body without quorum, the wrong body, the notice, the 公示 windows, the resolution published late or
 * not at all. Valid once the resolution is published with no breach (or a vote rejected it properly).
 */
export function evaluate(facts: MatterFacts, s: DeliberationSettings, today: string): Evaluation {
  const t = facts.template;
  const breaches: Problem[] = [];
  let pos = 0;
  let rejected: TemplateStep | null = null;
  const outcome = withOutcome(s);
  facts.steps.forEach((r, index) => {
    const i = indexOf(t, r.step);
    const def = t.steps[i];
    if (!def) return;
    if (rejected) breaches.push(problems.afterRejection(r.step, stepName(rejected)));
    if (i < pos)
      breaches.push(
        problems.order(r.step, stepName(def), t.steps[pos] ? stepName(t.steps[pos] as TemplateStep) : null),
      );
    for (let k = pos; k < i; k++) {
      const skipped = t.steps[k] as TemplateStep;
      breaches.push(problems.missing(skipped.key, stepName(skipped), stepName(def)));
    }
    if (r.mergedWith && !(t.mergeable && s.mergeProposeConsultWhenOneShoulder && facts.oneShoulder))
      breaches.push({
        ...problems.mergeNotAllowed(t.mergeable ? 'not_one_shoulder' : 'template'),
        severity: 'breach',
      });
    for (const x of stepProblems(facts, facts.steps, index, s)) breaches.push({ ...x, severity: 'breach' });
    pos = Math.max(pos, indexOf(t, r.mergedWith ?? r.step) + 1);
    const o = outcome(r);
    if (def.kind === 'meeting' && o.passed === false) rejected = def;
  });
  const resolved = facts.steps.find((r) => r.step === 'resolve');
  const published = facts.steps.find((r) => r.step === 'publish_resolution');
  const resolvedPassed = resolved ? outcome(resolved).passed !== false : false;
  if (resolved && resolvedPassed && !published && facts.status !== 'withdrawn') {
    const dueOn = addDays(resolved.heldOn, s.publishResolutionWithinDays);
    if (today > dueOn) breaches.push(problems.notPublished(resolved.heldOn, dueOn, today));
  }
  const lastRecord = facts.steps[facts.steps.length - 1];
  const atEnd = lastRecord
    ? indexOf(t, lastRecord.mergedWith ?? lastRecord.step) === t.steps.length - 1
    : false;
  const lastRejected = lastRecord !== undefined && rejected !== null && outcome(lastRecord).passed === false;
  const status: MatterStatus =
    facts.status === 'withdrawn' ? 'withdrawn' : lastRejected ? 'rejected' : atEnd ? 'completed' : 'open';
  const validity: Validity =
    breaches.length > 0 ? 'invalid' : published || status === 'rejected' ? 'valid' : 'pending';
  return {
    validity,
    breaches,
    status,
    next: nextStep({ ...facts, status }, s),
    resolvedOn: resolved?.heldOn ?? null,
    completedOn: status === 'completed' ? (lastRecord?.heldOn ?? null) : null,
  };
}
