// The audit page and its Excel export: the records of the filter with who acted and what was touched by name.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { loadExcel } from '../platform/files/excel.ts';
import { type AuditFilter, type AuditRow, auditPage, auditRows } from './audit.repository.ts';
import { actorNames, auditTargetNames } from './audit-names.repository.ts';

export type { AuditFilter };

/** The audit trail is system-wide; only the audit administrator reads it (三员分立). */
export async function listAudit(db: Db, actor: Actor, f: AuditFilter, page: number, pageSize: number) {
  requirePermission(actor, 'audit:read');
  const { rows, total } = await auditPage(db, f, page, pageSize);
  return { items: await named(db, rows.map(toItem)), total, page, pageSize };
}

/** Adds who acted and what was touched by name (audit-names.repository.ts): ids stay beside them. */
async function named(db: Db, items: ReturnType<typeof toItem>[]) {
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

function toItem(r: AuditRow) {
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

export async function exportAudit(db: Db, actor: Actor, f: AuditFilter) {
  requirePermission(actor, 'audit:read');
  const rows = await auditRows(db, f, 100_000);
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
