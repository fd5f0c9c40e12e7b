// Response schemas of mobile-member.routes.ts: what each route sends on success (OpenAPI, and in tests
// every reply is checked against them: platform/http/response-check.ts). Written from the handlers'
// return types.
import { Type } from '@sinclair/typebox';
import { IdName } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { MOBILE_ACTIONS, MOBILE_STATES } from './domain/mobile-member.ts';

const MobileStateCode = Literals(MOBILE_STATES);

/** A registration as the lists and the detail show it, with the actions the actor's side may take. */
const MobileItem = Type.Object({
  id: Type.Number(),
  member: Type.Object({ id: Type.Number(), name: Type.String(), idNumberMasked: Type.String() }),
  homeOrg: IdName,
  inflowOrg: Nullable(IdName),
  side: Literals(['outflow', 'inflow', 'both']),
  destination: Type.String(),
  since: Type.String(),
  expectedMonths: Type.Number(),
  fixedPlace: Type.Boolean(),
  contactPhoneMasked: Type.String(),
  certificateNo: Nullable(Type.String()),
  state: MobileStateCode,
  inflowConfirmedOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  actions: Type.Array(Literals(MOBILE_ACTIONS)),
});

/** GET /api/mobile-members */
export const getMobileMembers = Type.Object({
  items: Type.Array(MobileItem),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
});

/** POST /api/mobile-members */
export const postMobileMembers = Type.Composite([
  MobileItem,
  Type.Object({
    activities: Type.Array(
      Type.Object({
        id: Type.Number(),
        heldOn: Type.String(),
        kind: Type.String(),
        topic: Type.String(),
        orgName: Type.String(),
      }),
    ),
  }),
]);

/** GET /api/mobile-members/:id */
export const getMobileMembersById = postMobileMembers;

/** POST /api/mobile-members/:id/activities */
export const postMobileMembersByIdActivities = postMobileMembers;

/** POST /api/mobile-members/:id/transitions */
export const postMobileMembersByIdTransitions = postMobileMembers;
