import type { ThreadView } from '@dalil/shared';

export const THREAD_FILTERS = ['open', 'resolved', 'mine'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

/** "Mine": threads I started, answered, or was mentioned in. */
export function matchesFilter(thread: ThreadView, filter: ThreadFilter, userId: string): boolean {
  if (filter === 'open') return thread.status === 'open';
  if (filter === 'resolved') return thread.status === 'resolved';
  return thread.messages.some((m) => m.author.id === userId || m.mentions.some((p) => p.id === userId));
}
