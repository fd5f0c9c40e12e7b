import { describe, expect, test } from 'vitest';
import { TRANSFER_SETTINGS_DEFAULTS as S } from '../../transfers/domain/transfer-rules.ts';
import { annualAssessment, recordService, reportToCommunity } from './community-report.ts';

const code = (d: { ok: boolean; violation?: { code: string } } | { ok: true }) =>
  'violation' in d && d.violation ? d.violation.code : 'OK';

describe('双报到', () => {
  const r = {
    community: { name: '某社区党委', isCommunity: true },
    reporter: { kind: 'member' as const, occupation: 'in_service' },
    reportedOn: '2026-01-05',
    today: '2026-02-01',
    alreadyThisYear: false,
  };
  test('report rules', () => {
    expect(reportToCommunity(r)).toEqual({ ok: true, effects: { year: 2026 } });
    expect(code(reportToCommunity({ ...r, community: { name: 'x', isCommunity: false } }))).toBe(
      'COMMUNITY_REPORT_NOT_COMMUNITY',
    );
    expect(code(reportToCommunity({ ...r, reporter: { kind: 'member', occupation: 'retired' } }))).toBe(
      'COMMUNITY_REPORT_NOT_IN_SERVICE',
    );
    expect(
      code(
        reportToCommunity({
          ...r,
          reporter: { kind: 'unit', name: 'x', level: 'village', category: 'territorial' },
        }),
      ),
    ).toBe('COMMUNITY_REPORT_NOT_UNIT');
    expect(code(reportToCommunity({ ...r, alreadyThisYear: true }))).toBe('COMMUNITY_REPORT_DUPLICATE');
  });
  test('service hours', () => {
    expect(code(recordService('2026-01-06', 2, '2026-01-05', '2026-02-01'))).toBe('OK');
    expect(code(recordService('2026-01-06', 0, '2026-01-05', '2026-02-01'))).toBe('COMMUNITY_HOURS_INVALID');
    expect(code(recordService('2026-01-04', 2, '2026-01-05', '2026-02-01'))).toBe(
      'COMMUNITY_SERVICE_BEFORE_REPORT',
    );
  });
  test('annual assessment figures', () => {
    const a = annualAssessment(
      2026,
      [
        { kind: 'member', hours: 12 },
        { kind: 'member', hours: 3 },
        { kind: 'member', hours: 0 },
        { kind: 'unit', hours: 20 },
      ],
      S,
    );
    expect(a).toEqual({
      year: 2026,
      members: 3,
      units: 1,
      totalHours: 35,
      membersMeetingTarget: 1,
      inactive: 1,
      targetHours: 12,
      rate: 0.333,
    });
  });
});
