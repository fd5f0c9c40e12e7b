import { Type } from '@sinclair/typebox';
import { verifyOrg } from '../platform/access/scope.ts';
import { unprocessable } from '../platform/errors/errors.ts';
import { CursorParam } from '../platform/http/cursor.ts';
import { EXCEL_TYPES, route } from '../platform/http/route.ts';
import { IdParams, Paging, Text } from '../platform/http/schemas.ts';
import { importMembers, type MemberImportMode } from './import/member-import.service.ts';
import { memberTemplate } from './import/member-template.ts';
import * as service from './member.service.ts';
import { memberProfileRoutes } from './member-profile.routes.ts';
import * as responses from './member-responses.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MemberQuery = Type.Object({
  ...Paging,
  q: Type.Optional(Text(50)),
  status: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('probationary')])),
  sort: Type.Optional(
    Type.Union([Type.Literal('name'), Type.Literal('joinedOn'), Type.Literal('birthDate')]),
  ),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  cursor: Type.Optional(CursorParam),
});

export const memberRoutes = [
  route({
    method: 'GET',
    url: '/api/orgs/:id/members',
    access: 'member:read',
    scopeResource: 'org',
    summary: '组织（含下级）的党员名册，按游标分页（nextCursor）/ Members of an org subtree, paged by cursor',
    tags: ['members'],
    params: IdParams,
    query: MemberQuery,
    response: { 200: responses.getOrgsByIdMembers },
    async handler({ db, actor, params, query }) {
      return service.memberPage(
        db,
        actor,
        params.id,
        { q: query.q, status: query.status, sort: query.sort ?? 'name', order: query.order ?? 'asc' },
        query.page ?? 1,
        query.pageSize ?? 20,
        query.cursor,
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
    response: { 200: responses.getOrgsByIdMembersXlsx },
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
    response: { 200: responses.postMembersByIdReveal },
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
  route({
    method: 'GET',
    url: '/api/orgs/:id/members/import-template.xlsx',
    access: 'member:manage',
    scopeResource: 'org',
    summary: '下载党员名册导入模板 / Download the member import template',
    tags: ['members'],
    params: IdParams,
    response: { 200: responses.getOrgsByIdMembersImportTemplateXlsx },
    async handler({ db, actor, params, reply }) {
      const org = await verifyOrg(db, actor, params.id);
      const buffer = await memberTemplate(org.code, org.name);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="member-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('党员名册导入模板.xlsx')}`,
        )
        .send(buffer);
    },
  }),
  route({
    method: 'POST',
    url: '/api/orgs/:id/members/import',
    access: 'member:manage',
    scopeResource: 'org',
    summary:
      '从 Excel 模板导入党员（逐行报告错误；可选只保留正确行或全部不导入）/ Import members from the Excel ' +
      'template (every bad row reported; keep the good rows or none)',
    tags: ['members'],
    params: IdParams,
    query: Type.Object({
      mode: Type.Optional(Type.Union([Type.Literal('keep_good'), Type.Literal('all_or_nothing')])),
    }),
    bodyLimit: 10 * 1024 * 1024,
    upload: EXCEL_TYPES,
    response: { 200: responses.postOrgsByIdMembersImport },
    async handler({ db, actor, params, query, upload, write }) {
      await verifyOrg(db, actor, params.id); // outside the scope: 404 before anything else
      const body = upload();
      const mode: MemberImportMode = query.mode ?? 'all_or_nothing';
      const result = await importMembers(db, write, actor, params.id, body, mode);
      if (mode === 'all_or_nothing' && !result.written && result.problems.length > 0) {
        throw unprocessable(
          'MEMBER_IMPORT_HAS_BAD_ROWS',
          `有 ${result.rejected} 行有误，未导入任何党员；请改正后重新导入，或选择“只保留正确的行”。`,
          `${result.rejected} rows are wrong and no member was imported: fix them, or keep the good rows.`,
          { problems: result.problems, total: result.total },
        );
      }
      return result;
    },
  }),
  ...memberProfileRoutes,
];
