import { describe, expect, test } from 'vitest';
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
