// Notifications (in-app, SMS) and webhooks of external systems (issue 4): being built.
import type { RouteSpec } from '../platform/http/route.ts';

export const notificationRoutes: RouteSpec[] = [];
