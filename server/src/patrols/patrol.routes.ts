// 巡查打卡: grid workers' patrol check-ins (issue 4): being built.
import type { RouteSpec } from '../platform/http/route.ts';

export const patrolRoutes: RouteSpec[] = [];
