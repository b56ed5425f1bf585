import { useCallback, useMemo } from 'react';
import type { ThreadView } from '@dalil/shared';
import { matchesFilter, THREAD_FILTERS, type ThreadFilter } from './threadFilter.ts';
import type { ThreadRange } from './threadRanges.ts';

export interface VisibleThreads {
  /** Threads per filter, for the filter buttons. */
  counts: Record<ThreadFilter, number>;
  /** Shown under the filter (the active thread always is). */
  visible: ThreadView[];
  /** Visible threads whose words are in the text, in text order. */
  anchored: ThreadView[];
  /** Visible threads whose words are gone. */
  detached: ThreadView[];
  isDetached: (thread: ThreadView) => boolean;
}

/**
 * Which threads the panel shows and in what order. Until the text has synced once, a thread without
 * a range is not called detached: the text may simply not be there yet.
 */
export function useVisibleThreads(
  all: ThreadView[],
  filter: ThreadFilter,
  userId: string,
  activeId: string | null,
  ranges: ReadonlyMap<string, ThreadRange>,
  rangesKnown: boolean,
): VisibleThreads {
  const isDetached = useCallback((thread: ThreadView) => thread.detached || (rangesKnown && !ranges.has(thread.id)), [rangesKnown, ranges]);
  const counts = useMemo(
    () => Object.fromEntries(THREAD_FILTERS.map((f) => [f, all.filter((th) => matchesFilter(th, f, userId)).length])) as Record<ThreadFilter, number>,
    [all, userId],
  );
  const visible = all.filter((th) => matchesFilter(th, filter, userId) || th.id === activeId);
  const anchored = visible.filter((th) => !isDetached(th)).sort((a, b) => (ranges.get(a.id)?.from ?? 0) - (ranges.get(b.id)?.from ?? 0));
  const detached = visible.filter(isDetached);
  return { counts, visible, anchored, detached, isDetached };
}
