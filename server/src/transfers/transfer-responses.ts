// Response schemas of transfer.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { GenderCode, IdName, OrgKindCode, OrgLevelCode } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';
import { TRANSFER_ACTIONS, TRANSFER_SCOPES, TRANSFER_STATES } from './domain/transfer-machine.ts';

/** What a reader sees of a letter's state: an issued letter past its validity reads as expired. */
export const TransferViewCode = Literals([...TRANSFER_STATES, 'expired']);
export const TransferScopeCode = Literals(TRANSFER_SCOPES);
const TransferActionCode = Literals(TRANSFER_ACTIONS);

/** A letter as the lists and the detail show it, with the actions the actor's side may take. */
export const TransferItem = Type.Object({
  id: Type.Number(),
  letterNo: Type.String(),
  scope: TransferScopeCode,
  state: TransferViewCode,
  direction: Literals(['in', 'out', 'both']),
  issuedOn: Type.String(),
  validUntil: Type.String(),
  receivedOn: Nullable(Type.String()),
  receiptReturnedOn: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
  closedReason: Nullable(Type.String()),
  reason: Type.String(),
  note: Type.String(),
  expired: Type.Boolean(),
  receiptOverdue: Type.Boolean(),
  member: Type.Object({
    id: Type.Number(),
    name: Type.String(),
    gender: GenderCode,
    idNumberMasked: Type.String(),
    status: Literals(['probationary', 'full']),
  }),
  fromOrg: IdName,
  toOrg: IdName,
  actions: Type.Array(TransferActionCode),
});

/** GET /api/transfers */
export const getTransfers = Type.Object({
  items: Type.Array(TransferItem),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
  today: Type.String(),
});

/** POST /api/transfers */
export const postTransfers = Type.Composite([
  TransferItem,
  Type.Object({
    history: Type.Array(
      Type.Object({
        orgId: Type.Number(),
        orgName: Type.String(),
        startedOn: Nullable(Type.String()),
        endedOn: Nullable(Type.String()),
        reason: Literals(['register', 'transfer_in', 'transfer_out']),
        transferId: Nullable(Type.Number()),
      }),
    ),
  }),
]);

/** GET /api/transfers/receiving-orgs */
export const getTransfersReceivingOrgs = Type.Array(
  Type.Object({
    id: Type.Number(),
    code: Type.String(),
    name: Type.String(),
    kind: OrgKindCode,
    level: OrgLevelCode,
    parentName: Nullable(Type.String()),
  }),
);

/** GET /api/transfers/:id */
export const getTransfersById = postTransfers;

/** POST /api/transfers/:id/transitions */
export const postTransfersByIdTransitions = postTransfers;
