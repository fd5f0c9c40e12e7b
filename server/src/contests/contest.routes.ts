// 擂台赛 (issue 15): contests of a town or county, the villages' entries, judges' scores and audience
// votes, results, and the follow-up of promised goals. Thin: parse, declare access, call one service.
import { Type } from '@sinclair/typebox';
import { Id, lit, Nullable, Obj, Year } from '../assessment/assessment-schemas.ts';
import { route } from '../platform/http/route.ts';
import { DateOnly, IdParams, Int, MultilineText, Num, Text } from '../platform/http/schemas.ts';
import {
  contestDetail,
  contestList,
  createContest,
  enterContest,
  finishContest,
  followUpGoals,
  recordScores,
} from './contest.service.ts';

const TAGS = ['contests'];
const Named = Obj({ zh: Type.String(), en: Type.String() });
const Contest = Obj({
  id: Type.Integer(),
  year: Type.Integer(),
  title: Type.String(),
  heldOn: Type.String(),
  state: Type.String(),
  organizer: Obj({ id: Type.Integer(), name: Type.String() }),
});
const Detail = Obj({
  id: Type.Integer(),
  year: Type.Integer(),
  title: Type.String(),
  theme: Type.String(),
  heldOn: Type.String(),
  state: Type.String(),
  organizer: Obj({ id: Type.Integer(), name: Type.String() }),
  canManage: Type.Boolean(),
  canEnter: Type.Boolean(),
  entries: Type.Array(
    Obj({
      id: Type.Integer(),
      org: Obj({ id: Type.Integer(), name: Type.String(), townName: Type.String() }),
      secretaryName: Nullable(Type.String()),
      topic: Type.String(),
      evidence: Type.String(),
      votes: Type.Integer(),
      judgeScore: Nullable(Type.Number()),
      finalScore: Nullable(Type.Number()),
      rank: Nullable(Type.Integer()),
      award: Nullable(Type.String()),
      awardName: Nullable(Named),
      canFollowUp: Type.Boolean({
        description: '本级可跟进该村的承诺目标 / this scope may follow the goals up',
      }),
      scores: Type.Array(Obj({ judge: Type.String(), score: Type.Number() })),
      goals: Type.Array(
        Obj({ id: Type.Integer(), goal: Type.String(), followup: Type.String(), note: Type.String() }),
      ),
    }),
  ),
});

export const contestRoutes = [
  route({
    method: 'GET',
    url: '/api/contests',
    access: 'assessment:read',
    summary: '擂台赛列表（本级及上级主办）/ Contests held in the scope or above it',
    tags: TAGS,
    query: Type.Object({ year: Type.Optional(Year) }),
    response: { 200: Obj({ items: Type.Array(Contest) }) },
    async handler({ db, actor, query }) {
      return contestList(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/contests',
    access: 'assessment:manage',
    summary: '举办擂台赛（县或镇街）/ Hold a contest (a county or a town)',
    tags: TAGS,
    body: Type.Object(
      {
        year: Year,
        title: Text(100, { minLength: 2 }),
        theme: Type.Optional(MultilineText(500)),
        heldOn: DateOnly('比赛日期 / held on'),
      },
      { additionalProperties: false },
    ),
    response: { 201: Obj({ id: Type.Integer() }) },
    async handler({ db, actor, body, write, reply }) {
      const r = await createContest(db, write, actor, body);
      reply.status(201);
      return r;
    },
  }),
  route({
    method: 'GET',
    url: '/api/contests/:id',
    access: 'assessment:read',
    summary:
      '一次擂台赛：参赛村、承诺目标、评委评分、群众投票和结果 / One contest with its entries and results',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'contest',
    response: { 200: Detail },
    async handler({ db, actor, params }) {
      return contestDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/contests/:id/entries',
    access: 'assessment:submit',
    summary:
      '村（社区）书记报名参赛：题目、承诺目标和佐证 / A village enters: topic, promised goals, evidence',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'contest',
    body: Type.Object(
      {
        topic: Text(100, { minLength: 2 }),
        evidence: Type.Optional(MultilineText(2000)),
        goals: Type.Array(Text(200, { minLength: 2 }), { minItems: 1, maxItems: 10 }),
      },
      { additionalProperties: false },
    ),
    response: { 201: Obj({ id: Type.Integer() }) },
    async handler({ db, actor, params, body, write, reply }) {
      const r = await enterContest(db, write, actor, params.id, body);
      reply.status(201);
      return r;
    },
  }),
  route({
    method: 'PUT',
    url: '/api/contests/:id/scores',
    ids: { body: { 'scores[].entryId': 'contest_entry', 'votes[].entryId': 'contest_entry' } },
    access: 'assessment:manage',
    summary: '记录评委评分和群众投票（主办单位）/ Record judges’ scores and audience votes',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'contest',
    body: Type.Object(
      {
        scores: Type.Array(
          Type.Object(
            { entryId: Id, judge: Text(20, { minLength: 1 }), score: Num(0, 100) },
            { additionalProperties: false },
          ),
          { maxItems: 2000 },
        ),
        votes: Type.Array(
          Type.Object({ entryId: Id, votes: Int(0, 10_000_000) }, { additionalProperties: false }),
          {
            maxItems: 200,
          },
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Obj({ id: Type.Integer(), scores: Type.Integer(), votes: Type.Integer() }) },
    async handler({ db, actor, params, body, write }) {
      return recordScores(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/contests/:id/finish',
    access: 'assessment:manage',
    summary: '公布擂台赛结果：排名和奖项 / Close the contest with its ranking and awards',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'contest',
    response: {
      200: Obj({
        id: Type.Integer(),
        state: Type.String(),
        results: Type.Array(Obj({ id: Type.Integer(), rank: Type.Integer() })),
      }),
    },
    async handler({ db, actor, params, write }) {
      return finishContest(db, write, actor, params.id);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/contests/goals/followups',
    ids: { body: { 'items[].goalId': 'contest_goal' } },
    access: 'assessment:manage',
    summary: '镇（街）跟进擂台赛承诺目标的兑现情况（计入下一年度考核）/ Follow up promised goals',
    tags: TAGS,
    body: Type.Object(
      {
        items: Type.Array(
          Type.Object(
            {
              goalId: Id,
              followup: lit(['pending', 'met', 'partly_met', 'not_met']),
              note: Type.Optional(Text(200)),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 200 },
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Obj({ saved: Type.Integer() }) },
    async handler({ db, actor, body, write }) {
      return followUpGoals(db, write, actor, body.items);
    },
  }),
];
