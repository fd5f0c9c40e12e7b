// Cursor paging of server lists (issue 13). A list answers `nextCursor`, the place after its last row;
// the next page asks with it, and the server starts its index walk there, so every page costs what the
// first costs. The table keeps page numbers: page n + 1 is asked by the cursor page n answered; a page
// jumped to without one (a link, the last page of the pager) is asked by number. Only a page asked
// without a cursor carries the count (the first one, usually): it is kept for the pager.
import { useRef } from 'react';

export interface CursorAnswer {
  nextCursor?: string | null;
  total?: number;
  totalCapped?: boolean;
  /** The number of matches: exact, or the server's estimate past its count cap (countExact false). */
  count?: number;
  countExact?: boolean;
}

export interface Counted {
  count: number;
  exact: boolean;
}

export interface CursorPaging {
  /** How to ask for page n: by the cursor the page before it answered, else by its number. */
  ask(page: number): { cursor: string } | { page: number };
  /** Keeps what page n answered: the cursor of page n + 1 and the count. */
  seen(page: number, answer: CursorAnswer): void;
  /** The count of the list, once a page told it. */
  counted(): Counted | undefined;
}

/** Paging state of one list; `listKey` is everything but the page (filters, order, page size). */
export function useCursorPaging(listKey: string): CursorPaging {
  const state = useRef<{ key: string; cursors: Map<number, string>; counted?: Counted }>({
    key: listKey,
    cursors: new Map(),
  });
  if (state.current.key !== listKey) state.current = { key: listKey, cursors: new Map() };
  const s = state.current;
  return {
    ask(page) {
      const cursor = page > 1 ? s.cursors.get(page) : undefined;
      return cursor ? { cursor } : { page };
    },
    seen(page, answer) {
      if (answer.nextCursor) s.cursors.set(page + 1, answer.nextCursor);
      if (answer.count !== undefined) s.counted = { count: answer.count, exact: answer.countExact !== false };
      else if (answer.total !== undefined && !answer.totalCapped)
        s.counted = { count: answer.total, exact: true };
    },
    counted: () => s.counted,
  };
}
