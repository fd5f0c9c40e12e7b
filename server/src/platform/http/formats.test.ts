import { describe, expect, test } from 'vitest';
import { isCalendarDate, isInstant, isMonth, isMultilineText, isTextLine } from './formats.ts';
import { parseQueryString } from './validation.ts';

describe('calendar dates', () => {
  test.each(['2026-01-31', '2024-02-29', '2000-02-29', '1900-01-01', '2100-12-31'])('%s exists', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });
  test.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-1',
    '0000-01-01',
    '1899-12-31',
    '2101-01-01',
    '20260101',
    '2026-01-01T00:00:00Z',
    '',
  ])('%s is refused', (d) => {
    expect(isCalendarDate(d)).toBe(false);
  });
});

test('months', () => {
  expect(isMonth('2026-12')).toBe(true);
  expect(isMonth('2026-01')).toBe(true);
  for (const m of ['2026-13', '2026-00', '2026-1', '0000-01', '2026-12-01']) expect(isMonth(m)).toBe(false);
});

test('instants: a real date and time with a zone', () => {
  for (const s of ['2026-05-01T08:00:00+08:00', '2026-05-01T00:00:00Z', '2026-05-01T23:59:59.123Z'])
    expect(isInstant(s), s).toBe(true);
  for (const s of [
    '2026-02-30T08:00:00Z',
    '2026-05-01T24:00:00Z',
    '2026-05-01T08:60:00Z',
    '2026-05-01T08:00:60Z',
    '2026-05-01T08:00:00',
    '2026-05-01T08:00:00+25:00',
    '0000-01-01T00:00:00Z',
    '2026-05-01',
  ])
    expect(isInstant(s), s).toBe(false);
});

test('text: no control characters, no lone surrogates', () => {
  expect(isTextLine("路灯不亮 <script>alert(1)</script> ' or 1=1 --")).toBe(true);
  expect(isTextLine('emoji 🚧 ok')).toBe(true);
  for (const s of ['a\u0000b', 'a\tb', 'a\nb', 'a\u007fb', 'a\u0085b', 'a\ud800b', 'a\udc00', '\ud83d'])
    expect(isTextLine(s), JSON.stringify(s)).toBe(false);
  expect(isMultilineText('第一行\r\n第二行\t制表')).toBe(true);
  for (const s of ['a\u0000b', 'a\u001bb', 'a\u000bb', 'a\ud800'])
    expect(isMultilineText(s), JSON.stringify(s)).toBe(false);
});

test('query strings are decoded strictly', () => {
  expect({ ...parseQueryString('a=1&b=x&b=y&c=%E8%B7%AF+%E7%81%AF&d') }).toEqual({
    a: '1',
    b: ['x', 'y'],
    c: '路 灯',
    d: '',
  });
  for (const q of ['a=%FF', 'a=%E4%B8', 'a=%zz', '%C0%AF=1'])
    expect(Object.getOwnPropertySymbols(parseQueryString(q)), q).toHaveLength(1);
});
