// 四议两公开 and the villager-group template (issue 14 item 1). Thin: parse, declare access, call one
// service function. The rules live in domain/deliberation-machine.ts.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams } from '../platform/http/schemas.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { Created, DateOnly, Id, lit, Text, Year } from '../village-cadres/village-common.ts';
import { sendXlsx } from '../village-cadres/village-excel.ts';
import { createMatter, recordStep, withdrawMatter } from './deliberation.service.ts';
import { exportMattersXlsx } from './deliberation-export.ts';
import { deliberationFigures, matterDetail, matterPage, rosterForStep } from './deliberation-read.service.ts';
import {
  CreateResult,
  FiguresResult,
  MatterBodySchema,
  MatterDetail,
  MatterPage,
  MatterQuerySchema,
  OptionsResult,
  RosterResult,
  StepBodySchema,
  StepResult,
} from './deliberation-schemas.ts';
import { readDeliberationSettings } from './deliberation-state.ts';
import { BODY_KINDS, BODY_NAMES, CATEGORIES } from './domain/templates.ts';

const TAGS = ['deliberation'];

export const deliberationRoutes = [
  route({
    method: 'GET',
    url: '/api/deliberation-options',
    access: 'village:read',
    summary: '决策程序模板、事项类别、会议名称和本地设置 / Templates, categories, bodies and local numbers',
    tags: TAGS,
    response: { 200: OptionsResult },
    async handler({ db }) {
      const s = await readDeliberationSettings(db);
      return {
        templates: Object.values(s.templates).map((t) => ({
          key: t.key,
          nameZh: t.nameZh,
          nameEn: t.nameEn,
          mergeable: t.mergeable,
          steps: t.steps.map((x) => ({
            key: x.key,
            nameZh: x.nameZh,
            nameEn: x.nameEn,
            kind: x.kind,
            bodies: x.bodies,
          })),
        })),
        categories: CATEGORIES.map((c) => ({
          ...c,
          villagerMeeting: (s.villagerMeetingCategories as string[]).includes(c.code),
        })),
        bodies: BODY_KINDS.map((b) => ({ key: b, ...BODY_NAMES[b] })),
        villagerMeetingAmountFen: s.villagerMeetingAmountFen,
        villagerMeetingNoticeDays: s.villagerMeetingNoticeDays,
        resolutionPublicityDays: s.resolutionPublicityDays,
        resultPublicityDays: s.resultPublicityDays,
        publishResolutionWithinDays: s.publishResolutionWithinDays,
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/deliberations',
    access: 'village:read',
    summary:
      '村级重大事项决策：进行中的下一步与期限、合规性与原因 / Village decisions: next step, deadline, validity and why',
    tags: TAGS,
    query: MatterQuerySchema,
    ids: { query: { orgId: 'org' } },
    response: { 200: MatterPage },
    async handler({ db, actor, query }) {
      return matterPage(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/deliberations',
    access: 'village:manage',
    summary:
      '新建决策事项，或补录已决策事项及其全部步骤 / Open a matter, or enter one decided before with its steps',
    tags: TAGS,
    body: MatterBodySchema,
    ids: {
      body: {
        orgId: 'org',
        gridId: 'grid',
        'steps[].attendees.members[]': 'member',
        'steps[].attendees.cadres[]': 'village_cadre',
        'steps[].attendees.representatives[]': 'village_representative',
        'steps[].attachments[]': 'village_attachment',
      },
    },
    response: { 201: CreateResult },
    async handler({ db, actor, body, write, reply }) {
      const created = await createMatter(db, write, actor, body);
      reply.status(201);
      return created;
    },
  }),
  route({
    method: 'GET',
    url: '/api/deliberations.xlsx',
    access: 'village:read',
    summary: '导出村级重大事项决策为 Excel（同样的筛选）/ Export the matters to Excel (same filters)',
    tags: TAGS,
    query: MatterQuerySchema,
    ids: { query: { orgId: 'org' } },
    response: { 200: Type.Unknown({ description: 'xlsx' }) },
    async handler({ db, actor, query, reply, audit }) {
      const file = await exportMattersXlsx(db, actor, query);
      await audit({
        action: 'deliberation.export',
        targetType: 'org',
        targetId: file.orgId,
        after: { rows: file.rows, filter: query },
      });
      return sendXlsx(
        reply,
        file.buffer,
        'deliberations.xlsx',
        `${file.orgName}-村级重大事项决策-${file.today}.xlsx`,
      );
    },
  }),
  route({
    method: 'GET',
    url: '/api/deliberation-figures',
    access: 'village:read',
    summary: '决策合规性按下级组织统计（可逐级下钻）/ Validity per town or village, with drill-down',
    tags: TAGS,
    query: Type.Object({
      orgId: Type.Optional(Id()),
      year: Type.Optional(Year()),
    }),
    ids: { query: { orgId: 'org' } },
    response: { 200: FiguresResult },
    async handler({ db, actor, query }) {
      return deliberationFigures(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/deliberations/:id',
    access: 'village:read',
    summary: '一个事项：各步骤、到会人员、表决、合规性 / One matter: steps, attendees, votes, validity',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'deliberation',
    response: { 200: MatterDetail },
    async handler({ db, actor, params }) {
      return matterDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/deliberations/:id/roster',
    access: 'village:read',
    summary: '某日某会议的应到名册 / Who is due at a body on a day',
    tags: TAGS,
    params: IdParams,
    query: Type.Object({
      body: Type.Optional(lit(BODY_KINDS)),
      on: Type.Optional(DateOnly('会议日期，默认今天 / date, default today')),
    }),
    scopeResource: 'deliberation',
    response: { 200: RosterResult },
    async handler({ db, actor, params, query }) {
      return rosterForStep(
        db,
        actor,
        params.id,
        query.body ?? 'party_committee',
        query.on ?? shanghaiToday(),
      );
    },
  }),
  route({
    method: 'POST',
    url: '/api/deliberations/:id/steps',
    access: 'village:manage',
    summary:
      '登记下一步（严格按序；不足法定人数等答 422 并说明规则）/ Record the next step (strict order; 422 names the broken rule)',
    tags: TAGS,
    params: IdParams,
    body: StepBodySchema,
    ids: {
      body: {
        'attendees.members[]': 'member',
        'attendees.cadres[]': 'village_cadre',
        'attendees.representatives[]': 'village_representative',
        'attachments[]': 'village_attachment',
      },
    },
    scopeResource: 'deliberation',
    response: { 200: StepResult },
    async handler({ db, actor, params, body, write }) {
      return recordStep(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/deliberations/:id/withdraw',
    access: 'village:manage',
    summary: '撤回进行中的事项 / Withdraw an open matter',
    tags: TAGS,
    params: IdParams,
    body: Type.Object({ reason: Text(500, 1) }, { additionalProperties: false }),
    scopeResource: 'deliberation',
    response: { 200: Created },
    async handler({ db, actor, params, body, write }) {
      const r = await withdrawMatter(db, write, actor, params.id, body.reason);
      return { id: r.id };
    },
  }),
];
