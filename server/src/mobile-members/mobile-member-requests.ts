// Request schemas of mobile-member.routes.ts that a service takes as its input type (Static<…>): one
// declaration for the validation, the OpenAPI document and the service's parameter.
import { Type } from '@sinclair/typebox';
import { Literals, Paging } from '../platform/http/schemas.ts';
import { MOBILE_STATES } from './domain/mobile-member.ts';

/** GET /api/mobile-members */
export const MobileListQuery = Type.Object({
  ...Paging,
  side: Type.Optional(Literals(['outflow', 'inflow'])),
  state: Type.Optional(Literals(MOBILE_STATES)),
});
