import { expect, test } from 'vitest';
import { caseNumber, isCaseNumber } from './case-no.ts';
import { summonsReportLimit } from './case-settings.ts';

test('case numbers carry the local date and a 6-digit sequence', () => {
  expect(caseNumber(new Date('2025-09-30T08:00:00Z'), 123)).toBe('JM20250930000123');
  // 23:30 on 09-30 UTC is already 10-01 in China.
  expect(caseNumber(new Date('2025-09-30T16:30:00Z'), 1)).toBe('JM20251001000001');
  expect(caseNumber(new Date('2025-09-30T08:00:00Z'), 12_345_678)).toBe('JM2025093012345678');
  expect(() => caseNumber(new Date(), 0)).toThrow(RangeError);
  expect(isCaseNumber('JM20250930000123')).toBe(true);
  expect(isCaseNumber('JM2025093000012')).toBe(false);
  expect(isCaseNumber("JM20250930000123' or 1=1")).toBe(false);
});

test('summons report limits by urgency', () => {
  expect(summonsReportLimit(false)).toEqual({ amount: 2, unit: 'working_hour' });
  expect(summonsReportLimit(true)).toEqual({ amount: 1, unit: 'urgent_hour' });
});
