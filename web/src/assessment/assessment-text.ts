// Shared words of the issue-15 pages: names from the server's {zh, en} pairs, the states of a round,
// an appeal and a ledger, the sources of the indicators. Never a raw code on screen.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Coded, Named } from './assessment-api.ts';

type Pair = { zh: string; en: string };

export const ROUND_STATES: Record<string, Pair> = {
  draft: { zh: '已计算，镇街审核中', en: 'Computed, towns reviewing' },
  approved: { zh: '已审定，待公布', en: 'Approved' },
  published: { zh: '已公布', en: 'Published' },
};
export const BASIS_NAMES: Record<string, Pair> = {
  computed: { zh: '按平台记录计算', en: 'From the records' },
  ledger: { zh: '线下考核台账', en: 'Paper ledger' },
};
export const APPEAL_STATES: Record<string, Pair> = {
  open: { zh: '申诉待处理', en: 'Appeal open' },
  upheld: { zh: '申诉成立', en: 'Appeal upheld' },
  rejected: { zh: '申诉不成立', en: 'Appeal rejected' },
};
export const SOURCE_NAMES: Record<string, Pair> = {
  org_life: { zh: '组织生活记录', en: 'Organizational life' },
  recruitment: { zh: '发展党员记录', en: 'Recruitment' },
  dues: { zh: '党费记录', en: 'Dues' },
  training: { zh: '培训记录', en: 'Training' },
  case_response: { zh: '网格事件', en: 'Grid cases' },
  case_on_time: { zh: '网格事件', en: 'Grid cases' },
  case_satisfaction: { zh: '网格事件评价', en: 'Case ratings' },
  income_growth: { zh: '村集体收入', en: 'Collective income' },
  income_level: { zh: '村集体收入', en: 'Collective income' },
  contest_promise: { zh: '擂台赛承诺', en: 'Contest promises' },
  village_publication: { zh: '村务公开', en: 'Village affairs publication' },
  decision_validity: { zh: '村级决策', en: 'Village decisions' },
  manual: { zh: '镇街评分', en: 'Scored by the town' },
};
export const LEDGER_STATE_COLORS: Record<string, string> = {
  listed: 'red',
  rectifying: 'orange',
  acceptance_requested: 'blue',
  accepted: 'green',
  reviewed: 'cyan',
};
const GRADE_COLORS = ['green', 'blue', 'gold', 'orange', 'red', 'magenta'];

/** Picks zh or en of a pair, a coded list's name, or a table's name (the code never shows). */
export function useNames() {
  const { lang } = useI18n();
  const pick = useCallback(
    (n: Named | Pair | null | undefined) => (n ? (lang === 'en' ? n.en : n.zh) : '—'),
    [lang],
  );
  const of = useCallback(
    (list: readonly Coded[] | Record<string, Pair>, code: string | null | undefined) => {
      if (!code) return '—';
      if (Array.isArray(list)) return pick(list.find((c) => c.code === code)?.name) ?? '—';
      const found = (list as Record<string, Pair>)[code];
      return found ? pick(found) : '—';
    },
    [pick],
  );
  return { lang, pick, of };
}

/** The colour of a grade by its place in the list (the first is the best). */
export function gradeColor(grades: readonly Coded[], code: string): string {
  const i = grades.findIndex((g) => g.code === code);
  return GRADE_COLORS[Math.max(0, i)] ?? 'default';
}

export const score = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

/** A party org's everyday name: 中共白沙街道工作委员会 → 白沙街道, 中共六坊村支部委员会 → 六坊村. */
export function shortOrg(name: string): string {
  const short = name
    .replace(/^中共/, '')
    .replace(/(党?工作委员会|总支部委员会|支部委员会|党委员会|委员会|党委)$/, '');
  return short || name;
}
