import { Type } from '@sinclair/typebox';
import { requirePermission } from '../platform/access/scope.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { route } from '../platform/http/route.ts';
import { DateOnly, Paging, Text } from '../platform/http/schemas.ts';
import * as service from './audit.service.ts';
import * as responses from './audit-responses.ts';

const AuditQuery = Type.Object({
  ...Paging,
  from: Type.Optional(DateOnly('起 / from')),
  to: Type.Optional(DateOnly('止 / to')),
  actor: Type.Optional(Text(64)),
  action: Type.Optional(Text(64)),
  targetType: Type.Optional(Text(32)),
});

export const auditRoutes = [
  route({
    method: 'GET',
    url: '/api/audit',
    access: 'audit:read',
    summary: '审计日志查询 / Search the audit trail',
    tags: ['audit'],
    query: AuditQuery,
    response: { 200: responses.getAudit },
    async handler({ db, actor, query }) {
      return service.listAudit(db, actor, query, query.page ?? 1, query.pageSize ?? 20);
    },
  }),
  route({
    method: 'GET',
    url: '/api/audit/export.xlsx',
    access: 'audit:read',
    summary: '导出审计日志 / Export the audit trail to Excel',
    tags: ['audit'],
    query: AuditQuery,
    response: { 200: responses.getAuditExportXlsx },
    async handler({ db, actor, query, reply, audit }) {
      const { buffer, rows } = await service.exportAudit(db, actor, query);
      await audit({
        action: 'audit.export',
        targetType: 'audit_log',
        targetId: 'export',
        after: { rows, filter: query },
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit.xlsx"`)
        .send(buffer);
    },
  }),
  route({
    method: 'POST',
    url: '/api/audit/verify',
    access: 'audit:read',
    summary: '校验审计哈希链（SM3）/ Verify the audit hash chain (SM3)',
    tags: ['audit'],
    response: { 200: responses.postAuditVerify },
    async handler({ db, actor, audit }) {
      requirePermission(actor, 'audit:read');
      const result = await verifyAuditChain(db);
      await audit({ action: 'audit.verify', targetType: 'audit_log', targetId: 'chain', after: result });
      return result;
    },
  }),
];
