// Response schemas of org.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { Literals, Nullable } from '../platform/http/schemas.ts';

/** GET /api/orgs */
export const getOrgs = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      parentId: Nullable(Type.Number()),
      code: Type.String(),
      name: Type.String(),
      shortName: Type.String(),
      kind: Literals([
        'committee',
        'working_committee',
        'general_branch',
        'branch',
        'joint_branch',
        'temporary_branch',
        'group',
      ]),
      level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
      category: Literals([
        'territorial',
        'agency',
        'state_enterprise',
        'school',
        'hospital',
        'new_org',
        'industry_committee',
        'chain_committee',
      ]),
      memberCount: Type.Number(),
      gridCount: Type.Number(),
      householdCount: Type.Number(),
      childCount: Type.Number(),
    }),
  ),
  total: Type.Number(),
  page: Type.Number(),
  pageSize: Type.Number(),
});

/** GET /api/orgs/tree */
export const getOrgsTree = Type.Object({
  nodes: Type.Array(
    Type.Object({
      id: Type.Number(),
      parentId: Nullable(Type.Number()),
      code: Type.String(),
      name: Type.String(),
      shortName: Type.String(),
      kind: Literals([
        'committee',
        'working_committee',
        'general_branch',
        'branch',
        'joint_branch',
        'temporary_branch',
        'group',
      ]),
      level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
      category: Literals([
        'territorial',
        'agency',
        'state_enterprise',
        'school',
        'hospital',
        'new_org',
        'industry_committee',
        'chain_committee',
      ]),
      memberCount: Type.Number(),
      gridCount: Type.Number(),
      householdCount: Type.Number(),
      childCount: Type.Number(),
    }),
  ),
});

/** GET /api/orgs/search */
export const getOrgsSearch = Type.Object({
  items: Type.Array(
    Type.Object({
      pathNames: Type.Array(Type.String()),
      id: Type.Number(),
      parentId: Nullable(Type.Number()),
      code: Type.String(),
      name: Type.String(),
      shortName: Type.String(),
      kind: Literals([
        'committee',
        'working_committee',
        'general_branch',
        'branch',
        'joint_branch',
        'temporary_branch',
        'group',
      ]),
      level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
      category: Literals([
        'territorial',
        'agency',
        'state_enterprise',
        'school',
        'hospital',
        'new_org',
        'industry_committee',
        'chain_committee',
      ]),
      memberCount: Type.Number(),
      gridCount: Type.Number(),
      householdCount: Type.Number(),
      childCount: Type.Number(),
    }),
  ),
});

/** GET /api/orgs/:id */
export const getOrgsById = Type.Object({
  org: Type.Object({
    divisionCode: Nullable(Type.String()),
    countyCode: Nullable(Type.String()),
    unitName: Nullable(Type.String()),
    uscc: Nullable(Type.String()),
    foundedOn: Nullable(Type.String()),
    id: Type.Number(),
    parentId: Nullable(Type.Number()),
    code: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
    kind: Literals([
      'committee',
      'working_committee',
      'general_branch',
      'branch',
      'joint_branch',
      'temporary_branch',
      'group',
    ]),
    level: Literals(['grid', 'city', 'county', 'town', 'village', 'unit']),
    category: Literals([
      'territorial',
      'agency',
      'state_enterprise',
      'school',
      'hospital',
      'new_org',
      'industry_committee',
      'chain_committee',
    ]),
    memberCount: Type.Number(),
    gridCount: Type.Number(),
    householdCount: Type.Number(),
    childCount: Type.Number(),
  }),
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
