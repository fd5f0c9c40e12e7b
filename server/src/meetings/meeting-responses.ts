// Response schemas of meeting.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { Literals, Nullable } from '../platform/http/schemas.ts';

export const Frequency = Type.Object({
  per: Literals(['month', 'quarter', 'year']),
  times: Type.Number(),
});

export const Period = Type.Object({
  unit: Literals(['month', 'quarter', 'year']),
  label: Type.String(),
  first: Type.String(),
  last: Type.String(),
});

export const KindCompliance = Type.Object({
  kind: Literals([
    'general_assembly',
    'committee_meeting',
    'group_meeting',
    'lecture',
    'theme_day',
    'life_meeting',
    'member_appraisal',
    'first_topic',
    'study_group',
  ]),
  frequency: Frequency,
  status: Literals(['compliant', 'due', 'overdue']),
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
  status: Literals(['compliant', 'due', 'overdue']),
  kinds: Type.Array(KindCompliance),
  missing: Type.Array(
    Type.Object({
      kind: Literals([
        'general_assembly',
        'committee_meeting',
        'group_meeting',
        'lecture',
        'theme_day',
        'life_meeting',
        'member_appraisal',
        'first_topic',
        'study_group',
      ]),
      period: Type.String(),
      status: Literals(['due', 'overdue']),
      count: Type.Number(),
    }),
  ),
});

/** GET /api/meetings */
export const getMeetings = Type.Object({
  org: Type.Object({
    id: Type.Number(),
    name: Type.String(),
  }),
  items: Type.Array(
    Type.Object({
      kindName: Type.Object({
        zh: Type.String(),
        en: Type.String(),
      }),
      id: Type.Number(),
      kind: Literals([
        'general_assembly',
        'committee_meeting',
        'group_meeting',
        'lecture',
        'theme_day',
        'life_meeting',
        'member_appraisal',
        'first_topic',
        'study_group',
      ]),
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
  kind: Literals([
    'general_assembly',
    'committee_meeting',
    'group_meeting',
    'lecture',
    'theme_day',
    'life_meeting',
    'member_appraisal',
    'first_topic',
    'study_group',
  ]),
  kindName: Type.Object({
    zh: Type.String(),
    en: Type.String(),
  }),
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
    level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
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
      name: Type.Object({
        zh: Type.String(),
        en: Type.String(),
      }),
      branches: Type.Number(),
    }),
  ),
  children: Type.Array(
    Type.Object({
      org: Type.Object({
        id: Type.Number(),
        name: Type.String(),
        level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
        kind: Literals([
          'committee',
          'working_committee',
          'general_branch',
          'branch',
          'joint_branch',
          'temporary_branch',
          'group',
        ]),
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
      status: Literals(['compliant', 'due', 'overdue']),
      missing: Type.Array(
        Type.Object({
          kind: Literals([
            'general_assembly',
            'committee_meeting',
            'group_meeting',
            'lecture',
            'theme_day',
            'life_meeting',
            'member_appraisal',
            'first_topic',
            'study_group',
          ]),
          period: Type.String(),
          status: Literals(['due', 'overdue']),
          count: Type.Number(),
        }),
      ),
    }),
  ),
});

/** GET /api/checklists */
export const getChecklists = Type.Object({
  items: Type.Array(
    Type.Object({
      canPublish: Type.Boolean(),
      items: Type.Array(
        Type.Object({
          id: Type.Number(),
          checklistId: Type.Number(),
          seq: Type.Number(),
          title: Type.String(),
          description: Type.String(),
          kinds: Type.Array(
            Literals([
              'general_assembly',
              'committee_meeting',
              'group_meeting',
              'lecture',
              'theme_day',
              'life_meeting',
              'member_appraisal',
              'first_topic',
              'study_group',
            ]),
          ),
          kindNames: Type.Array(
            Type.Object({
              zh: Type.String(),
              en: Type.String(),
            }),
          ),
          dueOn: Type.String(),
        }),
      ),
      tasks: Type.Number(),
      done: Type.Number(),
      rate: Type.Number(),
      id: Type.Number(),
      title: Type.String(),
      note: Type.String(),
      status: Literals(['draft', 'published']),
      month: Type.String(),
      targetCount: Type.Number(),
      publishedAt: Nullable(Type.String({ format: 'date-time' })),
      issuerOrgId: Type.Number(),
      issuerName: Type.String(),
    }),
  ),
});

/** POST /api/checklists */
export const postChecklists = Type.Object({
  canPublish: Type.Optional(Type.Boolean()),
  items: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.Number(),
        checklistId: Type.Number(),
        seq: Type.Number(),
        title: Type.String(),
        description: Type.String(),
        kinds: Type.Array(
          Literals([
            'general_assembly',
            'committee_meeting',
            'group_meeting',
            'lecture',
            'theme_day',
            'life_meeting',
            'member_appraisal',
            'first_topic',
            'study_group',
          ]),
        ),
        kindNames: Type.Array(
          Type.Object({
            zh: Type.String(),
            en: Type.String(),
          }),
        ),
        dueOn: Type.String(),
      }),
    ),
  ),
  tasks: Type.Optional(Type.Number()),
  done: Type.Optional(Type.Number()),
  rate: Type.Optional(Type.Number()),
  id: Type.Number(),
  title: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
  status: Type.Optional(Literals(['draft', 'published'])),
  month: Type.Optional(Type.String()),
  targetCount: Type.Optional(Type.Number()),
  publishedAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  issuerOrgId: Type.Optional(Type.Number()),
  issuerName: Type.Optional(Type.String()),
});

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
    status: Literals(['draft', 'published']),
    issuerName: Type.String(),
  }),
  org: Type.Object({
    id: Type.Number(),
    name: Type.String(),
    level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
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
        level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
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
  org: Type.Object({
    id: Type.Number(),
    name: Type.String(),
  }),
  today: Type.String(),
  items: Type.Array(
    Type.Object({
      kindNames: Type.Array(
        Type.Object({
          zh: Type.String(),
          en: Type.String(),
        }),
      ),
      overdue: Type.Boolean(),
      month: Type.String(),
      issuerName: Type.String(),
      title: Type.String(),
      description: Type.String(),
      seq: Type.Number(),
      kinds: Type.Array(
        Literals([
          'general_assembly',
          'committee_meeting',
          'group_meeting',
          'lecture',
          'theme_day',
          'life_meeting',
          'member_appraisal',
          'first_topic',
          'study_group',
        ]),
      ),
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
