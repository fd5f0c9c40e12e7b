// The rules of one member record (shared by the import and the single-member add and edit).
import { describe, expect, test } from 'vitest';
import { makeIdNumber } from '../platform/text/id-number.ts';
import { checkMember, educationCode, type MemberColumn } from './member-check.ts';

const TODAY = '2026-03-01';
const ID = makeIdNumber('440704', '1990-05-06', 123);
const raw = (extra: Partial<Record<MemberColumn, string>> = {}): Record<MemberColumn, string> => ({
  name: '陈明',
  idNumber: ID,
  ethnicity: '汉族',
  phone: '+86 139-0000-1111',
  education: '大学本科',
  occupation: 'in_service',
  status: 'full',
  joinedOn: '2015/7/1',
  convertedOn: '2016-07-01',
  orgCode: '',
  ...extra,
});

describe('checkMember', () => {
  test('a good record: the template words or the codes, dates and phone normalized', () => {
    const checked = checkMember(raw(), TODAY);
    expect(checked).toEqual({
      ok: true,
      member: {
        name: '陈明',
        idNumber: ID,
        gender: 'male',
        birthDate: '1990-05-06',
        ethnicity: '汉族',
        phone: '13900001111',
        education: 'bachelor',
        occupation: 'in_service',
        status: 'full',
        joinedOn: '2015-07-01',
        convertedOn: '2016-07-01',
        orgCode: null,
      },
    });
  });

  test('each problem with its field and code', () => {
    const checked = checkMember(
      raw({ joinedOn: '2008-01-01', convertedOn: '2008-06-01', phone: '2345', occupation: 'constructor' }),
      TODAY,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => [p.field, p.code])).toEqual([
      ['phone', 'BAD_PHONE'],
      ['occupation', 'NOT_ALLOWED'],
      ['joinedOn', 'UNDER_18'],
      ['convertedOn', 'PROBATION_TOO_SHORT'],
    ]);
    expect(checked.problems[0]?.message_zh).toBe('「手机号码」：不是有效的手机号码。');
    expect(checked.problems[0]?.message_en).toBe('phone: not a valid mobile number.');
  });

  test('codes are looked up as own keys only', () => {
    expect(educationCode('研究生')).toBe('postgraduate');
    expect(educationCode('postgraduate')).toBe('postgraduate');
    expect(educationCode('toString')).toBeUndefined();
  });
});
