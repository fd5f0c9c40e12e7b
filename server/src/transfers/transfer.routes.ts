// 组织关系转接, 流动党员 and 双报到 (issue 5 item 3; 双报到's routes are in community.routes.ts). Thin:
// parse, declare access, call one service function. Rules live in domain/; who sees what in
// platform/access/scope.ts (scoped.transfers …).
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import {
  DateOnly,
  Id,
  IdParams,
  Int,
  Literals,
  MultilineText,
  Paging,
  Text,
} from '../platform/http/schemas.ts';
import { communityRoutes } from './community.routes.ts';
import { MOBILE_STATES } from './domain/mobile-community.ts';
import { TRANSFER_SCOPES, TRANSFER_STATES } from './domain/transfer-machine.ts';
import * as mobile from './mobile.service.ts';
import * as transfers from './transfer.service.ts';
import * as read from './transfer-read.service.ts';

const lit = Literals;
const DateText = DateOnly;
const Note = (max: number) => MultilineText(max);
const TAGS = ['transfers'];

export const transferRoutes = [
  route({
    method: 'GET',
    url: '/api/transfers',
    access: 'transfer:manage',
    summary: '组织关系转接：转出 / 转入列表，含过期与回执逾期标记 / Outgoing and incoming transfers',
    tags: TAGS,
    query: Type.Object({
      ...Paging,
      direction: Type.Optional(lit(['in', 'out'])),
      state: Type.Optional(lit([...TRANSFER_STATES, 'expired'])),
      scope: Type.Optional(lit(TRANSFER_SCOPES)),
    }),
    async handler({ db, actor, query, audit }) {
      return read.list(db, actor, audit, query as read.ListQuery);
    },
  }),
  route({
    method: 'POST',
    url: '/api/transfers',
    access: 'transfer:manage',
    summary: '开具组织关系介绍信（转出党组织）/ Issue an introduction letter',
    tags: TAGS,
    body: Type.Object(
      {
        memberId: Id(),
        toOrgId: Id('接收党组织（党支部）/ the receiving branch'),
        issuedOn: Type.Optional(DateText('开具日期，默认今天 / date of issue, default today')),
        reason: Type.Optional(Note(500)),
        note: Type.Optional(Note(1000)),
      },
      { additionalProperties: false },
    ),
    // the member is of the sending side's subtree; the receiving org may be anywhere in the city
    ids: { body: { memberId: 'member', toOrgId: 'city_org' } },
    async handler({ db, actor, body, write, audit, reply }) {
      const id = await transfers.issueLetter(db, write, actor, body);
      reply.status(201);
      return read.detail(db, actor, audit, id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/transfers/receiving-orgs',
    access: 'transfer:manage',
    summary: '可接收组织关系的党支部（全市）/ Branches a letter may be addressed to',
    tags: TAGS,
    query: Type.Object({ q: Type.Optional(Text(50)) }),
    async handler({ db, actor, query }) {
      return read.receivingOrgs(db, actor, query.q ?? '');
    },
  }),
  route({
    method: 'GET',
    url: '/api/transfers/:id',
    access: 'transfer:manage',
    summary: '介绍信详情与组织关系历史 / One transfer and the member’s membership history',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'transfer',
    async handler({ db, actor, params, audit }) {
      return read.detail(db, actor, audit, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/transfers/:id/transitions',
    access: 'transfer:manage',
    summary: '确认接收 / 退回回执 / 撤回 / 不予接收 / Confirm, return the receipt, withdraw, refuse',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'transfer',
    body: Type.Object(
      { action: lit(['confirm', 'return_receipt', 'withdraw', 'refuse']), reason: Type.Optional(Note(500)) },
      { additionalProperties: false },
    ),
    async handler({ db, actor, params, body, write, audit }) {
      await transfers.act(write, actor, params.id, body.action as 'confirm', body.reason);
      return read.detail(db, actor, audit, params.id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/mobile-members',
    access: 'transfer:manage',
    summary: '流动党员：流出 / 流入名单（两地党组织都能看到）/ Mobile members, outflow and inflow',
    tags: TAGS,
    query: Type.Object({
      ...Paging,
      side: Type.Optional(lit(['outflow', 'inflow'])),
      state: Type.Optional(lit(MOBILE_STATES)),
    }),
    async handler({ db, actor, query, audit }) {
      return mobile.listMobile(db, actor, audit, query as mobile.MobileListQuery);
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
    body: Type.Object({ action: lit(['confirm_inflow', 'end']) }, { additionalProperties: false }),
    async handler({ db, actor, params, body, write, audit }) {
      await mobile.actMobile(write, actor, params.id, body.action as 'end');
      return mobile.mobileDetail(db, actor, audit, params.id);
    },
  }),
  // 双报到双服务: community.routes.ts
  ...communityRoutes,
];
