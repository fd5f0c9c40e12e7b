// Response schema of my-records.routes.ts: what the route sends on success (OpenAPI, and in tests every
// reply is checked against it: platform/http/response-check.ts). Written from the handler's return type.
import { Type } from '@sinclair/typebox';
import { MeetingKindCode } from '../meetings/meeting-responses.ts';
import { GenderCode } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { TrainingLevelCode } from '../training/training-responses.ts';

/** GET /api/me/records */
export const getMeRecords = Type.Object({
  member: Type.Object({
    id: Type.Number(),
    name: Type.String(),
    gender: GenderCode,
    birthDate: Type.String(),
    idNumberMasked: Type.String(),
    phoneMasked: Type.String(),
    education: Type.String(),
    occupation: Type.String(),
    status: Literals(['probationary', 'full']),
    joinedOn: Type.String(),
    convertedOn: Nullable(Type.String()),
    org: Type.Object({ id: Type.Number(), name: Type.String(), code: Type.String() }),
  }),
  history: Type.Array(
    Type.Object({
      id: Type.Number(),
      orgName: Type.String(),
      startedOn: Nullable(Type.String()),
      endedOn: Nullable(Type.String()),
      reason: Literals(['register', 'transfer_in', 'transfer_out']),
    }),
  ),
  meetings: Type.Object({
    attended: Type.Number(),
    items: Type.Array(
      Type.Object({
        id: Type.Number(),
        kind: MeetingKindCode,
        heldOn: Type.String(),
        topic: Type.String(),
        orgName: Type.String(),
        status: Literals(['present', 'absent', 'on_leave']),
        reason: Type.String(),
      }),
    ),
  }),
  dues: Type.Array(
    Type.Object({
      month: Type.String(),
      dueFen: Type.Number(),
      paidFen: Type.Number(),
      paidOn: Type.String(),
    }),
  ),
  training: Type.Array(
    Type.Object({
      id: Type.Number(),
      title: Type.String(),
      level: TrainingLevelCode,
      partySchool: Type.Boolean(),
      startsOn: Type.String(),
      endsOn: Type.String(),
      hours: Type.Number(),
    }),
  ),
});
