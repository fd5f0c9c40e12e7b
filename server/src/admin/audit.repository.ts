// SQL of the audit page (审计日志): the records that match the audit administrator's filter, newest first.
// The trail is system-wide (no scope): the service checks the audit:read permission first.
import { sql } from 'kysely';
import type { Db } from '../platform/db/handle.ts';
import { escapeLike } from '../platform/db/like.ts';

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
}

function filtered(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to)
    q = q.where('at', '<', new Date(new Date(f.to).getTime() + (f.to.length === 10 ? 86_400_000 : 0)));
  if (f.actor) q = q.where('actor_username', '=', f.actor);
  if (f.action) q = q.where('action', 'like', `${escapeLike(f.action)}%`);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  return q;
}

/** The first `limit` records of the filter (after `offset` when given), newest first. */
export function auditRows(db: Db, f: AuditFilter, limit: number, offset?: number) {
  const q = filtered(db, f).selectAll().orderBy('id', 'desc').limit(limit);
  return (offset === undefined ? q : q.offset(offset)).execute();
}

export type AuditRow = Awaited<ReturnType<typeof auditRows>>[number];

/** A page of the filter's records and how many match. */
export async function auditPage(db: Db, f: AuditFilter, page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    auditRows(db, f, pageSize, (page - 1) * pageSize),
    filtered(db, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
