// 软弱涣散 (issue 15): candidates found by the criteria, the county's yearly list, each org's
// rectification ledger (plan, progress, 销号, 回头看), the ledgers of a scope and the figures up the
// tree. Thin: parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { Id, lit, Nullable, Obj, Year } from '../assessment/assessment-schemas.ts';
import { route } from '../platform/http/route.ts';
import { DateOnly, IdParams, MultilineText, Text } from '../platform/http/schemas.ts';
import { addLedgerProgress, ledgerDetail, moveLedger, setPlan } from './ledger.service.ts';
import { listWeakOrgs, weakOrgCandidates } from './weak-org.service.ts';
import { ledgerList, weakOrgFigures } from './weak-org-read.service.ts';

const TAGS = ['weak-orgs'];
const Named = Obj({ zh: Type.String(), en: Type.String() });
const Hit = Obj({ criterion: Type.String(), zh: Type.String(), en: Type.String() });
const States = Type.Array(Obj({ code: Type.String(), name: Named }));
const LedgerState = lit(['listed', 'rectifying', 'acceptance_requested', 'accepted', 'reviewed']);
const Moved = Obj({ id: Type.Integer(), state: Type.String() });

export const weakOrgRoutes = [
  route({
    method: 'GET',
    url: '/api/weak-orgs/candidates',
    access: 'assessment:read',
    summary:
      '按标准排查软弱涣散村（社区）党组织：每个村符合的情形及其数据 / Village orgs that meet the weak-org criteria',
    tags: TAGS,
    ids: { query: { orgId: 'org' } },
    query: Type.Object({ year: Year, orgId: Type.Optional(Id) }),
    response: {
      200: Obj({
        asOf: Type.String(),
        villages: Type.Integer(),
        limit: Type.Integer(),
        criteria: Type.Array(Obj({ code: Type.String(), name: Named, candidates: Type.Integer() })),
        items: Type.Array(
          Obj({
            org: Obj({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
            hits: Type.Array(Hit),
            listed: Type.Boolean(),
          }),
        ),
      }),
    },
    async handler({ db, actor, query }) {
      return weakOrgCandidates(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/weak-orgs',
    access: 'assessment:manage',
    summary: '县委确定年度软弱涣散党组织整顿名单 / The county lists its year’s weak orgs',
    tags: TAGS,
    ids: { body: { 'items[].orgId': 'org' } },
    body: Type.Object(
      {
        year: Year,
        items: Type.Array(
          Type.Object(
            {
              orgId: Id,
              manualReason: Type.Optional(
                MultilineText(500, { description: '县委认定的其他情形 / the county’s own reason' }),
              ),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 100 },
        ),
      },
      { additionalProperties: false },
    ),
    response: { 201: Obj({ year: Type.Integer(), listed: Type.Array(Type.Integer()) }) },
    async handler({ db, actor, body, write, reply }) {
      const r = await listWeakOrgs(db, write, actor, body);
      reply.status(201);
      return r;
    },
  }),
  route({
    method: 'GET',
    url: '/api/weak-orgs',
    access: 'assessment:read',
    summary: '整顿台账列表（按年度、状态、镇街）/ Rectification ledgers of the scope',
    tags: TAGS,
    ids: { query: { orgId: 'org', townId: 'org' } },
    query: Type.Object({
      year: Type.Optional(Year),
      state: Type.Optional(LedgerState),
      orgId: Type.Optional(Id),
      townId: Type.Optional(Id),
    }),
    response: {
      200: Obj({
        states: States,
        items: Type.Array(
          Obj({
            id: Type.Integer(),
            year: Type.Integer(),
            org: Obj({ id: Type.Integer(), name: Type.String() }),
            town: Obj({ id: Type.Integer(), name: Type.String() }),
            state: Type.String(),
            criteria: Type.Array(Obj({ code: Type.String(), name: Named })),
            problems: Type.Integer(),
            problemsDone: Type.Integer(),
          }),
        ),
      }),
    },
    async handler({ db, actor, query }) {
      return ledgerList(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/weak-orgs/figures',
    access: 'assessment:read',
    summary: '软弱涣散整顿情况逐级统计（按状态、情形）/ Weak orgs by state up the tree',
    tags: TAGS,
    ids: { query: { orgId: 'org' } },
    query: Type.Object({ year: Type.Optional(Year), orgId: Type.Optional(Id) }),
    response: {
      200: Obj({
        states: States,
        totals: Obj({ listed: Type.Integer(), byState: Type.Record(Type.String(), Type.Integer()) }),
        children: Type.Array(
          Obj({ org: Obj({ id: Type.Integer(), name: Type.String() }), listed: Type.Integer() }),
        ),
        criteria: Type.Array(Obj({ code: Type.String(), name: Named, n: Type.Integer() })),
      }),
    },
    async handler({ db, actor, query }) {
      return weakOrgFigures(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/weak-orgs/:id',
    access: 'assessment:read',
    summary: '一个软弱涣散党组织的整顿台账：原因、方案、问题、进展、销号和回头看 / One rectification ledger',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'weak_org',
    response: {
      200: Obj({
        id: Type.Integer(),
        year: Type.Integer(),
        org: Obj({ id: Type.Integer(), name: Type.String() }),
        state: Type.String(),
        reasons: Obj({ hits: Type.Array(Hit), manual: Nullable(Type.String()) }),
        plan: Type.String(),
        problems: Type.Array(
          Obj({ id: Type.Integer(), problem: Type.String(), doneOn: Nullable(Type.String()) }),
        ),
        progress: Type.Array(Obj({ action: Type.String(), onDate: Type.String(), note: Type.String() })),
        actions: Type.Array(Type.String()),
      }),
    },
    async handler({ db, actor, params }) {
      return ledgerDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/weak-orgs/:id/plan',
    access: 'assessment:manage',
    summary: '镇（街）制定整顿方案：问题清单、整改措施、责任人和时限 / The town sets the plan',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'weak_org',
    body: Type.Object(
      {
        plan: MultilineText(2000, { minLength: 2 }),
        cadreName: Text(20, { minLength: 2 }),
        cadrePost: Text(40, { minLength: 2 }),
        deadline: DateOnly('整顿时限 / deadline'),
        problems: Type.Array(
          Type.Object(
            {
              problem: Text(200, { minLength: 2 }),
              measure: MultilineText(500),
              deadline: Type.Optional(DateOnly()),
            },
            { additionalProperties: false },
          ),
          { maxItems: 30 },
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Moved },
    async handler({ db, actor, params, body, write }) {
      return setPlan(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/weak-orgs/:id/progress',
    access: 'assessment:manage',
    summary: '记录整顿进展，或某个问题整改完成（附佐证）/ Record progress or close a problem with evidence',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'weak_org',
    ids: { body: { problemId: 'rectification_problem' } },
    body: Type.Object(
      {
        onDate: DateOnly(),
        note: MultilineText(1000, { minLength: 2 }),
        problemId: Type.Optional(Id),
        evidence: Type.Optional(MultilineText(1000)),
      },
      { additionalProperties: false },
    ),
    response: { 200: Moved },
    async handler({ db, actor, params, body, write }) {
      return addLedgerProgress(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/weak-orgs/:id/transitions',
    access: 'assessment:manage',
    summary:
      '申请销号（镇街）、验收销号或不通过（县）、回头看（县，销号六个月后）/ Request acceptance, accept or reject, review',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'weak_org',
    body: Type.Object(
      {
        action: lit(['request_acceptance', 'accept', 'reject', 'review']),
        note: Type.Optional(MultilineText(1000)),
        evidence: Type.Optional(MultilineText(2000)),
        relapsed: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    response: { 200: Moved },
    async handler({ db, actor, params, body, write }) {
      return moveLedger(db, write, actor, params.id, body);
    },
  }),
];
