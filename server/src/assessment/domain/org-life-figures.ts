// Organizational life over a span of time, as the assessment and the weak-org check count it: for each
// branch and each kind of meeting with a frequency rule that applies to it (meetings/domain), every
// period of the span that has ended is due, and is held when the branch held its meetings in it; a
// period still running counts only once it is already held (so a year assessed in December is not
// held against the meetings of December). Periods before the branch was founded, or starting before
// the span, are not due. Pure.
import {
  type BranchFacts,
  type HeldMeeting,
  kindApplies,
  MEETING_KINDS,
  type MeetingKind,
  type MeetingSettings,
  type Period,
  type PeriodUnit,
  periodOf,
} from '../../meetings/domain/meeting-rules.ts';
import { addDays } from '../../recruitment/domain/dates.ts';

export interface KindTally {
  kind: MeetingKind;
  /** periods due × times */
  due: number;
  /** of those, held */
  held: number;
}

export interface OrgLifeTally {
  due: number;
  held: number;
  kinds: KindTally[];
}

function periodsOfSpan(unit: PeriodUnit, from: string, to: string): Period[] {
  const out: Period[] = [];
  let p = periodOf(unit, from);
  while (p.first <= to) {
    if (p.first >= from) out.push(p);
    p = periodOf(unit, addDays(p.last, 1));
  }
  return out;
}

/** One branch's meetings held against those due in [from, to]. */
export function orgLifeOfBranch(
  meetings: readonly HeldMeeting[],
  facts: BranchFacts,
  settings: MeetingSettings,
  from: string,
  to: string,
): OrgLifeTally {
  const kinds: KindTally[] = [];
  for (const kind of MEETING_KINDS) {
    const f = settings.frequencies[kind];
    if (!f || !kindApplies(kind, facts, settings)) continue;
    let due = 0;
    let held = 0;
    for (const p of periodsOfSpan(f.per, from, to)) {
      if (facts.foundedOn && facts.foundedOn > p.first) continue;
      const n = meetings.filter(
        (m) => m.kind === kind && m.counts && m.heldOn >= p.first && m.heldOn <= p.last,
      ).length;
      const got = Math.min(n, f.times);
      if (p.last <= to) {
        due += f.times;
        held += got;
      } else if (got === f.times) {
        due += f.times;
        held += got;
      }
    }
    kinds.push({ kind, due, held });
  }
  return { due: kinds.reduce((t, k) => t + k.due, 0), held: kinds.reduce((t, k) => t + k.held, 0), kinds };
}

/** The sum of several branches' tallies (a village and the branches under it). */
export function addTallies(tallies: readonly OrgLifeTally[]): OrgLifeTally {
  const byKind = new Map<MeetingKind, KindTally>();
  for (const t of tallies)
    for (const k of t.kinds) {
      const acc = byKind.get(k.kind) ?? { kind: k.kind, due: 0, held: 0 };
      acc.due += k.due;
      acc.held += k.held;
      byKind.set(k.kind, acc);
    }
  const kinds = MEETING_KINDS.map((k) => byKind.get(k)).filter((k): k is KindTally => Boolean(k));
  return { due: kinds.reduce((t, k) => t + k.due, 0), held: kinds.reduce((t, k) => t + k.held, 0), kinds };
}
