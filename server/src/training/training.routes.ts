// 培训 / 党校 (issue 5 item 6): classes, sessions, enrollment, attendance with class hours, and the
// progress of 万名党员进党校. Thin: parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import {
  DateOnly,
  Id,
  IdList,
  IdParams,
  Int,
  Literals,
  Num,
  Text,
  Year as YearOf,
} from '../platform/http/schemas.ts';
import {
  addSession,
  classDetail,
  createClass,
  enroll,
  listClasses,
  recordAttendance,
} from './training.service.ts';
import { progress, setTarget } from './training-progress.service.ts';
import * as responses from './training-responses.ts';

const DateText = DateOnly();
const Year = YearOf();
const Hours = Num(0, 24, { multipleOf: 0.5, description: '学时 / class hours' });
const TAGS = ['training'];
const Level = Literals(['city_key', 'county_general', 'grassroots'], {
  description: '市级重点培训 / 县级普训 / 基层培训',
});

export const trainingRoutes = [
  route({
    method: 'GET',
    url: '/api/training/classes',
    access: 'training:manage',
    summary: '培训班列表（本组织及下级）/ Training classes of an org and the orgs under it',
    tags: TAGS,
    query: Type.Object({ orgId: Type.Optional(Id()), year: Type.Optional(Year) }),
    ids: { query: { orgId: 'org' } },
    response: { 200: responses.getTrainingClasses },
    async handler({ db, actor, query }) {
      return listClasses(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/training/classes',
    access: 'training:manage',
    summary: '开设培训班 / Open a training class',
    tags: TAGS,
    body: Type.Object(
      {
        orgId: Id(),
        title: Text(200, { minLength: 1 }),
        level: Level,
        provider: Type.Optional(Text(100, { description: '承办单位，如 双水党校' })),
        partySchool: Type.Optional(Type.Boolean({ description: '党校培训（计入万名党员进党校）' })),
        startsOn: DateText,
        endsOn: DateText,
      },
      { additionalProperties: false },
    ),
    ids: { body: { orgId: 'org' } },
    response: { 201: responses.postTrainingClasses },
    async handler({ db, actor, body, write, reply }) {
      const id = await createClass(db, write, actor, body);
      reply.status(201);
      return classDetail(db, actor, id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/training/classes/:id',
    access: 'training:manage',
    summary: '培训班详情：课程、学员、学时 / A class with its sessions, enrollment and hours',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'training_class',
    response: { 200: responses.getTrainingClassesById },
    async handler({ db, actor, params }) {
      return classDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/training/classes/:id/sessions',
    access: 'training:manage',
    summary: '增加课程（日期、学时）/ Add a session with its date and class hours',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'training_class',
    body: Type.Object(
      {
        heldOn: DateText,
        topic: Text(200, { minLength: 1 }),
        hours: Type.Number({ exclusiveMinimum: 0, maximum: 24, multipleOf: 0.5 }),
      },
      { additionalProperties: false },
    ),
    // answers the class with its sessions (200), as the other writes on a class do
    response: { 200: responses.postTrainingClassesByIdSessions },
    async handler({ db, actor, params, body, write }) {
      await addSession(db, write, actor, params.id, body);
      return classDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/training/classes/:id/enrollments',
    access: 'training:manage',
    summary: '报名：党员和入党申请人 / Enroll members and applicants',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'training_class',
    body: Type.Object(
      {
        memberIds: Type.Optional(IdList(2000)),
        applicantIds: Type.Optional(IdList(500)),
      },
      { additionalProperties: false },
    ),
    ids: { body: { 'memberIds[]': 'member', 'applicantIds[]': 'applicant' } },
    response: { 200: responses.postTrainingClassesByIdEnrollments },
    async handler({ db, actor, params, body, write }) {
      return enroll(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/training/classes/:id/attendance',
    access: 'training:manage',
    summary: '登记课程出勤与学时（申请人的学时计入发展党员培训要求）/ Record attendance and hours',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'training_class',
    body: Type.Object(
      {
        sessionId: Id('课程 / the session'),
        attendance: Type.Array(
          Type.Object({ enrollmentId: Id(), hours: Type.Optional(Hours) }, { additionalProperties: false }),
          {
            minItems: 1,
            maxItems: 2000,
          },
        ),
      },
      { additionalProperties: false },
    ),
    ids: { body: { sessionId: 'training_session', 'attendance[].enrollmentId': 'training_enrollment' } },
    response: { 200: responses.postTrainingClassesByIdAttendance },
    async handler({ db, actor, params, body, write }) {
      return recordAttendance(db, write, actor, params.id, body.sessionId, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/training/progress',
    access: 'training:manage',
    summary: '万名党员进党校进度（本组织及直属下级）/ Progress of 万名党员进党校 by scope',
    tags: TAGS,
    query: Type.Object({ orgId: Type.Optional(Id()), year: Year }),
    ids: { query: { orgId: 'org' } },
    response: { 200: responses.getTrainingProgress },
    async handler({ db, actor, query }) {
      return progress(db, actor, query);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/training/targets',
    access: 'training:manage',
    summary: '下达年度进党校目标（市、县）/ Set the year’s target (city or county)',
    tags: TAGS,
    body: Type.Object(
      { orgId: Id(), year: Year, target: Int(0, 1_000_000) },
      { additionalProperties: false },
    ),
    ids: { body: { orgId: 'org' } },
    response: { 200: responses.putTrainingTargets },
    async handler({ db, actor, body, write }) {
      await setTarget(db, write, actor, body);
      return { ok: true };
    },
  }),
];
