// In-app notifications (unread count, mark read), the account's SMS phone, and the status webhooks
// of external systems (cases/webhook.routes.ts). The list is GET /api/notifications (cases/case.routes.ts).
import { Type } from '@sinclair/typebox';
import { webhookRoutes } from '../cases/webhook.routes.ts';
import { type RouteSpec, route } from '../platform/http/route.ts';
import { Id, Text } from '../platform/http/schemas.ts';
import * as service from './notification.service.ts';
import * as responses from './notification-responses.ts';

export const notificationRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    url: '/api/notifications/unread-count',
    access: 'signed_in',
    summary: '未读通知数 / Number of unread notifications',
    tags: ['notifications'],
    response: { 200: responses.getNotificationsUnreadCount },
    async handler({ db, actor }) {
      return service.unreadCount(db, actor);
    },
  }),
  route({
    method: 'POST',
    url: '/api/notifications/:notificationId/read',
    access: 'signed_in',
    summary: '标记一条通知为已读 / Mark one notification read',
    tags: ['notifications'],
    params: Type.Object({ notificationId: Id() }),
    ids: { params: { notificationId: 'own_notification' } },
    response: { 200: responses.postNotificationsByNotificationIdRead },
    async handler({ actor, params, write }) {
      return service.markRead(write, actor, params.notificationId);
    },
  }),
  route({
    method: 'POST',
    url: '/api/notifications/read-all',
    access: 'signed_in',
    summary: '全部标为已读 / Mark all notifications read',
    tags: ['notifications'],
    response: { 200: responses.postNotificationsReadAll },
    async handler({ actor, write }) {
      return service.markAllRead(write, actor);
    },
  }),
  route({
    method: 'GET',
    url: '/api/notifications/sms-contact',
    access: 'signed_in',
    summary: '我的短信接收号码（脱敏）/ My SMS phone (masked)',
    tags: ['notifications'],
    response: { 200: responses.getNotificationsSmsContact },
    async handler({ db, actor }) {
      return service.smsContact(db, actor);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/notifications/sms-contact',
    access: 'signed_in',
    summary: '设置我的短信接收号码 / Set my SMS phone',
    tags: ['notifications'],
    body: Type.Object(
      { phone: Type.Optional(Text(20)), enabled: Type.Boolean() },
      { additionalProperties: false },
    ),
    response: { 200: responses.putNotificationsSmsContact },
    async handler({ actor, body, write }) {
      return service.setSmsContact(write, actor, body);
    },
  }),
  ...webhookRoutes,
];
