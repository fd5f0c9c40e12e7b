// Text that arrives in a file (an Excel import) meets the rules of text that arrives in a request
// (platform/http/formats.ts): clean Unicode — no NUL or other control character but tab and line breaks,
// no lone surrogate — and bounded. Every importer checks each cell of a row here before its own rules,
// and reports a bad cell as a problem of that row, like any other.
import { isMultilineText } from '../http/formats.ts';

/** The longest text a cell of an imported sheet may hold (a note, a name, a number as text). */
export const MAX_CELL_LENGTH = 1000;

export interface CellProblem<K extends string = string> {
  row: number;
  field: K;
  code: 'CELL_TEXT_INVALID' | 'CELL_TOO_LONG';
  message_zh: string;
  message_en: string;
}

/** The problems of a row's cells (`header` names a field for the message). */
export function cellProblems<K extends string>(
  raw: Record<K, string>,
  row: number,
  header: (field: K) => string,
): CellProblem<K>[] {
  const out: CellProblem<K>[] = [];
  for (const [field, value] of Object.entries(raw) as [K, string][]) {
    if (value.length > MAX_CELL_LENGTH)
      out.push({
        row,
        field,
        code: 'CELL_TOO_LONG',
        message_zh: `第 ${row} 行「${header(field)}」：超过 ${MAX_CELL_LENGTH} 个字符。`,
        message_en: `Row ${row}, ${field}: longer than ${MAX_CELL_LENGTH} characters.`,
      });
    else if (!isMultilineText(value))
      out.push({
        row,
        field,
        code: 'CELL_TEXT_INVALID',
        message_zh: `第 ${row} 行「${header(field)}」：含有控制字符或无效字符。`,
        message_en: `Row ${row}, ${field}: holds a control character or invalid text.`,
      });
  }
  return out;
}
