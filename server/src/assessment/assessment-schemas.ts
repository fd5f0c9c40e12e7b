// Request and response schemas of the assessment routes (OpenAPI and validation from the same source).
import { type TLiteral, type TSchema, type TUnion, Type } from '@sinclair/typebox';
import {
  MultilineText,
  Num,
  Id as PlatformId,
  Year as PlatformYear,
  Text,
} from '../platform/http/schemas.ts';

/** A record id (the platform's shared id type). */
export const Id = PlatformId();
/** A year of assessment. */
export const Year = PlatformYear('考核年度 / year');
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Named = Type.Object({ zh: Type.String(), en: Type.String() });
/** An object whose listed fields are guaranteed; further fields may follow. */
export const Obj = <P extends Record<string, TSchema>>(props: P, description?: string) =>
  Type.Object(props, { additionalProperties: true, ...(description ? { description } : {}) });
export function lit<const T extends string>(values: readonly T[]): TUnion<TLiteral<T>[]> {
  return Type.Union(values.map((v) => Type.Literal(v)));
}
/** A code of a category, an indicator, a grade or a source (lower-case letters, digits, underscores). */
export const Code = Text(40, { minLength: 1, pattern: '^[a-z][a-z0-9_]*$' });

const Scoring = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('linear'),
      zero: Num(-1_000_000_000, 1_000_000_000),
      full: Num(-1_000_000_000, 1_000_000_000),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('steps'),
      below: Num(0, 100),
      steps: Type.Array(
        Type.Object(
          { min: Num(-1_000_000_000_000, 1_000_000_000_000), score: Num(0, 100) },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 10 },
      ),
    },
    { additionalProperties: false },
  ),
]);

const NamedIn = Type.Object(
  { zh: Text(40, { minLength: 1 }), en: Text(80) },
  { additionalProperties: false },
);

export const SettingsBody = Type.Object(
  {
    categories: Type.Array(Type.Object({ code: Code, name: NamedIn }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 20,
    }),
    indicators: Type.Array(
      Type.Object(
        {
          code: Code,
          name: NamedIn,
          source: lit([
            'org_life',
            'recruitment',
            'dues',
            'training',
            'case_response',
            'case_on_time',
            'case_satisfaction',
            'income_growth',
            'income_level',
            'contest_promise',
            'village_publication',
            'decision_validity',
            'manual',
          ]),
          unit: lit(['rate', 'count', 'hours', 'growth', 'yuan', 'score']),
          scoring: Scoring,
          description: Type.Object(
            { zh: MultilineText(200), en: MultilineText(300) },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
    sets: Type.Record(
      Type.String(),
      Type.Array(
        Type.Object(
          { indicator: Code, weight: Type.Number({ minimum: 0.01, maximum: 100 }) },
          { additionalProperties: false },
        ),
        { maxItems: 40 },
      ),
    ),
    method: lit(['forced', 'threshold']),
    distributionGroup: lit(['category', 'county']),
    grades: Type.Array(
      Type.Object(
        {
          code: Code,
          name: NamedIn,
          share: Type.Number({ minimum: 0, maximum: 100 }),
          minScore: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
          annualBonusFen: Type.Integer({ minimum: -10_000_000, maximum: 10_000_000 }),
          monthlyFen: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 6 },
    ),
    appealDays: Type.Integer({ minimum: 1, maximum: 90 }),
    categoryOfCommunity: Code,
    categoryOfVillage: Code,
  },
  { additionalProperties: false },
);

export const Settings = Obj({
  categories: Type.Array(Obj({ code: Type.String(), name: Named })),
  indicators: Type.Array(
    Obj({ code: Type.String(), name: Named, source: Type.String(), unit: Type.String() }),
  ),
  sets: Type.Record(Type.String(), Type.Array(Obj({ indicator: Type.String(), weight: Type.Number() }))),
  method: Type.String(),
  distributionGroup: Type.String(),
  grades: Type.Array(
    Obj({ code: Type.String(), name: Named, share: Type.Number(), minScore: Nullable(Type.Number()) }),
  ),
  appealDays: Type.Integer(),
});

const GradeName = Obj({ code: Type.String(), name: Named });
const Names = {
  categories: Type.Array(GradeName),
  grades: Type.Array(GradeName),
  method: Type.String(),
  distributionGroup: Type.String(),
};

export const RunResult = Obj({
  year: Type.Integer(),
  period: Obj({ from: Type.String(), to: Type.String() }),
  villages: Type.Integer(),
  counties: Type.Array(
    Obj({
      countyOrgId: Type.Integer(),
      countyName: Type.String(),
      roundId: Type.Integer(),
      villages: Type.Integer(),
      grades: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  ms: Obj({ figures: Type.Integer(), total: Type.Integer() }),
});

export const BoardItem = Obj({
  id: Type.Integer(),
  org: Obj({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
  town: Obj({ id: Type.Integer(), name: Type.String() }),
  year: Type.Integer(),
  category: Type.String(),
  secretaryName: Nullable(Type.String()),
  total: Type.Number(),
  rank: Type.Integer(),
  groupSize: Type.Integer(),
  grade: Type.String(),
  allowanceFen: Type.Integer(),
  reviewed: Type.Boolean(),
  roundState: Type.String(),
  basis: Type.String(),
  appealState: Nullable(Type.String()),
});

export const Board = Obj({
  scope: Obj({ id: Type.Integer(), name: Type.String(), level: Type.String() }),
  year: Type.Integer(),
  rounds: Type.Array(
    Obj({
      id: Type.Integer(),
      countyOrgId: Type.Integer(),
      countyName: Type.String(),
      state: Type.String(),
      basis: Type.String(),
      appealUntil: Nullable(Type.String()),
      unreviewed: Type.Array(Obj({ townId: Type.Integer(), name: Type.String(), n: Type.Integer() })),
    }),
  ),
  ...Names,
  summary: Obj({
    villages: Type.Integer(),
    average: Type.Number(),
    reviewed: Type.Integer(),
    appeals: Type.Integer(),
    vacant: Type.Integer(),
    allowanceFen: Type.Number(),
    byCategoryGrade: Type.Array(
      Obj({ category: Type.String(), grade: Type.String(), n: Type.Integer(), average: Type.Number() }),
    ),
    byTown: Type.Array(
      Obj({
        townId: Type.Integer(),
        name: Type.String(),
        grade: Type.String(),
        n: Type.Integer(),
        average: Type.Number(),
      }),
    ),
  }),
  items: Type.Array(BoardItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const HistoryRow = Obj({
  id: Type.Integer(),
  year: Type.Integer(),
  category: Type.String(),
  secretaryName: Nullable(Type.String()),
  total: Type.Number(),
  rank: Type.Integer(),
  groupSize: Type.Integer(),
  grade: Type.String(),
  allowanceFen: Type.Integer(),
  basis: Type.String(),
  appealState: Nullable(Type.String()),
});

const Appeal = Obj({
  id: Type.Integer(),
  indicator: Nullable(Type.String()),
  reason: Type.String(),
  state: Type.String(),
  decision: Type.String(),
  totalBefore: Type.Number(),
  gradeBefore: Type.String(),
  totalAfter: Nullable(Type.Number()),
  gradeAfter: Nullable(Type.String()),
});

export const Detail = Obj({
  id: Type.Integer(),
  year: Type.Integer(),
  org: Obj({ id: Type.Integer(), name: Type.String() }),
  town: Obj({ id: Type.Integer(), name: Type.String() }),
  category: Type.String(),
  secretaryName: Nullable(Type.String()),
  total: Type.Number(),
  weightUsed: Type.Number(),
  rank: Type.Integer(),
  groupSize: Type.Integer(),
  grade: Type.String(),
  allowanceFen: Type.Integer(),
  reviewed: Type.Boolean(),
  townComment: Type.String(),
  round: Obj({
    id: Type.Integer(),
    state: Type.String(),
    basis: Type.String(),
    appealUntil: Nullable(Type.String()),
  }),
  ...Names,
  indicators: Type.Array(
    Obj({
      indicator: Type.String(),
      name: Named,
      description: Named,
      unit: Type.String(),
      source: Type.String(),
      origin: Type.String(),
      status: Type.String(),
      weight: Type.Number(),
      value: Nullable(Type.Number()),
      numerator: Nullable(Type.Number()),
      denominator: Nullable(Type.Number()),
      score: Nullable(Type.Number()),
      contribution: Nullable(Type.Number()),
      note: Type.String(),
      evidence: Type.String(),
    }),
  ),
  appeal: Nullable(Appeal),
  history: Type.Array(HistoryRow),
});

export const Mine = Obj({
  org: Obj({ id: Type.Integer(), name: Type.String(), level: Type.String() }),
  ...Names,
  years: Type.Array(HistoryRow),
});

export const Records = Obj({
  indicator: Type.String(),
  name: Named,
  kind: Type.String(),
  reason: Type.String(),
  figure: Obj({ value: Nullable(Type.Number()), note: Type.String() }),
  span: Obj({ from: Type.String(), to: Type.String() }),
  total: Type.Integer(),
  items: Type.Array(Obj({})),
});

export const Appeals = Obj({
  items: Type.Array(
    Obj({
      id: Type.Integer(),
      assessmentId: Type.Integer(),
      orgName: Type.String(),
      townName: Type.String(),
      secretaryName: Nullable(Type.String()),
      state: Type.String(),
      reason: Type.String(),
      totalBefore: Type.Number(),
      gradeBefore: Type.String(),
      totalAfter: Nullable(Type.Number()),
      gradeAfter: Nullable(Type.String()),
    }),
  ),
});

export const Categories = Obj({
  categories: Type.Array(Obj({ code: Type.String(), name: Named })),
  counts: Type.Record(Type.String(), Type.Integer()),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Obj({
      orgId: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      townId: Type.Integer(),
      divisionKind: Type.String(),
      category: Type.String(),
      classified: Type.Boolean(),
    }),
  ),
});
