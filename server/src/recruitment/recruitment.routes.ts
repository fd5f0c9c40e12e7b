// 发展党员: recruitment in 5 stages and 25 steps (issue 5 item 2). Thin: parse, declare access, call
// one service function. Rules live in domain/recruitment-machine.ts.
import { Type } from '@sinclair/typebox';
import { CursorParam } from '../platform/http/cursor.ts';
import { route } from '../platform/http/route.ts';
import {
  DateOnly,
  Id,
  IdList,
  IdParams,
  Int,
  Literals,
  MultilineText,
  Num,
  Paging,
  Text,
} from '../platform/http/schemas.ts';
import { STAGES } from './domain/steps.ts';
import { createApplication, recordStep, type StepBody } from './recruitment.service.ts';
import { type EventBody, recordEvent } from './recruitment-events.service.ts';
import * as read from './recruitment-read.service.ts';
import * as responses from './recruitment-responses.ts';

const lit = Literals;
const DateText = DateOnly;
const Note = (max: number) => MultilineText(max);
const Attachments = Type.Optional(Type.Array(Text(200, { minLength: 1 }), { maxItems: 20 }));
const Count = Int(0, 100_000);
const TAGS = ['recruitment'];

const ApplicationBody = Type.Object(
  {
    orgId: Id('申请人所在党支部 / the branch'),
    name: Text(50, { minLength: 1 }),
    idNumber: Text(30, { minLength: 1 }),
    phone: Text(20, { minLength: 1 }),
    ethnicity: Text(20, { minLength: 1 }),
    education: Text(20, { minLength: 1 }),
    occupation: Text(30, { minLength: 1 }),
    appliedOn: DateText('递交入党申请书的日期 / date of the application'),
    note: Type.Optional(Note(1000)),
    attachments: Attachments,
  },
  { additionalProperties: false },
);

const StepBodySchema = Type.Object(
  {
    step: Int(2, 25),
    on: DateText('该步骤实际发生的日期 / the date the step happened'),
    note: Type.Optional(Note(2000)),
    attachments: Attachments,
    by: Type.Optional(Text(50)),
    recommendedBy: Type.Optional(lit(['members', 'youth_league', 'mass_organization'])),
    mentorIds: Type.Optional(IdList(5, '培养联系人 / mentors')),
    sponsorIds: Type.Optional(IdList(5, '入党介绍人 / sponsors')),
    review: Type.Optional(
      Type.Object(
        { complete: Type.Boolean(), conclusion: lit(['qualified', 'unqualified']) },
        { additionalProperties: false },
      ),
    ),
    publicity: Type.Optional(
      Type.Object(
        { startsOn: DateText('公示开始'), endsOn: DateText('公示结束') },
        { additionalProperties: false },
      ),
    ),
    vote: Type.Optional(
      Type.Object(
        {
          present: Count,
          yes: Count,
          no: Count,
          abstain: Count,
          writtenYes: Type.Optional(Count),
          writtenNo: Type.Optional(Count),
        },
        { additionalProperties: false },
      ),
    ),
    delayReason: Type.Optional(Note(500)),
    version: Type.Optional(Int(1, 2_147_483_647)),
  },
  { additionalProperties: false },
);

const EventBodySchema = Type.Union([
  Type.Object(
    {
      action: Type.Literal('training'),
      title: Text(100, { minLength: 1 }),
      provider: Type.Optional(Text(100)),
      startsOn: DateText('培训开始'),
      endsOn: DateText('培训结束'),
      hours: Num(0, 500),
      note: Type.Optional(Note(1000)),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('objection'),
      kind: lit(['admission', 'conversion']),
      raisedOn: DateText('反映日期'),
      content: MultilineText(2000, { minLength: 1 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('resolve_objection'),
      objectionId: Id(),
      resolvedOn: DateText('核实处理日期'),
      resolution: MultilineText(2000, { minLength: 1 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('extend_probation'),
      on: DateText('支部大会决定延长的日期'),
      months: Int(1, 24),
      note: Type.Optional(Note(1000)),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('close'),
      on: DateText('终止日期'),
      reason: MultilineText(500, { minLength: 1 }),
    },
    { additionalProperties: false },
  ),
]);

export const recruitmentRoutes = [
  route({
    method: 'GET',
    url: '/api/recruitment/summary',
    access: 'recruitment:manage',
    summary:
      '发展党员概况：各阶段人数、逾期步骤、本月到期转正 / Pipeline counts, overdue steps, due conversions',
    tags: TAGS,
    query: Type.Object({ orgId: Type.Optional(Id()) }),
    ids: { query: { orgId: 'org' } },
    response: { 200: responses.getRecruitmentSummary },
    async handler({ db, actor, query }) {
      return read.summary(db, actor, query.orgId);
    },
  }),
  route({
    method: 'GET',
    url: '/api/recruitment/branches',
    access: 'recruitment:manage',
    summary: '可发展党员的党支部及其正式党员数 / Branches in scope that recruit',
    tags: TAGS,
    response: { 200: responses.getRecruitmentBranches },
    async handler({ db, actor }) {
      return read.branches(db, actor);
    },
  }),
  route({
    method: 'GET',
    url: '/api/recruitment/applications',
    access: 'recruitment:manage',
    summary:
      '发展党员名单：按阶段、逾期、本月到期转正筛选，按游标分页（nextCursor）/ The pipeline list, paged by cursor',
    tags: TAGS,
    query: Type.Object({
      ...Paging,
      orgId: Type.Optional(Id()),
      stage: Type.Optional(lit(STAGES)),
      status: Type.Optional(lit(['active', 'completed', 'closed'])),
      overdue: Type.Optional(Type.Boolean()),
      dueThisMonth: Type.Optional(Type.Boolean()),
      q: Type.Optional(Text(50)),
      cursor: Type.Optional(CursorParam),
    }),
    ids: { query: { orgId: 'org' } },
    response: { 200: responses.getRecruitmentApplications },
    async handler({ db, actor, query, audit }) {
      return read.list(db, actor, audit, query as read.ListQuery);
    },
  }),
  route({
    method: 'POST',
    url: '/api/recruitment/applications',
    access: 'recruitment:manage',
    summary: '登记入党申请（第 1 步）/ Record an application (step 1)',
    tags: TAGS,
    body: ApplicationBody,
    ids: { body: { orgId: 'org' } },
    response: { 201: responses.postRecruitmentApplications },
    async handler({ db, actor, body, write, audit, reply }) {
      const id = await createApplication(db, write, actor, body);
      reply.status(201);
      return read.detail(db, actor, audit, id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/recruitment/applications/:id',
    access: 'recruitment:manage',
    summary: '发展党员详情：25 个步骤、下一步、相关人员与记录 / One person’s 25 steps',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'recruitment',
    response: { 200: responses.getRecruitmentApplicationsById },
    async handler({ db, actor, params, audit }) {
      return read.detail(db, actor, audit, params.id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/recruitment/applications/:id/eligible-members',
    access: 'recruitment:manage',
    summary: '可作培养联系人或入党介绍人的正式党员 / Full members of the branch',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'recruitment',
    response: { 200: responses.getRecruitmentApplicationsByIdEligibleMembers },
    async handler({ db, actor, params }) {
      return read.eligibleMembers(db, actor, params.id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/recruitment/applications/:id/members-due',
    access: 'recruitment:manage',
    summary: '支部大会应到会有表决权的正式党员数（按会议日期）/ Full members due at a meeting on a date',
    tags: TAGS,
    params: IdParams,
    query: Type.Object({ on: Type.Optional(DateText('会议日期')) }),
    scopeResource: 'recruitment',
    response: { 200: responses.getRecruitmentApplicationsByIdMembersDue },
    async handler({ db, actor, params, query }) {
      return read.membersDue(db, actor, params.id, query.on);
    },
  }),
  route({
    method: 'POST',
    url: '/api/recruitment/applications/:id/steps',
    access: 'recruitment:manage',
    summary: '登记下一步骤（第 2–25 步，按规则校验）/ Record the next step, checked against the rules',
    tags: TAGS,
    params: IdParams,
    body: StepBodySchema,
    scopeResource: 'recruitment',
    ids: { body: { 'mentorIds[]': 'member', 'sponsorIds[]': 'member' } },
    response: { 200: responses.postRecruitmentApplicationsByIdSteps },
    async handler({ db, actor, params, body, write, audit }) {
      await recordStep(db, write, actor, params.id, body as StepBody);
      return read.detail(db, actor, audit, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/recruitment/applications/:id/events',
    access: 'recruitment:manage',
    summary: '登记培训、公示反映及处理、延长预备期、终止 / Training, objections, extension, closing',
    tags: TAGS,
    params: IdParams,
    body: EventBodySchema,
    scopeResource: 'recruitment',
    ids: { body: { objectionId: 'recruitment_objection' } },
    response: { 200: responses.postRecruitmentApplicationsByIdEvents },
    async handler({ db, actor, params, body, write, audit }) {
      await recordEvent(db, write, actor, params.id, body as EventBody);
      return read.detail(db, actor, audit, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/recruitment/applications/:id/reveal',
    access: 'recruitment:manage',
    summary: '查看申请人完整身份证号或手机号（记入审计）/ Reveal an ID or phone number (audited)',
    tags: TAGS,
    params: IdParams,
    body: Type.Object({ field: lit(['idNumber', 'phone']) }, { additionalProperties: false }),
    scopeResource: 'recruitment',
    response: { 200: responses.postRecruitmentApplicationsByIdReveal },
    async handler({ db, actor, params, body, audit }) {
      return read.reveal(db, actor, audit, params.id, body.field as 'idNumber' | 'phone');
    },
  }),
];
