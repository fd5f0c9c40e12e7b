// 发展党员: recruitment in 5 stages and 25 steps (issue 5): being built.
import type { RouteSpec } from '../platform/http/route.ts';

export const recruitmentRoutes: RouteSpec[] = [];
