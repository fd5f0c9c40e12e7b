// Response schemas of member.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { GenderCode } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';

/** GET /api/orgs/:id/members */
export const getOrgsByIdMembers = Type.Object({
  page: Nullable(Type.Number()),
  pageSize: Type.Number(),
  nextCursor: Nullable(Type.String()),
  total: Type.Optional(Type.Number()),
  count: Type.Optional(Type.Number()),
  countExact: Type.Optional(Type.Boolean()),
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      gender: GenderCode,
      birthDate: Type.String(),
      idNumberMasked: Type.String(),
      phoneMasked: Type.String(),
      status: Literals(['probationary', 'full']),
      joinedOn: Type.String(),
      orgId: Type.Number(),
      orgName: Type.String(),
      education: Type.String(),
      occupation: Type.String(),
    }),
  ),
});

/** GET /api/orgs/:id/members.xlsx */
export const getOrgsByIdMembersXlsx = Type.Unknown({ description: '文件 / a file' });

/** POST /api/members/:id/reveal */
export const postMembersByIdReveal = Type.Object({
  value: Type.String(),
});

/** GET /api/orgs/:id/members/import-template.xlsx */
export const getOrgsByIdMembersImportTemplateXlsx = Type.Unknown({ description: '文件 / a file' });

/** POST /api/orgs/:id/members/import */
export const postOrgsByIdMembersImport = Type.Object({
  total: Type.Number(),
  imported: Type.Number(),
  rejected: Type.Number(),
  problems: Type.Array(
    Type.Object({
      row: Type.Number(),
      field: Literals([
        'name',
        'ethnicity',
        'education',
        'occupation',
        'status',
        'idNumber',
        'phone',
        'joinedOn',
        'convertedOn',
        'orgCode',
      ]),
      code: Type.String(),
      message_zh: Type.String(),
      message_en: Type.String(),
    }),
  ),
  written: Type.Boolean(),
});
