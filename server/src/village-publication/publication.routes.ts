// 村务公开 (issue 14 item 2) and the village's files. Thin: parse, declare access, call one service
// function. The calendar's rules live in domain/calendar.ts.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams } from '../platform/http/schemas.ts';
import { Created, Id, Text, Year } from '../village-cadres/village-common.ts';
import { sendXlsx } from '../village-cadres/village-excel.ts';
import {
  addMajorItem,
  itemDetail,
  itemPage,
  publicationFigures,
  publishItem,
  questionPage,
  replyQuestion,
} from './publication.service.ts';
import { exportItemsXlsx } from './publication-export.ts';
import {
  ItemDetail,
  ItemPage,
  ItemQuerySchema,
  MajorBodySchema,
  PublicationFigures,
  PublishBodySchema,
  QuestionPage,
} from './publication-schemas.ts';
import { readVillageFile, uploadVillageFile } from './village-attachment.service.ts';

const TAGS = ['village-publication'];
const FileUploaded = Type.Object({
  id: Type.Integer(),
  mime: Type.String(),
  bytes: Type.Integer(),
  fileName: Type.String(),
});

export const publicationRoutes = [
  route({
    method: 'GET',
    url: '/api/publications',
    access: 'village:read',
    summary:
      '村务公开日历：应公开、逾期、按期或逾期公开的事项 / The 村务公开 calendar: due, overdue, published on time or late',
    tags: TAGS,
    query: ItemQuerySchema,
    ids: { query: { orgId: 'org' } },
    response: { 200: ItemPage },
    async handler({ db, actor, query }) {
      return itemPage(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/publications',
    access: 'village:manage',
    summary: '登记须即时公开的重大事项 / Add a major matter to publish at once',
    tags: TAGS,
    body: MajorBodySchema,
    ids: { body: { orgId: 'org' } },
    response: { 201: Created },
    async handler({ db, actor, body, write, reply }) {
      const out = await addMajorItem(db, write, actor, body);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'GET',
    url: '/api/publications.xlsx',
    access: 'village:read',
    summary: '导出村务公开事项为 Excel（同样的筛选）/ Export the items to Excel (same filters)',
    tags: TAGS,
    query: ItemQuerySchema,
    ids: { query: { orgId: 'org' } },
    response: { 200: Type.Unknown({ description: 'xlsx' }) },
    async handler({ db, actor, query, reply, audit }) {
      const file = await exportItemsXlsx(db, actor, query);
      await audit({
        action: 'publication.export',
        targetType: 'org',
        targetId: file.orgId,
        after: { rows: file.rows, filter: query },
      });
      return sendXlsx(
        reply,
        file.buffer,
        'village-publication.xlsx',
        `${file.orgName}-村务公开-${file.today}.xlsx`,
      );
    },
  }),
  route({
    method: 'GET',
    url: '/api/publication-figures',
    access: 'village:read',
    summary:
      '村务公开按期率和答复情况，按下级组织统计（可下钻）/ Publication compliance and replies per town or village',
    tags: TAGS,
    query: Type.Object({ orgId: Type.Optional(Id()), year: Type.Optional(Year()) }),
    ids: { query: { orgId: 'org' } },
    response: { 200: PublicationFigures },
    async handler({ db, actor, query }) {
      return publicationFigures(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/publications/:id',
    access: 'village:read',
    summary: '一个公开事项及村民的提问 / One item with the villagers’ questions',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'publication_item',
    response: { 200: ItemDetail },
    async handler({ db, actor, params }) {
      return itemDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/publications/:id/publish',
    access: 'village:manage',
    summary: '公开一个事项：内容、地点和公开栏照片 / Publish an item: text, place and notice-board photo',
    tags: TAGS,
    params: IdParams,
    body: PublishBodySchema,
    ids: { body: { photoAttachmentId: 'village_attachment' } },
    scopeResource: 'publication_item',
    response: { 200: ItemDetail },
    async handler({ db, actor, params, body, write }) {
      return publishItem(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/publication-questions',
    access: 'village:read',
    summary: '村民对公开事项的提问及答复期限 / Villagers’ questions and their reply deadlines',
    tags: TAGS,
    query: Type.Object({
      orgId: Type.Optional(Id()),
      open: Type.Optional(Type.Boolean()),
      overdue: Type.Optional(Type.Boolean()),
      page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    }),
    ids: { query: { orgId: 'org' } },
    response: { 200: QuestionPage },
    async handler({ db, actor, query }) {
      return questionPage(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/publication-questions/:id/reply',
    access: 'village:manage',
    summary: '答复村民的提问 / Reply to a villager’s question',
    tags: TAGS,
    params: IdParams,
    body: Type.Object({ reply: Text(5000, 1, '答复内容 / the reply') }, { additionalProperties: false }),
    scopeResource: 'publication_question',
    response: { 200: Type.Object({ id: Type.Integer(), replyDueOn: Type.String(), onTime: Type.Boolean() }) },
    async handler({ db, actor, params, body, write }) {
      return replyQuestion(db, write, actor, params.id, body.reply);
    },
  }),
  route({
    method: 'POST',
    url: '/api/village-attachments',
    access: 'village:manage',
    summary: '上传村务文件：照片（JPEG/PNG/WebP）或 PDF，≤ 5 MB / Upload a village file: a photo or a PDF',
    tags: TAGS,
    bodyLimit: 8 * 1024 * 1024,
    query: Type.Object({ orgId: Type.Optional(Id()), fileName: Type.Optional(Text(200)) }),
    ids: { query: { orgId: 'org' } },
    response: { 201: FileUploaded },
    async handler({ db, actor, query, body, write, deps, reply }) {
      const data = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const out = await uploadVillageFile(db, write, actor, deps.config.dataDir, data, query);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'GET',
    url: '/api/village-attachments/:id',
    access: 'village:read',
    summary: '查看村务文件 / A village file',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'village_attachment',
    response: { 200: Type.Unknown({ description: 'the file' }) },
    async handler({ db, actor, params, deps, reply }) {
      const f = await readVillageFile(db, actor, deps.config.dataDir, params.id);
      return reply
        .header('content-type', f.mime)
        .header('cache-control', 'private, max-age=86400')
        .send(f.data);
    },
  }),
];
