// Regular organizational life (组织生活, RULES.md §3, 《中国共产党支部工作条例（试行）》2018): the kinds of
// meeting, how often each must be held, the quorum of a meeting and a branch's compliance for a date.
// Pure: no database, no clock (the caller passes "today" as an Asia/Shanghai date).

/**
 * Kinds of meeting (GLOSSARY.md):
 * - general_assembly 支部党员大会, committee_meeting 支委会, group_meeting 党小组会, lecture 党课
 *   (together 三会一课);
 * - theme_day 主题党日, life_meeting 组织生活会, member_appraisal 民主评议党员;
 * - first_topic 第一议题 (the first agenda item: study of the latest central speeches) and
 *   study_group 理论学习中心组 (the theory study group's session): study records, no frequency rule.
 */
export const MEETING_KINDS = [
  'general_assembly',
  'committee_meeting',
  'group_meeting',
  'lecture',
  'theme_day',
  'life_meeting',
  'member_appraisal',
  'first_topic',
  'study_group',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_NAMES: Record<MeetingKind, { zh: string; en: string }> = {
  general_assembly: { zh: '支部党员大会', en: 'branch general assembly' },
  committee_meeting: { zh: '支委会', en: 'branch committee meeting' },
  group_meeting: { zh: '党小组会', en: 'party group meeting' },
  lecture: { zh: '党课', en: 'party lecture' },
  theme_day: { zh: '主题党日', en: 'theme party day' },
  life_meeting: { zh: '组织生活会', en: 'organizational life meeting' },
  member_appraisal: { zh: '民主评议党员', en: 'democratic appraisal of members' },
  first_topic: { zh: '第一议题', en: 'first-topic study' },
  study_group: { zh: '理论学习中心组学习', en: 'theory study group session' },
};

export const ATTENDANCE_STATUSES = ['present', 'absent', 'on_leave'] as const;
/** present 出席; absent 缺席 (a reason is required); on_leave 请假. */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export type PeriodUnit = 'month' | 'quarter' | 'year';
export interface Frequency {
  per: PeriodUnit;
  /** at least this many meetings in each period */
  times: number;
}

export const MEETING_SETTINGS_KEY = 'meetings';
/** RULES.md §3. Every number can be overridden in the setting table under key 'meetings'. */
export const MEETING_SETTINGS_DEFAULTS = {
  frequencies: {
    general_assembly: { per: 'quarter', times: 1 },
    committee_meeting: { per: 'month', times: 1 },
    group_meeting: { per: 'month', times: 1 },
    // the rule is at least once a year; Jiangmen, like many places, asks for one a quarter
    lecture: { per: 'quarter', times: 1 },
    theme_day: { per: 'month', times: 1 },
    life_meeting: { per: 'year', times: 1 },
    member_appraisal: { per: 'year', times: 1 },
    first_topic: null,
    study_group: null,
  } as Record<MeetingKind, Frequency | null>,
  /** quorum: more than this share of those expected must be present (支委会: > half of the committee) */
  quorumShare: 0.5,
  /** kinds whose meetings count only with a quorum */
  quorumKinds: ['general_assembly', 'committee_meeting'] as MeetingKind[],
  /** a branch with at least this many full members has a committee (支部委员会), so holds 支委会 */
  committeeMinFullMembers: 7,
};
export type MeetingSettings = typeof MEETING_SETTINGS_DEFAULTS;

/** Overrides from the setting table merged over the defaults, kind by kind. */
export function mergeMeetingSettings(stored: Partial<MeetingSettings> | null | undefined): MeetingSettings {
  const d = MEETING_SETTINGS_DEFAULTS;
  return {
    ...d,
    ...(stored ?? {}),
    frequencies: { ...d.frequencies, ...(stored?.frequencies ?? {}) },
  };
}

// ---- calendar periods (dates are 'YYYY-MM-DD' in Asia/Shanghai) ----

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export interface Period {
  unit: PeriodUnit;
  /** '2026-11', '2026-Q4', '2026' */
  label: string;
  first: string;
  last: string;
}

export function periodOf(unit: PeriodUnit, date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const span =
    unit === 'month' ? [m, m] : unit === 'quarter' ? [m - ((m - 1) % 3), m - ((m - 1) % 3) + 2] : [1, 12];
  const [from, to] = span as [number, number];
  const label = unit === 'month' ? `${y}-${pad(m)}` : unit === 'quarter' ? `${y}-Q${(from + 2) / 3}` : `${y}`;
  return { unit, label, first: `${y}-${pad(from)}-01`, last: `${y}-${pad(to)}-${pad(lastDay(y, to))}` };
}

/** The period just before the one holding `date`. */
export function previousPeriod(unit: PeriodUnit, date: string): Period {
  const first = periodOf(unit, date).first;
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7));
  const prev = m === 1 ? `${y - 1}-12-01` : `${y}-${pad(m - 1)}-01`;
  return periodOf(unit, prev);
}

/** Whether the text is a month 'YYYY-MM'. */
export function isMonth(text: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return Boolean(m) && Number(m?.[2]) >= 1 && Number(m?.[2]) <= 12;
}

// ---- quorum ----

export interface Quorum {
  expected: number;
  present: number;
  absent: number;
  onLeave: number;
  /** present / expected, 0..1 */
  rate: number;
  required: boolean;
  met: boolean;
}

/**
 * Expected = those listed in the sign-in, and for a 支部党员大会 at least the branch's members with a
 * vote (its full members). Met when present > quorumShare × expected.
 */
export function quorumOf(
  kind: MeetingKind,
  statuses: readonly AttendanceStatus[],
  settings: MeetingSettings,
  fullMembers = 0,
): Quorum {
  const present = statuses.filter((s) => s === 'present').length;
  const absent = statuses.filter((s) => s === 'absent').length;
  const onLeave = statuses.filter((s) => s === 'on_leave').length;
  const expected = Math.max(statuses.length, kind === 'general_assembly' ? fullMembers : 0);
  const required = settings.quorumKinds.includes(kind);
  const met = expected > 0 && present > settings.quorumShare * expected;
  return { expected, present, absent, onLeave, rate: expected ? present / expected : 0, required, met };
}

// ---- compliance ----

export type ComplianceStatus = 'compliant' | 'due' | 'overdue';

export interface HeldMeeting {
  kind: MeetingKind;
  heldOn: string;
  /** false when a quorum kind lacked its quorum: recorded, but does not count */
  counts: boolean;
}

export interface BranchFacts {
  fullMembers: number;
  /** the branch has 党小组 under it */
  hasGroups: boolean;
  /** the branch's founding date: periods ended before it are not held against it */
  foundedOn?: string | null;
}

export interface KindCompliance {
  kind: MeetingKind;
  frequency: Frequency;
  status: ComplianceStatus;
  /** the period holding the date */
  current: { period: Period; held: number; missing: number };
  /** the last complete period */
  previous: { period: Period; held: number; missing: number };
}

export interface Compliance {
  asOf: string;
  status: ComplianceStatus;
  kinds: KindCompliance[];
  /** what is missing, worst first, e.g. overdue 2026-Q3 支部党员大会 × 1 */
  missing: { kind: MeetingKind; period: string; status: 'due' | 'overdue'; count: number }[];
}

/** Whether a kind's frequency rule applies to this branch (支委会 only with a committee, 党小组会 only with groups). */
export function kindApplies(kind: MeetingKind, facts: BranchFacts, settings: MeetingSettings): boolean {
  if (!settings.frequencies[kind]) return false;
  if (kind === 'committee_meeting') return facts.fullMembers >= settings.committeeMinFullMembers;
  if (kind === 'group_meeting') return facts.hasGroups;
  return true;
}

const RANK: Record<ComplianceStatus, number> = { compliant: 0, due: 1, overdue: 2 };
export const worst = (a: ComplianceStatus, b: ComplianceStatus) => (RANK[a] >= RANK[b] ? a : b);

/**
 * For each kind with a rule: the last complete period short of meetings → overdue; else the current
 * period short → due (there is still time); else compliant. The branch takes its worst kind.
 */
export function complianceOf(
  meetings: readonly HeldMeeting[],
  facts: BranchFacts,
  settings: MeetingSettings,
  asOf: string,
): Compliance {
  const kinds: KindCompliance[] = [];
  const missing: Compliance['missing'] = [];
  let status: ComplianceStatus = 'compliant';
  for (const kind of MEETING_KINDS) {
    const frequency = settings.frequencies[kind];
    if (!frequency || !kindApplies(kind, facts, settings)) continue;
    const count = (p: Period) =>
      meetings.filter((m) => m.kind === kind && m.counts && m.heldOn >= p.first && m.heldOn <= p.last).length;
    const cur = periodOf(frequency.per, asOf);
    const prev = previousPeriod(frequency.per, asOf);
    const heldCur = count(cur);
    const heldPrev = count(prev);
    const existedPrev = !facts.foundedOn || facts.foundedOn <= prev.first;
    const missPrev = existedPrev ? Math.max(0, frequency.times - heldPrev) : 0;
    const missCur = Math.max(0, frequency.times - heldCur);
    const s: ComplianceStatus = missPrev > 0 ? 'overdue' : missCur > 0 ? 'due' : 'compliant';
    if (missPrev > 0) missing.push({ kind, period: prev.label, status: 'overdue', count: missPrev });
    if (missCur > 0) missing.push({ kind, period: cur.label, status: 'due', count: missCur });
    status = worst(status, s);
    kinds.push({
      kind,
      frequency,
      status: s,
      current: { period: cur, held: heldCur, missing: missCur },
      previous: { period: prev, held: heldPrev, missing: missPrev },
    });
  }
  missing.sort((a, b) => RANK[b.status] - RANK[a.status]);
  return { asOf, status, kinds, missing };
}
