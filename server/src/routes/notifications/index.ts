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
  // A notification about a guide the user has left (or that is gone) is not shown.
  const visibleTo = (userId: string) => (n: Notification) => members.roleOf(n.guideId, userId) !== null && guides.findGuide(n.guideId) !== undefined;
  const unreadOf = (userId: string) => notifications.listFor(userId, { visible: visibleTo(userId) }).filter((n) => n.readAt === null).length;

  app.get('/', { schema: listNotificationsSchema }, async (request): Promise<NotificationsView> => {
    if (!request.auth) throw unauthenticated();
    const userId = request.auth.user.id;
    const items = notifications.listFor(userId, { limit: PAGE, visible: visibleTo(userId) }).map((n): NotificationView => {
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
        actorName: accounts.findUser(n.actorId)?.name ?? '—',
        note: n.note,
        createdAt: n.createdAt,
        readAt: n.readAt,
      };
    });
    return { unread: unreadOf(userId), items };
  });

  app.post<{ Body: MarkNotificationsReadBody }>('/read', { schema: markReadSchema }, async (request) => {
    if (!request.auth) throw unauthenticated();
    const { ids, all } = request.body;
    if (all !== true && !ids) throw badRequest('send ids, or all: true');
    const marked = await notifications.markRead(request.auth.user.id, all === true ? 'all' : ids!);
    return { unread: unreadOf(request.auth.user.id), marked };
  });
};

export default notificationsRoute;
