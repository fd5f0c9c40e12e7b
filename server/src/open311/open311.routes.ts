// Open311 GeoReport v2 under /open311/v2/ (issue 4): being built.
import type { RouteSpec } from '../platform/http/route.ts';

export const open311Routes: RouteSpec[] = [];
