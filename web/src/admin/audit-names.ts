// The names of audit actions and record types, as the audit administrator reads them (zh and en): the
// contract's tables (contract/audit-names.ts). The server's audit entry takes only actions and record
// types named there, so every action it writes has a name; a name the page does not know shows as written.
import * as contract from '../../../contract/audit-names.ts';

type Name = { zh: string; en: string };

export const AUDIT_ACTION_NAMES: Record<string, Name> = contract.AUDIT_ACTION_NAMES;
export const TARGET_TYPE_NAMES: Record<string, Name> = contract.TARGET_TYPE_NAMES;

/** The actions for the filter, grouped by their capability (`case.…`, `recruitment.…`) in table order. */
export const AUDIT_ACTIONS_GROUPED: string[] = (() => {
  const keys = Object.keys(AUDIT_ACTION_NAMES);
  const group = (k: string) => k.slice(0, k.indexOf('.'));
  const first = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!first.has(group(k))) first.set(group(k), i);
  });
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => (first.get(group(a.k)) ?? 0) - (first.get(group(b.k)) ?? 0) || a.i - b.i)
    .map((x) => x.k);
})();
