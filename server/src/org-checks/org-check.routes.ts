// Organization checks and elections (issue 5 item 7; "my branch" and "my records" are in my-branch/
// and my-records/). Thin: parse, declare access, call one service function.
import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { DateOnly, Id, IdParams, Literals, MultilineText, Paging, Text } from '../platform/http/schemas.ts';
import { FINDING_KINDS } from './domain/org-rules.ts';
import { orgTerms, recordElection } from './org-check.service.ts';
import { exportFindings, listFindings } from './org-check-findings.ts';
import * as responses from './org-check-responses.ts';

const lit = Literals;
const TAGS = ['org-checks'];
const FindingFilter = {
  orgId: Type.Optional(Id()),
  kind: Type.Optional(lit(FINDING_KINDS)),
  q: Type.Optional(
    Text(50, {
      description: '组织编码前缀、拼音首字母或名称 / org code prefix, pinyin initials or part of the name',
    }),
  ),
};
const FindingIds = { query: { orgId: 'org' } } as const;

export const orgCheckRoutes = [
  route({
    method: 'GET',
    url: '/api/org-checks',
    access: 'org:read',
    summary:
      '组织设置检查：党员不足 3 名、超过 50 名、委员会人数不符、换届将到期和已逾期（按范围统计）/ Org checks per scope with counts by kind',
    tags: TAGS,
    query: Type.Object({ ...Paging, ...FindingFilter }),
    ids: FindingIds,
    response: { 200: responses.getOrgChecks },
    async handler({ db, actor, query }) {
      return listFindings(db, actor, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/org-checks.xlsx',
    access: 'org:read',
    summary:
      '导出组织设置检查结果为 Excel（同样的筛选）/ Export the org checks’ findings to Excel (same filters)',
    tags: TAGS,
    query: Type.Object(FindingFilter),
    ids: FindingIds,
    response: { 200: responses.getOrgChecksXlsx },
    async handler({ db, actor, query, reply, audit }) {
      const file = await exportFindings(db, actor, query);
      await audit({
        action: 'org_check.export',
        targetType: 'org',
        targetId: file.orgId,
        after: { rows: file.rows, filter: query },
      });
      const name = encodeURIComponent(`${file.orgName}-组织设置与换届检查-${file.today}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="org-checks.xlsx"; filename*=UTF-8''${name}`)
        .send(file.buffer);
    },
  }),
  route({
    method: 'GET',
    url: '/api/org-checks/orgs/:id',
    access: 'org:read',
    summary: '组织的届次、现任委员和检查结果 / An org’s terms, current committee and findings',
    tags: TAGS,
    params: IdParams,
    scopeResource: 'org',
    response: { 200: responses.getOrgChecksOrgsById },
    async handler({ db, actor, params }) {
      return orgTerms(db, actor, params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/api/org-checks/elections',
    access: 'member:manage',
    summary:
      '上级党组织登记换届选举（新一届及委员）/ A higher org records an election: a new term and committee',
    tags: TAGS,
    body: Type.Object(
      {
        orgId: Id('换届的组织（在本组织之下）/ the org, below the caller’s'),
        electedOn: DateOnly('选举日期 / election date'),
        note: Type.Optional(MultilineText(500)),
        committee: Type.Array(
          Type.Object(
            { memberId: Id(), position: responses.CommitteePositionCode },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 9 },
        ),
      },
      { additionalProperties: false },
    ),
    ids: { body: { orgId: 'org', 'committee[].memberId': 'member' } },
    response: { 201: responses.postOrgChecksElections },
    async handler({ db, actor, body, write, reply }) {
      const { orgId, ...input } = body;
      await recordElection(db, write, actor, orgId, input);
      reply.status(201);
      return orgTerms(db, actor, orgId);
    },
  }),
];
