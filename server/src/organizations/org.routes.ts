import { Type } from '@sinclair/typebox';
import { OrgCategoryCode, OrgKindCode, OrgLevelCode } from '../platform/http/code-schemas.ts';
import { CursorParam } from '../platform/http/cursor.ts';
import { route } from '../platform/http/route.ts';
import { Id, IdParams, Literals, Paging, Text } from '../platform/http/schemas.ts';
import * as service from './org.service.ts';
import * as responses from './org-responses.ts';

const lit = Literals;

export const orgRoutes = [
  route({
    method: 'GET',
    url: '/api/orgs',
    access: 'org:read',
    summary:
      '管辖范围内的全部组织，筛选、排序，按游标分页（nextCursor）/ Every org in scope: filter, sort, paged by cursor',
    tags: ['organizations'],
    query: Type.Object({
      ...Paging,
      q: Type.Optional(Text(50)),
      kind: Type.Optional(OrgKindCode),
      level: Type.Optional(OrgLevelCode),
      category: Type.Optional(OrgCategoryCode),
      sort: Type.Optional(lit(['code', 'name', 'memberCount'])),
      order: Type.Optional(lit(['asc', 'desc'])),
      cursor: Type.Optional(CursorParam),
    }),
    response: { 200: responses.getOrgs },
    async handler({ db, actor, query }) {
      const filter = {
        q: query.q,
        kind: query.kind,
        level: query.level,
        category: query.category,
        sort: (query.sort ?? 'code') as 'code' | 'name' | 'memberCount',
        order: (query.order ?? 'asc') as 'asc' | 'desc',
      };
      return service.list(db, actor, filter, query.page ?? 1, query.pageSize ?? 20, query.cursor);
    },
  }),
  route({
    method: 'GET',
    url: '/api/orgs/tree',
    access: 'org:read',
    summary: '组织树（逐级加载）/ Org tree, one level at a time',
    tags: ['organizations'],
    query: Type.Object({ parentId: Type.Optional(Id()) }),
    ids: { query: { parentId: 'org' } },
    response: { 200: responses.getOrgsTree },
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
      q: Text(50, { minLength: 1 }),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    }),
    response: { 200: responses.getOrgsSearch },
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
    response: { 200: responses.getOrgsById },
    async handler({ db, actor, params }) {
      return service.detail(db, actor, params.id);
    },
  }),
];
