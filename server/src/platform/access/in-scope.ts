// The last line of the access layer: the read paths that answer scoped rows (an org's, a member's
// page, the org and member lists, a case's page) pass them through `inScopeOrThrow` with the place
// each row carries — the materialized path of its org, or a case's place columns. A row outside the
// caller's scope means a query forgot its filter (or used a handle that was not scoped): the request
// answers 403 SCOPE_BREACH instead of the row, and the breach is audited. The scoped starts make
// this never fire; in-scope.db.test.ts proves it does when a query forgets.

import type { Kysely, Transaction } from 'kysely';
import type { AuditTargetType } from '../../../../contract/audit-names.ts';
import { type AuditEntry, appendAudit, recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { forbidden } from '../errors/errors.ts';
import type { Actor } from './actor.ts';
import type { CaseAccess } from './case-scope.ts';

/** Where a row lies: its org's path (or several, any of which places it: a transfer's two ends). */
export type Place = string | readonly (string | null | undefined)[] | null | undefined;

/** Whether an org path lies inside the actor's subtree. */
export function pathInScope(actor: Pick<Actor, 'scopePath'>, path: string | null | undefined): boolean {
  return typeof path === 'string' && path.startsWith(actor.scopePath);
}

/** The rows whose place lies outside the actor's subtree (pure: the check without its effects). */
export function rowsOutsideScope<R>(
  actor: Pick<Actor, 'scopePath'>,
  rows: readonly R[],
  placeOf: (row: R) => Place,
) {
  return rows.filter((row) => {
    const place = placeOf(row);
    const paths = typeof place === 'string' || place == null ? [place] : place;
    return !paths.some((p) => pathInScope(actor, p));
  });
}

/** The place columns of a case (civic_case), and who reported it. */
export interface CasePlace {
  county_code: string | null;
  town_org_id: number | null;
  village_org_id: number | null;
  grid_id: number | null;
  department_id?: number | null;
  reporter_account_id?: number | null;
}

/**
 * Whether a case lies inside what `scoped.caseAccess` gave (the same rule, on one row). Cases reached
 * through a summons (吹哨报到) are not visible on the row: the caller passes `summoned` when it knows.
 */
export function caseInAccess(access: CaseAccess, c: CasePlace, summoned = false): boolean {
  if (access.reportedBy !== null && c.reporter_account_id === access.reportedBy) return true;
  if (access.summonedDepartment !== null && summoned) return true;
  const s = access.scope;
  switch (s.kind) {
    case 'all':
      return true;
    case 'county':
      return c.county_code === s.countyCode;
    case 'town':
      return c.town_org_id === s.orgId;
    case 'village':
      return c.village_org_id === s.orgId;
    case 'grid':
      return c.grid_id === s.gridId;
    case 'grids':
      return c.grid_id !== null && s.gridIds.includes(c.grid_id);
    case 'department':
      return s.departmentId !== null && c.department_id === s.departmentId;
    case 'reporter':
      return c.reporter_account_id === s.accountId;
  }
}

/** The answer to a row outside the scope: no data, and nothing that tells what was there. */
export const scopeBreach = (kind: string) =>
  forbidden(
    'SCOPE_BREACH',
    '查询结果超出您的管辖范围，已拒绝并记录。请联系系统管理员。',
    'The answer held a record outside your scope: it was refused and recorded. Please tell the administrator.',
    { kind },
  );

/**
 * Passes `rows` through when every one lies inside the actor's scope (by `placeOf`); otherwise audits
 * `access.scope_breach` (the kind, the ids and the count; never the rows) and throws 403 SCOPE_BREACH.
 * Outside a transaction the audit record is committed on its own; inside one it is appended to it
 * (and rolled back with it when the caller lets the error escape).
 */
export async function inScopeOrThrow<R extends { id?: unknown }>(
  db: Kysely<DB>,
  actor: Actor,
  kind: AuditTargetType,
  rows: readonly R[],
  placeOf: (row: R) => Place,
): Promise<readonly R[]> {
  const outside = rowsOutsideScope(actor, rows, placeOf);
  if (outside.length > 0) await breach(db, actor, kind, outside);
  return rows;
}

/** As inScopeOrThrow, for cases: each row against the caller's case access (caseInAccess). */
export async function casesInAccessOrThrow<R extends CasePlace & { id?: unknown }>(
  db: Kysely<DB>,
  actor: Actor,
  access: CaseAccess,
  rows: readonly R[],
  summoned: (row: R) => boolean = () => false,
): Promise<readonly R[]> {
  const outside = rows.filter((r) => !caseInAccess(access, r, summoned(r)));
  if (outside.length > 0) await breach(db, actor, 'case', outside);
  return rows;
}

async function breach(
  db: Kysely<DB>,
  actor: Actor,
  kind: AuditTargetType,
  outside: readonly { id?: unknown }[],
) {
  const ids = outside
    .slice(0, 20)
    .map((r) => (typeof r.id === 'number' || typeof r.id === 'string' ? r.id : null));
  const entry: AuditEntry = {
    actorId: actor.accountId,
    actorUsername: actor.username,
    role: actor.role,
    scopeOrgId: actor.scopeOrgId,
    action: 'access.scope_breach',
    targetType: kind,
    targetId: String(ids[0] ?? ''),
    after: { kind, count: outside.length, ids },
    clientIp: actor.clientIp,
  };
  if (db.isTransaction) await appendAudit(db as Transaction<DB>, entry);
  else await recordAudit(db, entry);
  throw scopeBreach(kind);
}
