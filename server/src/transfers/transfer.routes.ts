// 组织关系转接 (issue 5 item 3; 流动党员's routes are in mobile-members/, 双报到's in
// community-reports/). Thin: parse, declare access, call one service function. Rules live in domain/; who sees what in
// platform/access/scope.ts (scoped.transfers …).
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { DateOnly, Id, IdParams, Literals, MultilineText, Text } from '../platform/http/schemas.ts';
import { TRANSFER_ACTIONS } from './domain/transfer-machine.ts';
import * as transfers from './transfer.service.ts';
import * as read from './transfer-read.service.ts';
import { TransferListQuery } from './transfer-requests.ts';
import * as responses from './transfer-responses.ts';

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
    query: TransferListQuery,
    response: { 200: responses.getTransfers },
    async handler({ db, actor, query, audit }) {
      return read.list(db, actor, audit, query);
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
    response: { 201: responses.postTransfers },
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
    response: { 200: responses.getTransfersReceivingOrgs },
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
    response: { 200: responses.getTransfersById },
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
      { action: lit(TRANSFER_ACTIONS), reason: Type.Optional(Note(500)) },
      { additionalProperties: false },
    ),
    response: { 200: responses.postTransfersByIdTransitions },
    async handler({ db, actor, params, body, write, audit }) {
      await transfers.act(write, actor, params.id, body.action, body.reason);
      return read.detail(db, actor, audit, params.id);
    },
  }),
];
