// The string formats of the shared schema types (schemas.ts), checked by Ajv (validation.ts). Pure
// functions: a value either is what the format says or the request is refused with 400.

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD of a day that exists, years 1900–2100. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= YEAR_MIN && y <= YEAR_MAX && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** YYYY-MM, month 01–12, years 1900–2100. */
export function isMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return y >= YEAR_MIN && y <= YEAR_MAX && mo >= 1 && mo <= 12;
}

/**
 * RFC 3339 date-time with a zone (Z or ±hh:mm), a real date and time (no leap second: PostgreSQL
 * and JavaScript both refuse :60), years 1900–2100.
 */
export function isInstant(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m || !isCalendarDate(m[1] as string)) return false;
  const [h, mi, sec] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || mi > 59 || sec > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return Number.isFinite(Date.parse(s.replace(' ', 'T')));
}

/**
 * Whether `s` is clean text: no C0 control (except tab, CR and LF when `lines`), no DEL or C1 control,
 * and no lone UTF-16 surrogate (what JSON's "\ud800" gives: not Unicode; PostgreSQL would refuse it
 * or a driver would store U+FFFD).
 */
function isCleanText(s: string, lines: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (!lines || (c !== 0x09 && c !== 0x0a && c !== 0x0d)) return false;
    } else if (c >= 0x7f && c <= 0x9f) {
      return false;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** One line of text: no control characters (tab included), no lone surrogates. */
export function isTextLine(s: string): boolean {
  return isCleanText(s, false);
}

/** Text of several lines: tab, CR and LF allowed; no other control characters, no lone surrogates. */
export function isMultilineText(s: string): boolean {
  return isCleanText(s, true);
}

/** The formats Ajv knows (the names are OpenAPI's where one exists). */
export const FORMATS = {
  date: isCalendarDate,
  month: isMonth,
  'date-time': isInstant,
  'text-line': isTextLine,
  text: isMultilineText,
} as const;

/** How a refused format is explained to the caller. */
export const FORMAT_MESSAGES: Record<string, { zh: string; en: string }> = {
  date: { zh: '应为存在的日期 YYYY-MM-DD（1900–2100 年）', en: 'must be a real date YYYY-MM-DD (1900–2100)' },
  month: { zh: '应为月份 YYYY-MM（01–12 月）', en: 'must be a month YYYY-MM (01–12)' },
  'date-time': {
    zh: '应为带时区的时间，如 2026-05-01T08:00:00+08:00',
    en: 'must be a date-time with a zone, e.g. 2026-05-01T08:00:00+08:00',
  },
  'text-line': {
    zh: '含有不允许的控制字符或无效字符',
    en: 'contains control characters or invalid characters',
  },
  text: {
    zh: '含有不允许的控制字符或无效字符（只允许制表符和换行）',
    en: 'contains control characters or invalid characters (only tab and line breaks are allowed)',
  },
};
