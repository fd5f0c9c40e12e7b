// The 双报到 rules of the community pages, with exact values.
import { describe, expect, test } from 'vitest';
import { makeIdNumber } from '../platform/text/id-number.ts';
import { assessmentOpen, checkedIdNumber, checkServiceYear } from './community-rules.ts';

describe('the annual assessment opens on 1 December of its year', () => {
  test.each([
    [2026, '2026-11-30', false],
    [2026, '2026-12-01', true],
    [2025, '2026-03-05', true],
    [2027, '2026-12-31', false],
  ])('year %i on %s: %s', (year, today, open) => {
    expect(assessmentOpen(year, today)).toBe(open);
  });
});

describe('ID numbers', () => {
  const valid = makeIdNumber('440704', '1988-07-15', 123);
  test('normalized: trimmed, upper-case X', () => {
    const x = makeIdNumber('440704', '1990-01-01', 7);
    expect(checkedIdNumber(` ${valid} `)).toBe(valid);
    if (x.endsWith('X')) expect(checkedIdNumber(x.toLowerCase())).toBe(x);
  });
  test.each([
    ['4407041988071512', 'length'],
    [`${valid.slice(0, 17)}${valid.endsWith('1') ? '2' : '1'}`, 'checksum'],
    ['440704198813151234', 'birth_date'],
  ])('%s is refused (%s)', (input, reason) => {
    expect(() => checkedIdNumber(input)).toThrow(
      expect.objectContaining({
        code: 'COMMUNITY_ID_NUMBER_INVALID',
        status: 400,
        details: expect.objectContaining({ reason }),
      }),
    );
  });
});

test('a service counts in its report’s year', () => {
  expect(() => checkServiceYear('2026-12-31', 2026)).not.toThrow();
  expect(() => checkServiceYear('2027-01-01', 2026)).toThrow(
    expect.objectContaining({ code: 'COMMUNITY_SERVICE_OTHER_YEAR', status: 422 }),
  );
});
