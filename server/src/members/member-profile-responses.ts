// Response schemas of member-profile.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { GenderCode, IdName } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { TransferScopeCode, TransferViewCode } from '../transfers/transfer-responses.ts';

/** A member's record (PII masked), as the profile, the register's add and an edit answer it. */
export const MemberRecord = Type.Object({
  id: Type.Number(),
  name: Type.String(),
  gender: GenderCode,
  ethnicity: Type.String(),
  birthDate: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.String(),
  education: Type.String(),
  occupation: Type.String(),
  status: Literals(['probationary', 'full']),
  joinedOn: Type.String(),
  convertedOn: Nullable(Type.String()),
  orgId: Type.Number(),
  orgName: Type.String(),
});

/** GET /api/members/:id */
export const getMembersById = Type.Composite([
  Type.Object({
    org: Type.Object({
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
      chain: Type.Array(IdName),
    }),
    history: Type.Array(
      Type.Object({
        orgId: Type.Number(),
        orgName: Type.String(),
        startedOn: Nullable(Type.String()),
        endedOn: Nullable(Type.String()),
        reason: Literals(['register', 'transfer_in', 'transfer_out']),
        transferId: Nullable(Type.Number()),
        recorded: Type.Boolean(),
      }),
    ),
    transfers: Type.Array(
      Type.Object({
        id: Type.Number(),
        letterNo: Type.String(),
        state: TransferViewCode,
        scope: TransferScopeCode,
        issuedOn: Type.String(),
        validUntil: Type.String(),
        receivedOn: Nullable(Type.String()),
        closedOn: Nullable(Type.String()),
        fromOrgName: Type.String(),
        toOrgName: Type.String(),
      }),
    ),
    recruitment: Nullable(
      Type.Object({
        id: Type.Number(),
        appliedOn: Type.String(),
        stage: Literals(['applicant', 'probationary', 'full', 'activist', 'candidate']),
        status: Literals(['active', 'completed', 'closed']),
        orgName: Type.String(),
      }),
    ),
  }),
  MemberRecord,
]);

/** POST /api/orgs/:id/members */
export const postOrgsByIdMembers = MemberRecord;

/** PATCH /api/members/:id */
export const patchMembersById = Type.Object({
  changed: Type.Array(Literals(['name', 'ethnicity', 'education', 'occupation', 'phone', 'convertedOn'])),
  member: MemberRecord,
});
