// Response schema of my-branch.routes.ts: what the route sends on success (OpenAPI, and in tests every
// reply is checked against it: platform/http/response-check.ts). Written from the handler's return type.
import { Type } from '@sinclair/typebox';
import { MeetingKindCode } from '../meetings/meeting-responses.ts';
import { FINDING_KINDS } from '../org-checks/domain/org-rules.ts';
import { OrgKindCode, OrgLevelCode } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { STAGES } from '../recruitment/domain/steps.ts';

const FindingKindCode = Literals(FINDING_KINDS);

/** An org check's finding with the org and the figures behind it (org-checks/org-check-findings.ts). */
export const FindingRow = Type.Object({
  kind: FindingKindCode,
  rule: Type.String(),
  severity: Literals(['error', 'warning']),
  message_zh: Type.String(),
  message_en: Type.String(),
  facts: Type.Record(Type.String(), Type.Unknown()),
  org: Type.Object({
    id: Type.Number(),
    code: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
    kind: OrgKindCode,
    level: OrgLevelCode,
  }),
  figures: Type.Object({
    members: Type.Number(),
    fullMembers: Type.Number(),
    committeeSize: Nullable(Type.Number()),
    electedOn: Nullable(Type.String()),
    termEndsOn: Nullable(Type.String()),
    daysOverdue: Nullable(Type.Number()),
  }),
});

/** The number of findings of each kind. */
export const FindingCounts = Type.Record(FindingKindCode, Type.Number());

/** GET /api/my-branch */
export const getMyBranch = Type.Object({
  today: Type.String(),
  month: Type.String(),
  org: Type.Object({
    id: Type.Number(),
    code: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
    kind: OrgKindCode,
  }),
  members: Type.Object({ total: Type.Number(), full: Type.Number(), probationary: Type.Number() }),
  pipeline: Type.Record(Literals(STAGES), Type.Number()),
  checklist: Type.Object({
    total: Type.Number(),
    done: Type.Number(),
    items: Type.Array(
      Type.Object({
        id: Type.Number(),
        orgId: Type.Number(),
        orgName: Type.String(),
        title: Type.String(),
        dueOn: Type.String(),
        doneOn: Nullable(Type.String()),
        meetingId: Nullable(Type.Number()),
        state: Literals(['done', 'overdue', 'open']),
      }),
    ),
  }),
  meetings: Type.Object({
    thisMonth: Type.Number(),
    last: Type.Array(
      Type.Object({
        id: Type.Number(),
        kind: MeetingKindCode,
        heldOn: Type.String(),
        topic: Type.String(),
        expected: Type.Number(),
        present: Type.Number(),
        orgName: Type.String(),
      }),
    ),
  }),
  dues: Type.Null({ description: 'null until the dues capability exposes its figures here' }),
  warnings: Type.Object({
    counts: FindingCounts,
    total: Type.Number(),
    items: Type.Array(FindingRow),
  }),
});
