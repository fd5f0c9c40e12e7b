import { Type } from '@sinclair/typebox';
import { route } from '../platform/http/route.ts';
import { IdParams } from '../platform/http/schemas.ts';
import { townOutlines, villageOutlines } from './area-outlines.ts';
import * as service from './grid.service.ts';
import * as responses from './grid-responses.ts';

export const gridRoutes = [
  route({
    method: 'GET',
    url: '/api/map/counties',
    // public geography: a resident picking a point and a department's case map need it too
    access: 'signed_in',
    summary: '江门市各县（市、区）边界（GeoJSON）/ County outlines (GeoJSON)',
    tags: ['grids'],
    response: { 200: responses.getMapCounties },
    async handler({ actor }) {
      return service.mapCounties(actor);
    },
  }),
  route({
    method: 'GET',
    url: '/api/map/towns',
    access: 'signed_in',
    summary: '各镇（街）边界与名称（由网格边界合成）/ Town outlines with their names (from the grids)',
    tags: ['grids'],
    response: { 200: responses.getMapTowns },
    async handler({ db }) {
      return { towns: await townOutlines(db) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/map/villages',
    access: 'signed_in',
    summary: '某镇（街）各村（社区）的边界与名称 / Village outlines of a town',
    tags: ['grids'],
    query: Type.Object({ town: Type.String({ pattern: '^[0-9]{9}$', maxLength: 9 }) }),
    response: { 200: responses.getMapVillages },
    async handler({ db, query }) {
      return { villages: await villageOutlines(db, query.town) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/map/grids',
    access: 'grid:read',
    summary: '管辖范围内全部网格的边界 / Boundaries of every grid in scope',
    tags: ['grids'],
    response: { 200: responses.getMapGrids },
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
    response: { 200: responses.getGridsById },
    async handler({ db, actor, params }) {
      return service.gridDetail(db, actor, params.id);
    },
  }),
];
