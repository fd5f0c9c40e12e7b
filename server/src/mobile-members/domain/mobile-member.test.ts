import { describe, expect, test } from 'vitest';
import { TRANSFER_SETTINGS_DEFAULTS as S } from '../../transfers/domain/transfer-rules.ts';
import { mobileTransition, recordActivity, registerOutflow } from './mobile-member.ts';

const code = (d: { ok: boolean; violation?: { code: string } } | { ok: true }) =>
  'violation' in d && d.violation ? d.violation.code : 'OK';

describe('mobile members', () => {
  const o = {
    memberOrgId: 10,
    openRegistration: false,
    inflowOrgId: 20,
    since: '2026-01-10',
    expectedMonths: 4,
    fixedPlace: true,
    today: '2026-02-01',
  };
  test('outflow rules', () => {
    expect(code(registerOutflow(o, S))).toBe('OK');
    expect(code(registerOutflow({ ...o, expectedMonths: 7 }, S))).toBe('MOBILE_SHOULD_TRANSFER');
    expect(code(registerOutflow({ ...o, expectedMonths: 7, fixedPlace: false }, S))).toBe('OK');
    expect(code(registerOutflow({ ...o, openRegistration: true }, S))).toBe('MOBILE_ALREADY_REGISTERED');
    expect(code(registerOutflow({ ...o, inflowOrgId: 10 }, S))).toBe('MOBILE_INFLOW_IS_HOME');
    expect(code(registerOutflow({ ...o, since: '2026-03-01' }, S))).toBe('TRANSFER_DATE_IN_FUTURE');
  });
  test('inflow confirms, home ends', () => {
    expect(code(mobileTransition('outflow', 'confirm_inflow', { home: false, inflow: true }))).toBe('OK');
    expect(code(mobileTransition('outflow', 'confirm_inflow', { home: true, inflow: false }))).toBe(
      'TRANSFER_NOT_RECEIVING_ORG',
    );
    expect(code(mobileTransition('inflow_confirmed', 'end', { home: true, inflow: false }))).toBe('OK');
    expect(code(mobileTransition('ended', 'end', { home: true, inflow: false }))).toBe(
      'TRANSFER_WRONG_STATE',
    );
  });
  test('activities on or after the outflow', () => {
    expect(code(recordActivity('2026-01-10', '2026-01-10', '2026-02-01'))).toBe('OK');
    expect(code(recordActivity('2026-01-09', '2026-01-10', '2026-02-01'))).toBe(
      'MOBILE_ACTIVITY_BEFORE_OUTFLOW',
    );
  });
});
