// Quorum and pass arithmetic of a village meeting, in integers: "more than half" is
// yes × 2 > base, "at least two thirds" is present × 3 ≥ 2 × base.
import type { BodyRule, DeliberationSettings, Ratio } from './deliberation-settings.ts';

export interface Counts {
  due: number;
  present: number;
  householdsDue?: number | null;
  householdsPresent?: number | null;
}

export interface Votes {
  yes: number;
  no: number;
  abstain: number;
}

export function ratioMet(value: number, base: number, r: Ratio): boolean {
  return r.strict ? value * r.den > r.num * base : value * r.den >= r.num * base;
}

/** The least whole number that meets the ratio of `base`. */
export function needed(base: number, r: Ratio): number {
  const exact = (r.num * base) / r.den;
  if (r.strict) return Math.floor(exact) + 1;
  return Math.ceil(exact - 1e-9);
}

export function ratioText(r: Ratio): { zh: string; en: string } {
  const half = r.num * 2 === r.den;
  const frac = half ? '半数' : `${r.num}/${r.den}`;
  const fracEn = half ? 'half' : `${r.num}/${r.den}`;
  return r.strict
    ? { zh: `应到人数的${frac}以上`, en: `more than ${fracEn}` }
    : { zh: `应到人数的${frac}`, en: `at least ${fracEn}` };
}

export interface QuorumResult {
  met: boolean;
  needed: number;
  householdsNeeded: number | null;
}

export function quorum(rule: BodyRule, c: Counts, basis: DeliberationSettings['quorumBasis']): QuorumResult {
  const byPeople = c.due > 0 && ratioMet(c.present, c.due, rule.quorum);
  const hhRule = rule.householdQuorum;
  const hasHouseholds = hhRule !== undefined && (c.householdsDue ?? 0) > 0;
  const byHouseholds =
    hasHouseholds && ratioMet(c.householdsPresent ?? 0, c.householdsDue ?? 0, hhRule as Ratio);
  const met =
    hhRule === undefined || basis === 'adults'
      ? byPeople
      : basis === 'households'
        ? byHouseholds
        : byPeople || byHouseholds;
  return {
    met,
    needed: needed(c.due, rule.quorum),
    householdsNeeded: hasHouseholds ? needed(c.householdsDue ?? 0, hhRule as Ratio) : null,
  };
}

export function passes(rule: BodyRule, c: Counts, v: Votes): boolean {
  const base = rule.pass.of === 'due' ? c.due : c.present;
  return base > 0 && ratioMet(v.yes, base, rule.pass);
}
