// One member: the profile (audited read), adding one member to an org, editing one member. Thin:
// parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { DateOnly, IdParams, Text } from '../platform/http/schemas.ts';
import { EDUCATIONS, OCCUPATIONS } from './member-check.ts';
import { memberProfile } from './member-profile.service.ts';
import * as responses from './member-profile-responses.ts';
import { addMember, editMember } from './member-write.service.ts';

const codes = (table: Record<string, string>) => Type.Union(Object.values(table).map((v) => Type.Literal(v)));
const DateText = DateOnly;
const Name = Text(30, { minLength: 1, description: '姓名 / name' });
const Ethnicity = Text(20, { minLength: 1, description: '民族 / ethnicity' });
const Phone = Text(20, { minLength: 1, description: '手机号码 / mobile number' });
const Education = codes(EDUCATIONS);
const Occupation = codes(OCCUPATIONS);

export const memberProfileRoutes = [
  route({
    method: 'GET',
    url: '/api/members/:id',
    access: 'member:read',
    scopeResource: 'member',
    summary:
      '党员档案：基本信息（身份证号、手机号脱敏）、所在组织、组织关系历史、转接与发展记录（留痕）/ A member’s ' +
      'profile: details (ID and phone masked), org, membership history, transfers, recruitment (audited)',
    tags: ['members'],
    params: IdParams,
    response: { 200: responses.getMembersById },
    async handler({ db, actor, params, audit }) {
      return memberProfile(db, actor, audit, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/orgs/:id/members',
    access: 'member:manage',
    scopeResource: 'org',
    summary:
      '在组织中新增一名党员（校验同导入；同一人已在名册 → 409 ALREADY_A_MEMBER）/ Add one member to an org ' +
      '(checked as the import; the same person already registered → 409 ALREADY_A_MEMBER)',
    tags: ['members'],
    params: IdParams,
    body: Type.Object(
      {
        name: Name,
        idNumber: Text(18, { minLength: 1, description: '公民身份号码 / ID number' }),
        ethnicity: Ethnicity,
        phone: Phone,
        education: Education,
        occupation: Occupation,
        status: Type.Union([Type.Literal('full'), Type.Literal('probationary')]),
        joinedOn: DateText('入党日期 / joined on'),
        convertedOn: Type.Optional(DateText('转正日期（正式党员必填）/ converted on (full members)')),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.postOrgsByIdMembers },
    async handler({ db, actor, params, body, write }) {
      return addMember(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/members/:id',
    access: 'member:manage',
    scopeResource: 'member',
    summary:
      '修改党员信息：姓名、民族、学历、人员类别、手机号、转正日期；身份证号不可修改，党员类别由发展党员转正办理 / ' +
      'Edit a member: name, ethnicity, education, occupation, phone, conversion date. The ID number cannot ' +
      'be edited here; status changes through recruitment',
    tags: ['members'],
    params: IdParams,
    body: Type.Object(
      {
        name: Type.Optional(Name),
        ethnicity: Type.Optional(Ethnicity),
        phone: Type.Optional(Phone),
        education: Type.Optional(Education),
        occupation: Type.Optional(Occupation),
        convertedOn: Type.Optional(
          Type.Union([Type.Null(), DateText('转正日期 / converted on')], {
            description: '仅正式党员 / full members only',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.patchMembersById },
    async handler({ actor, params, body, write }) {
      return editMember(write, actor, params.id, body);
    },
  }),
];
