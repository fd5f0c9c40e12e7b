// 党费 (issue 5 item 5): the rate table, members' bases, a branch's payments and dues for a month, the
// six-month warnings. Thin: parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import {
  DateOnly,
  Id,
  IdParams,
  Int,
  Month as MonthOf,
  MultilineText,
  Paging,
} from '../platform/http/schemas.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import type { RateTable } from './domain/dues-rules.ts';
import {
  branchDues,
  declareBase,
  rateVersions,
  recordPayments,
  saveRateVersion,
  sixMonthWarnings,
} from './dues.service.ts';
import * as responses from './dues-responses.ts';

const Month = MonthOf();
/** Amounts in fen (分), up to 10^10 (100 million yuan); the service refuses a negative one with its own code. */
const Fen = Int(-10_000_000_000, 10_000_000_000, { description: '金额（分）/ amount in fen' });
const TAGS = ['dues'];
const Bracket = Type.Object(
  {
    // null first: with coerceTypes an integer branch would turn null into 0
    upToFen: Type.Union([Type.Null(), Int(1, 10_000_000_000)]),
    bp: Int(0, 10_000, { description: '基点 (0.01%)' }),
  },
  { additionalProperties: false },
);
const Rates = Type.Object(
  {
    inService: Type.Array(Bracket, { maxItems: 20 }),
    retired: Type.Array(Bracket, { maxItems: 20 }),
    fixedFen: Type.Object(
      { farmer: Fen, student: Fen, unemployed: Fen, low_income: Fen },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const duesRoutes = [
  route({
    method: 'GET',
    url: '/api/dues/rates',
    access: 'dues:manage',
    summary: '党费比例表各版本（按生效月份）/ Versions of the dues rate table',
    tags: TAGS,
    response: { 200: responses.getDuesRates },
    async handler({ db }) {
      return { items: await rateVersions(db) };
    },
  }),
  route({
    method: 'PUT',
    url: '/api/dues/rates',
    access: 'dues:manage',
    summary: '新增或修改某月起生效的党费比例表（市级）/ Add or replace the rate version of a month (city)',
    tags: TAGS,
    body: Type.Object(
      { effectiveMonth: Month, rates: Rates, note: Type.Optional(MultilineText(500)) },
      { additionalProperties: false },
    ),
    response: { 200: responses.putDuesRates },
    async handler({ db, actor, body, write }) {
      await saveRateVersion(db, write, actor, { ...body, rates: body.rates as RateTable });
      return { items: await rateVersions(db) };
    },
  }),
  route({
    method: 'PUT',
    url: '/api/dues/members/:id/base',
    access: 'dues:manage',
    summary: '申报党员党费基数（分）/ Declare a member’s monthly base in fen',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'member',
    body: Type.Object({ baseFen: Fen, fromMonth: Month }, { additionalProperties: false }),
    response: { 200: responses.putDuesMembersByIdBase },
    async handler({ db, actor, params, body, write }) {
      await declareBase(db, write, actor, params.id, body);
      return { ok: true };
    },
  }),
  route({
    method: 'GET',
    url: '/api/dues/orgs/:id',
    access: 'dues:manage',
    summary: '支部某月党费：应交、实交、欠交 / A branch’s dues for a month',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'org',
    query: Type.Object({ month: Type.Optional(Month) }),
    response: { 200: responses.getDuesOrgsById },
    async handler({ db, actor, params, query }) {
      return branchDues(db, actor, params.id, query.month ?? shanghaiToday().slice(0, 7));
    },
  }),
  route({
    method: 'POST',
    url: '/api/dues/orgs/:id/payments',
    access: 'dues:manage',
    summary: '登记支部某月党费交纳（批量）/ Record a month’s payments of a branch',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'org',
    body: Type.Object(
      {
        month: Month,
        paidOn: DateOnly('交纳日期 / paid on'),
        payments: Type.Array(Type.Object({ memberId: Id(), paidFen: Fen }, { additionalProperties: false }), {
          maxItems: 2000,
        }),
      },
      { additionalProperties: false },
    ),
    ids: { body: { 'payments[].memberId': 'member' } },
    response: { 200: responses.postDuesOrgsByIdPayments },
    async handler({ db, actor, params, body, write }) {
      return recordPayments(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/dues/warnings',
    access: 'dues:manage',
    summary: '连续6个月未交党费或未参加组织生活的党员 / Six months without dues or organizational life',
    tags: TAGS,
    query: Type.Object({ ...Paging, orgId: Type.Optional(Id()), month: Type.Optional(Month) }),
    ids: { query: { orgId: 'org' } },
    response: { 200: responses.getDuesWarnings },
    async handler({ db, actor, query }) {
      return sixMonthWarnings(db, actor, query);
    },
  }),
];
