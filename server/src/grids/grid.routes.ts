import { route } from '../platform/http/route.ts';
import { IdParams } from '../platform/http/schemas.ts';
import * as service from './grid.service.ts';

export const gridRoutes = [
  route({
    method: 'GET',
    url: '/api/map/counties',
    access: 'grid:read',
    summary: '江门市各县（市、区）边界（GeoJSON）/ County outlines (GeoJSON)',
    tags: ['grids'],
    async handler({ actor }) {
      return service.mapCounties(actor);
    },
  }),
  route({
    method: 'GET',
    url: '/api/map/grids',
    access: 'grid:read',
    summary: '管辖范围内全部网格的边界 / Boundaries of every grid in scope',
    tags: ['grids'],
    async handler({ db, actor }) {
      return service.mapGrids(db, actor);
    },
  }),
  route({
    method: 'GET',
    url: '/api/grids/:id',
    access: 'grid:read',
    scopeResource: 'grid',
    summary: '网格详情：网格党组织、网格员、户数 / Grid detail',
    tags: ['grids'],
    params: IdParams,
    async handler({ db, actor, params }) {
      return service.gridDetail(db, actor, params.id);
    },
  }),
];
