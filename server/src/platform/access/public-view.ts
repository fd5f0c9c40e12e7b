// THE rule of what the public sees of cases, used by every public path (Open311 reads, public
// tracking, the receipt of the public report page):
//  - no 110 (police) or 信访 (petition) case, ever: only the public channels;
//  - no personal data: never the reporter's name, phone or account; free texts scrubbed of phone and
//    ID numbers, e-mail addresses and the reporter's name;
//  - no internal notes: a step is its action and time; a status note is the action's name and, for a
//    rejection, the public reason — never what staff typed;
//  - following one case needs its number AND its tracking code, given to the reporter at intake.
//    A wrong code, an unknown number and a non-public case answer the same 404.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ACTION_NAMES } from '../../cases/domain/case-names.ts';
import type { CaseChannel } from '../../cases/domain/case-tables.ts';
import { decryptPii, encryptPii } from '../crypto/crypto.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors/errors.ts';
import { maskEmail, maskIdNumber, maskName, maskPhone } from '../masking/masking.ts';

/** Channels whose cases the public may see: police (110) and petition (信访) cases are never public. */
export const PUBLIC_CHANNELS: readonly CaseChannel[] = [
  'grid_worker',
  'resident',
  'hotline_12345',
  'external',
];

export function isPublicChannel(channel: CaseChannel): boolean {
  return PUBLIC_CHANNELS.includes(channel);
}

/** Cases the public may see (alias `civic_case`). Select public columns only: see publicCaseColumns. */
export function publicCases(db: Kysely<DB>) {
  return db.selectFrom('civic_case').where('civic_case.channel', 'in', PUBLIC_CHANNELS);
}

/** The steps the public sees of some public cases: the action and its time; no notes, no actor, no supervision. */
export function publicSteps(db: Kysely<DB>, caseIds: readonly number[]) {
  return db
    .selectFrom('case_step')
    .select(['case_step.case_id', 'case_step.action', 'case_step.at'])
    .where('case_step.case_id', 'in', caseIds.length > 0 ? [...caseIds] : [-1])
    .where('case_step.action', '!=', 'supervise');
}

const REJECT_REASONS: Record<string, { zh: string; en: string }> = {
  invalid: { zh: '无效信息', en: 'invalid report' },
  duplicate: { zh: '重复案件', en: 'duplicate' },
  not_our_responsibility: { zh: '不属于本平台受理范围', en: 'not our responsibility' },
};

/** The public name of a step: 上报 / received for the report, else the action's name. */
export function publicActionName(action: string): { zh: string; en: string } {
  if (action === 'report') return { zh: '已受理', en: 'received' };
  return ACTION_NAMES[action as keyof typeof ACTION_NAMES] ?? { zh: action, en: action };
}

/** A status note for the public: the action's name and a rejection's public reason; never staff's text. */
export function publicStatusNote(action: string, rejectionReason: string | null): string {
  const name = publicActionName(action);
  const reason = action === 'reject' && rejectionReason ? REJECT_REASONS[rejectionReason] : undefined;
  return `${name.zh}${reason ? `（${reason.zh}）` : ''} / ${name.en}${reason ? ` (${reason.en})` : ''}`;
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * A free text as the public may see it: mobile and landline numbers, ID numbers and e-mail addresses
 * masked, and the given names (the reporter's).
 */
export function publicText(text: string, names: readonly (string | null | undefined)[] = []): string {
  let out = text
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(LANDLINE, (m) => maskPhone(m))
    .replace(EMAIL, (m) => maskEmail(m));
  for (const name of names) {
    const n = name?.trim();
    if (n && Array.from(n).length >= 2) out = out.split(n).join(maskName(n));
  }
  return out;
}

// --- tracking codes -------------------------------------------------------------------------------

/** Upper-case letters and digits without the look-alikes (0/O, 1/I/L): easy to read from an SMS. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 8;

/** A new tracking code: 8 characters of 31 (~40 bits), from the system's CSPRNG. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a resident typed: case and spaces or hyphens do not matter. */
export function normalizeTrackingCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** The stored form of a new code, for the intake's INSERT. */
export const sealTrackingCode = (code: string): string => encryptPii(code);
export const openTrackingCode = (stored: string): string => decryptPii(stored);

const notTracked = (caseNo: string) =>
  notFound(
    'CASE_NOT_FOUND',
    `没有编号为 ${caseNo} 且查询码相符的案件，请核对案件编号和查询码（见受理回执或短信）。`,
    `No case numbered ${caseNo} with that tracking code: check both (on the receipt or in the SMS).`,
    { caseNo },
  );

/**
 * The public case `caseNo` when `code` is its tracking code; the same 404 otherwise (unknown number,
 * wrong code, a case without a code, a 110 or 信访 case), so the answer tells nothing about numbers.
 */
export async function verifyTracking(db: Kysely<DB>, caseNo: string, code: string) {
  const c = await publicCases(db)
    .leftJoin('case_category', 'case_category.code', 'civic_case.category_code')
    .select([
      'civic_case.id',
      'civic_case.case_no',
      'civic_case.state',
      'case_category.name_zh as category',
      'civic_case.created_at',
      'civic_case.closed_at',
      'civic_case.tracking_code_enc',
    ])
    .where('civic_case.case_no', '=', caseNo)
    .executeTakeFirst();
  const given = Buffer.from(normalizeTrackingCode(code));
  let stored: Buffer = Buffer.alloc(given.length, 0);
  let known = false;
  if (c?.tracking_code_enc) {
    try {
      stored = Buffer.from(openTrackingCode(c.tracking_code_enc));
      known = true;
    } catch {
      known = false;
    }
  }
  const same = stored.length === given.length && timingSafeEqual(stored, given);
  if (!c || !known || !same) throw notTracked(caseNo);
  return c;
}
