// Response schemas of audit.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.ts';

/** GET /api/audit */
export const getAudit = Type.Object({
  items: Type.Array(
    Type.Object({
      actorName: Nullable(Type.String()),
      targetName: Nullable(Type.String()),
      id: Type.Number(),
      at: Type.String(),
      actorId: Nullable(Type.Number()),
      actorUsername: Type.String(),
      role: Type.String(),
      action: Type.String(),
      targetType: Type.String(),
      targetId: Type.String(),
      clientIp: Type.String(),
      before: Type.Unknown(),
      after: Type.Unknown(),
      hash: Type.String(),
    }),
  ),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
});

/** GET /api/audit/export.xlsx */
export const getAuditExportXlsx = Type.Unknown({ description: '文件 / a file' });

/** POST /api/audit/verify */
export const postAuditVerify = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Number(),
  brokenAt: Nullable(Type.Number()),
  reason: Type.Optional(Type.String()),
});
