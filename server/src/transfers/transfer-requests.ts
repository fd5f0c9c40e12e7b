// Request schemas of transfer.routes.ts that a service takes as its input type (Static<…>): one
// declaration for the validation, the OpenAPI document and the service's parameter.
import { Type } from '@sinclair/typebox';
import { Literals, Paging } from '../platform/http/schemas.ts';
import { TRANSFER_SCOPES, TRANSFER_STATES } from './domain/transfer-machine.ts';

/** GET /api/transfers */
export const TransferListQuery = Type.Object({
  ...Paging,
  direction: Type.Optional(Literals(['in', 'out'])),
  state: Type.Optional(Literals([...TRANSFER_STATES, 'expired'])),
  scope: Type.Optional(Literals(TRANSFER_SCOPES)),
});
