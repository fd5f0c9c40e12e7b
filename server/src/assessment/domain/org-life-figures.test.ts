import { describe, expect, test } from 'vitest';
import { MEETING_SETTINGS_DEFAULTS } from '../../meetings/domain/meeting-rules.ts';
import { addTallies, orgLifeOfBranch } from './org-life-figures.ts';

const small = { fullMembers: 5, hasGroups: false };
const monthly = (kind: 'theme_day' | 'group_meeting', months: number[], year = 2026) =>
  months.map((m) => ({ kind, heldOn: `${year}-${String(m).padStart(2, '0')}-10`, counts: true }));

describe('organizational life over a year', () => {
  test('a full year of a small branch: 12 theme days, 4 assemblies, 4 lectures, 1 life meeting, 1 appraisal', () => {
    const meetings = [
      ...monthly('theme_day', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      ...['02', '05', '08', '11'].map((m) => ({
        kind: 'general_assembly' as const,
        heldOn: `2026-${m}-01`,
        counts: true,
      })),
    ];
    const t = orgLifeOfBranch(meetings, small, MEETING_SETTINGS_DEFAULTS, '2026-01-01', '2026-12-31');
    expect(t.kinds.map((k) => [k.kind, k.held, k.due])).toEqual([
      ['general_assembly', 4, 4],
      ['lecture', 0, 4],
      ['theme_day', 12, 12],
      ['life_meeting', 0, 1],
      ['member_appraisal', 0, 1],
    ]);
    expect([t.held, t.due]).toEqual([16, 22]);
  });

  test('in December, the running month, quarter and year count only once held', () => {
    const meetings = [
      ...monthly('theme_day', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      { kind: 'life_meeting' as const, heldOn: '2026-03-01', counts: true },
    ];
    const t = orgLifeOfBranch(meetings, small, MEETING_SETTINGS_DEFAULTS, '2026-01-01', '2026-12-06');
    const byKind = Object.fromEntries(t.kinds.map((k) => [k.kind, [k.held, k.due]]));
    expect(byKind.theme_day).toEqual([12, 12]); // December already held
    expect(byKind.general_assembly).toEqual([0, 3]); // Q4 still running and not held: not due yet
    expect(byKind.life_meeting).toEqual([1, 1]); // the year is running, but it was held
    expect(byKind.member_appraisal).toEqual([0, 0]);
  });

  test('a meeting without its quorum does not count; a branch founded in July owes from July', () => {
    const t = orgLifeOfBranch(
      [{ kind: 'theme_day', heldOn: '2026-08-10', counts: false }, ...monthly('theme_day', [9])],
      { ...small, foundedOn: '2026-07-01' },
      MEETING_SETTINGS_DEFAULTS,
      '2026-01-01',
      '2026-12-31',
    );
    const theme = t.kinds.find((k) => k.kind === 'theme_day');
    expect([theme?.held, theme?.due]).toEqual([1, 6]);
  });

  test('committee meetings only with a committee, group meetings only with groups; tallies add up', () => {
    const big = orgLifeOfBranch(
      [],
      { fullMembers: 9, hasGroups: true },
      MEETING_SETTINGS_DEFAULTS,
      '2026-01-01',
      '2026-03-31',
    );
    expect(big.kinds.map((k) => k.kind)).toContain('committee_meeting');
    expect(big.kinds.map((k) => k.kind)).toContain('group_meeting');
    const sum = addTallies([
      big,
      orgLifeOfBranch([], small, MEETING_SETTINGS_DEFAULTS, '2026-01-01', '2026-03-31'),
    ]);
    // the small branch owes 3 theme days, 1 assembly and 1 lecture in Q1 (the year's meetings: not yet)
    expect(sum.due).toBe(big.due + 5);
  });
});
