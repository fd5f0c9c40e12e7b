// Keyset (cursor) paging: a page answers `nextCursor`, the position after its last row, and the next
// request passes it back. The query then starts its index walk at that position (`(key, id) > (…)`),
// so the hundredth page costs what the first costs, where OFFSET read and dropped every row before it.
// The cursor is opaque to clients (base64url JSON) and names the order it belongs to: a cursor of
// another order, or one that does not decode, is a 400 naming the parameter.
import { Type } from '@sinclair/typebox';
import { badRequest } from '../errors/errors.ts';

export const CursorParam = Type.String({
  minLength: 1,
  maxLength: 600,
  pattern: '^[A-Za-z0-9_-]+$',
  description: '上一页返回的 nextCursor / the nextCursor of the previous page',
});

export interface Keyset {
  /** The order the cursor belongs to (e.g. 'createdAt:desc'). */
  order: string;
  /** Which part of a split order (deadline order: 0 running steps, 1 the rest). */
  part: number;
  /** The sort key values of the last row, as the database prints them (null for a null key). */
  keys: (string | null)[];
  id: number;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.order, k.part, k.keys, k.id])).toString('base64url');
}

/**
 * The nextCursor of a one-part keyset page: the position of the last row shown when the query read one
 * row more than the page (a next page exists), null on the last page.
 */
export function nextCursor(
  read: number,
  pageSize: number,
  order: string,
  last: { key: string | null; id: number } | undefined,
): string | null {
  return read > pageSize && last ? encodeCursor({ order, part: 0, keys: [last.key], id: last.id }) : null;
}

const invalid = (reason: string) =>
  badRequest(
    'CURSOR_INVALID',
    `分页游标 cursor 无效（${reason}），请从第一页重新开始。`,
    `The paging cursor is invalid (${reason}): start again from the first page.`,
    { field: 'cursor' },
  );

/** What a sort key holds: each is checked, so a forged cursor never reaches the database as bad input. */
export type KeyKind = 'timestamp' | 'date' | 'text' | 'integer';
const KEY_FORMAT: Record<KeyKind, RegExp> = {
  timestamp: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  text: /^[\s\S]{0,200}$/u,
  integer: /^-?\d{1,10}$/,
};

function validKey(kind: KeyKind, k: string): boolean {
  if (!KEY_FORMAT[kind].test(k)) return false;
  if (kind === 'text' || kind === 'integer') return true;
  // a real date, and a real time of day
  const date = k.slice(0, 10);
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) return false;
  return (
    kind === 'date' ||
    (Number(k.slice(11, 13)) < 24 && Number(k.slice(14, 16)) < 60 && Number(k.slice(17, 19)) < 60)
  );
}

/** Decodes a cursor of `order` whose sort keys are of `kinds`, or throws 400 CURSOR_INVALID. */
export function decodeCursor(text: string, order: string, kinds: readonly KeyKind[]): Keyset {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor of this list');
  }
  if (!Array.isArray(value) || value.length !== 4) throw invalid('not a cursor of this list');
  const [o, part, keys, id] = value as unknown[];
  if (o !== order) throw invalid(`it belongs to the order ${String(o)}, not ${order}`);
  if (typeof part !== 'number' || !Number.isInteger(part) || part < 0 || part > 9) throw invalid('bad part');
  if (
    !Array.isArray(keys) ||
    keys.length !== kinds.length ||
    !keys.every((k, i) => k === null || (typeof k === 'string' && validKey(kinds[i] as KeyKind, k)))
  )
    throw invalid('bad keys');
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) throw invalid('bad id');
  return { order, part, keys: keys as (string | null)[], id };
}
