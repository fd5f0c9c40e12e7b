// 一网受理: the API of external systems (12345, 110, 信访), one key per system; idempotent per externalId.
import { Type } from '@sinclair/typebox';
import { notFound, unprocessable } from '../platform/errors/errors.ts';
import { route } from '../platform/http/route.ts';
import { Lat, Literals, Lng, MultilineText, Text } from '../platform/http/schemas.ts';
import { type IntakeInput, intake } from './case-intake.service.ts';
import type { CaseAction } from './domain/case-machine.ts';
import { ACTION_NAMES, REPORT_STEP_NAME, STATE_NAMES } from './domain/case-names.ts';
import * as responses from './external-responses.ts';
import { caseOfSystem, stepsForSystem } from './external-system.repository.ts';
import { type ImportMode, importHistory } from './import/case-import.service.ts';

const lit = Literals;

export const externalRoutes = [
  route({
    method: 'POST',
    url: '/api/external/cases',
    access: 'api_key',
    summary:
      '对接系统推送案件（按 externalId 幂等）/ An external system submits a case (idempotent per externalId)',
    tags: ['external'],
    body: Type.Object(
      {
        externalId: Text(64, { minLength: 1 }),
        categoryCode: Type.Optional(Text(16, { minLength: 1 })),
        title: Text(100, { minLength: 1 }),
        description: Type.Optional(MultilineText(2000)),
        address: Type.Optional(Text(200)),
        lng: Lng(),
        lat: Lat(),
        coordSystem: Type.Optional(lit(['wgs84', 'cgcs2000', 'gcj02', 'bd09'])),
        reporterName: Type.Optional(Text(50)),
        reporterPhone: Type.Optional(Text(20)),
        urgent: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.postExternalCases, 201: responses.postExternalCases },
    async handler({ db, system, body, write, reply }) {
      const { externalId, ...rest } = body;
      const r = await intake(db, write, { kind: 'external', system, externalId }, rest as IntakeInput);
      reply.status(r.created ? 201 : 200);
      // the caller tells the citizen the number and the tracking code (no code for 110 / 信访)
      return { caseNo: r.caseNo, state: r.state, trackingCode: r.trackingCode };
    },
  }),
  route({
    method: 'GET',
    url: '/api/external/cases/:externalId',
    access: 'api_key',
    summary: '对接系统查询案件进度 / An external system polls its case',
    tags: ['external'],
    params: Type.Object({ externalId: Text(64, { minLength: 1 }) }),
    response: { 200: responses.getExternalCasesByExternalId },
    async handler({ db, system, params }) {
      const c = await caseOfSystem(db, system.code, params.externalId);
      if (!c) {
        throw notFound(
          'CASE_NOT_FOUND',
          `没有外部编号为 ${params.externalId} 的案件。`,
          `No case with external id ${params.externalId}.`,
        );
      }
      const steps = await stepsForSystem(db, c.id);
      return {
        caseNo: c.case_no,
        state: c.state,
        stateName: STATE_NAMES[c.state].zh,
        steps: steps.map((s) => ({
          action: s.action,
          actionName: s.action === 'report' ? REPORT_STEP_NAME.zh : ACTION_NAMES[s.action as CaseAction].zh,
          toState: s.to_state,
          note: s.note,
          at: s.at,
        })),
      };
    },
  }),
  route({
    method: 'POST',
    url: '/api/external/cases/history',
    access: 'api_key',
    summary:
      '对接系统导入已办结的历史案件（逐行报告错误；可选保留正确行或全部不导入）/ An external system imports ' +
      'its finished cases (every bad row reported; keep the good rows or none)',
    tags: ['external'],
    body: Type.Object(
      {
        mode: Type.Optional(lit(['keep_good', 'all_or_nothing'])),
        records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 5000 }),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.postExternalCasesHistory },
    async handler({ db, system, body, write }) {
      const mode = (body.mode ?? 'all_or_nothing') as ImportMode;
      const result = await importHistory(db, write, system.code, body.records, mode);
      if (mode === 'all_or_nothing' && !result.written && result.problems.length > 0) {
        throw unprocessable(
          'IMPORT_HAS_BAD_ROWS',
          `有 ${result.rejected} 行数据有误，未导入任何记录；请改正后重新导入，或选择“保留正确行”。`,
          `${result.rejected} rows are wrong and nothing was imported: fix them and import again, or keep the good rows.`,
          { problems: result.problems, total: result.total },
        );
      }
      return result;
    },
  }),
];
