import { useEffect, useSyncExternalStore } from 'react';
import type { NotificationsView } from '@dalil/shared';
import { listNotifications, markNotificationsRead } from '../api/notifications.ts';
import { useAfterSectionEditor } from '../loading/useAfterSectionEditor.ts';

/** How often the bell asks the server when nothing else told it to (ms). */
const POLL_INTERVAL_MS = 30_000;

let current: NotificationsView = { unread: 0, items: [] };
const listeners = new Set<() => void>();
let inFlight: Promise<void> | null = null;
let again = false;
/** When the last request left (performance.now()), or -Infinity before the first. */
let lastAskedAt = Number.NEGATIVE_INFINITY;
/**
 * A bell that appears again this soon after the last request does not ask again: while a guide
 * loads, the header (and its bell) is shown once by the loading page and again by the workspace.
 */
const MOUNT_REFRESH_AFTER_MS = 5_000;

function publish(next: NotificationsView): void {
  current = next;
  for (const listener of listeners) listener();
}

/**
 * Fetches the signed-in user's notifications now. Other features call it when they know
 * something happened (a structure change announced in the guide room, a comment signal).
 * Overlapping calls collapse into one request plus at most one more.
 */
export function refreshNotifications(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  lastAskedAt = performance.now();
  inFlight = listNotifications()
    .then(publish, () => undefined) // offline or signed out: keep what we have; the next poll retries
    .finally(() => {
      inFlight = null;
      if (again) {
        again = false;
        void refreshNotifications();
      }
    });
  return inFlight;
}

/** Marks notifications read (all when `ids` is absent), updating the bell at once. */
export async function markRead(ids?: string[]): Promise<void> {
  const wanted = ids ? new Set(ids) : null;
  const readAt = new Date().toISOString();
  const items = current.items.map((n) => (n.readAt === null && (!wanted || wanted.has(n.id)) ? { ...n, readAt } : n));
  publish({ unread: items.filter((n) => n.readAt === null).length, items });
  try {
    const { unread } = await markNotificationsRead(ids ? { ids } : { all: true });
    publish({ ...current, unread });
  } catch {
    void refreshNotifications();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current notifications; while mounted, polls every 30 s and refreshes when the window regains focus. */
export function useNotifications(): NotificationsView {
  const afterEditor = useAfterSectionEditor();
  useEffect(() => {
    if (!afterEditor) return undefined;
    if (performance.now() - lastAskedAt > MOUNT_REFRESH_AFTER_MS) void refreshNotifications();
    const timer = window.setInterval(() => void refreshNotifications(), POLL_INTERVAL_MS);
    const onFocus = (): void => void refreshNotifications();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [afterEditor]);
  return useSyncExternalStore(subscribe, () => current);
}
