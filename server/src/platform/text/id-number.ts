// 公民身份号码 (GB 11643-1999): 6-digit division code, 8-digit birth date, 3-digit sequence (odd = male),
// 1 check character from ISO 7064 MOD 11-2: weights 2^(17−i) mod 11, check = "10X98765432"[sum mod 11].

export type IdNumberError = 'length' | 'format' | 'birth_date' | 'checksum';

export type IdNumberResult =
  | { ok: true; birthDate: string; gender: 'male' | 'female'; divisionCode: string }
  | { ok: false; reason: IdNumberError };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. Throws on anything but 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idNumberCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** True when 'YYYY-MM-DD' (or 'YYYYMMDD') names a real calendar day. */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

export function validateIdNumber(input: string): IdNumberResult {
  const s = input.trim().toUpperCase();
  if (s.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, reason: 'format' };
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const year = Number(s.slice(6, 10));
  if (!isRealDate(birth) || year < 1800) return { ok: false, reason: 'birth_date' };
  if (idNumberCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, reason: 'checksum' };
  return {
    ok: true,
    birthDate: birth,
    gender: Number(s[16]) % 2 === 1 ? 'male' : 'female',
    divisionCode: s.slice(0, 6),
  };
}

/**
 * A checksum-valid ID number for synthetic people. `seq3` is the 3-digit sequence (its parity gives
 * the gender: odd male, even female). Throws on malformed parts.
 */
export function makeIdNumber(divisionCode6: string, birthDate: string, seq3: number | string): string {
  if (!/^\d{6}$/.test(divisionCode6)) throw new Error('makeIdNumber: division code must be 6 digits');
  if (!isRealDate(birthDate)) throw new Error(`makeIdNumber: not a real date: ${birthDate}`);
  const seq = typeof seq3 === 'number' ? String(seq3).padStart(3, '0') : seq3;
  if (!/^\d{3}$/.test(seq)) throw new Error('makeIdNumber: sequence must be 0–999');
  const first17 = `${divisionCode6}${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}
