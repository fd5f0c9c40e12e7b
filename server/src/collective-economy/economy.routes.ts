// 村集体经济 (issue 15): incomes by village with the threshold counts up the tree, one village-year
// entered, the Excel template and import (every bad row reported; keep the good rows or none), the
// registers of 强村公司 and 富民工坊. Thin: parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { Code, Id, lit, Nullable, Obj, Year } from '../assessment/assessment-schemas.ts';
import { unprocessable } from '../platform/errors/errors.ts';
import { EXCEL_TYPES, route } from '../platform/http/route.ts';
import {
  DateOnly,
  IdParams,
  Int,
  MultilineText,
  Paging,
  Fen as PlatformFen,
  Text,
} from '../platform/http/schemas.ts';
import {
  createEnterprise,
  enterpriseDetail,
  enterpriseList,
  saveEnterpriseYear,
} from './enterprise.service.ts';
import { incomeBoard, readEconomySettings, saveIncome, settingsView, villageYear } from './income.service.ts';
import { type ImportMode, importIncomes, incomeTemplate } from './income-import.service.ts';

const TAGS = ['collective-economy'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Fen = PlatformFen();
const Kind = lit(['village_company', 'workshop']);
const Thresholds = Type.Array(Obj({ fen: Type.Integer(), label: Type.String() }));
const Sources = Type.Array(
  Obj({
    code: Type.String(),
    name: Obj({ zh: Type.String(), en: Type.String() }),
    operating: Type.Boolean(),
  }),
);

const Enterprise = Obj({
  id: Type.Integer(),
  kind: Type.String(),
  name: Type.String(),
  uscc: Nullable(Type.String()),
  org: Obj({ id: Type.Integer(), name: Type.String() }),
  foundedOn: Type.String(),
  villages: Type.Array(Obj({ id: Type.Integer(), name: Type.String() })),
  years: Type.Array(
    Obj({
      year: Type.Integer(),
      revenueFen: Type.Number(),
      dividendsFen: Type.Number(),
      jobs: Type.Integer(),
    }),
  ),
});

const ImportResult = Obj({
  total: Type.Integer(),
  imported: Type.Integer(),
  rejected: Type.Integer(),
  written: Type.Boolean(),
  problems: Type.Array(
    Obj({ row: Type.Integer(), field: Type.String(), code: Type.String(), message_zh: Type.String() }),
  ),
});

export const economyRoutes = [
  route({
    method: 'GET',
    url: '/api/collective-economy/settings',
    access: 'assessment:read',
    summary: '村集体收入来源（是否计入经营性收入）和统计分档 / Income sources and thresholds',
    tags: TAGS,
    response: { 200: Obj({ sources: Sources, thresholds: Thresholds }) },
    async handler({ db }) {
      return settingsView(await readEconomySettings(db));
    },
  }),
  route({
    method: 'GET',
    url: '/api/collective-economy/incomes',
    ids: { query: { orgId: 'org', townId: 'org' } },
    access: 'assessment:read',
    summary:
      '各村集体收入（按来源、经营性、总收入、净收入、分配和留存、增长）及按分档统计的村数 / Village incomes and threshold counts',
    tags: TAGS,
    query: Type.Object({
      year: Year,
      orgId: Type.Optional(Id),
      townId: Type.Optional(Id),
      band: Type.Optional(Int(0, 10)),
      q: Type.Optional(Text(50)),
      sort: Type.Optional(lit(['operating', 'growth', 'code'])),
      page: Paging.page,
      pageSize: Paging.pageSize,
    }),
    response: {
      200: Obj({
        year: Type.Integer(),
        scope: Obj({ id: Type.Integer(), name: Type.String() }),
        sources: Sources,
        thresholds: Thresholds,
        totals: Obj({
          villages: Type.Integer(),
          reported: Type.Integer(),
          bands: Type.Array(Type.Integer()),
          operatingFen: Type.Number(),
        }),
        children: Type.Array(
          Obj({
            org: Obj({ id: Type.Integer(), name: Type.String() }),
            villages: Type.Integer(),
            bands: Type.Array(Type.Integer()),
          }),
        ),
        total: Type.Integer(),
        items: Type.Array(
          Obj({
            org: Obj({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
            reported: Type.Boolean(),
            operatingFen: Type.Number(),
            totalFen: Type.Number(),
            netFen: Type.Number(),
            distributedFen: Type.Number(),
            retainedFen: Type.Number(),
            growth: Nullable(Type.Number()),
            band: Type.Integer(),
          }),
        ),
      }),
    },
    async handler({ db, actor, query }) {
      return incomeBoard(db, actor, { ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
    },
  }),
  route({
    method: 'GET',
    url: '/api/collective-economy/incomes/village',
    ids: { query: { orgId: 'org' } },
    access: 'assessment:read',
    summary: '一个村一个年度已填报的集体收入（按来源）、经营支出和分配 / One village-year as entered',
    tags: TAGS,
    query: Type.Object({ orgId: Id, year: Year }),
    response: {
      200: Obj({
        org: Obj({ id: Type.Integer(), name: Type.String() }),
        year: Type.Integer(),
        reported: Type.Boolean(),
        incomes: Type.Record(Type.String(), Type.Number()),
        expensesFen: Type.Number(),
        distributedFen: Type.Number(),
        note: Type.String(),
      }),
    },
    async handler({ db, actor, query }) {
      return villageYear(db, actor, query.orgId, query.year);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/collective-economy/incomes',
    ids: { body: { orgId: 'org' } },
    access: 'assessment:manage',
    summary: '填报一个村一个年度的集体收入（按来源）、经营支出和分配 / Enter one village-year',
    tags: TAGS,
    body: Type.Object(
      {
        orgId: Id,
        year: Year,
        incomes: Type.Record(Code, Fen),
        expensesFen: Fen,
        distributedFen: Fen,
        note: Type.Optional(MultilineText(500)),
      },
      { additionalProperties: false },
    ),
    response: {
      200: Obj({
        orgId: Type.Integer(),
        year: Type.Integer(),
        operatingFen: Type.Number(),
        netFen: Type.Number(),
      }),
    },
    async handler({ db, actor, body, write }) {
      return saveIncome(db, write, actor, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/collective-economy/import-template.xlsx',
    access: 'assessment:manage',
    summary: '下载村集体收入导入模板（列出所辖各村）/ Download the income import template',
    tags: TAGS,
    query: Type.Object({ year: Year }),
    response: { 200: Type.Unknown({ description: 'xlsx' }) },
    async handler({ db, actor, query, reply }) {
      const file = await incomeTemplate(db, actor, query.year);
      const name = encodeURIComponent(`${file.scope.name}-${query.year}年度村集体收入导入模板.xlsx`);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="collective-income-template.xlsx"; filename*=UTF-8''${name}`,
        )
        .send(file.buffer);
    },
  }),
  route({
    method: 'POST',
    url: '/api/collective-economy/import',
    access: 'assessment:manage',
    summary:
      '从 Excel 模板导入村集体收入（逐行报告错误；可选只保留正确行或全部不导入）/ Import incomes from the template',
    tags: TAGS,
    query: Type.Object({ mode: Type.Optional(lit(['keep_good', 'all_or_nothing'])) }),
    bodyLimit: 10 * 1024 * 1024,
    upload: EXCEL_TYPES,
    response: { 200: ImportResult },
    async handler({ db, actor, query, upload, write }) {
      const body = upload();
      const mode: ImportMode = query.mode ?? 'all_or_nothing';
      const result = await importIncomes(db, write, actor, body, mode);
      if (mode === 'all_or_nothing' && !result.written && result.problems.length > 0)
        throw unprocessable(
          'ECONOMY_IMPORT_HAS_BAD_ROWS',
          `有 ${result.rejected} 行有误，未导入任何数据；请改正后重新导入，或选择“只保留正确的行”。`,
          `${result.rejected} rows are wrong and nothing was imported: fix them, or keep the good rows.`,
          { problems: result.problems, total: result.total },
        );
      return result;
    },
  }),
  route({
    method: 'GET',
    url: '/api/collective-economy/enterprises',
    ids: { query: { orgId: 'org' } },
    access: 'assessment:read',
    summary:
      '强村公司、富民工坊台账（参与村、岗位、营收和分红）/ Registers of village companies and workshops',
    tags: TAGS,
    query: Type.Object({
      kind: Type.Optional(Kind),
      orgId: Type.Optional(Id),
      q: Type.Optional(Text(50)),
      page: Paging.page,
      pageSize: Paging.pageSize,
    }),
    response: {
      200: Obj({
        summary: Type.Array(
          Obj({ kind: Type.String(), count: Type.Integer(), villages: Type.Integer(), jobs: Type.Integer() }),
        ),
        total: Type.Integer(),
        items: Type.Array(Enterprise),
      }),
    },
    async handler({ db, actor, query }) {
      return enterpriseList(db, actor, { ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
    },
  }),
  route({
    method: 'POST',
    url: '/api/collective-economy/enterprises',
    ids: { body: { orgId: 'org', 'villageIds[]': 'org' } },
    access: 'assessment:manage',
    summary: '登记强村公司或富民工坊 / Register a village company or workshop',
    tags: TAGS,
    body: Type.Object(
      {
        kind: Kind,
        name: Text(100, { minLength: 2 }),
        uscc: Type.Optional(Text(18, { pattern: '^[0-9A-Za-z]*$' })),
        orgId: Id,
        foundedOn: DateOnly('成立日期 / founded on'),
        business: Type.Optional(MultilineText(500)),
        manager: Type.Optional(Text(50)),
        villageIds: Type.Array(Id, { maxItems: 200 }),
      },
      { additionalProperties: false },
    ),
    response: { 201: Obj({ id: Type.Integer() }) },
    async handler({ db, actor, body, write, reply }) {
      const r = await createEnterprise(db, write, actor, body);
      reply.status(201);
      return r;
    },
  }),
  route({
    method: 'GET',
    url: '/api/collective-economy/enterprises/:id',
    access: 'assessment:read',
    summary: '一个强村公司或富民工坊：参与村和历年数据 / One village company or workshop',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'enterprise',
    response: { 200: Enterprise },
    async handler({ db, actor, params }) {
      return enterpriseDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/collective-economy/enterprises/:id/years',
    access: 'assessment:manage',
    summary: '填报强村公司或富民工坊的年度营收、分红和岗位 / Enter a year of a company or workshop',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'enterprise',
    body: Type.Object(
      {
        year: Year,
        revenueFen: Fen,
        dividendsFen: Fen,
        jobs: Int(0, 100_000),
      },
      { additionalProperties: false },
    ),
    response: { 200: Obj({ id: Type.Integer(), year: Type.Integer() }) },
    async handler({ db, actor, params, body, write }) {
      return saveEnterpriseYear(db, write, actor, params.id, body);
    },
  }),
];
