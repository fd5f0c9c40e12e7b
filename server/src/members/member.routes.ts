import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams, Paging } from '../platform/http/schemas.ts';
import * as service from './member.service.ts';

const MemberQuery = Type.Object({
  ...Paging,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('probationary')])),
  sort: Type.Optional(
    Type.Union([Type.Literal('name'), Type.Literal('joinedOn'), Type.Literal('birthDate')]),
  ),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});

export const memberRoutes = [
  route({
    method: 'GET',
    url: '/api/orgs/:id/members',
    access: 'member:read',
    scopeResource: 'org',
    summary: '组织（含下级）的党员名册，分页 / Members of an org subtree, paged',
    tags: ['members'],
    params: IdParams,
    query: MemberQuery,
    async handler({ db, actor, params, query }) {
      return service.memberPage(
        db,
        actor,
        params.id,
        { q: query.q, status: query.status, sort: query.sort ?? 'name', order: query.order ?? 'asc' },
        query.page ?? 1,
        query.pageSize ?? 20,
      );
    },
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id/members.xlsx',
    access: 'member:read',
    scopeResource: 'org',
    summary: '导出党员名册（脱敏）为 Excel / Export the member list (masked) to Excel',
    tags: ['members'],
    params: IdParams,
    query: MemberQuery,
    async handler({ db, actor, params, query, reply, audit }) {
      const filter = {
        q: query.q,
        status: query.status,
        sort: query.sort ?? 'name',
        order: query.order ?? 'asc',
      } as const;
      const { buffer, rows, orgName } = await service.exportMembers(db, actor, params.id, filter);
      await audit({
        action: 'member.export',
        targetType: 'org',
        targetId: params.id,
        after: { rows, filter },
      });
      const file = encodeURIComponent(`${orgName}-党员名册.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="members.xlsx"; filename*=UTF-8''${file}`)
        .send(buffer);
    },
  }),
  route({
    method: 'POST',
    url: '/api/members/:id/reveal',
    access: 'member:read_pii',
    scopeResource: 'member',
    summary: '查看完整身份证号或手机号（留痕）/ Reveal a full ID or phone number (audited)',
    tags: ['members'],
    params: IdParams,
    body: Type.Object(
      { field: Type.Union([Type.Literal('idNumber'), Type.Literal('phone')]) },
      { additionalProperties: false },
    ),
    async handler({ db, actor, params, body, audit }) {
      const value = await service.revealField(db, actor, params.id, body.field);
      await audit({
        action: 'member.pii_read',
        targetType: 'member',
        targetId: params.id,
        after: { field: body.field },
      });
      return { value };
    },
  }),
];
