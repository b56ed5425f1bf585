import { MarkedRead, MarkNotificationsReadBody, NotificationsView } from '@dalil/shared/api/notifications.ts';
import { errorReplies } from '../commonSchemas.ts';

export const listNotificationsSchema = {
  tags: ['notifications'],
  summary: 'The signed-in user’s notifications, newest first, with the unread count',
  response: { 200: NotificationsView, ...errorReplies },
};

export const markReadSchema = {
  tags: ['notifications'],
  summary: 'Mark some notifications read (`ids`) or all of them (`all: true`)',
  body: MarkNotificationsReadBody,
  response: { 200: MarkedRead, ...errorReplies },
};
