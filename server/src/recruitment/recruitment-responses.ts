// Response schemas of recruitment.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { GenderCode, IdName } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { STAGES } from './domain/steps.ts';

const ApplicationStatusCode = Literals(['closed', 'active', 'completed']);
const StageCode = Literals(STAGES);
const DueKindCode = Literals(['assessment', 'approval', 'talk', 'conversion', 'conversion_approval']);
const VoteKindCode = Literals(['conversion', 'admission']);

export const Publicity = Type.Object({
  startsOn: Type.String(),
  endsOn: Type.String(),
});

/** GET /api/recruitment/summary */
export const getRecruitmentSummary = Type.Object({
  org: IdName,
  today: Type.String(),
  month: Type.Object({
    first: Type.String(),
    last: Type.String(),
  }),
  byStage: Type.Object({
    applicant: Type.Number(),
    probationary: Type.Number(),
    full: Type.Number(),
    activist: Type.Number(),
    candidate: Type.Number(),
  }),
  overdue: Type.Number(),
  overdueByKind: Type.Record(Type.String(), Type.Number()),
  dueConversionsThisMonth: Type.Number(),
});

/** GET /api/recruitment/branches */
export const getRecruitmentBranches = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      fullMembers: Type.Number(),
    }),
  ),
});

/** GET /api/recruitment/applications */
export const getRecruitmentApplications = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      gender: GenderCode,
      orgId: Type.Number(),
      orgName: Type.String(),
      status: ApplicationStatusCode,
      stage: StageCode,
      lastStep: Type.Number(),
      lastStepOn: Type.String(),
      appliedOn: Type.String(),
      talkLate: Type.Boolean(),
      dueOn: Nullable(Type.String()),
      dueKind: Nullable(DueKindCode),
      overdue: Type.Boolean(),
      probationEndsOn: Nullable(Type.String()),
    }),
  ),
  /** on a page asked without a cursor: exact up to the cap, then the planner's estimate (countExact false) */
  total: Type.Optional(Type.Number()),
  count: Type.Optional(Type.Number()),
  countExact: Type.Optional(Type.Boolean()),
  page: Nullable(Type.Number()),
  pageSize: Type.Number(),
  nextCursor: Nullable(Type.String()),
  today: Type.String(),
});

/** POST /api/recruitment/applications */
export const postRecruitmentApplications = Type.Object({
  id: Type.Number(),
  version: Type.Number(),
  status: ApplicationStatusCode,
  stage: StageCode,
  lastStep: Type.Number(),
  lastStepOn: Type.String(),
  nextSteps: Type.Array(Type.Number()),
  today: Type.String(),
  due: Nullable(
    Type.Object({
      kind: Nullable(DueKindCode),
      on: Type.String(),
      overdue: Type.Boolean(),
    }),
  ),
  talkLate: Type.Boolean(),
  probationEndsOn: Nullable(Type.String()),
  extensionMonths: Nullable(Type.Number()),
  memberId: Nullable(Type.Number()),
  closedOn: Nullable(Type.String()),
  closedReason: Nullable(Type.String()),
  org: IdName,
  applicant: Type.Object({
    name: Type.String(),
    gender: GenderCode,
    ethnicity: Type.String(),
    birthDate: Type.String(),
    idNumberMasked: Type.String(),
    phoneMasked: Type.String(),
    education: Type.String(),
    occupation: Type.String(),
  }),
  steps: Type.Array(
    Type.Object({
      no: Type.Number(),
      code: Type.String(),
      stage: StageCode,
      zh: Type.String(),
      en: Type.String(),
      records: Type.Array(
        Type.Object({
          id: Type.Number(),
          on: Type.String(),
          note: Type.String(),
          details: Nullable(Type.Record(Type.String(), Type.Unknown())),
          attachments: Type.Array(Type.String()),
          late: Type.Boolean(),
          recordedBy: Nullable(Type.String()),
          recordedAt: Type.String({ format: 'date-time' }),
        }),
      ),
    }),
  ),
  events: Type.Array(
    Type.Object({
      id: Type.Number(),
      event: Literals(['step', 'closed', 'extension', 'training', 'objection', 'objection_resolved']),
      on: Type.String(),
      note: Type.String(),
      details: Nullable(Type.Record(Type.String(), Type.Unknown())),
      recordedBy: Nullable(Type.String()),
    }),
  ),
  mentors: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      assignedOn: Type.String(),
    }),
  ),
  sponsors: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      assignedOn: Type.String(),
    }),
  ),
  publicity: Type.Object({
    admission: Nullable(Publicity),
    conversion: Nullable(Publicity),
  }),
  objections: Type.Array(
    Type.Object({
      id: Type.Number(),
      kind: VoteKindCode,
      raisedOn: Type.String(),
      content: Type.String(),
      resolvedOn: Nullable(Type.String()),
      resolution: Nullable(Type.String()),
    }),
  ),
  votes: Type.Array(
    Type.Object({
      kind: VoteKindCode,
      meetingOn: Type.String(),
      membersDue: Type.Number(),
      present: Type.Number(),
      yes: Type.Number(),
      no: Type.Number(),
      abstain: Type.Number(),
      writtenYes: Type.Number(),
      writtenNo: Type.Number(),
      passed: Type.Boolean(),
    }),
  ),
  trainings: Type.Array(
    Type.Object({
      id: Type.Number(),
      title: Type.String(),
      provider: Type.String(),
      startsOn: Type.String(),
      endsOn: Type.String(),
      hours: Type.Number(),
    }),
  ),
  trainingTotals: Type.Object({
    days: Type.Number(),
    hours: Type.Number(),
  }),
  rules: Type.Object({
    publicityDays: Type.Number(),
    minAge: Type.Literal(18),
    talkWithinMonths: Type.Literal(1),
    activistMinYears: Type.Literal(1),
    assessmentEveryMonths: Type.Literal(6),
    mentorsMin: Type.Literal(1),
    mentorsMax: Type.Literal(2),
    sponsors: Type.Literal(2),
    trainingMinDays: Type.Literal(3),
    trainingMinHours: Type.Literal(24),
    approvalWithinMonths: Type.Literal(3),
    approvalNeverBeyondMonths: Type.Literal(6),
    probationYears: Type.Literal(1),
    extensionMinMonths: Type.Literal(6),
    extensionMaxMonths: Type.Literal(12),
  }),
});

/** GET /api/recruitment/applications/:id */
export const getRecruitmentApplicationsById = postRecruitmentApplications;

/** GET /api/recruitment/applications/:id/eligible-members */
export const getRecruitmentApplicationsByIdEligibleMembers = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      convertedOn: Nullable(Type.String()),
      orgName: Type.String(),
    }),
  ),
});

/** GET /api/recruitment/applications/:id/members-due */
export const getRecruitmentApplicationsByIdMembersDue = Type.Object({
  on: Type.String(),
  due: Type.Number(),
});

/** POST /api/recruitment/applications/:id/steps */
export const postRecruitmentApplicationsByIdSteps = postRecruitmentApplications;

/** POST /api/recruitment/applications/:id/events */
export const postRecruitmentApplicationsByIdEvents = postRecruitmentApplications;

/** POST /api/recruitment/applications/:id/reveal */
export const postRecruitmentApplicationsByIdReveal = Type.Object({
  value: Type.String(),
});
