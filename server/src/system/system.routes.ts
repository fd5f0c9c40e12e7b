import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';

export const systemRoutes = [
  route({
    method: 'GET',
    url: '/api/health',
    access: 'public',
    summary: '健康检查 / Health',
    tags: ['system'],
    response: {
      200: Type.Object({ status: Type.Literal('ok'), engine: Type.String(), version: Type.String() }),
    },
    async handler({ deps }) {
      await deps.db.selectFrom('audit_head').select('lane').executeTakeFirst();
      return { status: 'ok' as const, engine: deps.database.engine, version: deps.version };
    },
  }),
];
