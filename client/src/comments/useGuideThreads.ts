import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ThreadView } from '@dalil/shared';
import { listThreads } from '../api/threads.ts';

export interface GuideThreads {
  /** null until the first load. */
  threads: ThreadView[] | null;
  openCountBySection: Map<string, number>;
  /** Puts a thread as the server just returned it (or removes it: null) without waiting for the refetch. */
  apply: (threadId: string, thread: ThreadView | null) => void;
}

/**
 * All comment threads of the open guide, refetched whenever the guide room announces a change
 * (`threadsVersion`), so a thread, reply or resolution from anyone shows up within a second.
 */
export function useGuideThreads(guideId: string, threadsVersion: number | null): GuideThreads {
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const request = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++request.current;
    try {
      const fresh = await listThreads(guideId);
      // an older request finishing late must not overwrite a newer answer
      if (ticket === request.current) setThreads(fresh);
    } catch {
      // keep what we have; the next announcement or reconnect brings a new attempt
    }
  }, [guideId]);

  useEffect(() => {
    void reload();
  }, [reload, threadsVersion]);

  const apply = useCallback((threadId: string, thread: ThreadView | null) => {
    request.current++; // a list fetched before this change is stale
    setThreads((current) => {
      const others = (current ?? []).filter((t) => t.id !== threadId);
      return thread ? [...others, thread] : others;
    });
  }, []);

  const openCountBySection = useMemo(() => {
    const counts = new Map<string, number>();
    for (const t of threads ?? []) if (t.status === 'open') counts.set(t.sectionId, (counts.get(t.sectionId) ?? 0) + 1);
    return counts;
  }, [threads]);

  return { threads, openCountBySection, apply };
}
