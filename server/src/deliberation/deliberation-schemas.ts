// Request and response schemas of the village decision routes (TypeBox: validation, OpenAPI, types).
import { Type } from '@sinclair/typebox';
import {
  AttachmentIds,
  Count,
  DateOnly,
  Fen,
  Id,
  lit,
  Nullable,
  OrgRef,
  PageOf,
  Text,
  Year,
} from '../village-cadres/village-common.ts';
import { BODY_KINDS, CATEGORY_CODES, STEP_KEYS, TEMPLATE_KEYS } from './domain/templates.ts';

const Publicity = Type.Object(
  { startsOn: DateOnly('公示开始 / notice starts'), endsOn: DateOnly('公示结束 / notice ends') },
  { additionalProperties: false },
);

export const StepBodySchema = Type.Object(
  {
    step: lit(STEP_KEYS, '步骤 / step'),
    mergedWith: Type.Optional(
      Type.Literal('consult', { description: '一肩挑：与商议合并 / merged with consult' }),
    ),
    body: lit(BODY_KINDS, '会议或公开栏 / the body'),
    heldOn: DateOnly('召开或公开日期 / date held or published'),
    noticeOn: Type.Optional(DateOnly('村民会议通知日期 / notice of a villagers’ meeting')),
    place: Type.Optional(Text(200)),
    attendees: Type.Optional(
      Type.Object(
        {
          members: Type.Optional(Type.Array(Id(), { maxItems: 2000 })),
          cadres: Type.Optional(Type.Array(Id(), { maxItems: 200 })),
          representatives: Type.Optional(Type.Array(Id(), { maxItems: 500 })),
        },
        { additionalProperties: false, description: '到会人员（名册编号）/ who attended, by roster id' },
      ),
    ),
    presentCount: Type.Optional(Count(1_000_000)),
    householdsPresent: Type.Optional(Count(1_000_000)),
    votes: Type.Optional(
      Type.Object({ yes: Count(), no: Count(), abstain: Count() }, { additionalProperties: false }),
    ),
    minutes: Type.Optional(Text(20_000)),
    content: Type.Optional(Text(20_000)),
    publicity: Type.Optional(Publicity),
    implementedOn: Type.Optional(DateOnly('开始实施日期 / implementation began')),
    photoTakenAt: Type.Optional(Text(40, 0, '公开栏照片拍摄时间 / when the notice-board photo was taken')),
    attachments: Type.Optional(AttachmentIds),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const MatterBodySchema = Type.Object(
  {
    orgId: Id('村（社区）党组织 / the village'),
    template: lit(TEMPLATE_KEYS, '程序模板 / template'),
    title: Text(200, 1, '事项名称 / the matter'),
    category: lit(CATEGORY_CODES, '事项类别 / category'),
    amountFen: Type.Optional(Fen()),
    description: Type.Optional(Text(5000)),
    gridId: Type.Optional(Id('村民小组（网格）/ villager group')),
    retrospective: Type.Optional(
      Type.Boolean({ description: '补录已决策事项 / enter a matter decided before' }),
    ),
    steps: Type.Optional(Type.Array(StepBodySchema, { maxItems: 7 })),
  },
  { additionalProperties: false },
);

export const MatterQuerySchema = Type.Object({
  orgId: Type.Optional(Id()),
  status: Type.Optional(lit(['open', 'completed', 'rejected', 'withdrawn'])),
  validity: Type.Optional(lit(['pending', 'valid', 'invalid'])),
  template: Type.Optional(lit(TEMPLATE_KEYS)),
  category: Type.Optional(lit(CATEGORY_CODES)),
  year: Type.Optional(Year()),
  q: Type.Optional(Text(50)),
  overdue: Type.Optional(Type.Boolean()),
  sort: Type.Optional(lit(['proposed', 'due'])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

const Breach = Type.Object({
  code: Type.String(),
  step: Nullable(Type.String()),
  messageZh: Type.String(),
  messageEn: Type.String(),
});
const NextRef = Type.Object({
  key: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  dueOn: Nullable(Type.String()),
});

export const MatterSummary = Type.Object({
  id: Type.Integer(),
  org: OrgRef,
  title: Type.String(),
  template: Type.String(),
  templateName: Type.String(),
  category: Type.String(),
  categoryName: Type.String(),
  amountFen: Nullable(Type.Integer()),
  retrospective: Type.Boolean(),
  status: Type.String(),
  validity: Type.String(),
  breaches: Type.Array(Breach),
  nextStep: Nullable(NextRef),
  overdue: Type.Boolean(),
  proposedOn: Type.String(),
  resolvedOn: Nullable(Type.String()),
  completedOn: Nullable(Type.String()),
  version: Type.Integer(),
});

export const MatterPage = PageOf(MatterSummary);

const Named = Type.Object({ key: Type.String(), nameZh: Type.String(), nameEn: Type.String() });

export const MatterDetail = Type.Composite([
  MatterSummary,
  Type.Object({
    description: Type.String(),
    grid: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
    oneShoulder: Type.Boolean(),
    villagerMeetingRequired: Nullable(Type.Object({ reason: Type.String() })),
    templateSteps: Type.Array(Type.Composite([Named, Type.Object({ state: Type.String() })])),
    steps: Type.Array(
      Type.Object({
        seq: Type.Integer(),
        step: Type.String(),
        nameZh: Type.String(),
        nameEn: Type.String(),
        mergedWith: Nullable(Type.String()),
        body: Type.String(),
        bodyNameZh: Type.String(),
        bodyNameEn: Type.String(),
        heldOn: Type.String(),
        noticeOn: Nullable(Type.String()),
        place: Type.String(),
        dueCount: Nullable(Type.Integer()),
        presentCount: Nullable(Type.Integer()),
        householdsDue: Nullable(Type.Integer()),
        householdsPresent: Nullable(Type.Integer()),
        attendees: Type.Array(Type.Object({ kind: Type.String(), id: Type.Integer(), name: Type.String() })),
        votes: Nullable(Type.Object({ yes: Type.Integer(), no: Type.Integer(), abstain: Type.Integer() })),
        quorumMet: Nullable(Type.Boolean()),
        passed: Nullable(Type.Boolean()),
        minutes: Type.String(),
        content: Type.String(),
        publicity: Nullable(Type.Object({ startsOn: Type.String(), endsOn: Type.String() })),
        implementedOn: Nullable(Type.String()),
        attachments: Type.Array(
          Type.Object({ id: Type.Integer(), mime: Type.String(), fileName: Type.String() }),
        ),
        recordedAt: Type.String(),
      }),
    ),
    next: Nullable(
      Type.Composite([
        Named,
        Type.Object({
          kind: Type.String(),
          bodies: Type.Array(Named),
          canMerge: Type.Boolean(),
          dueOn: Nullable(Type.String()),
          earliestOn: Nullable(Type.String()),
          publicityDays: Nullable(Type.Integer()),
          noticeDays: Nullable(Type.Integer()),
        }),
      ]),
    ),
  }),
]);

/** A rule the matter broke, as a write answers it: with the counts and dates it was judged on. */
const StoredBreach = Type.Object({
  code: Type.String(),
  step: Nullable(Type.String()),
  message_zh: Type.String(),
  message_en: Type.String(),
  facts: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const StepResult = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  validity: Type.String(),
  breaches: Type.Array(StoredBreach),
  nextStep: Nullable(Type.String()),
  nextDueOn: Nullable(Type.String()),
});

export const CreateResult = Type.Object({
  id: Type.Integer(),
  validity: Type.String(),
  breaches: Type.Array(StoredBreach),
});

export const RosterResult = Type.Object({
  body: Type.String(),
  on: Type.String(),
  oneShoulder: Type.Boolean(),
  people: Type.Array(
    Type.Object({ kind: Type.String(), id: Type.Integer(), name: Type.String(), role: Type.String() }),
  ),
  adults: Nullable(Type.Integer()),
  households: Nullable(Type.Integer()),
});

const FigureCounts = {
  total: Type.Integer(),
  open: Type.Integer(),
  completed: Type.Integer(),
  rejected: Type.Integer(),
  withdrawn: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  pending: Type.Integer(),
  validityRate: Nullable(Type.Number()),
};

export const FiguresResult = Type.Object({
  base: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), level: Type.String() }),
  year: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      org: Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        name: Type.String(),
        level: Type.String(),
      }),
      ...FigureCounts,
    }),
  ),
  totals: Type.Object(FigureCounts),
  breaches: Type.Array(Type.Object({ code: Type.String(), matters: Type.Integer() })),
});

export const OptionsResult = Type.Object({
  templates: Type.Array(
    Type.Object({
      key: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      mergeable: Type.Boolean(),
      steps: Type.Array(
        Type.Composite([Named, Type.Object({ kind: Type.String(), bodies: Type.Array(Type.String()) })]),
      ),
    }),
  ),
  categories: Type.Array(
    Type.Object({
      code: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      villagerMeeting: Type.Boolean(),
    }),
  ),
  bodies: Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String() })),
  villagerMeetingAmountFen: Type.Integer(),
  villagerMeetingNoticeDays: Type.Integer(),
  resolutionPublicityDays: Type.Integer(),
  resultPublicityDays: Type.Integer(),
  publishResolutionWithinDays: Type.Integer(),
});
