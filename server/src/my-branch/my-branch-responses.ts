// Response schema of my-branch.routes.ts: what the route sends on success (OpenAPI, and in tests every
// reply is checked against it: platform/http/response-check.ts). Written from the handler's return type.
import { Type } from '@sinclair/typebox';
import { MeetingKindCode } from '../meetings/meeting-responses.ts';
import { FindingCounts, FindingRow } from '../org-checks/org-check-responses.ts';
import { OrgKindCode } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { STAGES } from '../recruitment/domain/steps.ts';

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
