import { describe, expect, test } from 'vitest';
import {
  complianceOf,
  type HeldMeeting,
  isMonth,
  mergeMeetingSettings,
  periodOf,
  previousPeriod,
  quorumOf,
  MEETING_SETTINGS_DEFAULTS as S,
} from './meeting-rules.ts';

describe('periods', () => {
  test('month, quarter and year of a date', () => {
    expect(periodOf('month', '2024-02-10')).toMatchObject({
      label: '2024-02',
      first: '2024-02-01',
      last: '2024-02-29',
    });
    expect(periodOf('quarter', '2026-11-24')).toMatchObject({
      label: '2026-Q4',
      first: '2026-10-01',
      last: '2026-12-31',
    });
    expect(periodOf('quarter', '2026-03-31')).toMatchObject({
      label: '2026-Q1',
      first: '2026-01-01',
      last: '2026-03-31',
    });
    expect(periodOf('year', '2026-06-01')).toMatchObject({
      label: '2026',
      first: '2026-01-01',
      last: '2026-12-31',
    });
  });
  test('the period before, across a year boundary', () => {
    expect(previousPeriod('month', '2026-01-15').label).toBe('2025-12');
    expect(previousPeriod('quarter', '2026-02-15').label).toBe('2025-Q4');
    expect(previousPeriod('quarter', '2026-11-24').label).toBe('2026-Q3');
    expect(previousPeriod('year', '2026-11-24').label).toBe('2025');
  });
  test('months', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
  });
});

describe('quorum', () => {
  test('more than half of those expected must be present', () => {
    expect(quorumOf('committee_meeting', ['present', 'present', 'absent', 'on_leave'], S).met).toBe(false);
    const q = quorumOf('committee_meeting', ['present', 'present', 'present', 'on_leave', 'absent'], S);
    expect(q).toMatchObject({ expected: 5, present: 3, absent: 1, onLeave: 1, required: true, met: true });
  });
  test('a general assembly expects every full member of the branch, listed or not', () => {
    const q = quorumOf('general_assembly', ['present', 'present', 'present'], S, 8);
    expect(q).toMatchObject({ expected: 8, met: false, required: true });
    expect(quorumOf('general_assembly', Array(5).fill('present'), S, 8).met).toBe(true);
  });
  test('a lecture needs no quorum', () => {
    expect(quorumOf('lecture', ['present', 'absent', 'absent'], S).required).toBe(false);
  });
});

describe('compliance', () => {
  const facts = { fullMembers: 10, hasGroups: false };
  const m = (kind: HeldMeeting['kind'], heldOn: string, counts = true): HeldMeeting => ({
    kind,
    heldOn,
    counts,
  });
  const fullYear: HeldMeeting[] = [
    m('general_assembly', '2026-08-01'),
    m('general_assembly', '2026-11-02'),
    m('committee_meeting', '2026-10-10'),
    m('committee_meeting', '2026-11-10'),
    m('lecture', '2026-09-01'),
    m('lecture', '2026-10-20'),
    m('theme_day', '2026-10-01'),
    m('theme_day', '2026-11-01'),
    m('life_meeting', '2025-12-20'),
    m('life_meeting', '2026-01-20'),
    m('member_appraisal', '2025-12-21'),
    m('member_appraisal', '2026-01-21'),
  ];
  test('every rule met in the last and the current period: compliant', () => {
    const c = complianceOf(fullYear, facts, S, '2026-11-24');
    expect(c.status).toBe('compliant');
    expect(c.missing).toEqual([]);
    expect(c.kinds.map((k) => k.kind)).not.toContain('group_meeting');
  });
  test('this month not yet held: due, with what is missing', () => {
    const c = complianceOf(
      fullYear.filter((x) => x.heldOn !== '2026-11-01'),
      facts,
      S,
      '2026-11-24',
    );
    expect(c.status).toBe('due');
    expect(c.missing).toEqual([{ kind: 'theme_day', period: '2026-11', status: 'due', count: 1 }]);
  });
  test('last quarter without a general assembly: overdue', () => {
    const c = complianceOf(
      fullYear.filter((x) => x.heldOn !== '2026-08-01'),
      facts,
      S,
      '2026-11-24',
    );
    expect(c.status).toBe('overdue');
    expect(c.missing[0]).toEqual({
      kind: 'general_assembly',
      period: '2026-Q3',
      status: 'overdue',
      count: 1,
    });
  });
  test('a committee meeting without quorum does not count', () => {
    const c = complianceOf(
      [...fullYear.filter((x) => x.heldOn !== '2026-11-10'), m('committee_meeting', '2026-11-10', false)],
      facts,
      S,
      '2026-11-24',
    );
    expect(c.missing).toContainEqual({
      kind: 'committee_meeting',
      period: '2026-11',
      status: 'due',
      count: 1,
    });
  });
  test('small branches hold no 支委会; branches with groups hold 党小组会', () => {
    const c = complianceOf(fullYear, { fullMembers: 5, hasGroups: true }, S, '2026-11-24');
    expect(c.kinds.map((k) => k.kind)).not.toContain('committee_meeting');
    expect(c.missing.filter((x) => x.kind === 'group_meeting').map((x) => x.status)).toEqual([
      'overdue',
      'due',
    ]);
  });
  test('a branch founded this period is not held to the last one', () => {
    const c = complianceOf([], { ...facts, foundedOn: '2026-11-05' }, S, '2026-11-24');
    expect(c.status).toBe('due');
  });
  test('frequencies come from settings', () => {
    const s = mergeMeetingSettings({ frequencies: { ...S.frequencies, lecture: { per: 'year', times: 1 } } });
    expect(s.frequencies.theme_day).toEqual({ per: 'month', times: 1 });
    const held = [
      ...fullYear.filter((x) => x.kind !== 'lecture' || x.heldOn < '2026-10-01'),
      m('lecture', '2025-05-01'),
    ];
    const c = complianceOf(held, facts, s, '2026-11-24');
    expect(c.kinds.find((k) => k.kind === 'lecture')?.status).toBe('compliant');
  });
});
