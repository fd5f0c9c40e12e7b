// Response schemas of org.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { OrgCategoryCode, OrgKindCode, OrgLevelCode } from '../platform/http/code-schemas.ts';
import { Nullable } from '../platform/http/schemas.ts';

/** An organization as the lists show it, with its counts. */
export const OrgRow = Type.Object({
  id: Type.Number(),
  parentId: Nullable(Type.Number()),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  kind: OrgKindCode,
  level: OrgLevelCode,
  category: OrgCategoryCode,
  memberCount: Type.Number(),
  gridCount: Type.Number(),
  householdCount: Type.Number(),
  childCount: Type.Number(),
});

/** GET /api/orgs */
export const getOrgs = Type.Object({
  items: Type.Array(OrgRow),
  /** on a page asked without a cursor: exact up to the cap, then the planner's estimate (countExact false) */
  total: Type.Optional(Type.Number()),
  count: Type.Optional(Type.Number()),
  countExact: Type.Optional(Type.Boolean()),
  page: Nullable(Type.Number()),
  pageSize: Type.Number(),
  nextCursor: Nullable(Type.String()),
});

/** GET /api/orgs/tree */
export const getOrgsTree = Type.Object({
  nodes: Type.Array(OrgRow),
});

/** GET /api/orgs/search */
export const getOrgsSearch = Type.Object({
  items: Type.Array(Type.Composite([Type.Object({ pathNames: Type.Array(Type.String()) }), OrgRow])),
});

/** GET /api/orgs/:id */
export const getOrgsById = Type.Object({
  org: Type.Composite([
    Type.Object({
      divisionCode: Nullable(Type.String()),
      countyCode: Nullable(Type.String()),
      unitName: Nullable(Type.String()),
      uscc: Nullable(Type.String()),
      foundedOn: Nullable(Type.String()),
    }),
    OrgRow,
  ]),
  ancestors: Type.Array(
    Type.Object({
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
      inScope: Type.Boolean(),
    }),
  ),
  childKinds: Type.Record(Type.String(), Type.Number()),
});
