// 流动党员 (issue 5 item 3): the outflow and inflow lists, registering an outflow, the member's
// organizational life at the inflow org, confirmation and end. Thin: parse, declare access, call one
// service function. Rules in domain/mobile-member.ts; who sees what in platform/access/scope.ts
// (scoped.mobileMembers).
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { DateOnly, Id, IdParams, Int, Literals, MultilineText, Text } from '../platform/http/schemas.ts';
import { MOBILE_ACTIONS } from './domain/mobile-member.ts';
import * as mobile from './mobile-member.service.ts';
import { MobileListQuery } from './mobile-member-requests.ts';
import * as responses from './mobile-member-responses.ts';

const lit = Literals;
const DateText = DateOnly;
const Note = (max: number) => MultilineText(max);
const TAGS = ['transfers'];

export const mobileMemberRoutes = [
  route({
    method: 'GET',
    url: '/api/mobile-members',
    access: 'transfer:manage',
    summary: '流动党员：流出 / 流入名单（两地党组织都能看到）/ Mobile members, outflow and inflow',
    tags: TAGS,
    query: MobileListQuery,
    response: { 200: responses.getMobileMembers },
    async handler({ db, actor, query, audit }) {
      return mobile.listMobile(db, actor, audit, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/mobile-members',
    access: 'transfer:manage',
    summary: '登记流出（流出地党组织）/ Register an outflow',
    tags: TAGS,
    body: Type.Object(
      {
        memberId: Id(),
        inflowOrgId: Type.Optional(Id('流入地党组织 / inflow org')),
        destination: Text(200, { minLength: 1 }),
        destinationDivisionCode: Type.Optional(Type.String({ pattern: '^\\d{2,12}$', maxLength: 12 })),
        since: DateText('外出日期 / away since'),
        expectedMonths: Int(1, 120),
        fixedPlace: Type.Boolean(),
        contactPhone: Text(20, { minLength: 1 }),
        certificateNo: Type.Optional(Text(50)),
        note: Type.Optional(Note(1000)),
      },
      { additionalProperties: false },
    ),
    // the member is of the home side's subtree; the inflow org may be anywhere in the city
    ids: { body: { memberId: 'member', inflowOrgId: 'city_org' } },
    response: { 201: responses.postMobileMembers },
    async handler({ db, actor, body, write, audit, reply }) {
      const id = await mobile.registerMobile(db, write, actor, body);
      reply.status(201);
      return mobile.mobileDetail(db, actor, audit, id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/mobile-members/:id',
    access: 'transfer:manage',
    summary: '流动党员详情与组织生活记录 / One mobile member and the organizational life recorded',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'mobile_member',
    response: { 200: responses.getMobileMembersById },
    async handler({ db, actor, params, audit }) {
      return mobile.mobileDetail(db, actor, audit, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/mobile-members/:id/activities',
    access: 'transfer:manage',
    summary: '记录流动党员参加组织生活（流入地或流出地）/ Record organizational life',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'mobile_member',
    body: Type.Object(
      {
        on: DateText('日期 / date'),
        kind: Text(30, { minLength: 1 }),
        topic: Text(200, { minLength: 1 }),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.postMobileMembersByIdActivities },
    async handler({ db, actor, params, body, write, audit }) {
      await mobile.addActivity(write, actor, params.id, body);
      return mobile.mobileDetail(db, actor, audit, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/mobile-members/:id/transitions',
    access: 'transfer:manage',
    summary: '流入地确认 / 流出地结束登记 / Inflow confirmation, end of the registration',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'mobile_member',
    body: Type.Object({ action: lit(MOBILE_ACTIONS) }, { additionalProperties: false }),
    response: { 200: responses.postMobileMembersByIdTransitions },
    async handler({ db, actor, params, body, write, audit }) {
      await mobile.actMobile(write, actor, params.id, body.action);
      return mobile.mobileDetail(db, actor, audit, params.id);
    },
  }),
];
