import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import { loadExcel } from '../platform/files/excel.ts';
import { actorNames, auditTargetNames } from './audit-names.repository.ts';

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
}

/** The audit trail is system-wide; only the audit administrator reads it (三员分立). */
function filtered(db: Kysely<DB>, actor: Actor, f: AuditFilter) {
  requirePermission(actor, 'audit:read');
  let q = db.selectFrom('audit_log');
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to)
    q = q.where('at', '<', new Date(new Date(f.to).getTime() + (f.to.length === 10 ? 86_400_000 : 0)));
  if (f.actor) q = q.where('actor_username', '=', f.actor);
  if (f.action) q = q.where('action', 'like', `${escapeLike(f.action)}%`);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  return q;
}

export async function listAudit(
  db: Kysely<DB>,
  actor: Actor,
  f: AuditFilter,
  page: number,
  pageSize: number,
) {
  const [rows, total] = await Promise.all([
    filtered(db, actor, f)
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, actor, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await named(db, rows.map(toItem)), total: total.n, page, pageSize };
}

/** Adds who acted and what was touched by name (audit-names.repository.ts): ids stay beside them. */
async function named(db: Kysely<DB>, items: ReturnType<typeof toItem>[]) {
  const [targets, actors] = await Promise.all([
    auditTargetNames(db, items),
    actorNames(
      db,
      items.flatMap((i) => (i.actorId === null ? [] : [i.actorId])),
    ),
  ]);
  return items.map((i) => ({
    ...i,
    actorName: i.actorId === null ? null : (actors.get(i.actorId) ?? null),
    targetName: targets.get(`${i.targetType}:${i.targetId}`) ?? null,
  }));
}

type Row = Awaited<ReturnType<typeof listRows>>[number];
function listRows(db: Kysely<DB>, actor: Actor, f: AuditFilter, limit: number) {
  return filtered(db, actor, f).selectAll().orderBy('id', 'desc').limit(limit).execute();
}

function toItem(r: Row) {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    role: r.role,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    clientIp: r.client_ip,
    before: r.before,
    after: r.after,
    hash: r.hash,
  };
}

export async function exportAudit(db: Kysely<DB>, actor: Actor, f: AuditFilter) {
  const rows = await listRows(db, actor, f, 100_000);
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('审计日志');
  sheet.columns = [
    { header: '序号', key: 'id', width: 8 },
    { header: '时间（UTC）', key: 'at', width: 24 },
    { header: '操作人', key: 'actorUsername', width: 16 },
    { header: '角色', key: 'role', width: 14 },
    { header: '操作', key: 'action', width: 22 },
    { header: '对象类型', key: 'targetType', width: 10 },
    { header: '对象', key: 'targetId', width: 12 },
    { header: '来源地址', key: 'clientIp', width: 16 },
    { header: '变更前', key: 'before', width: 30 },
    { header: '变更后', key: 'after', width: 30 },
    { header: 'SM3 链哈希', key: 'hash', width: 66 },
  ];
  for (const r of await named(db, rows.map(toItem))) {
    sheet.addRow({
      ...r,
      actorUsername: r.actorName ? `${r.actorName}（${r.actorUsername}）` : r.actorUsername,
      targetId: r.targetName ? `${r.targetName}（${r.targetId}）` : r.targetId,
      before: r.before ? JSON.stringify(r.before) : '',
      after: r.after ? JSON.stringify(r.after) : '',
    });
  }
  sheet.getRow(1).font = { bold: true };
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length };
}
