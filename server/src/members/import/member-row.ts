// One row of the member import template and its validation: the rules of one member
// (../member-check.ts), each problem named by its row.
import { type CheckedMember, checkMember, type MemberColumn, type MemberProblem } from '../member-check.ts';

export { EDUCATIONS, MEMBER_COLUMNS, type MemberColumn, OCCUPATIONS } from '../member-check.ts';
export type MemberRow = CheckedMember;

export interface RowProblem extends MemberProblem {
  row: number;
}

/** Cell text: Excel dates come as Date objects, numbers as numbers. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && value && 'text' in value)
    return String((value as { text: unknown }).text).trim();
  if (typeof value === 'object' && value && 'result' in value)
    return cellText((value as { result: unknown }).result);
  return String(value).trim();
}

export function validateMemberRow(
  raw: Record<MemberColumn, string>,
  row: number,
  today: string,
): { ok: true; member: MemberRow } | { ok: false; problems: RowProblem[] } {
  const checked = checkMember(raw, today);
  if (checked.ok) return checked;
  return {
    ok: false,
    problems: checked.problems.map((p) => ({
      row,
      field: p.field,
      code: p.code,
      message_zh: `第 ${row} 行${p.message_zh}`,
      message_en: `Row ${row}, ${p.message_en}`,
    })),
  };
}
