// "My branch" (issue 5 item 8): a secretary's branch screen in one call. Thin: parse, declare access,
// call one service function.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { Id } from '../platform/http/schemas.ts';
import { myBranch } from './my-branch.service.ts';
import { getMyBranch } from './my-branch-responses.ts';

const TAGS = ['org-checks'];

export const myBranchRoutes = [
  route({
    method: 'GET',
    url: '/api/my-branch',
    access: 'member:read',
    summary:
      '我的支部：党员、发展党员、本月清单、最近会议和预警（一次取齐）/ My branch: members, pipeline, checklist, meetings and warnings in one call',
    tags: TAGS,
    query: Type.Object({ orgId: Type.Optional(Id()) }),
    ids: { query: { orgId: 'org' } },
    response: { 200: getMyBranch },
    async handler({ db, actor, query }) {
      return myBranch(db, actor, query.orgId);
    },
  }),
];
