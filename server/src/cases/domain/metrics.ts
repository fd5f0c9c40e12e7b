// Case statistics (RULES.md §7): 结案率, 按期结案率, 响应率, 解决率, 满意率, 按期处置率, 返工率, average
// time to close, and the weighted hotline score (default 30/35/35, configurable). A rate whose
// denominator is 0 is null ("no data"), never 0 or NaN.
import type { CaseState, Evaluation } from './case-machine.ts';

/** Counts over a scope and period; the repository computes them with SQL, `tallyCases` from rows. */
export interface MetricCounts {
  /** 应结案: cases closed, or whose deadline to close has come. */
  dueToClose: number;
  closed: number;
  /** Closed no later than their deadline. */
  closedOnTime: number;
  /** Closed and not judged unresolved by the reporter (no 不满意). */
  resolved: number;
  /** Cases received (every channel, rejected ones included: they are answered too). */
  received: number;
  /** Filed or rejected (responded) within the response limit. */
  respondedInTime: number;
  /** Cases that got a department's feedback at least once. */
  handled: number;
  handledOnTime: number;
  /** Handled cases whose verification failed at least once (返工). */
  reworked: number;
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  /** Sum of created → closed over closed cases, in ms. */
  closeMsTotal: number;
}

export const ZERO_COUNTS: MetricCounts = {
  dueToClose: 0,
  closed: 0,
  closedOnTime: 0,
  resolved: 0,
  received: 0,
  respondedInTime: 0,
  handled: 0,
  handledOnTime: 0,
  reworked: 0,
  evaluated: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  closeMsTotal: 0,
};

export interface HotlineWeights {
  response: number;
  resolution: number;
  satisfaction: number;
}
export const DEFAULT_HOTLINE_WEIGHTS: HotlineWeights = { response: 30, resolution: 35, satisfaction: 35 };

export interface MetricOptions {
  weights?: HotlineWeights;
  /** Whether 基本满意 counts as satisfied in 满意率 (default true, as 12345 assessments count it). */
  basicCountsAsSatisfied?: boolean;
}

export interface Metrics {
  /** 结案率 = closed / due to close. */
  closeRate: number | null;
  /** 按期结案率 = closed on time / due to close. */
  onTimeCloseRate: number | null;
  /** 响应率 = responded in time / received. */
  responseRate: number | null;
  /** 解决率 = resolved / due to close. */
  resolutionRate: number | null;
  /** 满意率 = satisfied (and, by default, basically satisfied) / evaluated. */
  satisfactionRate: number | null;
  /** 按期处置率 = handled on time / handled. */
  onTimeHandlingRate: number | null;
  /** 返工率 = reworked / handled. */
  reworkRate: number | null;
  /** Average time from report to closing, ms. */
  averageCloseMs: number | null;
  /**
   * Weighted hotline score out of 100: Σ weight × rate / Σ weight over the rates that have data
   * (响应率, 解决率, 满意率), rounded to 2 decimals; null when none has data.
   */
  hotlineScore: number | null;
}

export function rate(numerator: number, denominator: number): number | null {
  if (denominator < 0 || numerator < 0) throw new RangeError('counts cannot be negative');
  return denominator === 0 ? null : numerator / denominator;
}

export function hotlineScore(
  rates: { response: number | null; resolution: number | null; satisfaction: number | null },
  weights: HotlineWeights = DEFAULT_HOTLINE_WEIGHTS,
): number | null {
  let sum = 0;
  let weight = 0;
  for (const key of ['response', 'resolution', 'satisfaction'] as const) {
    const w = weights[key];
    if (!(w >= 0)) throw new RangeError('weights must be ≥ 0');
    const r = rates[key];
    if (r === null || w === 0) continue;
    sum += w * r;
    weight += w;
  }
  return weight === 0 ? null : Math.round((sum / weight) * 100 * 100) / 100;
}

export function computeMetrics(c: MetricCounts, options: MetricOptions = {}): Metrics {
  const basic = options.basicCountsAsSatisfied ?? true;
  const responseRate = rate(c.respondedInTime, c.received);
  const resolutionRate = rate(c.resolved, c.dueToClose);
  const satisfactionRate = rate(c.satisfied + (basic ? c.basicallySatisfied : 0), c.evaluated);
  return {
    closeRate: rate(c.closed, c.dueToClose),
    onTimeCloseRate: rate(c.closedOnTime, c.dueToClose),
    responseRate,
    resolutionRate,
    satisfactionRate,
    onTimeHandlingRate: rate(c.handledOnTime, c.handled),
    reworkRate: rate(c.reworked, c.handled),
    averageCloseMs: c.closed === 0 ? null : c.closeMsTotal / c.closed,
    hotlineScore: hotlineScore(
      { response: responseRate, resolution: resolutionRate, satisfaction: satisfactionRate },
      options.weights,
    ),
  };
}

/** What one case contributes (the columns of civic_case and its first step times). */
export interface CaseFacts {
  state: CaseState;
  createdAt: Date;
  /** Deadline to close the whole case (civic_case.due_at). */
  dueAt: Date | null;
  closedAt: Date | null;
  /** Deadline of the response (dispatch step) and when the case was filed or rejected. */
  respondBy: Date | null;
  respondedAt: Date | null;
  /** First feedback and the handling deadline it was measured against. */
  handledAt: Date | null;
  handlingDeadline: Date | null;
  evaluation: Evaluation | null;
  reworkCount: number;
}

const t = (d: Date | null) => (d === null ? null : d.getTime());

/** Counts of a list of cases as of an instant (events after it do not count yet). */
export function tallyCases(cases: Iterable<CaseFacts>, asOf: Date): MetricCounts {
  const now = asOf.getTime();
  const c: MetricCounts = { ...ZERO_COUNTS };
  for (const k of cases) {
    if (k.createdAt.getTime() > now) continue;
    c.received++;
    const responded = t(k.respondedAt);
    const respondBy = t(k.respondBy);
    if (responded !== null && responded <= now && (respondBy === null || responded <= respondBy))
      c.respondedInTime++;
    if (k.state === 'rejected') continue;

    const closed = t(k.closedAt);
    const due = t(k.dueAt);
    const isClosed = closed !== null && closed <= now;
    if (isClosed || (due !== null && due <= now)) c.dueToClose++;
    if (isClosed) {
      c.closed++;
      c.closeMsTotal += closed - k.createdAt.getTime();
      if (due === null || closed <= due) c.closedOnTime++;
      if (k.evaluation !== 'dissatisfied') c.resolved++;
    }
    const handled = t(k.handledAt);
    if (handled !== null && handled <= now) {
      c.handled++;
      const limit = t(k.handlingDeadline);
      if (limit === null || handled <= limit) c.handledOnTime++;
      if (k.reworkCount > 0) c.reworked++;
    }
    if (k.evaluation !== null) {
      c.evaluated++;
      if (k.evaluation === 'satisfied') c.satisfied++;
      if (k.evaluation === 'basically_satisfied') c.basicallySatisfied++;
    }
  }
  return c;
}

/** Adds counts of several scopes (towns → county). */
export function addCounts(a: MetricCounts, b: MetricCounts): MetricCounts {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof MetricCounts)[]) out[key] += b[key];
  return out;
}
