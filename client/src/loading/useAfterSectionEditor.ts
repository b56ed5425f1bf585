import { useEffect, useState } from 'react';
import { parseRoute } from '@dalil/shared/routes';
import { onLoadMilestone } from './loadMarks.ts';

/** The longest the rest of a page load waits for the section's editor (ms from navigation start). */
const WAIT_AT_MOST_MS = 3000;

const route = parseRoute(window.location.pathname);
/** Only a page load that opened on a section waits; any other goes ahead at once. */
let released = !(route.name === 'guide' && route.sectionId !== null);
const waiting = new Set<() => void>();

if (!released) {
  // whichever comes first releases, and stops the other
  const stopListening = onLoadMilestone((milestone) => {
    if (milestone === 'editor-created') release();
  });
  const timer = window.setTimeout(release, Math.max(0, WAIT_AT_MOST_MS - performance.now()));
  function release(): void {
    stopListening();
    window.clearTimeout(timer);
    released = true;
    for (const resume of [...waiting]) resume();
    waiting.clear();
  }
}

/**
 * False while a page load that opened on a section has not made the section's editor yet, then
 * true for good. What such a load does besides the section's text waits for it: the guide room's
 * socket (presence, live contents), the suggestions of the section and the guide's counts, the
 * notifications. On a second visit on a phone, these requests, their replies and the renders they
 * caused ran between the guide's reply and the editor, on the one main thread the editor needs
 * (≈ 0.1 s of a 1.6 s load). They go at most 3 s after the navigation whatever happens.
 */
export function useAfterSectionEditor(): boolean {
  const [ready, setReady] = useState(released);
  useEffect(() => {
    if (ready) return undefined;
    const resume = (): void => setReady(true);
    if (released) {
      resume();
      return undefined;
    }
    waiting.add(resume);
    return () => {
      waiting.delete(resume);
    };
  }, [ready]);
  return ready;
}
