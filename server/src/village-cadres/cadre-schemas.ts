// Request and response schemas of the village cadre, reserve, career ladder and 换届 routes.
import { Type } from '@sinclair/typebox';
import { DateOnly, Id, lit, Nullable, OrgRef, PageOf, Text } from './village-common.ts';

export const POSTS = [
  'party_secretary',
  'party_deputy_secretary',
  'party_committee_member',
  'director',
  'deputy_director',
  'villagers_committee_member',
  'supervision_chair',
  'supervision_member',
] as const;
const Gender = lit(['male', 'female']);
const Finding = Type.Object({
  code: Type.String(),
  severity: Type.String(),
  messageZh: Type.String(),
  messageEn: Type.String(),
});
const Term = Nullable(
  Type.Object({
    electedOn: Type.String(),
    endsOn: Type.String(),
    state: Type.String(),
    beyondDelayLimit: Type.Boolean(),
  }),
);
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const VillagesPage = PageOf(
  Type.Object({
    org: OrgRef,
    town: Type.String(),
    secretary: Nullable(Type.String()),
    director: Nullable(Type.String()),
    oneShoulder: Type.Boolean(),
    term: Term,
    representatives: Type.Integer(),
    women: Type.Integer(),
    reserves: Type.Integer(),
    findings: Type.Array(Finding),
  }),
);

export const VillageCadres = Type.Object({
  org: OrgRef,
  oneShoulder: Type.Boolean(),
  term: Term,
  posts: Type.Array(
    Type.Object({
      cadreId: Type.Integer(),
      name: Type.String(),
      gender: Type.String(),
      birthDate: Nullable(Type.String()),
      education: Type.String(),
      partyMember: Type.Boolean(),
      memberId: Nullable(Type.Integer()),
      committee: Type.String(),
      post: Type.String(),
      postName: Type.String(),
      postNameEn: Type.String(),
      termStart: Type.String(),
      termEnd: Type.String(),
    }),
  ),
  representatives: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      gender: Type.String(),
      groupRole: Type.String(),
      gridId: Nullable(Type.Integer()),
      gridName: Nullable(Type.String()),
      termStart: Type.String(),
      termEnd: Type.String(),
    }),
  ),
  register: Type.Array(
    Type.Object({
      gridId: Nullable(Type.Integer()),
      gridName: Nullable(Type.String()),
      adults: Type.Integer(),
      households: Type.Integer(),
      asOf: Type.String(),
    }),
  ),
  reserves: Type.Integer(),
  findings: Type.Array(Finding),
});

export const AppointBody = Type.Object(
  {
    orgId: Id(),
    name: Text(50, 1),
    gender: Gender,
    birthDate: Type.Optional(DateOnly('出生日期')),
    education: Type.Optional(Text(30)),
    memberId: Type.Optional(Id('本村党员 / a member of the village')),
    partyMember: Type.Boolean(),
    post: lit(POSTS),
    termStart: DateOnly('任职日期 / from'),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const EndPostBody = Type.Object(
  { post: lit(POSTS), endedOn: DateOnly('离任日期 / ended on'), reason: Text(200, 1) },
  { additionalProperties: false },
);

export const RepresentativeBody = Type.Object(
  {
    orgId: Id(),
    gridId: Type.Optional(Id('村民小组（网格）')),
    name: Text(50, 1),
    gender: Gender,
    groupRole: Type.Optional(lit(['representative', 'group_leader', 'group_party_leader'])),
    termStart: DateOnly('任期开始'),
  },
  { additionalProperties: false },
);

export const RegisterBody = Type.Object(
  {
    orgId: Id(),
    gridId: Type.Optional(Id()),
    adults: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    households: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);

const Reserve = Type.Object({
  id: Type.Integer(),
  org: OrgRef,
  name: Type.String(),
  gender: Type.String(),
  birthDate: Nullable(Type.String()),
  education: Type.String(),
  partyMember: Type.Boolean(),
  since: Type.String(),
  mentorName: Type.String(),
  status: Type.String(),
});
export const ReservePage = PageOf(
  Type.Composite([Reserve, Type.Object({ trainingHours: Type.Number(), mentoring: Type.Integer() })]),
);
export const ReserveDetail = Type.Composite([
  Reserve,
  Type.Object({
    endedOn: Nullable(Type.String()),
    note: Type.String(),
    activities: Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: Type.String(),
        on: Type.String(),
        title: Type.String(),
        hours: Type.Number(),
        mentorName: Type.String(),
      }),
    ),
  }),
]);
export const ReserveBody = Type.Object(
  {
    orgId: Id(),
    name: Text(50, 1),
    gender: Gender,
    birthDate: Type.Optional(DateOnly('出生日期')),
    education: Type.Optional(Text(30)),
    partyMember: Type.Boolean(),
    since: DateOnly('列为后备干部日期'),
    mentorName: Type.Optional(Text(50)),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export const ActivityBody = Type.Object(
  {
    kind: lit(['training', 'mentoring', 'practice']),
    on: DateOnly('日期'),
    title: Text(200, 1),
    hours: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
    mentorName: Type.Optional(Text(50)),
  },
  { additionalProperties: false },
);
export const ReserveStatusBody = Type.Object(
  { status: lit(['appointed', 'left']), on: DateOnly('日期'), note: Type.Optional(Text(500)) },
  { additionalProperties: false },
);

const Worker = Type.Object({
  id: Type.Integer(),
  org: OrgRef,
  gridWorker: Type.Boolean(),
  name: Type.String(),
  gender: Type.String(),
  education: Type.String(),
  tier: Type.Integer(),
  tierName: Type.String(),
  grade: Type.Integer(),
  level: Type.Integer(),
  gradeSince: Type.String(),
  startedOn: Type.String(),
  yearsOfService: Type.Integer(),
  hoursSince: Type.Number(),
  lastAssessment: Nullable(Type.String()),
  promotion: Type.Object({
    eligible: Type.Boolean(),
    next: Nullable(Type.Object({ tier: Type.Integer(), grade: Type.Integer() })),
    yearsMetOn: Type.String(),
    reasons: Type.Array(
      Type.Object({ code: Type.String(), messageZh: Type.String(), messageEn: Type.String() }),
    ),
  }),
});
export const WorkerPage = PageOf(Worker);
export const WorkerDetail = Type.Composite([
  Worker,
  Type.Object({
    events: Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: Type.String(),
        on: Type.String(),
        fromTier: Nullable(Type.Integer()),
        fromGrade: Nullable(Type.Integer()),
        toTier: Nullable(Type.Integer()),
        toGrade: Nullable(Type.Integer()),
        hours: Nullable(Type.Number()),
        result: Nullable(Type.String()),
        note: Type.String(),
      }),
    ),
  }),
]);
export const WorkerBody = Type.Object(
  {
    orgId: Id(),
    name: Text(50, 1),
    gender: Gender,
    birthDate: Type.Optional(DateOnly('出生日期')),
    education: Type.Optional(Text(30)),
    tier: Type.Integer({ minimum: 1, maximum: 9 }),
    gridWorkerId: Type.Optional(Id('专职网格员 / a full-time grid worker')),
    startedOn: DateOnly('聘用日期'),
  },
  { additionalProperties: false },
);
export const WorkerEventBody = Type.Object(
  {
    kind: lit(['training', 'assessment']),
    on: DateOnly('日期'),
    hours: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
    result: Type.Optional(lit(['excellent', 'competent', 'basically_competent', 'incompetent'])),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const RoundsResult = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      countyCode: Type.String(),
      year: Type.Integer(),
      title: Type.String(),
      startsOn: Type.String(),
      endsOn: Type.String(),
      villages: Type.Integer(),
      held: Type.Integer(),
      postponed: Type.Integer(),
      candidates: Type.Integer(),
      disqualified: Type.Integer(),
    }),
  ),
});
export const RoundBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Text(100, 1),
    startsOn: DateOnly('开始'),
    endsOn: DateOnly('结束'),
  },
  { additionalProperties: false },
);
export const CalendarPage = PageOf(
  Type.Object({
    id: Type.Integer(),
    org: OrgRef,
    town: Type.String(),
    year: Type.Integer(),
    roundTitle: Type.String(),
    plannedOn: Type.String(),
    heldOn: Nullable(Type.String()),
    status: Type.String(),
    delayApprovedUntil: Nullable(Type.String()),
    note: Type.String(),
    term: Term,
    candidates: Type.Integer(),
    cleared: Type.Integer(),
    disqualified: Type.Integer(),
  }),
);
export const ElectionDetail = Type.Object({
  id: Type.Integer(),
  org: OrgRef,
  year: Type.Integer(),
  roundTitle: Type.String(),
  plannedOn: Type.String(),
  heldOn: Nullable(Type.String()),
  status: Type.String(),
  delayApprovedUntil: Nullable(Type.String()),
  note: Type.String(),
  departments: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  negativeList: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  candidates: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      gender: Type.String(),
      birthDate: Type.String(),
      idNumberMasked: Type.String(),
      education: Type.String(),
      partyMember: Type.Boolean(),
      posts: Type.Array(Type.Object({ post: Type.String(), name: Type.String() })),
      reviewStatus: Type.String(),
      missing: Type.Array(Type.String()),
      reviews: Type.Array(
        Type.Object({
          department: Type.String(),
          departmentName: Type.String(),
          verdict: Type.String(),
          negativeItem: Nullable(Type.String()),
          negativeItemName: Nullable(Type.String()),
          reason: Type.String(),
          reviewedOn: Type.String(),
        }),
      ),
      electedPost: Nullable(Type.String()),
      electedPostName: Nullable(Type.String()),
    }),
  ),
});
export const ScheduleBody = Type.Object(
  {
    plannedOn: DateOnly('计划选举日期'),
    status: Type.Optional(lit(['planned', 'postponed'])),
    delayApprovedUntil: Type.Optional(DateOnly('批准推迟至')),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export const CandidateBody = Type.Object(
  {
    name: Text(50, 1),
    idNumber: Type.String({
      minLength: 15,
      maxLength: 18,
      pattern: '^[0-9Xx]+$',
      description: '公民身份号码',
    }),
    education: Type.Optional(Text(30)),
    memberId: Type.Optional(Id()),
    partyMember: Type.Boolean(),
    posts: Type.Array(lit(POSTS), { minItems: 1, maxItems: 3 }),
  },
  { additionalProperties: false },
);
export const ReviewBody = Type.Object(
  {
    department: Text(40, 1),
    verdict: lit(['pass', 'fail']),
    negativeItem: Type.Optional(Text(40)),
    reason: Text(1000, 1),
    reviewedOn: DateOnly('审查日期'),
  },
  { additionalProperties: false },
);
export const ResultsBody = Type.Object(
  {
    heldOn: DateOnly('选举日期'),
    elected: Type.Array(
      Type.Object({ candidateId: Id(), post: lit(POSTS) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
