// Request and response schemas of the 小微权力清单 routes.
import { Type } from '@sinclair/typebox';
import {
  AttachmentIds,
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
import { CATEGORY_NAMES } from './power-catalog.ts';

const Step = Type.Object(
  { name: Text(100, 1), actor: Text(100), evidence: Text(200) },
  { additionalProperties: false },
);

export const ItemBodySchema = Type.Object(
  {
    kind: lit(['positive', 'negative']),
    code: Type.String({
      pattern: '^[A-Z][0-9A-Z]{1,9}$',
      maxLength: 10,
      description: '事项编号，如 Z35 / F09',
    }),
    name: Text(100, 1),
    category: lit(Object.keys(CATEGORY_NAMES)),
    actor: Type.Optional(Text(100)),
    basis: Type.Optional(Text(500)),
    steps: Type.Optional(Type.Array(Step, { maxItems: 20 })),
    keywords: Type.Optional(Type.Array(Text(20, 1), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const ItemPatchSchema = Type.Object(
  {
    name: Type.Optional(Text(100, 1)),
    category: Type.Optional(lit(Object.keys(CATEGORY_NAMES))),
    actor: Type.Optional(Text(100)),
    basis: Type.Optional(Text(500)),
    steps: Type.Optional(Type.Array(Step, { maxItems: 20 })),
    keywords: Type.Optional(Type.Array(Text(20, 1), { maxItems: 20 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const ProcedureStep = Type.Object({ name: Type.String(), actor: Type.String(), evidence: Type.String() });

export const Item = Type.Object({
  id: Type.Integer(),
  countyCode: Type.String(),
  kind: Type.String(),
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  categoryName: Type.String(),
  actor: Type.String(),
  basis: Type.String(),
  steps: Type.Array(ProcedureStep),
  keywords: Type.Array(Type.String()),
  active: Type.Boolean(),
});

export const PowerListResult = Type.Object({
  countyCode: Type.String(),
  positive: Type.Array(Item),
  negative: Type.Array(Item),
});

export const UseQuerySchema = Type.Object({
  orgId: Type.Optional(Id()),
  itemId: Type.Optional(Id()),
  flag: Type.Optional(lit(['unmatched', 'negative', 'any'])),
  unreviewed: Type.Optional(Type.Boolean()),
  status: Type.Optional(lit(['open', 'completed', 'abandoned'])),
  year: Type.Optional(Year()),
  q: Type.Optional(Text(50)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export const Use = Type.Object({
  id: Type.Integer(),
  org: OrgRef,
  item: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
  title: Type.String(),
  description: Type.String(),
  amountFen: Nullable(Type.Integer()),
  startedOn: Type.String(),
  status: Type.String(),
  completedOn: Nullable(Type.String()),
  stepsDone: Type.Integer(),
  stepsTotal: Type.Integer(),
  nextStep: Nullable(
    Type.Object({
      index: Type.Integer(),
      name: Type.String(),
      actor: Type.String(),
      evidence: Type.String(),
    }),
  ),
  flag: Nullable(Type.String()),
  flagDetail: Nullable(Type.Unknown()),
  flagReviewedAt: Nullable(Type.String()),
  flagReviewNote: Nullable(Type.String()),
  deliberationId: Nullable(Type.Integer()),
});

export const UseDetail = Type.Composite([
  Use,
  Type.Object({
    procedure: Type.Array(
      Type.Object({
        index: Type.Integer(),
        name: Type.String(),
        actor: Type.String(),
        evidence: Type.String(),
      }),
    ),
    steps: Type.Array(
      Type.Object({
        index: Type.Integer(),
        doneOn: Type.String(),
        actorName: Type.String(),
        evidence: Type.String(),
        attachments: Type.Array(Type.Integer()),
      }),
    ),
  }),
]);

export const UsePage = PageOf(Use);

export const UseBodySchema = Type.Object(
  {
    orgId: Id('村（社区）/ village'),
    itemId: Type.Optional(Id('清单中的权力事项 / the power')),
    title: Text(200, 1, '事由 / what is done'),
    description: Type.Optional(Text(2000)),
    amountFen: Type.Optional(Fen()),
    startedOn: DateOnly('开始日期 / started on'),
    deliberationId: Type.Optional(Id('对应的决策事项 / the decision')),
  },
  { additionalProperties: false },
);

export const UseStepSchema = Type.Object(
  {
    index: Type.Integer({ minimum: 1, maximum: 20, description: '流程第几步 / step number' }),
    doneOn: DateOnly('办理日期 / date'),
    actorName: Text(50, 1, '办理人 / who acted'),
    evidence: Type.Optional(Text(500)),
    attachments: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);

const Counts = {
  uses: Type.Integer(),
  open: Type.Integer(),
  completed: Type.Integer(),
  unmatched: Type.Integer(),
  negative: Type.Integer(),
  unreviewed: Type.Integer(),
};

export const PowerFigures = Type.Object({
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
      ...Counts,
    }),
  ),
  totals: Type.Object(Counts),
  byPower: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      uses: Type.Integer(),
      completed: Type.Integer(),
    }),
  ),
});
