// The last line of defence behind the schemas: a value PostgreSQL refuses (SQLSTATE class 22, "data
// exception": a NUL byte, a number out of a column's range, an invalid date …; 54000, a value too large
// for an index) or a constraint a request broke (class 23) is the caller's input, answered 4xx in the
// error shape, never 500. The write's transaction was rolled back, so nothing changed. Each is logged:
// the route's schema or service should have refused the value first.
import type { ErrorBody } from '../errors/errors.ts';

export interface InputRefusal {
  status: number;
  body: ErrorBody;
}

function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

export function databaseInputError(error: unknown): InputRefusal | null {
  const state = sqlState(error);
  if (!state) return null;
  if (state.startsWith('22') || state === '54000') {
    return {
      status: 400,
      body: {
        code: 'INVALID_VALUE',
        message_zh: '请求中的某个值无法保存（超出范围、格式不正确或含有无效字符）。',
        message_en:
          'A value in the request cannot be stored (out of range, malformed or with invalid characters).',
        details: { sqlState: state },
      },
    };
  }
  if (state === '23505') {
    return {
      status: 409,
      body: {
        code: 'ALREADY_EXISTS',
        message_zh: '记录已存在，或刚被另一个请求创建。',
        message_en: 'The record already exists, or another request just created it.',
        details: { sqlState: state },
      },
    };
  }
  if (state.startsWith('23')) {
    return {
      status: 422,
      body: {
        code: 'CONSTRAINT_VIOLATED',
        message_zh: '请求引用了不存在或不允许的记录，未做任何修改。',
        message_en:
          'The request refers to a record that does not exist or is not allowed; nothing was changed.',
        details: { sqlState: state },
      },
    };
  }
  return null;
}
