// The configurable rules of the case loop with their defaults (stored under the setting key 'cases';
// read with platform/settings readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS)).
import { DEFAULT_HOTLINE_WEIGHTS, type HotlineWeights } from './metrics.ts';
import { DEFAULT_SUPERVISION_THRESHOLDS, type SupervisionThresholds, type TimeLimit } from './sla.ts';

export const CASE_SETTINGS_KEY = 'cases';

export interface CaseSettings {
  supervisionThresholds: SupervisionThresholds;
  hotlineWeights: HotlineWeights;
  /** 满意率 counts 基本满意 as satisfied. */
  basicCountsAsSatisfied: boolean;
  /** Reopenings allowed after a dissatisfied evaluation. */
  maxReopens: number;
  /** Time a summoned department has to report (报到), for ordinary and for urgent cases. */
  summonsReportLimit: TimeLimit;
  urgentSummonsReportLimit: TimeLimit;
}

export const CASE_SETTINGS_DEFAULTS: CaseSettings = {
  supervisionThresholds: DEFAULT_SUPERVISION_THRESHOLDS,
  hotlineWeights: DEFAULT_HOTLINE_WEIGHTS,
  basicCountsAsSatisfied: true,
  maxReopens: 1,
  summonsReportLimit: { amount: 2, unit: 'working_hour' },
  urgentSummonsReportLimit: { amount: 1, unit: 'urgent_hour' },
};

export function summonsReportLimit(
  urgent: boolean,
  settings: CaseSettings = CASE_SETTINGS_DEFAULTS,
): TimeLimit {
  return urgent ? settings.urgentSummonsReportLimit : settings.summonsReportLimit;
}
