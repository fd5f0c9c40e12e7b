// Response schemas of dues.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { IdName, Ok } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';

export const Bracket = Type.Object({
  upToFen: Nullable(Type.Number()),
  bp: Type.Number(),
});

export const RateTable = Type.Object({
  inService: Type.Array(Bracket),
  retired: Type.Array(Bracket),
  fixedFen: Type.Object({
    farmer: Type.Number(),
    student: Type.Number(),
    unemployed: Type.Number(),
    low_income: Type.Number(),
  }),
});

/** GET /api/dues/rates */
export const getDuesRates = Type.Object({
  items: Type.Array(
    Type.Object({
      effectiveMonth: Type.String(),
      rates: RateTable,
      id: Type.Number(),
      note: Type.String(),
    }),
  ),
});

/** PUT /api/dues/rates */
export const putDuesRates = getDuesRates;

/** PUT /api/dues/members/:id/base */
export const putDuesMembersByIdBase = Ok;

/** GET /api/dues/orgs/:id */
export const getDuesOrgsById = Type.Object({
  org: IdName,
  month: Type.String(),
  members: Type.Array(
    Type.Object({
      member: Type.Object({
        id: Type.Number(),
        name: Type.String(),
        orgName: Type.String(),
      }),
      category: Literals(['retired', 'farmer', 'student', 'unemployed', 'low_income', 'in_service']),
      baseFen: Nullable(Type.Number()),
      dueFen: Nullable(Type.Number()),
      paidFen: Type.Number(),
      arrearsMonths: Type.Array(Type.String()),
      arrearsFen: Type.Number(),
    }),
  ),
  totals: Type.Object({
    members: Type.Number(),
    dueFen: Type.Number(),
    paidFen: Type.Number(),
    arrearsFen: Type.Number(),
    unpaid: Type.Number(),
  }),
});

/** POST /api/dues/orgs/:id/payments */
export const postDuesOrgsByIdPayments = getDuesOrgsById;

/** GET /api/dues/warnings */
export const getDuesWarnings = Type.Object({
  month: Type.String(),
  window: Type.Object({
    from: Type.String(),
    to: Type.String(),
  }),
  total: Type.Number(),
  items: Type.Array(
    Type.Object({
      member: IdName,
      org: IdName,
      dues: Type.Boolean(),
      orgLife: Type.Boolean(),
    }),
  ),
});
