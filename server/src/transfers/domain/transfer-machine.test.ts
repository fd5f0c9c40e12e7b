import { describe, expect, test } from 'vitest';
import {
  annualAssessment,
  mobileTransition,
  recordActivity,
  recordService,
  registerOutflow,
  reportToCommunity,
} from './mobile-community.ts';
import {
  type IssueInput,
  issue,
  receiptOverdue,
  type TransferFacts,
  transferScope,
  transition,
  view,
} from './transfer-machine.ts';
import { TRANSFER_SETTINGS_DEFAULTS as S } from './transfer-rules.ts';

const code = (d: { ok: boolean; violation?: { code: string } } | { ok: true }) =>
  'violation' in d && d.violation ? d.violation.code : 'OK';

const base: IssueInput = {
  member: { orgId: 10, transferInProgress: null, mobileOpen: false },
  from: { id: 10, code: '440704001015001', divisionCode: '440704001015' },
  to: { id: 20, name: '某村第一党支部', kind: 'branch', divisionCode: '440705002003' },
  issuedOn: '2026-01-31',
  today: '2026-02-01',
  seq: 7,
};

describe('scope from division codes', () => {
  test('same city, same province, elsewhere', () => {
    expect(transferScope('440704001015', '440785100200')).toBe('city');
    expect(transferScope('440704', '440106')).toBe('province');
    expect(transferScope('4407', '110105')).toBe('national');
  });
});

describe('issuing a letter', () => {
  test('number and validity: 3 months within the city (the same date, clamped)', () => {
    const d = issue(base, S);
    expect(d).toEqual({
      ok: true,
      effects: { scope: 'city', letterNo: '440704001015001-2026-0007', validUntil: '2026-04-30' },
    });
  });
  test('6 months across provinces', () => {
    const d = issue({ ...base, to: { ...base.to, divisionCode: '110105001001' } }, S);
    expect(d.ok && d.effects).toMatchObject({ scope: 'national', validUntil: '2026-07-31' });
  });
  test('configurable validity', () => {
    const d = issue(base, { ...S, letterValidityMonths: 1 });
    expect(d.ok && d.effects.validUntil).toBe('2026-02-28');
  });
  test.each([
    [{ member: { ...base.member, transferInProgress: 'X-1' } }, 'TRANSFER_IN_PROGRESS'],
    [{ member: { ...base.member, mobileOpen: true } }, 'TRANSFER_MEMBER_IS_MOBILE'],
    [{ to: { ...base.to, id: 10 } }, 'TRANSFER_SAME_ORG'],
    [{ to: { ...base.to, kind: 'committee' } }, 'TRANSFER_RECEIVING_NOT_BRANCH'],
    [{ to: { ...base.to, kind: 'general_branch' } }, 'TRANSFER_RECEIVING_NOT_BRANCH'],
    [{ issuedOn: '2026-02-02' }, 'TRANSFER_DATE_IN_FUTURE'],
    [{ issuedOn: '2026-02-30' }, 'TRANSFER_DATE_INVALID'],
  ] as [Partial<IssueInput>, string][])('refusal %#: %s', (patch, expected) => {
    const d = issue({ ...base, ...patch }, S);
    expect(code(d)).toBe(expected);
    if (!d.ok) {
      expect(d.violation.zh.length).toBeGreaterThan(5);
      expect(d.violation.en.length).toBeGreaterThan(5);
    }
  });
});

describe('transitions', () => {
  const t: TransferFacts = {
    state: 'issued',
    letterNo: 'L-1',
    validUntil: '2026-04-30',
    fromOrgId: 10,
    toOrgId: 20,
    memberOrgId: 10,
  };
  const receiving = { sending: false, receiving: true };
  const sending = { sending: true, receiving: false };

  test('confirm moves the member; on the last valid day still allowed', () => {
    expect(transition(t, 'confirm', receiving, '2026-04-30', undefined)).toEqual({
      ok: true,
      effects: { state: 'received', moveMember: true },
    });
  });
  test('the day after validity: expired, confirm refused, withdraw allowed', () => {
    expect(view(t, '2026-05-01')).toBe('expired');
    const d = transition(t, 'confirm', receiving, '2026-05-01', undefined);
    expect(code(d)).toBe('TRANSFER_LETTER_EXPIRED');
    expect(!d.ok && d.violation.zh).toContain('2026-04-30');
    expect(code(transition(t, 'withdraw', sending, '2026-05-01', undefined))).toBe('OK');
  });
  test('only the receiving org confirms, refuses and returns the receipt; only the sender withdraws', () => {
    expect(code(transition(t, 'confirm', sending, '2026-03-01', undefined))).toBe(
      'TRANSFER_NOT_RECEIVING_ORG',
    );
    expect(code(transition(t, 'refuse', sending, '2026-03-01', 'x'))).toBe('TRANSFER_NOT_RECEIVING_ORG');
    expect(code(transition(t, 'withdraw', receiving, '2026-03-01', undefined))).toBe(
      'TRANSFER_NOT_SENDING_ORG',
    );
  });
  test('refusal needs a reason', () => {
    expect(code(transition(t, 'refuse', receiving, '2026-03-01', ' '))).toBe('TRANSFER_REASON_REQUIRED');
    expect(code(transition(t, 'refuse', receiving, '2026-03-01', '档案不全'))).toBe('OK');
  });
  test('receipt only after receipt; nothing after the end', () => {
    expect(code(transition(t, 'return_receipt', receiving, '2026-03-01', undefined))).toBe(
      'TRANSFER_WRONG_STATE',
    );
    const received = { ...t, state: 'received' as const, memberOrgId: 20 };
    expect(code(transition(received, 'return_receipt', receiving, '2026-03-01', undefined))).toBe('OK');
    expect(code(transition(received, 'confirm', receiving, '2026-03-01', undefined))).toBe(
      'TRANSFER_WRONG_STATE',
    );
    expect(code(transition({ ...t, state: 'withdrawn' }, 'withdraw', sending, '2026-03-01', undefined))).toBe(
      'TRANSFER_WRONG_STATE',
    );
  });
  test('member moved elsewhere meanwhile', () => {
    expect(code(transition({ ...t, memberOrgId: 99 }, 'confirm', receiving, '2026-03-01', undefined))).toBe(
      'TRANSFER_MEMBER_MOVED',
    );
  });
  test('receipt overdue after the configured days', () => {
    expect(receiptOverdue('received', '2026-03-01', '2026-03-31', S)).toBe(false);
    expect(receiptOverdue('received', '2026-03-01', '2026-04-01', S)).toBe(true);
    expect(receiptOverdue('receipt_returned', '2026-03-01', '2026-06-01', S)).toBe(false);
  });
});

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
