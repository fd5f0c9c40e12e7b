import { Type } from '@sinclair/typebox';
import type { CoordSystem as CoordSystemName } from '../platform/geo/coords.ts';
import { CursorParam } from '../platform/http/cursor.ts';
import { PHOTO_TYPES, route } from '../platform/http/route.ts';
import {
  Id,
  IdList,
  IdParams,
  Instant,
  Lat,
  Literals,
  Lng,
  MultilineText,
  Paging,
  Text,
} from '../platform/http/schemas.ts';
import { decodeUpload, readAttachment, uploadPhoto } from './attachment.service.ts';
import { categories } from './case-catalog.service.ts';
import { caseDetail, caseDetailAfterAction, trackCase } from './case-detail.service.ts';
import { intake, placeOf } from './case-intake.service.ts';
import { listCases } from './case-list.service.ts';
import { notifications } from './case-notifications.service.ts';
import * as responses from './case-responses.ts';
import { caseStats, caseStatsWorkbook } from './case-stats.service.ts';
import { summonsAction, transitionCase } from './case-transition.service.ts';
import { classifierRoutes } from './classifier/classifier.routes.ts';
import { suggest } from './classifier/suggest.service.ts';
import { listDepartments } from './department.service.ts';
import { CASE_ACTIONS } from './domain/case-machine.ts';
import { LIMIT_UNITS } from './domain/sla.ts';

const lit = Literals;
const CoordSystem = lit(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);
const Limit = Type.Object(
  {
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    unit: lit(LIMIT_UNITS),
  },
  { additionalProperties: false },
);

export const CaseIntakeBody = Type.Object(
  {
    categoryCode: Type.Optional(Text(16, { minLength: 1 })),
    title: Text(100, { minLength: 1 }),
    description: Type.Optional(MultilineText(2000)),
    address: Type.Optional(Text(200)),
    lng: Lng(),
    lat: Lat(),
    coordSystem: Type.Optional(CoordSystem),
    photos: Type.Optional(IdList(9, '照片（先上传）/ photos uploaded before')),
    clientRequestId: Type.Optional(Text(64, { minLength: 1 })),
  },
  { additionalProperties: false },
);

const CaseParams = IdParams;

export const caseRoutes = [
  route({
    method: 'GET',
    url: '/api/departments',
    access: 'case:read',
    summary:
      '可派遣、可吹哨的职能部门（案件所在或本辖区的区县）/ Departments to dispatch or summon (the case’s or the scope’s county)',
    tags: ['cases'],
    query: Type.Object({ caseId: Type.Optional(Id()) }),
    ids: { query: { caseId: 'case' } },
    response: { 200: responses.getDepartments },
    async handler({ db, actor, query }) {
      return listDepartments(db, actor, query.caseId);
    },
  }),
  route({
    method: 'GET',
    url: '/api/case-categories',
    access: 'signed_in',
    summary: '案件类别目录 / The case category catalog',
    tags: ['cases'],
    response: { 200: responses.getCaseCategories },
    async handler({ db }) {
      return categories(db);
    },
  }),
  route({
    method: 'POST',
    url: '/api/cases',
    access: 'case:report',
    rateLimit: 'public_report',
    summary: '上报案件（网格员、居民、镇村）/ Report a case',
    tags: ['cases'],
    body: CaseIntakeBody,
    ids: { body: { 'photos[]': 'attachment' } },
    response: { 200: responses.postCases, 201: responses.postCases },
    async handler({ db, actor, body, write, reply }) {
      const r = await intake(db, write, { kind: 'account', actor }, body);
      reply.status(r.created ? 201 : 200);
      // the receipt: the reporter follows the case on the public page with its number and this code
      return { case: await caseDetail(db, actor, r.id), trackingCode: r.trackingCode };
    },
  }),
  route({
    method: 'POST',
    url: '/api/attachments',
    // whoever acts on cases attaches photos (a department's feedback needs them too)
    access: 'case:act',
    summary: '上传照片（≤ 5 MB，JPEG/PNG/WebP）/ Upload a photo',
    tags: ['cases'],
    bodyLimit: 16 * 1024 * 1024,
    upload: PHOTO_TYPES,
    // or JSON: the image's type as the browser named it (the bytes decide) and the bytes in base64
    body: Type.Object(
      {
        mime: Type.Optional(Text(100, { pattern: '^[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+$' })),
        dataBase64: Type.String({
          minLength: 1,
          maxLength: 16 * 1024 * 1024,
          pattern: '^[A-Za-z0-9+/]*={0,2}$',
        }),
      },
      { additionalProperties: false },
    ),
    response: { 201: responses.postAttachments },
    async handler(ctx) {
      const out = await uploadPhoto(ctx, decodeUpload(ctx.request, ctx.body, ctx.upload));
      ctx.reply.status(201);
      return out;
    },
  }),
  route({
    method: 'GET',
    url: '/api/attachments/:id',
    access: 'case:read',
    summary: '查看照片 / A photo',
    tags: ['cases'],
    params: IdParams,
    scopeResource: 'attachment',
    response: { 200: responses.getAttachmentsById },
    async handler({ db, actor, params, deps, reply }) {
      const a = await readAttachment(db, actor, deps.config.dataDir, params.id);
      return reply
        .header('content-type', a.mime)
        .header('cache-control', 'private, max-age=86400')
        .send(a.data);
    },
  }),
  route({
    method: 'GET',
    url: '/api/cases',
    access: 'case:read',
    summary:
      '案件列表：筛选、排序、按游标分页（nextCursor）/ Cases in scope: filter, sort, page by cursor (nextCursor)',
    tags: ['cases'],
    query: Type.Object({
      ...Paging,
      state: Type.Optional(Text(200, { description: '状态，逗号分隔 / states, comma-separated' })),
      light: Type.Optional(lit(['green', 'yellow', 'red'])),
      channel: Type.Optional(
        lit(['grid_worker', 'resident', 'hotline_12345', 'police_110', 'petition', 'external']),
      ),
      categoryCode: Type.Optional(Text(16)),
      q: Type.Optional(Text(50)),
      townId: Type.Optional(Id()),
      departmentId: Type.Optional(Id()),
      from: Type.Optional(Instant()),
      to: Type.Optional(Instant()),
      mine: Type.Optional(Type.Boolean()),
      sort: Type.Optional(lit(['createdAt', 'deadline'])),
      order: Type.Optional(lit(['asc', 'desc'])),
      cursor: Type.Optional(CursorParam),
    }),
    ids: { query: { townId: 'org', departmentId: 'department' } },
    response: { 200: responses.getCases },
    async handler({ db, actor, query }) {
      return listCases(db, actor, query, query.page ?? 1, query.pageSize ?? 20);
    },
  }),
  route({
    method: 'GET',
    url: '/api/cases/suggest',
    access: 'case:read',
    summary: '建议类别、部门和可能重复的案件 / Suggest category, department and duplicates',
    tags: ['cases'],
    query: Type.Object({
      text: MultilineText(2000, { minLength: 1 }),
      lng: Type.Optional(Lng()),
      lat: Type.Optional(Lat()),
      categoryCode: Type.Optional(Text(16, { minLength: 1 })),
      caseId: Type.Optional(Id()),
    }),
    ids: { query: { caseId: 'case' } },
    response: { 200: responses.getCasesSuggest },
    async handler({ db, actor, query }) {
      return suggest(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/cases/place',
    access: 'case:report',
    summary:
      '定位预览：该点属于哪个区县、镇（街）、村（社区）和网格 / Where a point lies: county, town, village, grid',
    tags: ['cases'],
    query: Type.Object({
      lng: Type.Number({ minimum: -180, maximum: 180 }),
      lat: Type.Number({ minimum: -90, maximum: 90 }),
      coordSystem: Type.Optional(CoordSystem),
    }),
    response: { 200: responses.getCasesPlace },
    async handler({ db, query }) {
      return placeOf(db, query.lng, query.lat, (query.coordSystem ?? 'wgs84') as CoordSystemName);
    },
  }),
  route({
    method: 'POST',
    url: '/api/cases/track',
    access: 'public',
    rateLimit: 'tracking',
    summary:
      '凭案件编号和查询码查询进度（不含个人信息和内部意见）/ Follow a case by its number and tracking code',
    tags: ['cases'],
    body: Type.Object(
      {
        caseNo: Type.String({ pattern: '^JM\\d{14,30}$', maxLength: 32 }),
        code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' }),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.postCasesTrack },
    async handler({ db, body }) {
      return trackCase(db, body.caseNo, body.code);
    },
  }),
  route({
    method: 'GET',
    url: '/api/cases/:id',
    access: 'case:read',
    summary: '案件详情：流转、吹哨报到、可进行的操作 / A case with its timeline and allowed actions',
    tags: ['cases'],
    params: CaseParams,
    scopeResource: 'case',
    response: { 200: responses.getCasesById },
    async handler({ db, actor, params }) {
      return caseDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/cases/:id/transitions',
    access: 'case:act',
    summary: '案件流转（立案、派遣、签收、反馈、核查、评价、吹哨……）/ Act on a case',
    tags: ['cases'],
    params: CaseParams,
    scopeResource: 'case',
    body: Type.Object(
      {
        action: lit(CASE_ACTIONS),
        version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
        note: Type.Optional(MultilineText(2000)),
        categoryCode: Type.Optional(Text(16)),
        departmentId: Type.Optional(Id('派遣的部门 / the department dispatched to')),
        departmentIds: Type.Optional(IdList(20, '吹哨的部门 / the departments summoned')),
        rejectReason: Type.Optional(lit(['invalid', 'duplicate', 'not_our_responsibility'])),
        duplicateOf: Type.Optional(Id('重复的案件 / the case this one repeats')),
        extension: Type.Optional(Limit),
        evaluation: Type.Optional(lit(['satisfied', 'basically_satisfied', 'dissatisfied'])),
        supervision: Type.Optional(lit(['ordinary', 'yellow', 'red'])),
        attachments: Type.Optional(IdList(20, '照片 / photos')),
      },
      { additionalProperties: false },
    ),
    ids: {
      body: {
        departmentId: 'case_department',
        'departmentIds[]': 'case_department',
        duplicateOf: 'case',
        'attachments[]': 'attachment',
      },
    },
    response: { 200: responses.postCasesByIdTransitions },
    async handler({ db, actor, params, body, write }) {
      await transitionCase(db, write, actor, params.id, body);
      return caseDetailAfterAction(db, actor, params.id);
    },
  }),
  ...(['report', 'complete'] as const).map((verb) =>
    route({
      method: 'POST',
      url: `/api/cases/:id/summons/:departmentId/${verb}`,
      access: 'case:act',
      summary:
        verb === 'report'
          ? '被吹哨部门报到 / A summoned department reports'
          : '被吹哨部门完成 / A summoned department is done',
      tags: ['cases'],
      params: Type.Object({ id: Id(), departmentId: Id() }),
      scopeResource: 'case',
      ids: { params: { departmentId: 'case_department' } },
      body: Type.Object({ note: Type.Optional(MultilineText(2000)) }, { additionalProperties: false }),
      response: { 200: responses.postCasesByIdSummonsByDepartmentIdByVerb },
      async handler({ db, actor, params, body, write }) {
        await summonsAction(db, write, actor, params.id, params.departmentId, verb, body.note);
        return caseDetailAfterAction(db, actor, params.id);
      },
    }),
  ),
  route({
    method: 'GET',
    url: '/api/case-stats',
    access: 'case:read',
    summary: '案件统计（响应率、按期处置率、结案率……）/ Case statistics of a scope',
    tags: ['cases'],
    query: Type.Object({
      scopeOrgId: Type.Optional(Id()),
      from: Type.Optional(Instant()),
      to: Type.Optional(Instant()),
    }),
    ids: { query: { scopeOrgId: 'org' } },
    response: { 200: responses.getCaseStats },
    async handler({ db, actor, query }) {
      return caseStats(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/case-stats.xlsx',
    access: 'case:read',
    summary: '导出案件统计 / Export case statistics to Excel',
    tags: ['cases'],
    query: Type.Object({
      scopeOrgId: Type.Optional(Id()),
      from: Type.Optional(Instant()),
      to: Type.Optional(Instant()),
    }),
    ids: { query: { scopeOrgId: 'org' } },
    response: { 200: responses.getCaseStatsXlsx },
    async handler({ db, actor, query, reply, audit }) {
      const stats = await caseStats(db, actor, query);
      const buffer = await caseStatsWorkbook(stats);
      await audit({
        action: 'case.stats_export',
        targetType: 'case_stats',
        targetId: 'export',
        after: { filter: query },
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="case-stats.xlsx"')
        .send(buffer);
    },
  }),
  route({
    method: 'GET',
    url: '/api/notifications',
    access: 'signed_in',
    summary: '我的通知 / My notifications',
    tags: ['cases'],
    response: { 200: responses.getNotifications },
    async handler({ db, actor }) {
      return notifications(db, actor);
    },
  }),
  ...classifierRoutes,
];
