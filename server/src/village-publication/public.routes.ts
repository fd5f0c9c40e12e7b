// The public village pages (no sign-in): find a village, read its page, see a published photo, ask a
// question on a published item. Nothing personal beyond office holders' names leaves these routes.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { Text } from '../village-cadres/village-common.ts';
import { askQuestion, publicVillage, publicVillages } from './public.service.ts';
import { PublicVillage, QuestionBodySchema } from './publication-schemas.ts';
import { readPublicPhoto } from './village-attachment.service.ts';

const TAGS = ['public'];
const ItemParams = Type.Object({ itemId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const publicVillageRoutes = [
  route({
    method: 'GET',
    url: '/api/public/villages',
    access: 'public',
    summary: '按名称或编码查找村（社区）/ Find a village by name or code',
    tags: TAGS,
    query: Type.Object({ q: Type.Optional(Text(30)) }),
    response: {
      200: Type.Object({
        items: Type.Array(
          Type.Object({
            code: Type.String(),
            name: Type.String(),
            town: Type.String(),
            county: Type.String(),
          }),
        ),
      }),
    },
    async handler({ db, query }) {
      return publicVillages(db, query.q ?? '');
    },
  }),
  route({
    method: 'GET',
    url: '/api/public/villages/:code',
    access: 'public',
    summary: '村务公开页：干部、公开事项、决策及答复 / A village’s public page',
    tags: TAGS,
    params: Type.Object({
      code: Type.String({ pattern: '^\\d{12}$', maxLength: 12, description: '12 位村（社区）代码' }),
    }),
    response: { 200: PublicVillage },
    async handler({ db, params }) {
      return publicVillage(db, params.code);
    },
  }),
  route({
    method: 'GET',
    url: '/api/public/village-photos/:photoId',
    access: 'public',
    summary: '已公开事项的公开栏照片 / The notice-board photo of a published item',
    tags: TAGS,
    params: Type.Object({ photoId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
    response: { 200: Type.Unknown({ description: 'image' }) },
    async handler({ db, params, deps, reply }) {
      const p = await readPublicPhoto(db, deps.config.dataDir, params.photoId);
      return reply
        .header('content-type', p.mime)
        .header('cache-control', 'public, max-age=86400')
        .send(p.data);
    },
  }),
  route({
    method: 'POST',
    url: '/api/public/publications/:itemId/questions',
    access: 'public',
    summary: '村民对已公开事项提问（村里须在期限内答复）/ A villager asks about a published item',
    tags: TAGS,
    params: ItemParams,
    body: QuestionBodySchema,
    response: {
      201: Type.Object({ id: Type.Integer(), replyDueOn: Type.String(), replyWithinDays: Type.Integer() }),
    },
    async handler({ db, params, body, write, request, reply }) {
      const out = await askQuestion(db, write, params.itemId, body, request.ip);
      reply.status(201);
      return out;
    },
  }),
];
