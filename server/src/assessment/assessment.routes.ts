// 分级分档 (issue 15): settings, village categories, a county's yearly round (compute, town review,
// approve, publish), the board with drill-down to records, a village's own years, appeals. Thin:
// parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams, MultilineText, Num, PageSize, Paging, Text } from '../platform/http/schemas.ts';
import { decideAppeal, fileAppeal } from './appeal.service.ts';
import { boardWorkbook } from './assessment-export.ts';
import { appealList, assessmentDetail, board, myAssessments } from './assessment-read.service.ts';
import {
  Appeals,
  Board,
  Categories,
  Code,
  Detail,
  Id,
  lit,
  Mine,
  Obj,
  Records,
  RunResult,
  Settings,
  SettingsBody,
  Year,
} from './assessment-schemas.ts';
import { assessmentSettings, saveAssessmentSettings } from './assessment-settings.service.ts';
import { runGrading } from './grading.service.ts';
import { indicatorRecords } from './indicators/indicator-records.service.ts';
import { enterManualScore, moveRound, reviewTown } from './review.service.ts';
import { setVillageCategories, villageCategories } from './village-category.service.ts';

const TAGS = ['assessment'];
const IndicatorCode = Code;
const BoardFilter = {
  year: Year,
  orgId: Type.Optional(Id),
  category: Type.Optional(IndicatorCode),
  grade: Type.Optional(IndicatorCode),
  townId: Type.Optional(Id),
  q: Type.Optional(Text(50, { description: '村名、代码、拼音首字母或书记姓名' })),
  sort: Type.Optional(lit(['total', 'rank', 'town'])),
};
const Saved = Obj({ saved: Type.Integer() });

export const assessmentRoutes = [
  route({
    method: 'GET',
    url: '/api/assessment/settings',
    access: 'assessment:read',
    summary: '考核设置：村类别、指标体系与权重、分档办法、补贴标准 / Assessment settings',
    tags: TAGS,
    response: { 200: Obj({ settings: Settings, defaults: Settings }) },
    async handler({ db, actor }) {
      return assessmentSettings(db, actor);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/assessment/settings',
    access: 'assessment:manage',
    summary: '修改考核设置（市委组织部）/ Change the assessment settings (the city)',
    tags: TAGS,
    body: SettingsBody,
    response: { 200: Settings },
    async handler({ db, actor, body, write }) {
      return saveAssessmentSettings(db, write, actor, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/assessment/categories',
    ids: { query: { orgId: 'org' } },
    access: 'assessment:read',
    summary: '村（社区）的类别（城中村、城郊村、纯农村、侨村、山区村等）/ Village categories',
    tags: TAGS,
    query: Type.Object({
      orgId: Type.Optional(Id),
      q: Type.Optional(Text(50)),
      category: Type.Optional(IndicatorCode),
      page: Paging.page,
      pageSize: Type.Optional(PageSize(500, 50)),
    }),
    response: { 200: Categories },
    async handler({ db, actor, query }) {
      return villageCategories(db, actor, {
        ...query,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 50,
      });
    },
  }),
  route({
    method: 'PUT',
    url: '/api/assessment/categories',
    ids: { body: { 'items[].orgId': 'org' } },
    access: 'assessment:manage',
    summary: '设置村（社区）类别（镇街、县、市）/ Classify villages',
    tags: TAGS,
    body: Type.Object(
      {
        items: Type.Array(
          Type.Object({ orgId: Id, category: IndicatorCode }, { additionalProperties: false }),
          {
            minItems: 1,
            maxItems: 500,
          },
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Saved },
    async handler({ db, actor, body, write }) {
      return setVillageCategories(db, write, actor, body.items);
    },
  }),
  route({
    method: 'POST',
    url: '/api/assessment/rounds',
    ids: { body: { countyOrgId: 'org' } },
    access: 'assessment:manage',
    summary:
      '计算年度考核：按记录计算各村指标、得分、类别内排名和档次（县；市可一次计算全部县）/ Compute the year’s grading',
    tags: TAGS,
    body: Type.Object({ year: Year, countyOrgId: Type.Optional(Id) }, { additionalProperties: false }),
    response: { 201: RunResult },
    async handler({ db, actor, body, write, reply }) {
      const result = await runGrading(db, write, actor, body);
      reply.status(201);
      return result;
    },
  }),
  route({
    method: 'POST',
    url: '/api/assessment/rounds/transitions',
    ids: { body: { countyOrgId: 'org' } },
    access: 'assessment:manage',
    summary: '审定、退回审核或公布年度考核（县）/ Approve, reopen or publish the year’s grading (county)',
    tags: TAGS,
    body: Type.Object(
      { year: Year, countyOrgId: Type.Optional(Id), action: lit(['approve', 'reopen', 'publish']) },
      { additionalProperties: false },
    ),
    response: { 200: Obj({ roundId: Type.Integer(), state: Type.String() }) },
    async handler({ db, actor, body, write }) {
      return moveRound(db, write, actor, {
        ...body,
        action: body.action as 'approve' | 'reopen' | 'publish',
      });
    },
  }),
  route({
    method: 'POST',
    url: '/api/assessment/reviews',
    ids: { body: { 'assessmentIds[]': 'assessment', 'comments[].assessmentId': 'assessment' } },
    access: 'assessment:manage',
    summary: '镇（街）审核本辖区村（社区）的考核结果 / A town reviews its villages’ results',
    tags: TAGS,
    body: Type.Object(
      {
        year: Year,
        assessmentIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
        comments: Type.Optional(
          Type.Array(
            Type.Object({ assessmentId: Id, comment: MultilineText(500) }, { additionalProperties: false }),
            { maxItems: 500 },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Obj({ roundId: Type.Integer(), reviewed: Type.Integer() }) },
    async handler({ db, actor, body, write }) {
      return reviewTown(db, write, actor, body);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/assessment/manual-scores',
    ids: { body: { assessmentId: 'assessment' } },
    access: 'assessment:manage',
    summary: '镇（街）为人工评分指标打分并填写佐证 / A town scores a manual indicator with evidence',
    tags: TAGS,
    body: Type.Object(
      {
        assessmentId: Id,
        indicator: IndicatorCode,
        score: Num(0, 100),
        evidence: MultilineText(2000, { minLength: 1, description: '评分依据 / evidence' }),
        note: Type.Optional(Text(200)),
      },
      { additionalProperties: false },
    ),
    response: {
      200: Obj({ id: Type.Integer(), indicator: Type.String(), score: Type.Number(), total: Type.Number() }),
    },
    async handler({ db, actor, body, write }) {
      const { assessmentId, indicator, ...input } = body;
      return enterManualScore(db, write, actor, assessmentId, indicator, input);
    },
  }),
  route({
    method: 'GET',
    url: '/api/assessment/board',
    ids: { query: { orgId: 'org', townId: 'org' } },
    access: 'assessment:read',
    summary: '考核分级看板：各村得分、类别内排名、档次，按类别、档次和镇街统计 / The grading board',
    tags: TAGS,
    query: Type.Object({
      ...BoardFilter,
      page: Paging.page,
      pageSize: Paging.pageSize,
    }),
    response: { 200: Board },
    async handler({ db, actor, query }) {
      return board(db, actor, { ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
    },
  }),
  route({
    method: 'GET',
    url: '/api/assessment/board.xlsx',
    ids: { query: { orgId: 'org', townId: 'org' } },
    access: 'assessment:read',
    summary: '导出考核分级结果为 Excel（同样的筛选）/ Export the grading board to Excel',
    tags: TAGS,
    query: Type.Object(BoardFilter),
    response: { 200: Type.Unknown({ description: 'xlsx' }) },
    async handler({ db, actor, query, reply, audit }) {
      const file = await boardWorkbook(db, actor, query);
      await audit({
        action: 'assessment.export',
        targetType: 'org',
        targetId: file.scope.id,
        countyCode: file.scope.county_code,
        after: { rows: file.rows, filter: query },
      });
      const name = encodeURIComponent(`${file.scope.name}-${query.year}年度村党组织书记考核.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="assessment.xlsx"; filename*=UTF-8''${name}`)
        .send(file.buffer);
    },
  }),
  route({
    method: 'GET',
    url: '/api/assessment/mine',
    access: 'assessment:read',
    summary: '本村（社区）书记历年考核结果 / The own village’s years',
    tags: TAGS,
    response: { 200: Mine },
    async handler({ db, actor }) {
      return myAssessments(db, actor);
    },
  }),
  route({
    method: 'GET',
    url: '/api/assessments/:id',
    access: 'assessment:read',
    summary: '一个村（社区）的年度考核：各项指标的数据、得分、依据和来源，申诉，历年结果 / One assessment',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'assessment',
    response: { 200: Detail },
    async handler({ db, actor, params }) {
      return assessmentDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/assessments/:id/indicators/:indicator/records',
    access: 'assessment:read',
    summary:
      '指标得分所依据的记录（会议、发展对象、党费、培训、事件、集体收入、擂台赛目标）/ The records behind a score',
    tags: TAGS,
    params: Type.Object({ id: Id, indicator: IndicatorCode }),
    query: Type.Object({
      page: Paging.page,
      pageSize: Paging.pageSize,
    }),
    scopeResource: 'assessment',
    response: { 200: Records },
    async handler({ db, actor, params, query }) {
      return indicatorRecords(db, actor, params.id, params.indicator, query.page ?? 1, query.pageSize ?? 20);
    },
  }),
  route({
    method: 'POST',
    url: '/api/assessments/:id/appeal',
    access: 'assessment:submit',
    summary: '书记对公布的考核结果提出申诉（公布后申诉期内，每年一次）/ Appeal the published result',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'assessment',
    body: Type.Object(
      {
        reason: MultilineText(2000, { minLength: 5, description: '申诉理由 / reason' }),
        indicator: Type.Optional(IndicatorCode),
      },
      { additionalProperties: false },
    ),
    response: { 201: Obj({ id: Type.Integer(), state: Type.String() }) },
    async handler({ db, actor, params, body, write, reply }) {
      const result = await fileAppeal(db, write, actor, params.id, body);
      reply.status(201);
      return result;
    },
  }),
  route({
    method: 'GET',
    url: '/api/assessment/appeals',
    access: 'assessment:read',
    summary: '年度考核的申诉及处理结果 / Appeals of a year',
    tags: TAGS,
    query: Type.Object({ year: Year, state: Type.Optional(lit(['open', 'upheld', 'rejected'])) }),
    response: { 200: Appeals },
    async handler({ db, actor, query }) {
      return appealList(db, actor, query.year, query.state);
    },
  }),
  route({
    method: 'POST',
    url: '/api/assessment/appeals/:id/decision',
    access: 'assessment:manage',
    summary: '县对申诉作出决定：成立（更正指标得分并重新定档）或维持 / Decide an appeal',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'appeal',
    body: Type.Object(
      {
        outcome: lit(['upheld', 'rejected']),
        decision: MultilineText(2000, { minLength: 2 }),
        corrections: Type.Optional(
          Type.Array(
            Type.Object(
              {
                indicator: IndicatorCode,
                score: Num(0, 100),
                note: Type.Optional(Text(200)),
              },
              { additionalProperties: false },
            ),
            { maxItems: 20 },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    response: {
      200: Obj({
        id: Type.Integer(),
        state: Type.String(),
        totalAfter: Type.Union([Type.Number(), Type.Null()]),
      }),
    },
    async handler({ db, actor, params, body, write }) {
      return decideAppeal(db, write, actor, params.id, body);
    },
  }),
];
