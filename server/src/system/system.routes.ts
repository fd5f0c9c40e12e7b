import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { databaseAnswers } from './system.repository.ts';

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
      await databaseAnswers(deps.db);
      return { status: 'ok' as const, engine: deps.database.engine, version: deps.version };
    },
  }),
];
