import type { FastifyPluginAsync } from 'fastify';
import type { MarkNotificationsReadBody, Notification, NotificationView, NotificationsView } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { unauthenticated } from '../../auth/guideAccess.ts';
import { badRequest } from '../../errors.ts';
import { listNotificationsSchema, markReadSchema } from './schemas.ts';

/** How many notifications one reply carries (the bell shows the latest). */
const PAGE = 50;

/** The signed-in user's notifications, mounted under /api/me/notifications. */
const notificationsRoute: FastifyPluginAsync<RouteServices> = async (app, { notifications, members, guides, accounts }) => {
  // Notifications about a guide the user has left are not shown.
  const visibleNotifications = (userId: string) => {
    const guidesOfUser = new Set(members.membershipsOf(userId).map((m) => m.guideId));
    return notifications.listFor(userId, { visible: (n) => guidesOfUser.has(n.guideId) });
  };
  const unreadIn = (list: Notification[]) => list.filter((n) => n.readAt === null).length;

  app.get('/', { schema: listNotificationsSchema }, async (request): Promise<NotificationsView> => {
    if (!request.auth) throw unauthenticated();
    const all = visibleNotifications(request.auth.user.id);
    const items = all.slice(0, PAGE).map((n): NotificationView => {
      const section = n.sectionId ? guides.findSection(n.guideId, n.sectionId) : undefined;
      return {
        id: n.id,
        kind: n.kind,
        guideId: n.guideId,
        guideTitle: guides.findGuide(n.guideId)?.title ?? '',
        sectionId: n.sectionId,
        sectionTitle: section?.title ?? null,
        threadId: n.threadId,
        actorId: n.actorId,
        actorName: accounts.nameOf(n.actorId),
        note: n.note,
        createdAt: n.createdAt,
        readAt: n.readAt,
      };
    });
    return { unread: unreadIn(all), items };
  });

  app.post<{ Body: MarkNotificationsReadBody }>('/read', { schema: markReadSchema }, async (request) => {
    if (!request.auth) throw unauthenticated();
    const { ids, all } = request.body;
    if (all !== true && !ids) throw badRequest('send ids, or all: true');
    const marked = await notifications.markRead(request.auth.user.id, all === true ? 'all' : ids!);
    return { unread: unreadIn(visibleNotifications(request.auth.user.id)), marked };
  });
};

export default notificationsRoute;
