// The state a page keeps in its URL's query (filters, page, tab), read and written in one way: a link
// or a reload opens the same list, Back goes to the filter before. Every ad-hoc useSearchParams goes
// through here.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Value = string | number | null | undefined;

export interface UrlState {
  /** A parameter as text; missing or empty → undefined. */
  get(name: string): string | undefined;
  /** A parameter as a number; missing, empty or not a number → undefined. */
  number(name: string): number | undefined;
  /** Whether any of the parameters is set (a filter is on). */
  has(...names: string[]): boolean;
  /**
   * Sets parameters together (undefined, null or '' removes one). A change that does not name `page`
   * starts the list again at its first page. `replace` keeps the browser history at one entry.
   */
  set(patch: Record<string, Value>, options?: { replace?: boolean }): void;
}

export function useUrlState(): UrlState {
  const [params, setParams] = useSearchParams();
  return useMemo<UrlState>(
    () => ({
      get: (name) => params.get(name) || undefined,
      number: (name) => {
        const text = params.get(name);
        if (!text) return undefined;
        const value = Number(text);
        return Number.isFinite(value) ? value : undefined;
      },
      has: (...names) => names.some((name) => Boolean(params.get(name))),
      set: (patch, options) =>
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            for (const [name, value] of Object.entries(patch)) {
              if (value === undefined || value === null || value === '') next.delete(name);
              else next.set(name, String(value));
            }
            if (!('page' in patch)) next.delete('page');
            return next;
          },
          { replace: options?.replace ?? false },
        ),
    }),
    [params, setParams],
  );
}
