import type { MarkNotificationsReadBody, NotificationsView } from '@dalil/shared';
import { requestJson } from './http.ts';

export const listNotifications = (): Promise<NotificationsView> => requestJson('GET', '/api/me/notifications');

export const markNotificationsRead = (body: MarkNotificationsReadBody): Promise<{ unread: number; marked: number }> =>
  requestJson('POST', '/api/me/notifications/read', body);
