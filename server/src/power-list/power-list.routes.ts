// 小微权力清单 (issue 14 item 3). Thin: parse, declare access, call one service function. The matching
// and the order of steps live in domain/power-rules.ts.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams } from '../platform/http/schemas.ts';
import { Created, Id, Text, Year } from '../village-cadres/village-common.ts';
import { sendXlsx } from '../village-cadres/village-excel.ts';
import {
  createItem,
  createUse,
  powerFigures,
  powerList,
  recordUseStep,
  reviewUse,
  updateItem,
  useDetail,
  usePage,
} from './power-list.service.ts';
import { exportUsesXlsx } from './power-list-export.ts';
import {
  Item,
  ItemBodySchema,
  ItemPatchSchema,
  PowerFigures,
  PowerListResult,
  UseBodySchema,
  UseDetail,
  UsePage,
  UseQuerySchema,
  UseStepSchema,
} from './power-list-schemas.ts';

const TAGS = ['power-list'];

export const powerListRoutes = [
  route({
    method: 'GET',
    url: '/api/power-list',
    access: 'village:read',
    summary: '本县小微权力清单：正面清单（含办理流程）和负面清单 / The county’s power list',
    tags: TAGS,
    query: Type.Object({ countyCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', maxLength: 6 })) }),
    response: { 200: PowerListResult },
    async handler({ db, actor, query }) {
      return powerList(db, actor, query.countyCode);
    },
  }),
  route({
    method: 'POST',
    url: '/api/power-list/items',
    access: 'village:supervise',
    summary: '县（市、区）新增清单事项 / The county adds a power or a prohibition',
    tags: TAGS,
    body: ItemBodySchema,
    response: { 201: Created },
    async handler({ db, actor, body, write, reply }) {
      const out = await createItem(db, write, actor, body);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'PUT',
    url: '/api/power-list/items/:itemId',
    access: 'village:supervise',
    summary: '县（市、区）修改或停用清单事项 / The county changes or retires an item',
    tags: TAGS,
    params: Type.Object({ itemId: Id() }),
    ids: { params: { itemId: 'power_item' } },
    body: ItemPatchSchema,
    response: { 200: Item },
    async handler({ db, actor, params, body, write }) {
      return updateItem(db, write, actor, params.itemId, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/power-uses',
    access: 'village:read',
    summary: '小微权力运行记录：进度、标记和核查 / Records of power use: progress, flags, reviews',
    tags: TAGS,
    query: UseQuerySchema,
    ids: { query: { orgId: 'org', itemId: 'power_item' } },
    response: { 200: UsePage },
    async handler({ db, actor, query }) {
      return usePage(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/power-uses',
    access: 'village:manage',
    summary: '村里行使一项权力：登记记录（未匹配清单或涉及负面清单的报镇核查）/ A village exercises a power',
    tags: TAGS,
    body: UseBodySchema,
    ids: { body: { orgId: 'org', itemId: 'power_item', deliberationId: 'deliberation' } },
    response: {
      201: Type.Object({
        id: Type.Integer(),
        itemId: Type.Union([Type.Integer(), Type.Null()]),
        flag: Type.Union([Type.String(), Type.Null()]),
        flagDetail: Type.Unknown(),
      }),
    },
    async handler({ db, actor, body, write, reply }) {
      const out = await createUse(db, write, actor, body);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'GET',
    url: '/api/power-uses.xlsx',
    access: 'village:read',
    summary: '导出小微权力运行记录为 Excel / Export the records to Excel',
    tags: TAGS,
    query: UseQuerySchema,
    ids: { query: { orgId: 'org', itemId: 'power_item' } },
    response: { 200: Type.Unknown({ description: 'xlsx' }) },
    async handler({ db, actor, query, reply, audit }) {
      const file = await exportUsesXlsx(db, actor, query);
      await audit({
        action: 'power_use.export',
        targetType: 'org',
        targetId: file.orgId,
        after: { rows: file.rows, filter: query },
      });
      return sendXlsx(
        reply,
        file.buffer,
        'power-uses.xlsx',
        `${file.orgName}-小微权力运行-${file.today}.xlsx`,
      );
    },
  }),
  route({
    method: 'GET',
    url: '/api/power-figures',
    access: 'village:read',
    summary: '小微权力运行按村和按事项统计（可下钻）/ Power use per village and per power',
    tags: TAGS,
    query: Type.Object({ orgId: Type.Optional(Id()), year: Type.Optional(Year()) }),
    ids: { query: { orgId: 'org' } },
    response: { 200: PowerFigures },
    async handler({ db, actor, query }) {
      return powerFigures(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/power-uses/:id',
    access: 'village:read',
    summary: '一条权力运行记录：流程与已办步骤 / One record: procedure and steps done',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'power_use',
    response: { 200: UseDetail },
    async handler({ db, actor, params }) {
      return useDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/power-uses/:id/steps',
    access: 'village:manage',
    summary: '登记流程的下一步（严格按序，留存证据）/ Record the procedure’s next step',
    tags: TAGS,
    params: IdParams,
    body: UseStepSchema,
    ids: { body: { 'attachments[]': 'village_attachment' } },
    scopeResource: 'power_use',
    response: { 200: UseDetail },
    async handler({ db, actor, params, body, write }) {
      return recordUseStep(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/power-uses/:id/review',
    access: 'village:supervise',
    summary: '镇（街）核查被标记的记录 / The town reviews a flagged record',
    tags: TAGS,
    params: IdParams,
    body: Type.Object({ note: Text(1000, 1, '核查意见 / the review') }, { additionalProperties: false }),
    scopeResource: 'power_use',
    response: { 200: UseDetail },
    async handler({ db, actor, params, body, write }) {
      return reviewUse(db, write, actor, params.id, body.note);
    },
  }),
];
