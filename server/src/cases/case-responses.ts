// Response schemas of case.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { IdName } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { CASE_ACTIONS, CASE_STATES, EVALUATIONS, REJECT_REASONS } from './domain/case-machine.ts';

const RejectReasonCode = Literals(REJECT_REASONS);
const EvaluationCode = Literals(EVALUATIONS);
const CaseActionCode = Literals(CASE_ACTIONS);
const SummonsStateCode = Literals(['reported', 'summoned', 'done']);
const StepActionCode = Literals([...CASE_ACTIONS, 'report']);
const CaseStateCode = Literals(CASE_STATES);
const CaseActorRoleCode = Literals(['grid_worker', 'resident', 'org_admin', 'department_staff', 'system']);
const ChannelCode = Literals([
  'grid_worker',
  'resident',
  'hotline_12345',
  'police_110',
  'petition',
  'external',
]);
const LightCode = Literals(['green', 'yellow', 'red']);
const SuggestionReasonCode = Literals(['category', 'history']);

export const MetricCounts = Type.Object({
  dueToClose: Type.Number(),
  closed: Type.Number(),
  closedOnTime: Type.Number(),
  resolved: Type.Number(),
  received: Type.Number(),
  respondedInTime: Type.Number(),
  handled: Type.Number(),
  handledOnTime: Type.Number(),
  reworked: Type.Number(),
  evaluated: Type.Number(),
  satisfied: Type.Number(),
  basicallySatisfied: Type.Number(),
  closeMsTotal: Type.Number(),
});

/** GET /api/departments */
export const getDepartments = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.String(),
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
      countyCode: Type.String(),
      kindName: Type.String(),
    }),
  ),
});

/** GET /api/case-categories */
export const getCaseCategories = Type.Object({
  classes: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      subcategories: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          urgent: Type.Boolean(),
          departmentKind: Nullable(Type.String()),
        }),
      ),
    }),
  ),
});

/** A case as the lists show it. */
export const CaseRow = Type.Object({
  id: Type.Number(),
  caseNo: Type.String(),
  title: Type.String(),
  state: CaseStateCode,
  stateName: Type.String(),
  channel: ChannelCode,
  categoryCode: Nullable(Type.String()),
  categoryName: Nullable(Type.String()),
  gridName: Nullable(Type.String()),
  townName: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  urgent: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  stepDeadline: Nullable(Type.String({ format: 'date-time' })),
  light: LightCode,
  supervision: Type.String(),
  version: Type.Number(),
});

/** A case as GET /api/cases/:id answers it (the write answers carry it too). */
export const CaseDetail = Type.Composite([
  CaseRow,
  Type.Object({
    description: Type.String(),
    address: Type.String(),
    lng: Nullable(Type.Number()),
    lat: Nullable(Type.Number()),
    gridNearest: Type.Boolean(),
    reporter: Type.Object({
      nameMasked: Nullable(Type.String()),
      phoneMasked: Nullable(Type.String()),
    }),
    grid: Nullable(
      Type.Object({
        id: Type.Number(),
        code: Nullable(Type.String()),
        name: Nullable(Type.String()),
      }),
    ),
    village: Nullable(
      Type.Object({
        id: Type.Number(),
        name: Nullable(Type.String()),
      }),
    ),
    routedDepartment: Nullable(IdName),
    departmentId: Nullable(Type.Number()),
    dueAt: Nullable(Type.String({ format: 'date-time' })),
    closedAt: Nullable(Type.String({ format: 'date-time' })),
    rejection: Nullable(
      Type.Object({
        reason: RejectReasonCode,
        duplicateOf: Nullable(Type.Number()),
        note: Nullable(Type.String()),
      }),
    ),
    counters: Type.Object({
      redispatch: Type.Number(),
      rework: Type.Number(),
      extension: Type.Number(),
      reopen: Type.Number(),
    }),
    evaluation: Nullable(EvaluationCode),
    allowedActions: Type.Array(CaseActionCode),
    summons: Type.Array(
      Type.Object({
        departmentId: Type.Number(),
        departmentName: Type.String(),
        state: SummonsStateCode,
        reportDeadline: Type.String({ format: 'date-time' }),
        reportedAt: Nullable(Type.String({ format: 'date-time' })),
        doneAt: Nullable(Type.String({ format: 'date-time' })),
        note: Nullable(Type.String()),
        late: Type.Boolean(),
      }),
    ),
    steps: Type.Array(
      Type.Object({
        action: StepActionCode,
        actionName: Type.String(),
        fromState: Nullable(CaseStateCode),
        toState: CaseStateCode,
        actorName: Nullable(Type.String()),
        actorRole: CaseActorRoleCode,
        note: Type.String(),
        attachments: Type.Array(Type.Number()),
        details: Nullable(Type.Record(Type.String(), Type.Unknown())),
        at: Type.String({ format: 'date-time' }),
      }),
    ),
    photos: Type.Array(Type.Number()),
  }),
]);

/** POST /api/cases */
export const postCases = Type.Object({
  case: CaseDetail,
  trackingCode: Nullable(Type.String()),
});

/** POST /api/attachments */
export const postAttachments = Type.Object({
  id: Type.Number(),
  mime: Literals(['image/jpeg', 'image/png', 'image/webp']),
  bytes: Type.Number(),
  sha256: Type.String(),
});

/** GET /api/attachments/:id */
export const getAttachmentsById = Type.Unknown({ description: '文件 / a file' });

/** GET /api/cases */
export const getCases = Type.Object({
  page: Nullable(Type.Number()),
  pageSize: Type.Number(),
  nextCursor: Nullable(Type.String()),
  total: Type.Optional(Type.Number()),
  totalCapped: Type.Optional(Type.Boolean()),
  count: Type.Optional(Type.Number()),
  countExact: Type.Optional(Type.Boolean()),
  items: Type.Array(
    Type.Composite([CaseRow, Type.Object({ lng: Nullable(Type.Number()), lat: Nullable(Type.Number()) })]),
  ),
});

/** GET /api/cases/suggest */
export const getCasesSuggest = Type.Object({
  source: Literals(['model', 'keywords']),
  model: Nullable(
    Type.Object({
      version: Type.Number(),
      trainedAt: Type.String({ format: 'date-time' }),
      sampleCount: Type.Number(),
      accuracy: Nullable(Type.Number()),
      holdoutCount: Type.Number(),
      top3Accuracy: Nullable(Type.Number()),
    }),
  ),
  categories: Type.Array(
    Type.Object({
      score: Type.Number(),
      code: Type.String(),
      name: Type.String(),
      className: Nullable(Type.String()),
      probability: Type.Number(),
    }),
  ),
  department: Nullable(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      kind: Type.String(),
      reason: SuggestionReasonCode,
      probability: Type.Number(),
    }),
  ),
  departments: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      kind: Type.String(),
      reason: SuggestionReasonCode,
      probability: Type.Number(),
    }),
  ),
  duplicateRule: Type.Object({
    categoryCodes: Type.Array(Type.String()),
    radiusM: Type.Number(),
    days: Type.Number(),
    minSimilarity: Type.Number(),
  }),
  duplicates: Type.Array(
    Type.Object({
      id: Type.Number(),
      caseNo: Type.String(),
      title: Type.String(),
      state: CaseStateCode,
      distanceM: Type.Number(),
      createdAt: Type.String({ format: 'date-time' }),
      similarity: Type.Number(),
      score: Type.Number(),
    }),
  ),
});

/** GET /api/cases/place */
export const getCasesPlace = Type.Object({
  lng: Type.Number(),
  lat: Type.Number(),
  county: Nullable(Type.String()),
  town: Nullable(Type.String()),
  village: Nullable(Type.String()),
  grid: Type.String(),
  nearest: Type.Boolean(),
  distanceM: Type.Number(),
});

/** POST /api/cases/track */
export const postCasesTrack = Type.Object({
  caseNo: Type.String(),
  state: CaseStateCode,
  stateName: Type.String(),
  category: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  steps: Type.Array(
    Type.Object({
      action: StepActionCode,
      actionName: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
});

/** GET /api/cases/:id */
export const getCasesById = CaseDetail;

/** POST /api/cases/:id/transitions */
export const postCasesByIdTransitions = Type.Union([
  // the case as GET /api/cases/:id answers it
  getCasesById,
  Type.Object({
    stateName: Type.String(),
    left: Type.Boolean(),
    id: Type.Number(),
    caseNo: Type.String(),
    state: CaseStateCode,
    version: Type.Number(),
  }),
]);

/** POST /api/cases/:id/summons/:departmentId/:verb */
export const postCasesByIdSummonsByDepartmentIdByVerb = postCasesByIdTransitions;

/** GET /api/case-stats */
export const getCaseStats = Type.Object({
  scope: Type.Object({
    orgId: Type.Number(),
    name: Nullable(Type.String()),
  }),
  total: Type.Number(),
  byChannel: Type.Record(Type.String(), Type.Number()),
  byCategory: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      n: Type.Number(),
    }),
  ),
  rates: Type.Object({
    responseRate: Nullable(Type.Number()),
    onTimeHandlingRate: Nullable(Type.Number()),
    closeRate: Nullable(Type.Number()),
    onTimeCloseRate: Nullable(Type.Number()),
    reworkRate: Nullable(Type.Number()),
    satisfactionRate: Nullable(Type.Number()),
    resolutionRate: Nullable(Type.Number()),
  }),
  hotlineScore: Nullable(Type.Number()),
  avgHandlingHours: Nullable(Type.Number()),
  byLight: Type.Object({
    green: Type.Number(),
    yellow: Type.Number(),
    red: Type.Number(),
  }),
  counts: MetricCounts,
});

/** GET /api/case-stats.xlsx */
export const getCaseStatsXlsx = Type.Unknown({ description: '文件 / a file' });

/** GET /api/notifications */
export const getNotifications = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      kind: Type.String(),
      title: Type.String(),
      body: Type.String(),
      caseId: Nullable(Type.Number()),
      createdAt: Type.String({ format: 'date-time' }),
      readAt: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
});
