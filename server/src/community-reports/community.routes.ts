// 双报到双服务 routes (issue 5 item 3). Thin: parse, declare access, call
// one service function. Who sees which report: scoped.communityReports (the community's side and the
// reporter's side); rules in community.service.ts and community-rules.ts.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import {
  DateOnly,
  Id,
  Literals,
  MultilineText,
  Num,
  Paging,
  Text,
  Year as YearOf,
} from '../platform/http/schemas.ts';
import * as community from './community.service.ts';
import { exportReports } from './community-export.ts';
import * as read from './community-read.service.ts';
import * as responses from './community-responses.ts';

const lit = Literals;
const DateText = DateOnly;
const TAGS = ['transfers'];
const ASSESSMENT = lit(['excellent', 'good', 'fair', 'poor']);
const Year = Type.Optional(YearOf('年度，默认今年 / year, default this year'));

const ListFilter = {
  year: Year,
  communityOrgId: Type.Optional(Id('报到社区 / the community')),
  reporterKind: Type.Optional(lit(['member', 'unit'])),
  q: Type.Optional(Text(50, { description: '报到主体名称 / reporter name' })),
  assessment: Type.Optional(lit(['excellent', 'good', 'fair', 'poor', 'none'])),
  sort: Type.Optional(lit(['reportedOn', 'hours', 'name'])),
};
const Search = Type.Object({ q: Type.Optional(Text(50)) });
/** The list filter's community: one the reports seen may name (the community's side or the reporter's). */
const ListIds = { query: { communityOrgId: 'city_org' } } as const;

export const communityRoutes = [
  route({
    method: 'GET',
    url: '/api/community-reports',
    access: 'transfer:manage',
    summary:
      '双报到：报到名单（分页）、服务时长与年度考核 / Community reports, paged, with hours and assessment',
    tags: TAGS,
    query: Type.Object({ ...Paging, ...ListFilter }),
    ids: ListIds,
    response: { 200: responses.getCommunityReports },
    async handler({ db, actor, query, audit }) {
      return read.listReports(db, actor, audit, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/community-reports',
    access: 'transfer:manage',
    summary:
      '到社区报到：本单位党员 / 单位党组织，或社区按身份证号登记其他单位在职党员 / Report to a community',
    tags: TAGS,
    body: Type.Object(
      {
        communityOrgId: Id('报到的社区（全市）/ the community, anywhere in the city'),
        memberId: Type.Optional(Id('范围内的党员 / a member in scope')),
        idNumber: Type.Optional(
          Text(20, {
            minLength: 1,
            description: '社区登记其他单位党员：身份证号 / the community registers a member of another unit',
          }),
        ),
        unitOrgId: Type.Optional(Id('单位党组织 / the unit org')),
        reportedOn: Type.Optional(DateText('报到日期，默认今天 / date, default today')),
        note: Type.Optional(MultilineText(500)),
      },
      { additionalProperties: false },
    ),
    // a community of the whole city; the member of the subtree; the unit org named by the community
    // side may be of the whole city (the service narrows it to the subtree on the reporter's side)
    ids: { body: { communityOrgId: 'city_org', memberId: 'member', unitOrgId: 'city_org' } },
    response: { 201: responses.postCommunityReports },
    async handler({ db, actor, body, write, reply }) {
      const id = await community.report(db, write, actor, body);
      reply.status(201);
      return { id };
    },
  }),
  route({
    method: 'POST',
    url: '/api/community-reports/service-hours',
    access: 'transfer:manage',
    summary: '记录服务时长 / Record service hours',
    tags: TAGS,
    body: Type.Object(
      {
        reportId: Id(),
        servedOn: DateText('服务日期 / date'),
        hours: Num(0, 100),
        content: MultilineText(500, { minLength: 1 }),
      },
      { additionalProperties: false },
    ),
    ids: { body: { reportId: 'community_report' } },
    response: { 201: responses.postCommunityReportsServiceHours },
    async handler({ actor, body, write, reply }) {
      const id = await community.addService(write, actor, body);
      reply.status(201);
      return { id };
    },
  }),
  route({
    method: 'POST',
    url: '/api/community-reports/assessments',
    access: 'transfer:manage',
    summary: '社区年度考核评定（社区党组织，12 月起）/ The community’s annual assessment of a reporter',
    tags: TAGS,
    body: Type.Object({ reportId: Id(), assessment: ASSESSMENT }, { additionalProperties: false }),
    ids: { body: { reportId: 'community_report' } },
    response: { 200: responses.postCommunityReportsAssessments },
    async handler({ actor, body, write }) {
      await community.assess(write, actor, body);
      return { id: body.reportId };
    },
  }),
  route({
    method: 'GET',
    url: '/api/community-reports.xlsx',
    access: 'transfer:manage',
    summary: '导出双报到名单与社区汇总为 Excel（身份证号脱敏，留痕）/ Export the reports to Excel',
    tags: TAGS,
    query: Type.Object(ListFilter),
    ids: ListIds,
    response: { 200: responses.getCommunityReportsXlsx },
    async handler({ db, actor, query, reply, audit }) {
      const file = await exportReports(db, actor, query);
      await audit({
        action: 'community_report.export',
        targetType: 'org',
        targetId: actor.scopeOrgId,
        after: { rows: file.rows, filter: file.filter, memberIds: file.memberIds },
        countyCode: actor.scopeCountyCode,
      });
      const name = encodeURIComponent(`双报到名单-${file.year}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="community-reports.xlsx"; filename*=UTF-8''${name}`,
        )
        .send(file.buffer);
    },
  }),
  route({
    method: 'GET',
    url: '/api/community-reports/by-community',
    access: 'transfer:manage',
    summary: '双报到按社区汇总：报到人数、服务时长、考核分布 / Figures per community',
    tags: TAGS,
    query: Type.Object({ ...Paging, year: Year, q: Type.Optional(Text(50)) }),
    response: { 200: responses.getCommunityReportsByCommunity },
    async handler({ db, actor, query }) {
      return read.totalsByCommunity(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/community-reports/services',
    access: 'transfer:manage',
    summary: '一条报到的服务记录 / The services of one report',
    tags: TAGS,
    query: Type.Object({ reportId: Id() }),
    ids: { query: { reportId: 'community_report' } },
    response: { 200: responses.getCommunityReportsServices },
    async handler({ db, actor, query, audit }) {
      return read.reportServices(db, actor, audit, query.reportId);
    },
  }),
  route({
    method: 'GET',
    url: '/api/community-reports/member-lookup',
    access: 'transfer:manage',
    summary:
      '社区按身份证号查找其他单位在职党员（留痕）/ The community finds a member by ID number (audited)',
    tags: TAGS,
    query: Type.Object({
      communityOrgId: Id(),
      idNumber: Text(20, { minLength: 1 }),
    }),
    // only a community inside the subtree looks a member up (the service checks it is a community)
    ids: { query: { communityOrgId: 'org' } },
    response: { 200: responses.getCommunityReportsMemberLookup },
    async handler({ db, actor, query, audit }) {
      return community.lookupMember(db, actor, audit, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/community-reports/community-options',
    access: 'transfer:manage',
    summary: '可报到的社区（全市，名称、编码或拼音首字母）/ Communities to report to',
    tags: TAGS,
    query: Search,
    response: { 200: responses.getCommunityReportsCommunityOptions },
    async handler({ db, actor, query }) {
      return read.communityChoices(db, actor, query.q ?? '');
    },
  }),
  route({
    method: 'GET',
    url: '/api/community-reports/unit-options',
    access: 'transfer:manage',
    summary: '单位党组织（全市，机关企事业单位与两新组织）/ Unit party organizations',
    tags: TAGS,
    query: Search,
    response: { 200: responses.getCommunityReportsUnitOptions },
    async handler({ db, actor, query }) {
      return read.unitChoices(db, actor, query.q ?? '');
    },
  }),
];
