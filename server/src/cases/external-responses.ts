// Response schemas of the external systems' routes (external.routes.ts, webhook.routes.ts): what 12345,
// 110 and 信访 receive on success (OpenAPI; in tests every reply is checked against them).
import { Type } from '@sinclair/typebox';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { CASE_STATES } from './domain/case-machine.ts';

const CaseStateText = Literals(CASE_STATES, { description: '案件状态代码 / case state code' });

export const postExternalCases = Type.Object({
  caseNo: Type.String({ description: '案件编号 / case number' }),
  state: CaseStateText,
  trackingCode: Nullable(
    Type.String({ description: '查询码（110、信访为空）/ tracking code (null for 110 and 信访)' }),
  ),
});

export const getExternalCasesByExternalId = Type.Object({
  caseNo: Type.String(),
  state: CaseStateText,
  stateName: Type.String(),
  steps: Type.Array(
    Type.Object({
      action: Type.String(),
      actionName: Type.String(),
      toState: CaseStateText,
      note: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
});

const RowProblem = Type.Object({
  row: Type.Integer({ description: '行号（0：整个文件）/ line (0: the whole file)' }),
  field: Type.String(),
  code: Type.String(),
  message_zh: Type.String(),
  message_en: Type.String(),
});

export const postExternalCasesHistory = Type.Object({
  total: Type.Integer(),
  imported: Type.Integer(),
  rejected: Type.Integer(),
  problems: Type.Array(RowProblem),
  written: Type.Boolean(),
  ms: Type.Number(),
});

export const putExternalWebhook = Type.Object({ url: Type.String(), registered: Type.Boolean() });

export const getExternalWebhook = Type.Object({
  url: Nullable(Type.String()),
  registered: Type.Boolean(),
  pending: Type.Integer({ description: '待投递 / deliveries still to send' }),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  recentFailures: Type.Array(
    Type.Object({
      deliveryId: Type.Integer(),
      event: Type.String(),
      attempts: Type.Integer(),
      gaveUp: Type.Boolean(),
      lastError: Nullable(Type.String()),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const deleteExternalWebhook = Type.Object({ registered: Type.Boolean() });
