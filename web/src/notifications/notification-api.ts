// The notification endpoints (server/src/notifications/notification.routes.ts and GET /api/notifications).
import { api } from '../api/client.ts';

export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  caseId: number | null;
  createdAt: string;
  readAt: string | null;
}

export interface SmsContact {
  phoneMasked: string | null;
  enabled: boolean;
}

export const notificationApi = {
  list: () => api.get<{ items: NotificationItem[] }>('/api/notifications'),
  unreadCount: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
  markRead: (id: number) => api.post<{ id: number }>(`/api/notifications/${id}/read`),
  markAllRead: () => api.post<{ updated: number }>('/api/notifications/read-all'),
  smsContact: () => api.get<SmsContact>('/api/notifications/sms-contact'),
  setSmsContact: (body: { phone?: string; enabled: boolean }) =>
    api.put<SmsContact>('/api/notifications/sms-contact', body),
};
