import type { Notification, NotificationKind } from '@dalil/shared';
import type { MetadataStore } from './metadataStore.ts';
import { newId } from './ids.ts';

/** Kept per recipient; older ones are dropped (read or not) so each person's file stays small. */
export const MAX_NOTIFICATIONS_PER_USER = 200;

export interface NotifyInput {
  recipientIds: string[];
  actorId: string;
  guideId: string;
  sectionId?: string | null;
  threadId?: string | null;
  kind: NotificationKind;
  note?: string | null;
}

/** In-app notifications, for every feature that has something to tell members (workflow, mentions). */
export class NotificationRepository {
  constructor(private readonly store: MetadataStore) {}

  /** One notification per recipient, never to the actor, each recipient once; in one write. */
  notify(input: NotifyInput): Promise<Notification[]> {
    const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
    if (recipients.length === 0) return Promise.resolve([]);
    const createdAt = new Date().toISOString();
    const created: Notification[] = recipients.map((userId) => ({
      id: newId('n'),
      userId,
      guideId: input.guideId,
      sectionId: input.sectionId ?? null,
      threadId: input.threadId ?? null,
      kind: input.kind,
      actorId: input.actorId,
      note: input.note ?? null,
      createdAt,
      readAt: null,
    }));
    return this.store.mutate((change) => {
      for (const n of created) {
        const mine = change.notificationsOf(n.userId);
        mine.notifications.push(n);
        // appended in time order: keep the newest ones
        if (mine.notifications.length > MAX_NOTIFICATIONS_PER_USER) mine.notifications = mine.notifications.slice(-MAX_NOTIFICATIONS_PER_USER);
      }
      return created;
    });
  }

  /** A user's notifications, newest first, optionally only those `visible` says to show. */
  listFor(userId: string, options: { limit?: number; visible?: (n: Notification) => boolean } = {}): Notification[] {
    const visible = options.visible ?? (() => true);
    const mine = this.store.notificationsOf(userId).filter(visible);
    return mine.reverse().slice(0, options.limit ?? MAX_NOTIFICATIONS_PER_USER);
  }

  /** Marks some (or all) of a user's notifications read; ids of other users are ignored. */
  markRead(userId: string, ids: string[] | 'all'): Promise<number> {
    const wanted = ids === 'all' ? null : new Set(ids);
    const targets = this.store.notificationsOf(userId).filter((n) => n.readAt === null && (wanted === null || wanted.has(n.id)));
    if (targets.length === 0) return Promise.resolve(0);
    const readAt = new Date().toISOString();
    return this.store.mutate((change) => {
      change.notificationsOf(userId);
      for (const n of targets) n.readAt ??= readAt;
      return targets.length;
    });
  }
}
