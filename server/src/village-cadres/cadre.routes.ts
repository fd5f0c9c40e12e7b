// Village cadres, representatives, the register, reserve cadres and the career ladder (issue 14
// item 4). Thin: parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams } from '../platform/http/schemas.ts';
import {
  addRepresentative,
  appointCadre,
  endCadrePost,
  endRepresentative,
  exportCadresXlsx,
  updateRegister,
  villageCadres,
  villagesPage,
} from './cadre.service.ts';
import {
  ActivityBody,
  AppointBody,
  EndPostBody,
  Paging,
  RegisterBody,
  RepresentativeBody,
  ReserveBody,
  ReserveDetail,
  ReservePage,
  ReserveStatusBody,
  VillageCadres,
  VillagesPage,
  WorkerBody,
  WorkerDetail,
  WorkerEventBody,
  WorkerPage,
} from './cadre-schemas.ts';
import {
  addReserve,
  addReserveActivity,
  addWorkerEvent,
  hireWorker,
  promoteWorker,
  reserveDetail,
  reservePage,
  setReserveStatus,
  workerDetail,
  workerPage,
} from './reserve-worker.service.ts';
import { Created, DateOnly, Id, lit, Text } from './village-common.ts';
import { sendXlsx } from './village-excel.ts';

const TAGS = ['village-cadres'];

export const cadreRoutes = [
  route({
    method: 'GET',
    url: '/api/village-cadres/villages',
    access: 'village:read',
    summary:
      '各村（社区）两委班子、一肩挑、任期、代表和后备干部情况 / Villages: heads, 一肩挑, term, representatives, reserves',
    tags: TAGS,
    ids: { query: { orgId: 'org' } },
    query: Type.Object({ orgId: Type.Optional(Id()), q: Type.Optional(Text(30)), ...Paging }),
    response: { 200: VillagesPage },
    async handler({ db, actor, query }) {
      return villagesPage(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/village-cadres/orgs/:id',
    access: 'village:read',
    summary:
      '一个村（社区）的两委、监委、村民代表和户数人数 / One village’s committees, representatives and register',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'org',
    response: { 200: VillageCadres },
    async handler({ db, actor, params }) {
      return villageCadres(db, actor, params.id);
    },
  }),
  route({
    method: 'GET',
    url: '/api/village-cadres.xlsx',
    access: 'village:read',
    summary: '导出村（社区）两委干部为 Excel / Export the cadres to Excel',
    tags: TAGS,
    ids: { query: { orgId: 'org' } },
    query: Type.Object({ orgId: Type.Optional(Id()) }),
    response: { 200: Type.Unknown({ description: 'xlsx' }) },
    async handler({ db, actor, query, reply, audit }) {
      const file = await exportCadresXlsx(db, actor, query.orgId);
      await audit({
        action: 'village_cadre.export',
        targetType: 'org',
        targetId: file.orgId,
        after: { rows: file.rows },
      });
      return sendXlsx(
        reply,
        file.buffer,
        'village-cadres.xlsx',
        `${file.orgName}-村（社区）两委干部-${file.today}.xlsx`,
      );
    },
  }),
  route({
    method: 'POST',
    url: '/api/village-cadres',
    access: 'village:supervise',
    summary: '任命或补选村干部（本届剩余任期）/ Appoint a cadre for the rest of the term',
    tags: TAGS,
    ids: { body: { orgId: 'org', memberId: 'member' } },
    body: AppointBody,
    response: { 201: Created },
    async handler({ db, actor, body, write, reply }) {
      const out = await appointCadre(db, write, actor, body);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'POST',
    url: '/api/village-cadres/:id/end-post',
    access: 'village:supervise',
    summary: '村干部离任 / A cadre leaves a post',
    tags: TAGS,
    params: IdParams,
    body: EndPostBody,
    scopeResource: 'village_cadre',
    response: { 200: Created },
    async handler({ db, actor, params, body, write }) {
      return endCadrePost(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/village-representatives',
    access: 'village:manage',
    summary: '登记村民代表（按村民小组）/ Add a representative',
    tags: TAGS,
    ids: { body: { orgId: 'org', gridId: 'grid' } },
    body: RepresentativeBody,
    response: { 201: Created },
    async handler({ db, actor, body, write, reply }) {
      const out = await addRepresentative(db, write, actor, body);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'POST',
    url: '/api/village-representatives/:id/end',
    access: 'village:manage',
    summary: '村民代表离任 / A representative leaves',
    tags: TAGS,
    params: IdParams,
    body: Type.Object({ endedOn: DateOnly('离任日期') }, { additionalProperties: false }),
    scopeResource: 'village_representative',
    response: { 200: Created },
    async handler({ db, actor, params, body, write }) {
      return endRepresentative(db, write, actor, params.id, body.endedOn);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/village-register',
    access: 'village:manage',
    summary: '更新村（或村民小组）18 周岁以上村民人数和户数 / Update the register of adults and households',
    tags: TAGS,
    ids: { body: { orgId: 'org', gridId: 'grid' } },
    body: RegisterBody,
    response: { 200: Created },
    async handler({ db, actor, body, write }) {
      return updateRegister(db, write, actor, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/reserve-cadres',
    access: 'village:read',
    summary: '后备干部及其培训、结对培养 / Reserve cadres with training and mentoring',
    tags: TAGS,
    ids: { query: { orgId: 'org' } },
    query: Type.Object({
      orgId: Type.Optional(Id()),
      status: Type.Optional(lit(['active', 'appointed', 'left'])),
      ...Paging,
    }),
    response: { 200: ReservePage },
    async handler({ db, actor, query }) {
      return reservePage(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/reserve-cadres',
    access: 'village:manage',
    summary: '登记后备干部 / Add a reserve cadre',
    tags: TAGS,
    ids: { body: { orgId: 'org' } },
    body: ReserveBody,
    response: { 201: Created },
    async handler({ db, actor, body, write, reply }) {
      const out = await addReserve(db, write, actor, body);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'GET',
    url: '/api/reserve-cadres/:id',
    access: 'village:read',
    summary: '一名后备干部的培养记录 / One reserve cadre’s record',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'reserve_cadre',
    response: { 200: ReserveDetail },
    async handler({ db, actor, params }) {
      return reserveDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/reserve-cadres/:id/activities',
    access: 'village:manage',
    summary: '登记后备干部的培训、导师结对或实践锻炼 / Record training, mentoring or practice',
    tags: TAGS,
    params: IdParams,
    body: ActivityBody,
    scopeResource: 'reserve_cadre',
    response: { 200: ReserveDetail },
    async handler({ db, actor, params, body, write }) {
      return addReserveActivity(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/reserve-cadres/:id/status',
    access: 'village:supervise',
    summary: '后备干部使用或退出 / A reserve cadre is appointed or leaves',
    tags: TAGS,
    params: IdParams,
    body: ReserveStatusBody,
    scopeResource: 'reserve_cadre',
    response: { 200: ReserveDetail },
    async handler({ db, actor, params, body, write }) {
      return setReserveStatus(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/community-workers',
    access: 'village:read',
    summary:
      '社区工作者和专职网格员岗位等级（三岗十八级）与晋级条件 / Community workers on the career ladder',
    tags: TAGS,
    ids: { query: { orgId: 'org' } },
    query: Type.Object({
      orgId: Type.Optional(Id()),
      tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
      gridWorkers: Type.Optional(Type.Boolean()),
      ...Paging,
    }),
    response: { 200: WorkerPage },
    async handler({ db, actor, query }) {
      return workerPage(db, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/community-workers',
    access: 'village:supervise',
    summary: '聘用社区工作者或将专职网格员纳入岗位序列 / Hire a community worker',
    tags: TAGS,
    ids: { body: { orgId: 'org', gridWorkerId: 'grid_worker' } },
    body: WorkerBody,
    response: { 201: Created },
    async handler({ db, actor, body, write, reply }) {
      const out = await hireWorker(db, write, actor, body);
      reply.status(201);
      return out;
    },
  }),
  route({
    method: 'GET',
    url: '/api/community-workers/:id',
    access: 'village:read',
    summary: '一名社区工作者的等级、培训、考核和晋级记录 / One worker’s ladder record',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'community_worker',
    response: { 200: WorkerDetail },
    async handler({ db, actor, params }) {
      return workerDetail(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/community-workers/:id/events',
    access: 'village:supervise',
    summary: '登记培训学时或年度考核 / Record training hours or a yearly assessment',
    tags: TAGS,
    params: IdParams,
    body: WorkerEventBody,
    scopeResource: 'community_worker',
    response: { 200: WorkerDetail },
    async handler({ db, actor, params, body, write }) {
      return addWorkerEvent(db, write, actor, params.id, body);
    },
  }),
  route({
    method: 'POST',
    url: '/api/community-workers/:id/promote',
    access: 'village:supervise',
    summary: '按期晋升一级（不符合条件答 422 并说明原因）/ Move up one grade (422 says what is missing)',
    tags: TAGS,
    params: IdParams,
    body: Type.Object({ on: DateOnly('晋级日期') }, { additionalProperties: false }),
    scopeResource: 'community_worker',
    response: { 200: WorkerDetail },
    async handler({ db, actor, params, body, write }) {
      return promoteWorker(db, write, actor, params.id, body.on);
    },
  }),
];
