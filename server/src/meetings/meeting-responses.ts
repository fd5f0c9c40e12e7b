// Response schemas of meeting.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { IdName, OrgKindCode, OrgLevelCode, ZhEn } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { MEETING_KINDS } from './domain/meeting-rules.ts';

const PeriodUnitCode = Literals(['month', 'quarter', 'year']);
export const MeetingKindCode = Literals(MEETING_KINDS);
const ComplianceStatusCode = Literals(['compliant', 'due', 'overdue']);
const LateStatusCode = Literals(['due', 'overdue']);
const ChecklistStatusCode = Literals(['draft', 'published']);

export const Frequency = Type.Object({
  per: PeriodUnitCode,
  times: Type.Number(),
});

export const Period = Type.Object({
  unit: PeriodUnitCode,
  label: Type.String(),
  first: Type.String(),
  last: Type.String(),
});

export const KindCompliance = Type.Object({
  kind: MeetingKindCode,
  frequency: Frequency,
  status: ComplianceStatusCode,
  current: Type.Object({
    period: Period,
    held: Type.Number(),
    missing: Type.Number(),
  }),
  previous: Type.Object({
    period: Period,
    held: Type.Number(),
    missing: Type.Number(),
  }),
});

export const Compliance = Type.Object({
  asOf: Type.String(),
  status: ComplianceStatusCode,
  kinds: Type.Array(KindCompliance),
  missing: Type.Array(
    Type.Object({
      kind: MeetingKindCode,
      period: Type.String(),
      status: LateStatusCode,
      count: Type.Number(),
    }),
  ),
});

/** GET /api/meetings */
export const getMeetings = Type.Object({
  org: IdName,
  items: Type.Array(
    Type.Object({
      kindName: ZhEn,
      id: Type.Number(),
      kind: MeetingKindCode,
      topic: Type.String(),
      place: Type.String(),
      expected: Type.Number(),
      present: Type.Number(),
      counts: Type.Boolean(),
      orgId: Type.Number(),
      orgName: Type.String(),
      heldOn: Type.String(),
      quorumMet: Type.Boolean(),
    }),
  ),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
});

/** POST /api/meetings */
export const postMeetings = Type.Object({
  id: Type.Number(),
  orgId: Type.Number(),
  orgName: Type.String(),
  kind: MeetingKindCode,
  kindName: ZhEn,
  heldOn: Type.String(),
  topic: Type.String(),
  place: Type.String(),
  host: Type.String(),
  minutes: Type.String(),
  photos: Type.Array(Type.String()),
  expected: Type.Number(),
  present: Type.Number(),
  quorumMet: Type.Boolean(),
  counts: Type.Boolean(),
  attendance: Type.Array(
    Type.Object({
      name: Type.String(),
      status: Literals(['present', 'absent', 'on_leave']),
      reason: Type.String(),
      memberId: Type.Number(),
      memberStatus: Literals(['probationary', 'full']),
    }),
  ),
});

/** GET /api/meetings/:id */
export const getMeetingsById = postMeetings;

/** GET /api/meetings/orgs/:id/attendees */
export const getMeetingsOrgsByIdAttendees = Type.Object({
  org: Type.Object({
    id: Type.Number(),
    name: Type.String(),
    holdsOrgLife: Type.Boolean(),
  }),
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      status: Literals(['probationary', 'full']),
      orgName: Type.String(),
    }),
  ),
});

/** GET /api/meetings/orgs/:id/compliance */
export const getMeetingsOrgsByIdCompliance = Type.Object({
  org: Type.Object({
    id: Type.Number(),
    name: Type.String(),
    level: OrgLevelCode,
    holdsOrgLife: Type.Boolean(),
  }),
  asOf: Type.String(),
  settings: Type.Object({
    frequencies: Type.Object({
      general_assembly: Nullable(Frequency),
      committee_meeting: Nullable(Frequency),
      group_meeting: Nullable(Frequency),
      lecture: Nullable(Frequency),
      theme_day: Nullable(Frequency),
      life_meeting: Nullable(Frequency),
      member_appraisal: Nullable(Frequency),
      first_topic: Nullable(Frequency),
      study_group: Nullable(Frequency),
    }),
    quorumShare: Type.Number(),
  }),
  self: Nullable(Compliance),
  totals: Type.Object({
    branches: Type.Number(),
    compliant: Type.Number(),
    due: Type.Number(),
    overdue: Type.Number(),
  }),
  overdueByKind: Type.Array(
    Type.Object({
      kind: Type.String(),
      name: ZhEn,
      branches: Type.Number(),
    }),
  ),
  children: Type.Array(
    Type.Object({
      org: Type.Object({
        id: Type.Number(),
        name: Type.String(),
        level: OrgLevelCode,
        kind: OrgKindCode,
      }),
      branches: Type.Number(),
      compliant: Type.Number(),
      due: Type.Number(),
      overdue: Type.Number(),
    }),
  ),
  failing: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      status: ComplianceStatusCode,
      missing: Type.Array(
        Type.Object({
          kind: MeetingKindCode,
          period: Type.String(),
          status: LateStatusCode,
          count: Type.Number(),
        }),
      ),
    }),
  ),
});

/** An item of a monthly checklist: what to do, with which meeting kinds, by when. */
const ChecklistItem = Type.Object({
  id: Type.Number(),
  checklistId: Type.Number(),
  seq: Type.Number(),
  title: Type.String(),
  description: Type.String(),
  kinds: Type.Array(MeetingKindCode),
  kindNames: Type.Array(ZhEn),
  dueOn: Type.String(),
});

/** A monthly checklist with its items and completion. */
const Checklist = Type.Object({
  canPublish: Type.Boolean(),
  items: Type.Array(ChecklistItem),
  tasks: Type.Number(),
  done: Type.Number(),
  rate: Type.Number(),
  id: Type.Number(),
  title: Type.String(),
  note: Type.String(),
  status: ChecklistStatusCode,
  month: Type.String(),
  targetCount: Type.Number(),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  issuerOrgId: Type.Number(),
  issuerName: Type.String(),
});

/** GET /api/checklists */
export const getChecklists = Type.Object({
  items: Type.Array(Checklist),
});

/** POST /api/checklists: the checklist, or only its id */
export const postChecklists = Type.Composite([
  Type.Partial(Type.Omit(Checklist, ['id'])),
  Type.Object({ id: Type.Number() }),
]);

/** POST /api/checklists/publish */
export const postChecklistsPublish = Type.Object({
  targets: Type.Number(),
});

/** GET /api/checklists/completion */
export const getChecklistsCompletion = Type.Object({
  checklist: Type.Object({
    id: Type.Number(),
    title: Type.String(),
    month: Type.String(),
    status: ChecklistStatusCode,
    issuerName: Type.String(),
  }),
  org: Type.Object({
    id: Type.Number(),
    name: Type.String(),
    level: OrgLevelCode,
  }),
  today: Type.String(),
  totals: Type.Object({
    rate: Type.Number(),
    branches: Type.Number(),
    branchesDone: Type.Number(),
    branchesOverdue: Type.Number(),
    tasks: Type.Number(),
    done: Type.Number(),
  }),
  own: Nullable(
    Type.Object({
      branches: Type.Number(),
      branchesDone: Type.Number(),
      branchesOverdue: Type.Number(),
      tasks: Type.Number(),
      done: Type.Number(),
      rate: Type.Number(),
    }),
  ),
  children: Type.Array(
    Type.Object({
      branches: Type.Number(),
      branchesDone: Type.Number(),
      branchesOverdue: Type.Number(),
      tasks: Type.Number(),
      done: Type.Number(),
      rate: Type.Number(),
      org: Type.Object({
        id: Type.Number(),
        name: Type.String(),
        level: OrgLevelCode,
      }),
    }),
  ),
});

/** GET /api/checklists/overdue */
export const getChecklistsOverdue = Type.Object({
  today: Type.String(),
  items: Type.Array(
    Type.Object({
      overdue: Type.Number(),
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
      remindedAt: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
});

/** POST /api/checklists/remind */
export const postChecklistsRemind = Type.Object({
  notified: Type.Number(),
  tasks: Type.Number(),
});

/** GET /api/checklists/tasks */
export const getChecklistsTasks = Type.Object({
  org: IdName,
  today: Type.String(),
  items: Type.Array(
    Type.Object({
      kindNames: Type.Array(ZhEn),
      overdue: Type.Boolean(),
      month: Type.String(),
      issuerName: Type.String(),
      title: Type.String(),
      description: Type.String(),
      seq: Type.Number(),
      kinds: Type.Array(MeetingKindCode),
      id: Type.Number(),
      checklistId: Type.Number(),
      checklistTitle: Type.String(),
      dueOn: Type.String(),
      doneOn: Nullable(Type.String()),
      meetingId: Nullable(Type.Number()),
      meetingTopic: Nullable(Type.String()),
      meetingHeldOn: Nullable(Type.String()),
    }),
  ),
});

/** POST /api/checklists/tasks/done */
export const postChecklistsTasksDone = Type.Object({
  id: Type.Number(),
  doneOn: Type.String(),
  meetingId: Type.Number(),
});
