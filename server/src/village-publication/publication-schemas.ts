// Request and response schemas of the 村务公开 routes and the public village pages.
import { Type } from '@sinclair/typebox';
import {
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

export const KINDS = ['general', 'finance', 'major', 'resolution', 'result'] as const;

export const ItemQuerySchema = Type.Object({
  orgId: Type.Optional(Id()),
  state: Type.Optional(lit(['overdue', 'pending', 'published', 'late', 'on_time'])),
  kind: Type.Optional(lit(KINDS)),
  year: Type.Optional(Year()),
  q: Type.Optional(Text(50)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export const Item = Type.Object({
  id: Type.Integer(),
  org: OrgRef,
  kind: Type.String(),
  kindName: Type.String(),
  period: Type.String(),
  title: Type.String(),
  dueOn: Type.String(),
  publishedOn: Nullable(Type.String()),
  state: Type.String(),
  content: Type.String(),
  place: Type.String(),
  photoAttachmentId: Nullable(Type.Integer()),
  photoTakenAt: Nullable(Type.String()),
  amountFen: Nullable(Type.Integer()),
  deliberationId: Nullable(Type.Integer()),
  questions: Type.Integer(),
});

const Question = Type.Object({
  id: Type.Integer(),
  askerName: Type.String(),
  phoneMasked: Nullable(Type.String()),
  question: Type.String(),
  askedAt: Type.String(),
  replyDueOn: Type.String(),
  reply: Nullable(Type.String()),
  repliedAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
});

export const ItemDetail = Type.Composite([Item, Type.Object({ questionList: Type.Array(Question) })]);
export const ItemPage = PageOf(Item);

export const QuestionPage = PageOf(
  Type.Composite([Question, Type.Object({ itemId: Type.Integer(), itemTitle: Type.String(), org: OrgRef })]),
);

export const PublishBodySchema = Type.Object(
  {
    content: Text(20_000, 1, '公开的内容 / the published text'),
    place: Text(200, 1, '公开地点 / where it is posted'),
    publishedOn: Type.Optional(DateOnly('公开日期，默认今天 / date, default today')),
    photoAttachmentId: Type.Optional(Id('公开栏照片 / notice-board photo')),
    photoTakenAt: Type.Optional(Text(40, 0, '照片拍摄时间 / when the photo was taken (RFC 3339)')),
  },
  { additionalProperties: false },
);

export const MajorBodySchema = Type.Object(
  {
    orgId: Id('村（社区）/ village'),
    title: Text(200, 1),
    occurredOn: DateOnly('发生日期 / when it arose'),
    amountFen: Type.Optional(Fen()),
  },
  { additionalProperties: false },
);

const ItemCounts = Type.Object({
  due: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  overdue: Type.Integer(),
  pending: Type.Integer(),
  complianceRate: Nullable(Type.Number()),
});
const QuestionCounts = Type.Object({
  asked: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  overdue: Type.Integer(),
  open: Type.Integer(),
});

export const PublicationFigures = Type.Object({
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
      items: ItemCounts,
      questions: QuestionCounts,
    }),
  ),
  totals: Type.Object({ items: ItemCounts, questions: QuestionCounts }),
});

export const PublicVillage = Type.Object({
  village: Type.Object({
    code: Type.String(),
    name: Type.String(),
    town: Type.String(),
    county: Type.String(),
  }),
  officeHolders: Type.Array(
    Type.Object({
      name: Type.String(),
      post: Type.String(),
      postName: Type.String(),
      termStart: Type.String(),
      termEnd: Type.String(),
    }),
  ),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      kindName: Type.String(),
      title: Type.String(),
      publishedOn: Type.String(),
      dueOn: Type.String(),
      onTime: Type.Boolean(),
      content: Type.String(),
      place: Type.String(),
      photoId: Nullable(Type.Integer()),
      photoTakenAt: Nullable(Type.String()),
      questions: Type.Array(
        Type.Object({
          id: Type.Integer(),
          question: Type.String(),
          askedOn: Type.String(),
          replyDueOn: Type.String(),
          reply: Nullable(Type.String()),
          repliedOn: Nullable(Type.String()),
          overdue: Type.Boolean(),
        }),
      ),
    }),
  ),
  decisions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      templateName: Type.String(),
      categoryName: Type.String(),
      resolvedOn: Nullable(Type.String()),
      steps: Type.Array(Type.Object({ nameZh: Type.String(), heldOn: Type.String() })),
      resolution: Nullable(
        Type.Object({ itemId: Type.Integer(), publishedOn: Type.String(), content: Type.String() }),
      ),
      result: Nullable(
        Type.Object({ itemId: Type.Integer(), publishedOn: Type.String(), content: Type.String() }),
      ),
    }),
  ),
});

export const QuestionBodySchema = Type.Object(
  {
    question: Text(500, 1, '要询问的内容 / the question'),
    name: Type.Optional(Text(20, 0, '称呼（可不填）/ how to address you (optional)')),
    phone: Type.Optional(Text(20, 0, '手机号码（可不填，仅村里回复联系用）/ phone (optional)')),
  },
  { additionalProperties: false },
);
