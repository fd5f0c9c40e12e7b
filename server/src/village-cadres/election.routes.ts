// 换届: a county's election calendar, candidates and their joint qualification review (联审), the
// results written into the cadres' terms (issue 14 item 4). Thin: parse, declare access, call one service.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams } from '../platform/http/schemas.ts';
import {
  CalendarPage,
  CandidateBody,
  ElectionDetail,
  Paging,
  ResultsBody,
  ReviewBody,
  RoundBody,
  RoundsResult,
  ScheduleBody,
} from './cadre-schemas.ts';
import {
  addCandidate,
  createRound,
  electionCalendar,
  electionDetail,
  reviewCandidate,
  rounds,
  scheduleElection,
} from './election.service.ts';
import { recordResults } from './election-results.service.ts';
import { Created, Id, lit } from './village-common.ts';

const TAGS = ['village-cadres'];

export const electionRoutes = [
  route({
    method: 'GET',
    url: '/api/election-rounds',
    access: 'village:read',
    summary: '县（市、区）换届选举工作计划及进度 / A county’s election rounds and their progress',
    tags: TAGS,
    query: Type.Object({ countyCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', maxLength: 6 })) }),
    response: { 200: RoundsResult },
    async handler({ db, actor, query }) {
      return rounds(db, actor, query.countyCode);
    },
  }),
  route({
    method: 'POST',
    url: '/api/election-rounds',
    access: 'village:supervise',
    summary:
      '县（市、区）制定换届工作计划（全县各村列入日历）/ The county plans a round for all its villages',
    tags: TAGS,
    body: RoundBody,
    response: { 201: Type.Object({ id: Type.Integer(), villages: Type.Integer() }) },
    async handler({ db, actor, body, write, reply }) {
      const out = await createRound(db, write, actor, body);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'GET',
    url: '/api/elections',
    access: 'village:read',
    summary: '各村换届日历：计划日期、任期届满、候选人联审进度 / The villages’ election calendar',
    tags: TAGS,
    ids: { query: { orgId: 'org', roundId: 'election_round' } },
    query: Type.Object({
      orgId: Type.Optional(Id()),
      roundId: Type.Optional(Id()),
      status: Type.Optional(lit(['planned', 'held', 'postponed'])),
      ...Paging,
    }),
    response: { 200: CalendarPage },
    async handler({ db, actor, query }) {
      return electionCalendar(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/elections/:id',
    access: 'village:read',
    summary: '一个村的换届：候选人、各部门联审意见、当选结果 / One village’s election',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'village_election',
    response: { 200: ElectionDetail },
    async handler({ db, actor, params }) {
      return electionDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/elections/:id/schedule',
    access: 'village:supervise',
    summary: '调整选举日期，或经批准推迟 / Reschedule, or postpone with approval',
    tags: TAGS,
    params: IdParams,
    body: ScheduleBody,
    scopeResource: 'village_election',
    response: { 200: ElectionDetail },
    async handler({ db, actor, params, body, write }) {
      return scheduleElection(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/elections/:id/candidates',
    access: 'village:supervise',
    summary: '登记候选人（提交联审）/ Add a candidate for the joint review',
    tags: TAGS,
    ids: { body: { memberId: 'member' } },
    params: IdParams,
    body: CandidateBody,
    scopeResource: 'village_election',
    response: { 200: Created },
    async handler({ db, actor, params, body, write }) {
      return addCandidate(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/election-candidates/:id/reviews',
    access: 'village:supervise',
    summary: '联审部门对照负面清单给出意见和理由 / A department’s verdict on a candidate, with its reason',
    tags: TAGS,
    params: IdParams,
    body: ReviewBody,
    scopeResource: 'election_candidate',
    response: {
      200: Type.Object({
        id: Type.Integer(),
        reviewStatus: Type.String(),
        missing: Type.Array(Type.String()),
      }),
    },
    async handler({ db, actor, params, body, write }) {
      return reviewCandidate(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/elections/:id/results',
    access: 'village:supervise',
    summary: '登记选举结果：写入村干部任期和村党组织届次 / Record the results into the cadres’ terms',
    tags: TAGS,
    ids: { body: { 'elected[].candidateId': 'election_candidate' } },
    params: IdParams,
    body: ResultsBody,
    scopeResource: 'village_election',
    response: { 200: ElectionDetail },
    async handler({ db, actor, params, body, write }) {
      return recordResults(db, write, actor, params.id, body);
    },
  }),
];
