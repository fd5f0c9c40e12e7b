// Response schemas of notification.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.ts';

/** GET /api/notifications/unread-count */
export const getNotificationsUnreadCount = Type.Object({
  unread: Type.Number(),
});

/** POST /api/notifications/:notificationId/read */
export const postNotificationsByNotificationIdRead = Type.Object({
  id: Type.Number(),
  readAt: Type.String({ format: 'date-time' }),
});

/** POST /api/notifications/read-all */
export const postNotificationsReadAll = Type.Object({
  updated: Type.Number(),
});

/** GET /api/notifications/sms-contact */
export const getNotificationsSmsContact = Type.Object({
  phoneMasked: Nullable(Type.String()),
  enabled: Type.Boolean(),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
});

/** PUT /api/notifications/sms-contact */
export const putNotificationsSmsContact = Type.Object({
  phoneMasked: Type.String(),
  enabled: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
});
