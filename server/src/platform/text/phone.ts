// Mainland mobile numbers: 11 digits starting with 1 (a leading +86 / 86 country code is accepted).

export type MobileError = 'empty' | 'format';
export type MobileResult = { ok: true; phone: string } | { ok: false; reason: MobileError };

export function validateMobile(input: string): MobileResult {
  const s = input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^1\d{10}$/.test(s)) return { ok: false, reason: 'format' };
  return { ok: true, phone: s };
}
