// 三员分立: the system administrator asks for a role or a wider scope, the security administrator decides.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { Id, IdParams, MultilineText, Paging } from '../platform/http/schemas.ts';
import { RoleSchema } from './admin.routes.ts';
import * as requests from './role-request.service.ts';
import * as responses from './role-request-responses.ts';

const StateSchema = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]);
const RequestQuery = Type.Object({ ...Paging, state: Type.Optional(StateSchema) });
const Note = Type.Object({ note: Type.Optional(MultilineText(500)) }, { additionalProperties: false });

export const roleRequestRoutes = [
  route({
    method: 'POST',
    url: '/api/accounts/:id/role-requests',
    access: 'account:manage',
    summary:
      '申请授予或扩大账号的角色、管辖范围（安全管理员审批；缩小范围即时生效）/ Ask for a new role or a wider scope',
    tags: ['admin'],
    params: IdParams,
    body: Type.Object(
      {
        role: RoleSchema,
        scopeOrgId: Id('管辖组织 / the scope org'),
        reason: MultilineText(500, { minLength: 1 }),
      },
      { additionalProperties: false },
    ),
    // the system administrator names the scope from the org directory of its own subtree
    ids: { body: { scopeOrgId: 'org' } },
    response: { 200: responses.postAccountsByIdRoleRequests, 202: responses.postAccountsByIdRoleRequests },
    async handler({ actor, params, body, write, reply }) {
      const outcome = await write((trx, audit) => requests.requestChange(actor, params.id, body, trx, audit));
      if (!outcome.applied) reply.status(202);
      return outcome;
    },
  }),
  route({
    method: 'GET',
    url: '/api/accounts/role-requests',
    access: 'account:manage',
    summary: '我提出的授权申请及审批结果 / Role requests and their decisions',
    tags: ['admin'],
    query: RequestQuery,
    response: { 200: responses.getAccountsRoleRequests },
    async handler({ db, actor, query }) {
      return requests.listRequests(
        db,
        actor,
        'account:manage',
        query.state,
        query.page ?? 1,
        query.pageSize ?? 20,
      );
    },
  }),
  route({
    method: 'GET',
    url: '/api/security/role-requests',
    access: 'security:manage',
    summary: '待审批的授权申请（安全管理员）/ Role requests to decide',
    tags: ['security'],
    query: RequestQuery,
    response: { 200: responses.getSecurityRoleRequests },
    async handler({ db, actor, query }) {
      return requests.listRequests(
        db,
        actor,
        'security:manage',
        query.state,
        query.page ?? 1,
        query.pageSize ?? 20,
      );
    },
  }),
  ...(['approve', 'reject'] as const).map((decision) =>
    route({
      method: 'POST',
      url: `/api/security/role-requests/:id/${decision}`,
      access: 'security:manage',
      summary:
        decision === 'approve'
          ? '批准授权申请 / Approve a role request'
          : '驳回授权申请（须写明理由）/ Reject a role request (with a reason)',
      tags: ['security'],
      params: IdParams,
      body: Note,
      response: { 200: responses.postSecurityRoleRequestsByIdByDecision },
      async handler({ actor, params, body, write }) {
        return write((trx, audit) =>
          requests.decideRequest(actor, params.id, decision, body.note ?? '', trx, audit),
        );
      },
    }),
  ),
];
