// 巡查打卡: grid workers' patrols along a route (issue 4 §4), and the coverage a town or village sees.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import {
  DateOnly,
  Id,
  Instant as InstantOf,
  Int,
  Lat,
  Literals,
  Lng,
  MultilineText,
  Text,
} from '../platform/http/schemas.ts';
import { checkIn, endPatrol, myDay, startPatrol } from './patrol.service.ts';
import { coverage } from './patrol-coverage.service.ts';
import * as responses from './patrol-responses.ts';

const CoordSystem = Literals(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);
const RequestId = Text(64, { minLength: 1 });
const Instant = InstantOf();

const CheckinBody = Type.Object(
  {
    lng: Lng(),
    lat: Lat(),
    coordSystem: Type.Optional(CoordSystem),
    at: Instant,
    clientRequestId: Type.Optional(RequestId),
  },
  { additionalProperties: false },
);

export const patrolRoutes = [
  route({
    method: 'POST',
    url: '/api/patrols',
    access: 'patrol:checkin',
    summary: '开始巡查 / Start a patrol',
    tags: ['patrols'],
    body: Type.Object(
      {
        startedAt: Type.Optional(Instant),
        clientRequestId: Type.Optional(RequestId),
        note: Type.Optional(MultilineText(500)),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.postPatrols, 201: responses.postPatrols },
    async handler({ db, actor, body, write, reply }) {
      const r = await startPatrol(db, write, actor, body);
      reply.status(r.created ? 201 : 200);
      return { patrol: r.patrol };
    },
  }),
  route({
    method: 'POST',
    url: '/api/patrols/checkins',
    access: 'patrol:checkin',
    summary: '巡查打卡（手机时间与请求编号，离线补发只记一次）/ Check in at a point',
    tags: ['patrols'],
    body: CheckinBody,
    response: { 200: responses.postPatrolsCheckins, 201: responses.postPatrolsCheckins },
    async handler({ db, actor, body, write, reply }) {
      const r = await checkIn(db, write, actor, body);
      reply.status(r.created ? 201 : 200);
      return { checkin: r.checkin, patrolId: r.patrolId, nearestGrid: r.nearestGrid };
    },
  }),
  route({
    method: 'POST',
    url: '/api/patrols/end',
    access: 'patrol:checkin',
    summary: '结束巡查：里程与时长 / End a patrol: distance and duration',
    tags: ['patrols'],
    body: Type.Object(
      {
        patrolId: Type.Optional(Id()),
        patrolRequestId: Type.Optional(RequestId),
        endedAt: Type.Optional(Instant),
        note: Type.Optional(MultilineText(500)),
      },
      { additionalProperties: false },
    ),
    ids: { body: { patrolId: 'own_patrol' } },
    response: { 200: responses.postPatrolsEnd },
    async handler({ db, actor, body, write }) {
      return endPatrol(db, write, actor, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/patrols/mine',
    access: 'patrol:checkin',
    summary: '我的巡查：某日（默认今天）的巡查与打卡 / My patrols and check-ins of a day',
    tags: ['patrols'],
    query: Type.Object({ date: Type.Optional(DateOnly('某日，默认今天 / the day, default today')) }),
    response: { 200: responses.getPatrolsMine },
    async handler({ db, actor, query }) {
      return myDay(db, actor, query.date);
    },
  }),
  route({
    method: 'GET',
    url: '/api/patrols/coverage',
    access: 'patrol:read',
    summary: '巡查覆盖：本周已巡查 / N 天未巡查的网格，网格员统计 / Patrol coverage of the grids in scope',
    tags: ['patrols'],
    query: Type.Object({
      staleDays: Type.Optional(Int(1, 365)),
      villageId: Type.Optional(Id()),
    }),
    ids: { query: { villageId: 'org' } },
    response: { 200: responses.getPatrolsCoverage },
    async handler({ db, actor, query }) {
      return coverage(db, actor, query);
    },
  }),
];
