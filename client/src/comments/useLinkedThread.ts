import { useEffect } from 'react';
import type { ThreadView } from '@dalil/shared';
import { useLocationSearch } from '../routing/history.ts';

/** The thread a link points at (`?thread=`, e.g. from a mention notification), or null. */
export function useLinkedThreadId(): string | null {
  return new URLSearchParams(useLocationSearch()).get('thread');
}

/** Opens the linked thread and brings its card into view once it has loaded. */
export function useOpenLinkedThread(linkedThread: string | null, threads: ThreadView[] | null, open: (threadId: string) => void): void {
  const linkedLoaded = linkedThread !== null && (threads ?? []).some((th) => th.id === linkedThread);
  useEffect(() => {
    if (!linkedThread || !linkedLoaded) return;
    open(linkedThread);
    requestAnimationFrame(() => document.querySelector(`[data-thread-card="${CSS.escape(linkedThread)}"]`)?.scrollIntoView({ block: 'center' }));
  }, [linkedThread, linkedLoaded]);
}
