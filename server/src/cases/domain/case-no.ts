// Case numbers: 'JM' + the local date (China Standard Time) + a sequence number of at least 6 digits,
// e.g. 'JM20250930000123'. The sequence is civic_case_no_seq (one per database, never reused).
const CST_OFFSET_MS = 8 * 3_600_000;
const CASE_NO_RE = /^JM(\d{8})(\d{6,})$/;

export function caseNumber(at: Date, seq: number, prefix = 'JM'): string {
  if (!Number.isInteger(seq) || seq < 1)
    throw new RangeError('the sequence number must be a positive integer');
  const day = new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  return `${prefix}${day}${String(seq).padStart(6, '0')}`;
}

export function isCaseNumber(text: string): boolean {
  return CASE_NO_RE.test(text);
}
