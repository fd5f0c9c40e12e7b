// Response schemas of org-check.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types
// (org-check-findings.ts, org-check.service.ts).
import { Type } from '@sinclair/typebox';
import { OrgKindCode, OrgLevelCode } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { FINDING_KINDS } from './domain/org-rules.ts';

const FindingKindCode = Literals(FINDING_KINDS);
export const CommitteePositionCode = Literals(['secretary', 'deputy_secretary', 'member']);

/** One finding of the rules (domain/org-rules.ts: Finding); `facts` are the figures the rule used. */
export const Finding = Type.Object({
  kind: FindingKindCode,
  rule: Type.String(),
  severity: Literals(['error', 'warning']),
  message_zh: Type.String(),
  message_en: Type.String(),
  facts: Type.Record(Type.String(), Type.Unknown()),
});

/** A checked org as the findings and an org's terms name it. */
const CheckedOrg = Type.Object({
  id: Type.Number(),
  code: Type.String(),
  name: Type.String(),
  kind: OrgKindCode,
  level: OrgLevelCode,
});

/** A finding with the org and the figures behind it (org-check-findings.ts): the city's list and my branch's. */
export const FindingRow = Type.Composite([
  Finding,
  Type.Object({
    org: Type.Composite([CheckedOrg, Type.Object({ shortName: Type.String() })]),
    figures: Type.Object({
      members: Type.Number(),
      fullMembers: Type.Number(),
      committeeSize: Nullable(Type.Number()),
      electedOn: Nullable(Type.String()),
      termEndsOn: Nullable(Type.String()),
      daysOverdue: Nullable(Type.Number()),
    }),
  }),
]);

/** The number of findings of each kind. */
export const FindingCounts = Type.Record(FindingKindCode, Type.Number());

/** GET /api/org-checks */
export const getOrgChecks = Type.Object({
  today: Type.String(),
  checkedOrgs: Type.Number(),
  counts: FindingCounts,
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
  items: Type.Array(FindingRow),
});

/** GET /api/org-checks.xlsx */
export const getOrgChecksXlsx = Type.Unknown({ description: '文件 / a file' });

/** GET /api/org-checks/orgs/:id: the org's terms, current committee and findings */
export const OrgTerms = Type.Object({
  org: CheckedOrg,
  termYears: Type.Number(),
  electsCommittee: Type.Boolean(),
  members: Type.Number(),
  fullMembers: Type.Number(),
  terms: Type.Array(
    Type.Object({
      id: Type.Number(),
      electedOn: Type.String(),
      termYears: Type.Number(),
      endsOn: Type.String(),
      note: Type.String(),
    }),
  ),
  committee: Type.Array(
    Type.Object({
      memberId: Nullable(Type.Number()),
      name: Type.String(),
      position: CommitteePositionCode,
    }),
  ),
  findings: Type.Array(Finding),
});

/** GET /api/org-checks/orgs/:id */
export const getOrgChecksOrgsById = OrgTerms;

/** POST /api/org-checks/elections: the org's terms after the election */
export const postOrgChecksElections = OrgTerms;
