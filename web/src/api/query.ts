// Server state goes through TanStack Query: one QueryClient for the app (web/src/shell/root.tsx), the
// query keys in one place (query-keys.ts), writes that invalidate what they change. A query's error
// is the client's ApiError, so pages still show the server's {code, message_zh, message_en} in the
// user's language (shell/feedback.ts).
import { keepPreviousData, QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // as the hand-written hook did: an error shows at once, a page's next answer replaces the last
      // one without a blank in between, and a page asks again when it opens (never on a window focus)
      retry: false,
      refetchOnWindowFocus: false,
      placeholderData: keepPreviousData,
      // every answer is a new object, as it was: pages that copy an answer into a form or a draft
      // (useEffect on `data`) copy it again after a reload even when nothing changed
      structuralSharing: false,
      // a request goes out even when the browser says it is offline, and fails as it did (the patrol
      // page keeps its own outbox of steps; a query is not held back until the network returns)
      networkMode: 'always',
    },
    mutations: { retry: false, networkMode: 'always' },
  },
});

/** Marks the queries under each key stale and asks again those on screen. */
export function useInvalidate(): (...keys: QueryKey[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (...keys: QueryKey[]) => {
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    [client],
  );
}
