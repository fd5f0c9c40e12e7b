import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams } from '../platform/http/schemas.ts';
import * as service from './org.service.ts';

export const orgRoutes = [
  route({
    method: 'GET',
    url: '/api/orgs/tree',
    access: 'org:read',
    summary: '组织树（逐级加载）/ Org tree, one level at a time',
    tags: ['organizations'],
    query: Type.Object({ parentId: Type.Optional(Type.Integer({ minimum: 1 })) }),
    async handler({ db, actor, query }) {
      return { nodes: await service.treeChildren(db, actor, query.parentId) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/orgs/search',
    access: 'org:read',
    summary: '按名称、拼音首字母或代码搜索组织 / Search orgs by name, pinyin initials or code',
    tags: ['organizations'],
    query: Type.Object({
      q: Type.String({ minLength: 1, maxLength: 50 }),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    }),
    async handler({ db, actor, query }) {
      return { items: await service.search(db, actor, query.q, query.limit ?? 20) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id',
    access: 'org:read',
    scopeResource: 'org',
    summary: '组织详情 / Org detail',
    tags: ['organizations'],
    params: IdParams,
    async handler({ db, actor, params }) {
      return service.detail(db, actor, params.id);
    },
  }),
];
