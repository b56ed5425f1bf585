import { Type, type Static } from '@sinclair/typebox';
import { NOTIFICATION_KINDS } from '../types/domain.ts';
import { Id, Nullable } from './common.ts';

/** Wire shapes of the signed-in user's notifications (`/api/notifications`). */

export const NotificationView = Type.Object({
  id: Type.String(),
  kind: Type.Union(NOTIFICATION_KINDS.map((k) => Type.Literal(k))),
  guideId: Type.String(),
  guideTitle: Type.String(),
  sectionId: Nullable(Type.String()),
  sectionTitle: Nullable(Type.String()),
  threadId: Nullable(Type.String()),
  actorId: Type.String(),
  actorName: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export type NotificationView = Static<typeof NotificationView>;

export const NotificationsView = Type.Object({ unread: Type.Integer(), items: Type.Array(NotificationView) });
export type NotificationsView = Static<typeof NotificationsView>;

export const MarkNotificationsReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Id, { maxItems: 500 })), all: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type MarkNotificationsReadBody = Static<typeof MarkNotificationsReadBody>;

export const MarkedRead = Type.Object({ unread: Type.Integer(), marked: Type.Integer() });
export type MarkedRead = Static<typeof MarkedRead>;
