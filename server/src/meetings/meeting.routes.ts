// 组织生活 (issue 5 item 4): meetings with their sign-in, compliance with the frequency rules, and the
// monthly checklist. Thin: parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import {
  DateOnly,
  Id,
  IdParams,
  Literals,
  Month as MonthOf,
  MultilineText,
  Paging,
  Text,
} from '../platform/http/schemas.ts';
import { composeChecklist, markDone, publishChecklist, remindOverdue } from './checklist.service.ts';
import * as read from './checklist-read.service.ts';
import { ATTENDANCE_STATUSES, MEETING_KINDS, type MeetingKind } from './domain/meeting-rules.ts';
import { attendees, listMeetings, meetingDetail, recordMeeting } from './meeting.service.ts';
import { compliance } from './meeting-compliance.service.ts';
import * as responses from './meeting-responses.ts';

const lit = Literals;
const DateText = DateOnly;
const Month = MonthOf();
const TAGS = ['meetings'];

const MeetingBody = Type.Object(
  {
    orgId: Id('召开会议的党支部 / the branch'),
    kind: lit(MEETING_KINDS),
    heldOn: DateText('会议日期（不晚于今天）/ date held, not in the future'),
    topic: Text(200, { minLength: 1 }),
    place: Type.Optional(Text(200)),
    host: Type.Optional(Text(50)),
    minutes: Type.Optional(MultilineText(20_000)),
    photos: Type.Optional(Type.Array(Text(300, { minLength: 1 }), { maxItems: 30 })),
    attendance: Type.Array(
      Type.Object(
        {
          memberId: Id(),
          status: lit(ATTENDANCE_STATUSES),
          reason: Type.Optional(Text(200)),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000, description: '签到：本支部党员出席、缺席（须写原因）或请假' },
    ),
  },
  { additionalProperties: false },
);

const ChecklistBody = Type.Object(
  {
    month: Month,
    title: Text(200, { minLength: 1 }),
    note: Type.Optional(MultilineText(2000)),
    items: Type.Array(
      Type.Object(
        {
          title: Text(200, { minLength: 1 }),
          description: Type.Optional(MultilineText(2000)),
          kinds: Type.Optional(Type.Array(lit(MEETING_KINDS), { maxItems: 9 })),
          dueOn: Type.Optional(DateText('完成期限（当月内）/ due date in the month')),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
    publish: Type.Optional(Type.Boolean({ description: '立即下发 / publish at once' })),
  },
  { additionalProperties: false },
);

const ScopeQuery = Type.Object({ checklistId: Id(), orgId: Type.Optional(Id()) });
const ScopeIds = { query: { checklistId: 'checklist', orgId: 'org' } } as const;

export const meetingRoutes = [
  route({
    method: 'GET',
    url: '/api/meetings',
    access: 'meeting:read',
    summary: '组织生活会议列表（本组织及下级）/ Meetings of an org and the orgs under it',
    tags: TAGS,
    query: Type.Object({
      ...Paging,
      orgId: Type.Optional(Id()),
      kind: Type.Optional(lit(MEETING_KINDS)),
      from: Type.Optional(DateText('起')),
      to: Type.Optional(DateText('止')),
    }),
    ids: { query: { orgId: 'org' } },
    response: { 200: responses.getMeetings },
    async handler({ db, actor, query }) {
      return listMeetings(db, actor, { ...query, kind: query.kind as MeetingKind | undefined });
    },
  }),
  route({
    method: 'POST',
    url: '/api/meetings',
    access: 'meeting:record',
    summary: '登记会议及签到（三会一课、主题党日等）/ Record a meeting with its sign-in',
    tags: TAGS,
    body: MeetingBody,
    ids: { body: { orgId: 'org', 'attendance[].memberId': 'member' } },
    response: { 201: responses.postMeetings },
    async handler({ db, actor, body, write, reply }) {
      const id = await recordMeeting(db, write, actor, body);
      reply.status(201);
      return meetingDetail(db, actor, id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/meetings/:id',
    access: 'meeting:read',
    summary: '会议详情与签到 / One meeting with its sign-in',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'meeting',
    response: { 200: responses.getMeetingsById },
    async handler({ db, actor, params }) {
      return meetingDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/meetings/orgs/:id/attendees',
    access: 'meeting:record',
    summary: '可签到的本支部党员 / Members a meeting of this org may sign in',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'org',
    response: { 200: responses.getMeetingsOrgsByIdAttendees },
    async handler({ db, actor, params }) {
      return attendees(db, actor, params.id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/meetings/orgs/:id/compliance',
    access: 'meeting:read',
    summary: '组织生活达标情况：本组织及下级各支部（达标、待开、逾期）/ Compliance with the frequency rules',
    tags: TAGS,
    params: IdParams,
    query: Type.Object({ asOf: Type.Optional(DateText('统计日期')) }),
    scopeResource: 'org',
    response: { 200: responses.getMeetingsOrgsByIdCompliance },
    async handler({ db, actor, params, query }) {
      return compliance(db, actor, params.id, query.asOf);
    },
  }),
  route({
    method: 'GET',
    url: '/api/checklists',
    access: 'meeting:read',
    summary: '每月组织生活清单（上级下发的和本级制定的）/ Monthly checklists',
    tags: TAGS,
    query: Type.Object({ month: Type.Optional(Month) }),
    response: { 200: responses.getChecklists },
    async handler({ db, actor, query }) {
      return read.listChecklists(db, actor, query.month);
    },
  }),
  route({
    method: 'POST',
    url: '/api/checklists',
    access: 'checklist:publish',
    summary: '制定（并可立即下发）月度组织生活清单：市、县 / Compose (and publish) a month’s checklist',
    tags: TAGS,
    body: ChecklistBody,
    response: { 201: responses.postChecklists },
    async handler({ db, actor, body, write, reply }) {
      const id = await composeChecklist(db, write, actor, body);
      reply.status(201);
      return { id, ...(await read.listChecklists(db, actor, body.month)).items.find((c) => c.id === id) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/checklists/publish',
    access: 'checklist:publish',
    summary: '下发清单到辖区每个党支部 / Publish a draft to every branch of the scope',
    tags: TAGS,
    body: Type.Object({ checklistId: Id() }, { additionalProperties: false }),
    ids: { body: { checklistId: 'checklist' } },
    response: { 200: responses.postChecklistsPublish },
    async handler({ db, actor, body, write }) {
      return { targets: await publishChecklist(db, write, actor, body.checklistId) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/checklists/completion',
    access: 'meeting:read',
    summary: '清单完成率，按下级组织汇总 / Completion rolled up by the scope’s children',
    tags: TAGS,
    query: ScopeQuery,
    ids: ScopeIds,
    response: { 200: responses.getChecklistsCompletion },
    async handler({ db, actor, query }) {
      return read.completion(db, actor, query.checklistId, query.orgId);
    },
  }),
  route({
    method: 'GET',
    url: '/api/checklists/overdue',
    access: 'meeting:read',
    summary: '逾期未完成清单事项的党支部 / Branches with overdue items',
    tags: TAGS,
    query: ScopeQuery,
    ids: ScopeIds,
    response: { 200: responses.getChecklistsOverdue },
    async handler({ db, actor, query }) {
      return read.overdueBranches(db, actor, query.checklistId, query.orgId);
    },
  }),
  route({
    method: 'POST',
    url: '/api/checklists/remind',
    access: 'checklist:publish',
    summary: '提醒逾期党支部（站内通知）/ Remind overdue branches (in-app notifications)',
    tags: TAGS,
    body: Type.Object({ checklistId: Id(), orgId: Type.Optional(Id()) }, { additionalProperties: false }),
    ids: { body: { checklistId: 'checklist', orgId: 'org' } },
    response: { 200: responses.postChecklistsRemind },
    async handler({ db, actor, body, write }) {
      return remindOverdue(db, write, actor, body.checklistId, body.orgId);
    },
  }),
  route({
    method: 'GET',
    url: '/api/checklists/tasks',
    access: 'meeting:read',
    summary: '党支部的清单事项 / A branch’s checklist items',
    tags: TAGS,
    query: Type.Object({ orgId: Id(), month: Type.Optional(Month) }),
    ids: { query: { orgId: 'org' } },
    response: { 200: responses.getChecklistsTasks },
    async handler({ db, actor, query }) {
      return read.branchTasks(db, actor, query.orgId, query.month);
    },
  }),
  route({
    method: 'POST',
    url: '/api/checklists/tasks/done',
    access: 'meeting:record',
    summary: '以会议记录为依据标记清单事项完成 / Mark an item done with a meeting as evidence',
    tags: TAGS,
    body: Type.Object({ taskId: Id(), meetingId: Id() }, { additionalProperties: false }),
    ids: { body: { taskId: 'checklist_task', meetingId: 'meeting' } },
    response: { 200: responses.postChecklistsTasksDone },
    async handler({ db, actor, body, write }) {
      return markDone(db, write, actor, body.taskId, body.meetingId);
    },
  }),
];
