// Response schemas of grid.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { OrgKindCode } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';

/** [longitude, latitude] (a pair: OpenAPI 3.0 has no tuples). */
const LngLat = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });

export const AreaOutline = Type.Object({
  code: Type.String(),
  name: Type.String(),
  countyCode: Type.String(),
  parentCode: Type.String(),
  center: LngLat,
  geometry: Type.Object({
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Type.Array(LngLat))),
  }),
});

/** GET /api/map/counties */
export const getMapCounties = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      properties: Type.Object({
        inScope: Type.Boolean(),
        code: Type.String(),
        name: Type.String(),
      }),
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Type.Union([
        Type.Object({
          type: Type.Literal('Polygon'),
          coordinates: Type.Array(Type.Array(Type.Array(Type.Number()))),
        }),
        Type.Object({
          type: Type.Literal('MultiPolygon'),
          coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
        }),
      ]),
    }),
  ),
});

/** GET /api/map/towns */
export const getMapTowns = Type.Object({
  towns: Type.Array(AreaOutline),
});

/** GET /api/map/villages */
export const getMapVillages = Type.Object({
  villages: Type.Array(AreaOutline),
});

/** GET /api/map/grids */
export const getMapGrids = Type.Object({
  bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
  grids: Type.Array(
    Type.Object({
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
      countyCode: Type.String(),
      households: Type.Number(),
      boundary: Type.Array(Type.Array(LngLat)),
    }),
  ),
});

/** GET /api/grids/:id */
export const getGridsById = Type.Object({
  grid: Type.Object({
    id: Type.Number(),
    code: Type.String(),
    name: Type.String(),
    householdCount: Type.Number(),
    residentCount: Type.Number(),
    countyCode: Type.String(),
    center: Type.Array(Type.Number()),
  }),
  org: Type.Object({
    id: Type.Number(),
    code: Type.String(),
    name: Type.String(),
    kind: OrgKindCode,
  }),
  village: Nullable(
    Type.Object({
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
    }),
  ),
  town: Nullable(
    Type.Object({
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
    }),
  ),
  county: Nullable(
    Type.Object({
      id: Type.Number(),
      code: Type.String(),
      name: Type.String(),
    }),
  ),
  workers: Type.Array(
    Type.Object({
      id: Type.Number(),
      name: Type.String(),
      phoneMasked: Type.String(),
      kind: Literals(['full_time', 'part_time']),
    }),
  ),
});
