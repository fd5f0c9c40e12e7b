// Response schemas of community.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types
// (community-read.service.ts, community.service.ts).
import { Type } from '@sinclair/typebox';
import { IdName } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { ASSESSMENTS } from './community-rules.ts';

const AssessmentCode = Literals(ASSESSMENTS);

/** The id of the record a write created or changed. */
const Written = Type.Object({ id: Type.Number() });

/** One report (toItem in community-read.service.ts). */
export const ReportItem = Type.Object({
  id: Type.Number(),
  community: Type.Object({ id: Type.Number(), name: Type.String(), shortName: Type.String() }),
  reporterKind: Literals(['member', 'unit']),
  /** a member (masked ID number) or a unit org (idNumberMasked null) */
  reporter: Type.Object({
    id: Nullable(Type.Number()),
    name: Nullable(Type.String()),
    idNumberMasked: Nullable(Type.String()),
    orgName: Nullable(Type.String()),
  }),
  year: Type.Number(),
  reportedOn: Type.String(),
  note: Type.String(),
  hours: Type.Number(),
  serviceCount: Type.Number(),
  lastServedOn: Nullable(Type.String()),
  assessment: Nullable(AssessmentCode),
  assessedOn: Nullable(Type.String()),
  canAssess: Type.Boolean(),
});

/** The figures of a set of reports (figures() in community-read.service.ts). */
const Figures = Type.Object({
  reporters: Type.Number(),
  members: Type.Number(),
  units: Type.Number(),
  hours: Type.Number(),
  membersMeetingTarget: Type.Number(),
  inactive: Type.Number(),
  assessments: Type.Object({
    excellent: Type.Number(),
    good: Type.Number(),
    fair: Type.Number(),
    poor: Type.Number(),
    none: Type.Number(),
  }),
});

/** An org offered by the register dialog's pickers. */
const OrgOption = Type.Object({
  id: Type.Number(),
  code: Type.String(),
  name: Type.String(),
  parentName: Nullable(Type.String()),
});

/** GET /api/community-reports */
export const getCommunityReports = Type.Object({
  year: Type.Number(),
  items: Type.Array(ReportItem),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
});

/** POST /api/community-reports */
export const postCommunityReports = Written;

/** POST /api/community-reports/service-hours */
export const postCommunityReportsServiceHours = Written;

/** POST /api/community-reports/assessments */
export const postCommunityReportsAssessments = Written;

/** GET /api/community-reports.xlsx */
export const getCommunityReportsXlsx = Type.Unknown({ description: '文件 / a file' });

/** GET /api/community-reports/by-community */
export const getCommunityReportsByCommunity = Type.Object({
  year: Type.Number(),
  targetHours: Type.Number(),
  assessmentOpen: Type.Boolean(),
  myCommunity: Nullable(IdName),
  totals: Type.Composite([Type.Object({ communities: Type.Number() }), Figures]),
  items: Type.Array(
    Type.Composite([
      Type.Object({
        community: Type.Object({
          id: Type.Number(),
          name: Type.String(),
          shortName: Type.String(),
          townName: Nullable(Type.String()),
        }),
      }),
      Figures,
    ]),
  ),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
});

/** GET /api/community-reports/services */
export const getCommunityReportsServices = Type.Object({
  report: ReportItem,
  services: Type.Array(
    Type.Object({
      id: Type.Number(),
      servedOn: Type.String(),
      hours: Type.Number(),
      content: Type.String(),
      recordedBy: Nullable(Type.String()),
    }),
  ),
});

/** GET /api/community-reports/member-lookup */
export const getCommunityReportsMemberLookup = Type.Object({
  id: Type.Number(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  orgName: Type.String(),
  occupation: Type.String(),
  inService: Type.Boolean(),
  reportedThisYear: Type.Boolean(),
});

/** GET /api/community-reports/community-options */
export const getCommunityReportsCommunityOptions = Type.Array(OrgOption);

/** GET /api/community-reports/unit-options */
export const getCommunityReportsUnitOptions = Type.Array(
  Type.Composite([OrgOption, Type.Object({ unitName: Nullable(Type.String()) })]),
);
